#pragma once
// Progress of `dorado data fetch` on stderr: a bar with counts and the series
// being fetched, redrawn in place ("\r"), ended by a newline.
//   [##########..........] 12/25 fred T10Y2Y
#include <cstddef>
#include <iosfwd>
#include <string>

namespace dorado::data {

class FetchProgress {
 public:
  virtual ~FetchProgress() = default;
  // Called before job `index` (0-based) of `total` starts.
  virtual void step(std::size_t index, std::size_t total, const std::string& label) = 0;
  virtual void finish(std::size_t total) = 0;
};

class ProgressBar final : public FetchProgress {
 public:
  explicit ProgressBar(std::ostream& out, std::size_t width = 20) : out_(out), width_(width) {}
  void step(std::size_t index, std::size_t total, const std::string& label) override;
  void finish(std::size_t total) override;

 private:
  void draw(std::size_t done, std::size_t total, const std::string& label);

  std::ostream& out_;
  std::size_t width_;
  std::size_t last_length_ = 0;
};

}  // namespace dorado::data
