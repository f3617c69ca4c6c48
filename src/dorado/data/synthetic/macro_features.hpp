#pragma once
// The macro features of the synthetic market, named like their FRED
// counterparts so the regime pipeline can read synthetic and real data alike.
// Each is an Ornstein-Uhlenbeck process pulled toward a level set by the
// hidden regime (risk_on, goldilocks, transition, risk_off, crisis, recovery):
//
// series     dates              target by regime                     pull  noise/step
// T10Y2Y     NYSE days          0.8 1.8 0.0 0.5 1.5 2.4 (% points)    4 %   0.04
// BAA_AAA    NYSE days          0.9 0.72 1.05 1.4 2.6 1.7 (%, log-OU) 6 %   1.5 %
// T10YIE     NYSE days          2.4 1.9 2.1 1.7 0.9 1.6 (%)           5 %   0.025
// NFCI       Fridays            -0.5 -0.75 -0.3 0.2 2.0 0.35          25 %  0.06
// ICSA       Saturdays          240k 210k 270k 340k 520k 400k (log)  25 %  3.5 %
// ICSA_Z     Saturdays          z-score of ICSA against the previous 52 weeks
//
// The curve inverts late in the cycle (transition) and steepens as the
// central bank cuts (crisis, recovery); credit spreads, claims and financial
// conditions widen in risk-off and crisis; breakevens fall in a crisis. The
// 52 weeks of claims before the first day are simulated (unpublished) so
// ICSA_Z exists from the start.
//
// The pulls are fast enough (a time constant of 4 weeks or less) that a
// series reaches its regime's level within a typical spell (transitions last
// 40 trading days), and risk_on and goldilocks differ in every series: risk_on
// is the later, hotter expansion (flatter curve, higher breakevens, slightly
// wider spreads), goldilocks the steep-curve, low-inflation calm. Slower
// pulls (1-3 %/day) left the regimes inseparable from their features (a
// regime HMM scored an adjusted Rand index near 0.3 against the true path).
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "dorado/domain/regime.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data::synthetic {

using MacroSeries = std::map<std::string, std::vector<ports::MacroObservation>>;
using RegimeLookup = std::function<MacroRegime(Date)>;

// `calendar_days` are the market's consecutive days; `nyse_days` its NYSE trading days.
MacroSeries generate_macro_features(const std::vector<Date>& calendar_days,
                                    const std::vector<Date>& nyse_days,
                                    const RegimeLookup& regime_on, std::uint64_t seed);

}  // namespace dorado::data::synthetic
