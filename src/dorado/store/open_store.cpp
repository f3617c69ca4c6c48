#include "dorado/store/open_store.hpp"

#include "dorado/store/postgres_connection.hpp"
#include "dorado/store/sqlite_connection.hpp"
#include "dorado/store/store_url.hpp"

namespace dorado::store {

std::unique_ptr<SqlStore> open_sql_store(std::string_view url, std::string_view user_id,
                                         const std::filesystem::path& data_dir) {
  const StoreLocation location = parse_store_url(url, data_dir);
  std::unique_ptr<SqlConnection> connection;
  if (location.backend == StoreLocation::Backend::postgres)
    connection = std::make_unique<PostgresConnection>(location.postgres_url);
  else
    connection = std::make_unique<SqliteConnection>(location.sqlite_file);
  return std::make_unique<SqlStore>(std::move(connection), std::string(user_id));
}

}  // namespace dorado::store
