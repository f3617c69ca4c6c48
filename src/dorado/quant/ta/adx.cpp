#include "dorado/quant/ta/adx.hpp"

#include <cmath>

#include "dorado/quant/ta/true_range.hpp"

namespace dorado::quant::ta {
namespace {

struct DirectionalMove {
  double plus = 0.0;
  double minus = 0.0;
};

DirectionalMove directional_move(double high, double low, double previous_high,
                                 double previous_low) {
  const double up = high - previous_high;
  const double down = previous_low - low;
  return {up > down && up > 0.0 ? up : 0.0, down > up && down > 0.0 ? down : 0.0};
}

double directional_index(double plus_di, double minus_di) {
  const double sum = plus_di + minus_di;
  return sum > 0.0 ? 100.0 * std::abs(plus_di - minus_di) / sum : 0.0;
}

}  // namespace

DirectionalSeries adx(std::span<const Bar> bars, std::size_t period) {
  require_positive(period, "ADX period");
  const std::size_t size = bars.size();
  DirectionalSeries out{Series(size, kUndefined), Series(size, kUndefined),
                        Series(size, kUndefined), Series(size, kUndefined)};
  if (size <= period) return out;
  const double n = static_cast<double>(period);

  double tr = 0.0, plus = 0.0, minus = 0.0;
  for (std::size_t i = 1; i <= period; ++i) {
    const auto move =
        directional_move(bars[i].high, bars[i].low, bars[i - 1].high, bars[i - 1].low);
    tr += true_range(bars[i], bars[i - 1]);
    plus += move.plus;
    minus += move.minus;
  }
  tr /= n;
  plus /= n;
  minus /= n;

  double dx_sum = 0.0;
  double average_dx = kUndefined;
  for (std::size_t i = period; i < size; ++i) {
    if (i > period) {
      const auto move =
          directional_move(bars[i].high, bars[i].low, bars[i - 1].high, bars[i - 1].low);
      tr += (true_range(bars[i], bars[i - 1]) - tr) / n;
      plus += (move.plus - plus) / n;
      minus += (move.minus - minus) / n;
    }
    const double plus_di = tr > 0.0 ? 100.0 * plus / tr : 0.0;
    const double minus_di = tr > 0.0 ? 100.0 * minus / tr : 0.0;
    const double dx = directional_index(plus_di, minus_di);
    out.plus_di[i] = plus_di;
    out.minus_di[i] = minus_di;
    out.dx[i] = dx;
    if (i < 2 * period - 1) {
      dx_sum += dx;
      continue;
    }
    average_dx = i == 2 * period - 1 ? (dx_sum + dx) / n : average_dx + (dx - average_dx) / n;
    out.adx[i] = average_dx;
  }
  return out;
}

Adx::Adx(std::size_t period)
    : true_range_(period), plus_dm_(period), minus_dm_(period), adx_(period) {}

const DirectionalReading& Adx::update(double high, double low, double close) {
  if (is_defined(previous_close_)) {
    const auto move = directional_move(high, low, previous_high_, previous_low_);
    true_range_.update(true_range(high, low, previous_close_));
    plus_dm_.update(move.plus);
    minus_dm_.update(move.minus);
    if (true_range_.ready()) {
      const double tr = true_range_.value();
      reading_.plus_di = tr > 0.0 ? 100.0 * plus_dm_.value() / tr : 0.0;
      reading_.minus_di = tr > 0.0 ? 100.0 * minus_dm_.value() / tr : 0.0;
      reading_.dx = directional_index(reading_.plus_di, reading_.minus_di);
      reading_.adx = adx_.update(reading_.dx);
    }
  }
  previous_high_ = high;
  previous_low_ = low;
  previous_close_ = close;
  return reading_;
}

}  // namespace dorado::quant::ta
