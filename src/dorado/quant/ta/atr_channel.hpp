#pragma once
// The ATR-channel range check of the Iron Condor template's technical gate:
// "price stayed inside the channel". The channel at bar t is
//   middle = SMA(close, ma_period)[t]
//   upper  = middle + width_atr * ATR(atr_period)[t]   (Wilder ATR)
//   lower  = middle - width_atr * ATR(atr_period)[t]
// and bar t is inside when lower <= close[t] <= upper. The check passes
// (in_range) when every one of the last `lookback` closes, today's included,
// was inside its own day's channel. Template defaults: 20-day SMA, ATR 14,
// +/- 2 ATR, 10 days (config/strategies/iron_condor.yaml, atr_channel).
//
// Undefined (warm-up) until `lookback` channels exist: the first reading is at
// index max(ma_period, atr_period) - 1 + lookback - 1. An undefined reading has
// NaN prices, ready = false and in_range = false.
#include <cstddef>
#include <span>
#include <vector>

#include "dorado/domain/bar.hpp"
#include "dorado/quant/ta/atr.hpp"
#include "dorado/quant/ta/series.hpp"
#include "dorado/quant/ta/sma.hpp"

namespace dorado::quant::ta {

struct AtrChannelOptions {
  std::size_t ma_period = 20;
  std::size_t atr_period = 14;
  double width_atr = 2.0;
  std::size_t lookback = 10;
};

struct AtrChannelReading {
  double middle = kUndefined;
  double upper = kUndefined;
  double lower = kUndefined;
  std::size_t closes_outside = 0;  // over the lookback
  bool in_range = false;
  bool ready = false;
};

std::vector<AtrChannelReading> atr_channel(std::span<const Bar> bars,
                                           const AtrChannelOptions& options = {});

class AtrChannel {
 public:
  explicit AtrChannel(const AtrChannelOptions& options = {});

  const AtrChannelReading& update(const Bar& bar);
  const AtrChannelReading& value() const { return reading_; }
  bool ready() const { return reading_.ready; }

 private:
  AtrChannelOptions options_;
  Sma middle_;
  Atr atr_;
  RollingWindow outside_;  // 1 when that day's close was outside, else 0
  std::size_t outside_count_ = 0;
  AtrChannelReading reading_;
};

}  // namespace dorado::quant::ta
