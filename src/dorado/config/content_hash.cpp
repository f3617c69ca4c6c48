#include "dorado/config/content_hash.hpp"

#include <algorithm>

#include "dorado/digest/sha256.hpp"

namespace dorado::config {

using digest::Sha256;
std::string content_hash(std::vector<SourceText> files) {
  std::sort(files.begin(), files.end(),
            [](const SourceText& a, const SourceText& b) { return a.path < b.path; });
  Sha256 h;
  for (const auto& f : files) {
    h.update(f.path);
    h.update(std::string_view("\0", 1));
    h.update(std::to_string(f.bytes.size()));
    h.update(std::string_view("\0", 1));
    h.update(f.bytes);
  }
  return h.hex();
}

}  // namespace dorado::config
