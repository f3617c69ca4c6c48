#include "dorado/cli/workspace.hpp"

#include <fstream>
#include <ostream>
#include <sstream>

#include "dorado/cache/open_cache.hpp"
#include "dorado/calendar/system_clock.hpp"
#include "dorado/config/loader.hpp"
#include "dorado/digest/sha256.hpp"
#include "dorado/store/open_store.hpp"

namespace dorado::cli {

std::optional<Workspace> open_workspace(const std::filesystem::path& folder, std::ostream& err) {
  auto loaded = config::load_config_folder(folder);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics) err << d.to_string() << "\n";
    err << "The configuration in " << folder.string() << " has " << loaded.diagnostics.size()
        << " problem(s); run `dorado validate` after fixing them.\n";
    return std::nullopt;
  }
  Workspace ws;
  ws.folder = folder;
  ws.configuration = std::move(*loaded.configuration);
  const auto& settings = ws.configuration.settings;
  ws.clock = std::make_unique<calendar::SystemClock>();
  ws.store = store::open_store(settings.store_url, settings.user_id, settings.data_dir);
  ws.cache = cache::open_cache(settings.cache_url, *ws.clock);
  return ws;
}

int record_bot_config_versions(Workspace& ws, std::string_view actor) {
  int changed = 0;
  for (const auto& bot : ws.configuration.bots) {
    std::ifstream in(ws.folder / bot.file, std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    const auto saved = ws.store->save_bot_config({.bot_id = bot.id,
                                                  .body = body.str(),
                                                  .config_hash = digest::sha256_hex(body.str()),
                                                  .actor = std::string(actor),
                                                  .at = ws.clock->now()});
    if (saved.changed) ++changed;
  }
  return changed;
}

}  // namespace dorado::cli
