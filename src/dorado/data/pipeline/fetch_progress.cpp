#include "dorado/data/pipeline/fetch_progress.hpp"

#include <ostream>

namespace dorado::data {

void ProgressBar::draw(std::size_t done, std::size_t total, const std::string& label) {
  const std::size_t filled = total == 0 ? width_ : done * width_ / total;
  // Appended piece by piece: gcc 12 at -O3 reports a false -Wrestrict on a
  // chain of std::string operator+ calls.
  std::string line = "[";
  line.append(filled, '#').append(width_ - filled, '.').append("] ");
  line.append(std::to_string(done)).append("/").append(std::to_string(total));
  if (!label.empty()) line.append(" ").append(label);
  const std::size_t length = line.size();
  // Blank out the rest of a longer previous line.
  if (length < last_length_) line += std::string(last_length_ - length, ' ');
  last_length_ = length;
  out_ << '\r' << line << std::flush;
}

void ProgressBar::step(std::size_t index, std::size_t total, const std::string& label) {
  draw(index, total, label);
}

void ProgressBar::finish(std::size_t total) {
  draw(total, total, "done");
  out_ << '\n' << std::flush;
}

}  // namespace dorado::data
