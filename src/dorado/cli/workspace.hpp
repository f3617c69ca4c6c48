#pragma once
// The configuration folder a command runs in: loaded and validated, with the
// store, cache and clock it names. Commands other than init and validate
// start here.
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>

#include "dorado/config/configuration.hpp"
#include "dorado/ports/cache.hpp"
#include "dorado/ports/clock.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::cli {

struct Workspace {
  std::filesystem::path folder;
  config::Configuration configuration;
  std::unique_ptr<ports::Clock> clock;
  std::unique_ptr<ports::Store> store;
  std::unique_ptr<ports::Cache> cache;
};

// Loads the folder; on any configuration problem prints every diagnostic to
// `err` and returns nothing.
std::optional<Workspace> open_workspace(const std::filesystem::path& folder, std::ostream& err);

// Records each bot's YAML as a new version in the store when it changed since
// the last run (the store audits the change). Returns how many changed.
int record_bot_config_versions(Workspace& ws, std::string_view actor);

}  // namespace dorado::cli
