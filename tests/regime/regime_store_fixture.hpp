#pragma once
// A migrated SQLite store in a fresh temporary folder, for the regime tests
// that publish, persist and reload: the real store, not a stand-in, and
// reopenable to prove that what was saved survives a restart.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "dorado/store/open_store.hpp"

namespace dorado::regime::testing {

class TemporaryStore {
 public:
  TemporaryStore() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("dorado-regime-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
  }
  ~TemporaryStore() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  TemporaryStore(const TemporaryStore&) = delete;
  TemporaryStore& operator=(const TemporaryStore&) = delete;

  // A new connection to the same database file, migrated.
  std::unique_ptr<store::SqlStore> open() const {
    auto s = store::open_sql_store("sqlite://regime.db", "alice", dir_);
    s->migrate(Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 1 / 1}});
    return s;
  }

 private:
  std::filesystem::path dir_;
};

}  // namespace dorado::regime::testing
