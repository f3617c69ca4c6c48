#pragma once
// The second stage of the cascade: is volatility where the template wants it?
//   options  iv_rank        IV rank >= iv_rank_min             (iv_rank_too_low)
//            term_structure VIX3M / VIX >= contango minimum    (term_structure_backwardation)
//            vix            VIX within vix_range               (vix_out_of_range)
//   FX       vol_regime     30-day realized vol's percentile within its year
//                           inside the band [10, 90]           (vol_percentile_out_of_band):
//                           a dead market pays no trend, a panicking one
//                           gaps through the ATR stop
//   crypto   realized_vol   annualised realized vol (in %) within the
//                           template's realized_vol_range_pct   (realized_vol_out_of_range)
// A figure that cannot be measured (IV history shorter than a year, no VIX
// close) fails with insufficient_history: the gate cannot vouch for it.
// Each gate is evaluated only when its template field is set.
#include <optional>
#include <vector>

#include "dorado/config/number_range.hpp"
#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/gate_result.hpp"
#include "dorado/strategy/technical_picture.hpp"
#include "dorado/strategy/underlying_snapshot.hpp"

namespace dorado::strategy {

// The FX volatility regime's band of realized-vol percentiles (0-100). Not in
// the FX template schema yet: these defaults apply to every FX template.
struct VolatilityBand {
  double min_percentile = 10;
  double max_percentile = 90;
};

GateResult iv_rank_gate(const TechnicalPicture& picture, double min_rank);
GateResult term_structure_gate(std::optional<double> vix, std::optional<double> vix3m,
                               double min_contango_ratio);
GateResult vix_gate(std::optional<double> vix, const config::NumberRange& range);
GateResult vol_regime_gate(const TechnicalPicture& picture, const VolatilityBand& band);
// `range_pct` in percent a year (the template's [30, 120]).
GateResult realized_vol_gate(const TechnicalPicture& picture, const config::NumberRange& range_pct);

// Names of the gates the stage runs for `strategy` (an effective template), in order.
std::vector<std::string> volatility_gate_names(const config::StrategyTemplate& strategy);

// Every volatility gate of `strategy`, in the order of volatility_gate_names.
std::vector<GateResult> volatility_gates(const config::StrategyTemplate& strategy,
                                         const UnderlyingSnapshot& snapshot,
                                         const TechnicalPicture& picture,
                                         const VolatilityBand& fx_band = {});

}  // namespace dorado::strategy
