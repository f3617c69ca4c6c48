#pragma once
// The macro features of the synthetic market, named like their FRED
// counterparts so the regime pipeline can read synthetic and real data alike.
// Each is an Ornstein-Uhlenbeck process pulled toward a level set by the
// hidden regime (risk_on, goldilocks, transition, risk_off, crisis, recovery):
//
// series     dates              target by regime                     pull  noise/step
// T10Y2Y     NYSE days          1.0 1.4 0.0 0.5 1.5 2.2 (% points)    1 %   0.04
// BAA_AAA    NYSE days          0.85 0.8 1.0 1.3 2.6 1.5 (%, log-OU)  3 %   1.5 %
// T10YIE     NYSE days          2.2 2.1 2.0 1.7 0.9 1.6 (%)           2 %   0.025
// NFCI       Fridays            -0.6 -0.7 -0.3 0.2 2.0 0.3            15 %  0.06
// ICSA       Saturdays          230k 215k 260k 330k 520k 380k (log)  12 %  3.5 %
// ICSA_Z     Saturdays          z-score of ICSA against the previous 52 weeks
//
// The curve inverts late in the cycle (transition) and steepens as the
// central bank cuts (crisis, recovery); credit spreads, claims and financial
// conditions widen in risk-off and crisis; breakevens fall in a crisis. The
// 52 weeks of claims before the first day are simulated (unpublished) so
// ICSA_Z exists from the start.
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
