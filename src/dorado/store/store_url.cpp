#include "dorado/store/store_url.hpp"

#include <stdexcept>

namespace dorado::store {

StoreLocation parse_store_url(std::string_view url, const std::filesystem::path& data_dir) {
  constexpr std::string_view sqlite = "sqlite://";
  if (url.starts_with(sqlite)) {
    const std::string_view path = url.substr(sqlite.size());
    if (path.empty() || path == "/")
      throw std::invalid_argument("store URL '" + std::string(url) + "' names no database file");
    StoreLocation location;
    location.backend = StoreLocation::Backend::sqlite;
    const std::filesystem::path file(path);
    location.sqlite_file =
        file.is_absolute() ? file : std::filesystem::absolute(data_dir / file).lexically_normal();
    return location;
  }
  if (url.starts_with("postgres://") || url.starts_with("postgresql://")) {
    StoreLocation location;
    location.backend = StoreLocation::Backend::postgres;
    location.postgres_url = std::string(url);
    return location;
  }
  throw std::invalid_argument("store URL '" + redacted_store_url(url) +
                              "' is not sqlite://, postgres:// or postgresql://");
}

std::string redacted_store_url(std::string_view url) {
  std::string out(url);
  const auto scheme = out.find("://");
  if (scheme == std::string::npos) return out;
  const auto at = out.find('@', scheme + 3);
  if (at == std::string::npos) return out;
  const auto colon = out.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return out;
  return out.replace(colon + 1, at - colon - 1, "***");
}

}  // namespace dorado::store
