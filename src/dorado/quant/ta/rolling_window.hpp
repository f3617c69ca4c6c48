#pragma once
// The last `capacity` values of a stream, oldest first: the memory of every
// windowed streaming indicator (O(window) memory, O(1) per push).
#include <cstddef>
#include <optional>
#include <vector>

#include "dorado/quant/ta/series.hpp"

namespace dorado::quant::ta {

class RollingWindow {
 public:
  explicit RollingWindow(std::size_t capacity) : values_(capacity) {
    require_positive(capacity, "rolling window capacity");
  }

  // Appends `x`; returns the value that fell out when the window was full.
  std::optional<double> push(double x) {
    std::optional<double> evicted;
    if (size_ == values_.size()) {
      evicted = values_[head_];
    } else {
      ++size_;
    }
    values_[head_] = x;
    head_ = head_ + 1 == values_.size() ? 0 : head_ + 1;
    return evicted;
  }

  std::size_t size() const { return size_; }
  std::size_t capacity() const { return values_.size(); }
  bool full() const { return size_ == values_.size(); }

  // i = 0 is the oldest value held, size() - 1 the newest.
  double operator[](std::size_t i) const {
    const std::size_t start = full() ? head_ : 0;
    const std::size_t at = start + i;
    return values_[at < values_.size() ? at : at - values_.size()];
  }
  double newest() const { return (*this)[size_ - 1]; }
  double oldest() const { return (*this)[0]; }

  // Oldest first into `out` (which must hold size() values).
  void copy_to(double* out) const {
    for (std::size_t i = 0; i < size_; ++i) out[i] = (*this)[i];
  }

 private:
  std::vector<double> values_;
  std::size_t head_ = 0;  // where the next value goes
  std::size_t size_ = 0;
};

}  // namespace dorado::quant::ta
