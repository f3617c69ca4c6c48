#pragma once
// The real market history of ../shared/data for the "RealData" tests. It is
// found through DORADO_DATA_DIR, else at ../shared/data beside the source
// tree; a user's clone does not have it, so the tests skip with a clear
// message when it is absent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace dorado::testing {

inline std::optional<std::filesystem::path> real_data_dir() {
  std::filesystem::path dir = std::filesystem::path(DORADO_SOURCE_DIR) / ".." / "shared" / "data";
  if (const char* env = std::getenv("DORADO_DATA_DIR"); env && *env) dir = env;
  if (std::filesystem::is_directory(dir)) return dir;
  return std::nullopt;
}

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace dorado::testing

#define DORADO_REAL_DATA_SKIP_MESSAGE                                                         \
  "real market data not found (set DORADO_DATA_DIR or place it at ../shared/data beside the " \
  "source tree)"

// Declares `std::filesystem::path dir`, the real-data folder, or skips.
#define DORADO_REAL_DATA_OR_SKIP(dir)                              \
  const auto dir##_found = ::dorado::testing::real_data_dir();     \
  if (!dir##_found) GTEST_SKIP() << DORADO_REAL_DATA_SKIP_MESSAGE; \
  const std::filesystem::path dir = *dir##_found

// Declares `std::filesystem::path var` naming real-data file `name`, or skips.
#define DORADO_REAL_DATA_FILE_OR_SKIP(var, name)        \
  DORADO_REAL_DATA_OR_SKIP(var##_dir);                  \
  const std::filesystem::path var = var##_dir / (name); \
  if (!std::filesystem::exists(var)) GTEST_SKIP() << var.string() << " not found"
