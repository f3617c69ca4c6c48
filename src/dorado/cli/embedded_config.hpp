#pragma once
// The shipped configuration folder (config/ in the source tree), compiled into
// the binary so `dorado init` and `dorado demo` work from anywhere.
#include <string_view>
#include <vector>

namespace dorado::cli {

struct EmbeddedFile {
  std::string_view path;  // relative to the configuration folder
  std::string_view contents;
};

const std::vector<EmbeddedFile>& embedded_config_files();

}  // namespace dorado::cli
