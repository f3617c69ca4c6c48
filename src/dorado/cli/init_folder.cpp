#include "dorado/cli/init_folder.hpp"

#include <fstream>
#include <stdexcept>

#include "dorado/cli/embedded_config.hpp"

namespace dorado::cli {

InitResult write_config_folder(const std::filesystem::path& dir, bool force) {
  namespace fs = std::filesystem;
  InitResult result;
  const auto& files = embedded_config_files();
  if (!force) {
    for (const auto& f : files)
      if (fs::exists(dir / f.path)) result.clashes.emplace_back((dir / f.path).string());
    if (!result.clashes.empty()) return result;
  }
  for (const auto& f : files) {
    const fs::path target = dir / f.path;
    fs::create_directories(target.parent_path());
    const fs::path partial = target.string() + ".partial";
    {
      std::ofstream out(partial, std::ios::binary | std::ios::trunc);
      out.write(f.contents.data(), static_cast<std::streamsize>(f.contents.size()));
      if (!out) throw std::runtime_error("cannot write " + partial.string());
    }
    fs::rename(partial, target);
    ++result.written;
  }
  return result;
}

}  // namespace dorado::cli
