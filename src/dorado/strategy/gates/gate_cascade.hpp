#pragma once
// The gate cascade of one underlying (DESIGN.md section 5.1): regime, then
// volatility, then technical, cheapest first. Within a stage every gate is
// evaluated (they are cheap and a human wants every number on the screen);
// the cascade stops after the first stage with a failed gate and names the
// gates it did not evaluate, so the journal says what was and was not
// checked. The regime stage picks the template variant (its regime override
// merged in) that the later stages read their thresholds from.
//
// Pure: no IO, no clock (the instant is the snapshot's `at`).
// run_gate_cascades spreads many underlyings over threads; its output is in
// input order whatever the scheduling.
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/gate_result.hpp"
#include "dorado/domain/published_regime.hpp"
#include "dorado/strategy/gates/gate_stage.hpp"
#include "dorado/strategy/gates/regime_gate.hpp"
#include "dorado/strategy/gates/volatility_gates.hpp"
#include "dorado/strategy/technical_picture.hpp"
#include "dorado/strategy/underlying_snapshot.hpp"

namespace dorado::strategy {

struct GateCascadeSettings {
  RegimeFreshness freshness{};
  VolatilityBand fx_volatility_band{};
  // Base periods; a template's own (momentum adx_period, hurst_window, entry
  // atr_period) replace them for that template.
  TechnicalPictureSettings picture{};
};

struct GateCascadeResult {
  std::string symbol;
  std::string strategy;                     // template name
  std::optional<std::string> regime;        // the fresh label that picked the variant
  std::vector<GateResult> gates;            // evaluated, in cascade order
  std::optional<GateStage> failed_stage;    // nullopt: every stage passed
  std::vector<std::string> not_evaluated;   // gates of the stages after the failed one
  std::optional<TechnicalPicture> picture;  // computed once the regime stage passed

  bool passed() const { return !failed_stage.has_value(); }
  // The first failed gate, nullptr when passed.
  const GateResult* first_failure() const;

  friend bool operator==(const GateCascadeResult&, const GateCascadeResult&) = default;
};

// The settings the picture is computed with for `strategy` (see GateCascadeSettings).
TechnicalPictureSettings picture_settings_for(const config::StrategyTemplate& strategy,
                                              const TechnicalPictureSettings& base);

GateCascadeResult run_gate_cascade(const UnderlyingSnapshot& snapshot,
                                   const config::StrategyTemplate& strategy,
                                   const RegimeView& regimes,
                                   const GateCascadeSettings& settings = {});

struct GateCascadeJob {
  std::reference_wrapper<const UnderlyingSnapshot> snapshot;
  std::reference_wrapper<const config::StrategyTemplate> strategy;  // as loaded (with variants)
};

// One result per job, in job order. `threads` = 0 uses the hardware's
// concurrency; 1 runs on the calling thread. An exception thrown for a job
// (a programmer error, e.g. an invalid indicator period) is rethrown here,
// the lowest job index first, after every thread has finished.
std::vector<GateCascadeResult> run_gate_cascades(std::span<const GateCascadeJob> jobs,
                                                 const RegimeView& regimes,
                                                 const GateCascadeSettings& settings = {},
                                                 std::size_t threads = 0);

}  // namespace dorado::strategy
