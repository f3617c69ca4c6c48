#pragma once
// dorado.yaml: where Dorado keeps its data and which store and cache it uses.
#include <filesystem>
#include <string>

namespace dorado::config {

struct Settings {
  std::string user_id = "default";
  // Absolute: a relative data_dir is resolved against the configuration folder.
  std::filesystem::path data_dir;
  // "sqlite://PATH" (PATH made absolute against the configuration folder) or
  // "postgres://..." / "postgresql://..." as written.
  std::string store_url;
  // "memory://" or "redis://host:port".
  std::string cache_url = "memory://";
};

}  // namespace dorado::config
