#pragma once
// Versions of a bot's configuration as it was loaded, so every decision can be
// traced to the exact YAML that produced it.
#include <string>

#include "dorado/domain/time.hpp"

namespace dorado::ports {

struct BotConfigDraft {
  std::string bot_id;
  std::string body;         // the YAML as loaded
  std::string config_hash;  // content hash from the configuration loader
  std::string actor;        // who caused the change, for the audit log
  Timestamp at;
};

struct BotConfigVersion {
  std::string bot_id;
  int version = 0;  // 1, 2, 3 ... per bot
  std::string config_hash;
  std::string body;
  Timestamp created_at;
};

struct BotConfigSave {
  BotConfigVersion version;  // the new version, or the unchanged latest one
  bool changed = false;
};

}  // namespace dorado::ports
