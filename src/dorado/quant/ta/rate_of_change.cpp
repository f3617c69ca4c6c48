#include "dorado/quant/ta/rate_of_change.hpp"

namespace dorado::quant::ta {
namespace {

double percent_change(double now, double then) {
  return 100.0 * (now / then - 1.0);
}

std::size_t checked(std::size_t period) {
  require_positive(period, "rate of change period");
  return period;
}

}  // namespace

Series rate_of_change(std::span<const double> values, std::size_t period) {
  checked(period);
  Series out(values.size(), kUndefined);
  for (std::size_t t = period; t < values.size(); ++t)
    out[t] = percent_change(values[t], values[t - period]);
  return out;
}

RateOfChange::RateOfChange(std::size_t period) : window_(checked(period) + 1) {}

double RateOfChange::update(double x) {
  window_.push(x);
  if (window_.full()) value_ = percent_change(x, window_.oldest());
  return value_;
}

}  // namespace dorado::quant::ta
