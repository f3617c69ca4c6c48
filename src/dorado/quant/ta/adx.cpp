#include "dorado/quant/ta/adx.hpp"

#include <algorithm>
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
  // Branch-free: which move wins is unpredictable day to day.
  return {static_cast<double>(up > down) * std::max(up, 0.0),
          static_cast<double>(down > up) * std::max(down, 0.0)};
}

// +DI, -DI and DX from the smoothed TR, +DM and -DM. The DIs share the
// scale 100 / TR, and DX = 100 |+DI - -DI| / (+DI + -DI) = 100 |+DM - -DM| /
// (+DM + -DM): both reciprocals come from ONE division, 1 / (TR (+DM + -DM)),
// times the other factor. Divisions bound the batch loop; this halves them,
// at the cost of an ulp or two.
DirectionalReading directional_reading(double tr, double plus_dm, double minus_dm) {
  DirectionalReading r;
  const double movement = plus_dm + minus_dm;
  const double denominator = tr * movement;
  if (denominator > 0.0) {
    const double reciprocal = 1.0 / denominator;
    const double scale = 100.0 * (movement * reciprocal);
    r.plus_di = plus_dm * scale;
    r.minus_di = minus_dm * scale;
    r.dx = 100.0 * (std::abs(plus_dm - minus_dm) * (tr * reciprocal));
  } else {  // no directional movement (or no range) at all
    const double scale = tr > 0.0 ? 100.0 / tr : 0.0;
    r.plus_di = plus_dm * scale;
    r.minus_di = minus_dm * scale;
    r.dx = 0.0;
  }
  return r;
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
  const auto w = SmoothingWeights::wilder(period);

  double dx_sum = 0.0;
  double average_dx = kUndefined;
  for (std::size_t i = period; i < size; ++i) {
    if (i > period) {
      const auto move =
          directional_move(bars[i].high, bars[i].low, bars[i - 1].high, bars[i - 1].low);
      tr = w.keep * tr + w.take * true_range(bars[i], bars[i - 1]);
      plus = w.keep * plus + w.take * move.plus;
      minus = w.keep * minus + w.take * move.minus;
    }
    const auto reading = directional_reading(tr, plus, minus);
    const double dx = reading.dx;
    out.plus_di[i] = reading.plus_di;
    out.minus_di[i] = reading.minus_di;
    out.dx[i] = dx;
    if (i < 2 * period - 1) {
      dx_sum += dx;
      continue;
    }
    average_dx = i == 2 * period - 1 ? (dx_sum + dx) / n : w.keep * average_dx + w.take * dx;
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
      reading_ = directional_reading(true_range_.value(), plus_dm_.value(), minus_dm_.value());
      reading_.adx = adx_.update(reading_.dx);
    }
  }
  previous_high_ = high;
  previous_low_ = low;
  previous_close_ = close;
  return reading_;
}

}  // namespace dorado::quant::ta
