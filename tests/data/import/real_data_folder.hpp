#pragma once
// /work/shared/data for the "RealData" tests: DORADO_DATA_DIR, else
// ../shared/data beside the source tree. Tests skip with a clear message when
// it is absent (a user's clone does not have it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dorado::data::testing {

inline std::filesystem::path real_data_folder() {
  if (const char* env = std::getenv("DORADO_DATA_DIR"); env && *env) return env;
  return std::filesystem::path(DORADO_SOURCE_DIR) / ".." / "shared" / "data";
}

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace dorado::data::testing

// Declares `std::filesystem::path var` naming real-data file `name`, or skips.
#define DORADO_REAL_DATA_FILE_OR_SKIP(var, name)                         \
  const auto var = ::dorado::data::testing::real_data_folder() / (name); \
  if (!std::filesystem::exists(var))                                     \
  GTEST_SKIP() << "real market data not found at " << var.string()       \
               << " (set DORADO_DATA_DIR to the folder of /work/shared/data)"
