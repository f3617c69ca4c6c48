#pragma once
// Where the store lives, as configured by a URL:
//   sqlite:///abs/path.db        an absolute file
//   sqlite://relative/path.db    a file under the data directory
//   postgres://... | postgresql://...   a PostgreSQL server (libpq URI)
#include <filesystem>
#include <string>
#include <string_view>

namespace dorado::store {

// The embedded default: a SQLite file in the data directory.
inline constexpr std::string_view kDefaultStoreUrl = "sqlite://dorado.db";

struct StoreLocation {
  enum class Backend { sqlite, postgres };
  Backend backend = Backend::sqlite;
  std::filesystem::path sqlite_file;  // absolute, for sqlite
  std::string postgres_url;           // as given, for postgres
};

// Throws std::invalid_argument naming the problem (a configuration error).
StoreLocation parse_store_url(std::string_view url, const std::filesystem::path& data_dir);

// The URL with any password replaced by "***", for logs and status output.
std::string redacted_store_url(std::string_view url);

}  // namespace dorado::store
