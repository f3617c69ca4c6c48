// Running the dorado command line in-process from a test, and the temporary
// configuration folder the folder-based CLI tests work in.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "dorado/cli/app.hpp"

namespace dorado::cli_test {

// What one `dorado ...` run left: its exit code and everything it printed.
struct Outcome {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs `dorado args...` through dorado::cli::run, capturing stdout and stderr.
inline Outcome run_dorado(std::vector<std::string> args) {
  args.insert(args.begin(), "dorado");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  const int code = dorado::cli::run(static_cast<int>(argv.size()), argv.data());
  return {code, testing::internal::GetCapturedStdout(), testing::internal::GetCapturedStderr()};
}

// A configuration folder in the temp directory named after the running test
// (so tests never share one), removed before and after each test; with
// Start::initialised it is filled by `dorado init` first.
class ConfigFolderTest : public testing::Test {
 protected:
  enum class Start { empty, initialised };

  ConfigFolderTest(std::string name_prefix, Start start)
      : name_prefix_(std::move(name_prefix)), start_(start) {}

  void SetUp() override {
    folder_ =
        std::filesystem::temp_directory_path() /
        (name_prefix_ + std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(folder_);
    if (start_ == Start::initialised) {
      ASSERT_EQ(run_dorado({"init", folder_.string()}).exit_code, 0);
    }
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  // `dorado --config <folder> args...`
  Outcome in_folder(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--config", folder_.string()});
    return run_dorado(std::move(args));
  }

  std::filesystem::path folder_;

 private:
  std::string name_prefix_;
  Start start_;
};

}  // namespace dorado::cli_test
