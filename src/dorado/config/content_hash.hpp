#pragma once
// The fingerprint of a configuration folder, recorded with each decision.
#include <string>
#include <string_view>
#include <vector>

namespace dorado::config {

struct SourceText {
  std::string path;   // relative to the configuration folder, '/'-separated
  std::string bytes;  // the file as read
};

// SHA-256 over every file's relative path and bytes, files taken in path
// order: "path\0size\0bytes" for each. Any byte (or name) changed changes it.
std::string content_hash(std::vector<SourceText> files);

}  // namespace dorado::config
