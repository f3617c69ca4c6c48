#pragma once
// Opens the store a URL names (see store_url.hpp). Does not migrate: callers
// run migrate() (the CLI's `db migrate`, or `demo`) so schema changes are a
// visible step.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "dorado/ports/store.hpp"
#include "dorado/store/sql_store.hpp"

namespace dorado::store {

std::unique_ptr<SqlStore> open_sql_store(std::string_view url, std::string_view user_id,
                                         const std::filesystem::path& data_dir);

inline std::unique_ptr<ports::Store> open_store(std::string_view url, std::string_view user_id,
                                                const std::filesystem::path& data_dir) {
  return open_sql_store(url, user_id, data_dir);
}

}  // namespace dorado::store
