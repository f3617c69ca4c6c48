#pragma once
// The third stage of the cascade: does the chart suit the trade?
// Premium sellers want a range:
//   adx                ADX <= adx_max                          (adx_trending)
//   atr_channel        every close of the lookback inside SMA +/- width x ATR
//                                                             (atr_channel_breakout)
//   hurst              Hurst <= hurst_max                      (hurst_trending)
//   support_resistance each short strike at least sr_buffer_atr x ATR away from
//                      every support/resistance level          (near_support_resistance)
// Momentum wants a trend:
//   adx                ADX >= signal.adx_min                   (trend_too_weak)
//   hurst              Hurst >= signal.hurst_entry_min         (hurst_not_persistent)
// Missing history fails with insufficient_history.
//
// The S/R gate runs before the resolver, so it reads the short strikes the
// chain offers at the template's deltas (venue deltas, the expiration in the
// DTE range nearest prefer_dte, else nearest the middle of the range); the
// scanner can re-run support_resistance_gate on the resolved strikes.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/bar.hpp"
#include "dorado/domain/gate_result.hpp"
#include "dorado/domain/option_chain.hpp"
#include "dorado/strategy/technical_picture.hpp"
#include "dorado/strategy/underlying_snapshot.hpp"

namespace dorado::strategy {

struct ShortStrike {
  std::string role;  // short_put, short_call
  double strike = 0.0;

  friend bool operator==(const ShortStrike&, const ShortStrike&) = default;
};

GateResult adx_max_gate(const TechnicalPicture& picture, double adx_max);
GateResult adx_min_gate(const TechnicalPicture& picture, double adx_min);
GateResult atr_channel_gate(std::span<const Bar> daily_bars, const config::AtrChannel& channel);
GateResult hurst_max_gate(const TechnicalPicture& picture, double hurst_max);
GateResult hurst_min_gate(const TechnicalPicture& picture, double hurst_min);
GateResult support_resistance_gate(std::span<const ShortStrike> short_strikes,
                                   const TechnicalPicture& picture, double buffer_atr);

// The short strikes `chain` offers for the short legs of `rules` (see above).
// A failure (no chain, no expiration in range, no contract with a delta) is
// a failed "support_resistance" gate, returned in place of the strikes.
struct ExpectedShortStrikes {
  std::vector<ShortStrike> strikes;
  std::optional<GateResult> failure;
};
ExpectedShortStrikes expected_short_strikes(const std::optional<OptionChain>& chain,
                                            const config::OptionRules& rules);

// Names of the gates the stage runs for `strategy` (an effective template), in order.
std::vector<std::string> technical_gate_names(const config::StrategyTemplate& strategy);

// Every technical gate of `strategy`, in the order of technical_gate_names.
std::vector<GateResult> technical_gates(const config::StrategyTemplate& strategy,
                                        const UnderlyingSnapshot& snapshot,
                                        const TechnicalPicture& picture);

}  // namespace dorado::strategy
