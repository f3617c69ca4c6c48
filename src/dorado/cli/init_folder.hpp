#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace dorado::cli {

struct InitResult {
  int written = 0;
  std::vector<std::string> clashes;  // existing files left alone (nothing is written then)
};

// Writes the embedded configuration into `dir`. Without `force`, refuses to
// write anything if any target file exists, so an init never half-overwrites
// a trader's configuration.
InitResult write_config_folder(const std::filesystem::path& dir, bool force);

}  // namespace dorado::cli
