#pragma once
// A scratch copy of the shipped configuration folder that a test can edit.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace dorado::config::testing {

inline std::filesystem::path shipped_config() {
  return std::filesystem::path(DORADO_SOURCE_DIR) / "config";
}

class ScratchFolder {
 public:
  ScratchFolder() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("dorado-config-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::copy(shipped_config(), path_, std::filesystem::copy_options::recursive);
  }
  ~ScratchFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

  std::string read(const std::string& file) const {
    std::ifstream in(path_ / file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  void write(const std::string& file, const std::string& text) const {
    std::filesystem::create_directories((path_ / file).parent_path());
    std::ofstream(path_ / file, std::ios::binary) << text;
  }
  void append(const std::string& file, const std::string& text) const {
    write(file, read(file) + text);
  }
  // Replaces the first occurrence of `from`; fails the test when absent so a
  // case cannot silently stop testing anything.
  void replace(const std::string& file, const std::string& from, const std::string& to) const {
    std::string text = read(file);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << "'" << from << "' not in " << file;
    text.replace(at, from.size(), to);
    write(file, text);
  }
  void remove(const std::string& file) const { std::filesystem::remove(path_ / file); }

 private:
  std::filesystem::path path_;
};

}  // namespace dorado::config::testing
