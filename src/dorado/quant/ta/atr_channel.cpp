#include "dorado/quant/ta/atr_channel.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::quant::ta {
namespace {

const AtrChannelOptions& checked(const AtrChannelOptions& options) {
  require_positive(options.ma_period, "ATR channel ma_period");
  require_positive(options.atr_period, "ATR channel atr_period");
  require_positive(options.lookback, "ATR channel lookback");
  if (!(options.width_atr > 0.0) || !std::isfinite(options.width_atr))
    throw std::invalid_argument("ATR channel width_atr must be positive, got " +
                                std::to_string(options.width_atr));
  return options;
}

bool inside(double close, double lower, double upper) {
  return lower <= close && close <= upper;
}

}  // namespace

std::vector<AtrChannelReading> atr_channel(std::span<const Bar> bars,
                                           const AtrChannelOptions& options) {
  checked(options);
  std::vector<double> closes(bars.size());
  for (std::size_t i = 0; i < bars.size(); ++i) closes[i] = bars[i].close;
  const Series middle = sma(closes, options.ma_period);
  const Series range = atr(bars, options.atr_period);

  std::vector<AtrChannelReading> out(bars.size());
  for (std::size_t t = 0; t < bars.size(); ++t) {
    if (t + 1 < options.lookback) continue;
    AtrChannelReading r;
    bool all_defined = true;
    for (std::size_t j = t + 1 - options.lookback; j <= t; ++j) {
      if (!is_defined(middle[j]) || !is_defined(range[j])) {
        all_defined = false;
        break;
      }
      const double half_width = options.width_atr * range[j];
      if (!inside(closes[j], middle[j] - half_width, middle[j] + half_width)) ++r.closes_outside;
    }
    if (!all_defined) continue;
    const double half_width = options.width_atr * range[t];
    r.middle = middle[t];
    r.upper = middle[t] + half_width;
    r.lower = middle[t] - half_width;
    r.in_range = r.closes_outside == 0;
    r.ready = true;
    out[t] = r;
  }
  return out;
}

AtrChannel::AtrChannel(const AtrChannelOptions& options)
    : options_(checked(options)),
      middle_(options.ma_period),
      atr_(options.atr_period),
      outside_(options.lookback) {}

const AtrChannelReading& AtrChannel::update(const Bar& bar) {
  const double middle = middle_.update(bar.close);
  const double range = atr_.update(bar);
  if (!is_defined(middle) || !is_defined(range)) return reading_;

  const double half_width = options_.width_atr * range;
  const double upper = middle + half_width;
  const double lower = middle - half_width;
  const double outside = inside(bar.close, lower, upper) ? 0.0 : 1.0;
  const auto evicted = outside_.push(outside);
  outside_count_ += outside > 0.0 ? 1 : 0;
  if (evicted && *evicted > 0.0) --outside_count_;
  if (!outside_.full()) return reading_;

  reading_ = {middle, upper, lower, outside_count_, outside_count_ == 0, true};
  return reading_;
}

}  // namespace dorado::quant::ta
