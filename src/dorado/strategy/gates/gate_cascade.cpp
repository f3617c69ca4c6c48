#include "dorado/strategy/gates/gate_cascade.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "dorado/strategy/gates/technical_gates.hpp"

namespace dorado::strategy {
namespace {

bool any_failed(const std::vector<GateResult>& results) {
  return std::any_of(results.begin(), results.end(), [](const GateResult& g) { return !g.passed; });
}

void append(std::vector<std::string>& to, const std::vector<std::string>& names) {
  to.insert(to.end(), names.begin(), names.end());
}

// Runs one stage: records its gates and, when one failed, the stage and the
// gates of the later stages (named by `later`).
bool run_stage(GateCascadeResult& result, GateStage stage, std::vector<GateResult> gates,
               const std::vector<std::string>& later) {
  const bool failed = any_failed(gates);
  std::move(gates.begin(), gates.end(), std::back_inserter(result.gates));
  if (failed) {
    result.failed_stage = stage;
    append(result.not_evaluated, later);
  }
  return !failed;
}

}  // namespace

const GateResult* GateCascadeResult::first_failure() const {
  const auto it =
      std::find_if(gates.begin(), gates.end(), [](const GateResult& g) { return !g.passed; });
  return it == gates.end() ? nullptr : &*it;
}

TechnicalPictureSettings picture_settings_for(const config::StrategyTemplate& strategy,
                                              const TechnicalPictureSettings& base) {
  TechnicalPictureSettings out = base;
  if (const auto* momentum = strategy.momentum()) {
    if (momentum->signal.adx_period)
      out.adx_period = static_cast<std::size_t>(*momentum->signal.adx_period);
    if (momentum->signal.hurst_window)
      out.hurst_window = static_cast<std::size_t>(*momentum->signal.hurst_window);
    out.atr_period = static_cast<std::size_t>(momentum->entry.atr_period);
  }
  return out;
}

GateCascadeResult run_gate_cascade(const UnderlyingSnapshot& snapshot,
                                   const config::StrategyTemplate& strategy,
                                   const RegimeView& regimes, const GateCascadeSettings& settings) {
  GateCascadeResult result;
  result.symbol = snapshot.symbol;
  result.strategy = strategy.name;

  auto regime = regime_gate(strategy, snapshot.symbol, regimes, snapshot.at, settings.freshness);
  result.regime = regime.label;
  // Until the regime is known the variant is unknown: the base template names
  // the gates a regime failure leaves unevaluated.
  const config::StrategyTemplate& effective =
      regime.label ? config::effective_template(strategy, *regime.label) : strategy;
  const std::vector<std::string> volatility_names = volatility_gate_names(effective);
  const std::vector<std::string> technical_names = technical_gate_names(effective);

  std::vector<std::string> after_regime = volatility_names;
  append(after_regime, technical_names);
  std::vector<GateResult> regime_stage;
  regime_stage.push_back(std::move(regime.result));
  if (!run_stage(result, GateStage::Regime, std::move(regime_stage), after_regime)) return result;

  result.picture = technical_picture(snapshot, picture_settings_for(effective, settings.picture));
  if (!run_stage(
          result, GateStage::Volatility,
          volatility_gates(effective, snapshot, *result.picture, settings.fx_volatility_band),
          technical_names))
    return result;
  run_stage(result, GateStage::Technical, technical_gates(effective, snapshot, *result.picture),
            {});
  return result;
}

std::vector<GateCascadeResult> run_gate_cascades(std::span<const GateCascadeJob> jobs,
                                                 const RegimeView& regimes,
                                                 const GateCascadeSettings& settings,
                                                 std::size_t threads) {
  std::vector<GateCascadeResult> results(jobs.size());
  std::vector<std::exception_ptr> errors(jobs.size());
  std::atomic<std::size_t> next{0};
  // Each worker claims the next job index and writes only its own slot, so
  // the output order is the input order whatever the scheduling.
  const auto work = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      try {
        results[i] = run_gate_cascade(jobs[i].snapshot, jobs[i].strategy, regimes, settings);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, jobs.size());
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
  }  // the jthreads join here
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);
  return results;
}

}  // namespace dorado::strategy
