#pragma once
// Loads and validates a configuration folder (what `dorado init` writes):
//
//   dorado.yaml            settings (optional: defaults apply)
//   universe.yaml          the universe
//   risk_policy.yaml       the risk policy and circuit breakers
//   scoring_weights.yaml   candidate scoring
//   strategies/*.yaml      strategy templates
//   bots/*.yaml            one bot per file
//
// Every problem in every file is reported, not just the first.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "dorado/config/configuration.hpp"
#include "dorado/config/diagnostic.hpp"

namespace dorado::config {

struct LoadResult {
  // Present only when there are no diagnostics.
  std::optional<Configuration> configuration;
  // Sorted by file, line, column.
  std::vector<Diagnostic> diagnostics;
  // SHA-256 of the files read (see content_hash.hpp), even when invalid.
  std::string content_hash;

  bool ok() const { return configuration.has_value(); }
};

LoadResult load_config_folder(const std::filesystem::path& folder);

}  // namespace dorado::config
