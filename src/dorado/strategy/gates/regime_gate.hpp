#pragma once
// The first stage of the cascade: may this template trade in the regime the
// Regime Radar published for this underlying? Options read the macro regime,
// FX the pair's FX regime, crypto the coin's trend regime.
//
// A missing reading, or one older than its freshness limit, is allow-all
// (the PRD's fallback while the Regime Radar is down): the gate passes, says
// so in its sentence and carries `allow_all` = 1 among its measured values,
// so the journal shows that no regime was checked. A fresh reading whose
// label the template does not allow fails with regime_not_allowed.
#include <chrono>
#include <optional>
#include <string>

#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/gate_result.hpp"
#include "dorado/domain/published_regime.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::strategy {

// How old a published reading may be and still count. Macro and FX regimes
// are published on weekdays, so a Friday reading must still hold on Monday
// (3 days) with a day to spare for a missed run; crypto trades every day.
struct RegimeFreshness {
  std::chrono::hours macro_max_age{24 * 4};
  std::chrono::hours fx_max_age{24 * 4};
  std::chrono::hours crypto_max_age{24 * 2};
};

// The reading that applies to `symbol` of `asset_class`, when it exists and
// is fresh at `at`; nullopt otherwise.
std::optional<PublishedRegime> fresh_regime(AssetClass asset_class, const std::string& symbol,
                                            const RegimeView& regimes, Timestamp at,
                                            const RegimeFreshness& freshness = {});

// The view without its stale readings: what the resolver should see, so that
// the template variant it picks is the one the regime gate reasoned about.
RegimeView fresh_regimes(const RegimeView& regimes, Timestamp at,
                         const RegimeFreshness& freshness = {});

struct RegimeGateOutcome {
  GateResult result;                 // gate "regime"
  std::optional<std::string> label;  // the fresh label that passed (picks the variant)
};

// measured: "confidence" (of the published label) and "age_hours" when a
// reading exists; "allow_all" = 1 when the fallback applied.
RegimeGateOutcome regime_gate(const config::StrategyTemplate& strategy, const std::string& symbol,
                              const RegimeView& regimes, Timestamp at,
                              const RegimeFreshness& freshness = {});

}  // namespace dorado::strategy
