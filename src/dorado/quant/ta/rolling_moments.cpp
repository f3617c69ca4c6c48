#include "dorado/quant/ta/rolling_moments.hpp"

namespace dorado::quant::ta {

void RollingMoments::push(double x) {
  if (values_.size() == 0) shift_ = x;
  const auto evicted = values_.push(x);
  const double d = x - shift_;
  sum_.add(d);
  sum_squares_.add(d * d);
  if (evicted) {
    const double e = *evicted - shift_;
    sum_.add(-e);
    sum_squares_.add(-(e * e));
  }
  if (++pushes_since_recentre_ >= values_.capacity()) recentre();
}

void RollingMoments::recentre() {
  shift_ = mean();
  sum_.reset();
  sum_squares_.reset();
  for (std::size_t i = 0; i < values_.size(); ++i) {
    const double d = values_[i] - shift_;
    sum_.add(d);
    sum_squares_.add(d * d);
  }
  pushes_since_recentre_ = 0;
}

double RollingMoments::mean() const {
  return shift_ + sum_.value() / static_cast<double>(values_.size());
}

double RollingMoments::sample_variance() const {
  const std::size_t n = values_.size();
  if (n < 2) return 0.0;
  const double s1 = sum_.value();
  const double ss = sum_squares_.value() - s1 * s1 / static_cast<double>(n);
  return ss > 0.0 ? ss / static_cast<double>(n - 1) : 0.0;
}

}  // namespace dorado::quant::ta
