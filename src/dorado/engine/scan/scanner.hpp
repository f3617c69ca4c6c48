#pragma once
// The daily scan (DESIGN.md section 5, steps 1-5): for every enabled bot in
// scan mode, on its underlying's snapshot,
//   gates -> resolve -> score -> trade-level risk
// in parallel across bots, then one portfolio-aware selection over every
// candidate (risk::select). Every decision becomes a journal entry (stage
// gate / resolve / score / risk / selection, with its reason code), in bot
// order then rank order, so the same inputs give the same journal whatever
// the thread scheduling.
//
// Pure: no IO and no clock. The engine's caller (scan_run.hpp) builds the
// snapshots, reads the regimes, the book and the breakers, and persists the
// result.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dorado/config/configuration.hpp"
#include "dorado/domain/published_regime.hpp"
#include "dorado/engine/scoring/score_card.hpp"
#include "dorado/engine/scoring/scoring_settings.hpp"
#include "dorado/ports/store_journal.hpp"
#include "dorado/risk/circuit_breakers.hpp"
#include "dorado/risk/selection.hpp"
#include "dorado/risk/trade_checks.hpp"
#include "dorado/strategy/gates/gate_cascade.hpp"
#include "dorado/strategy/resolve/resolver.hpp"
#include "dorado/strategy/underlying_snapshot.hpp"

namespace dorado::engine {

struct ScanSettings {
  std::size_t threads = 0;  // 0: the hardware's concurrency; 1: the calling thread
  strategy::GateCascadeSettings gates{};
  strategy::ChainQualityLimits chain_limits{};
  strategy::PipelineSettings pipeline{};
  ScoringSettings scoring{};
  risk::SelectionOptions selection{};
};

struct ScanInputs {
  const config::Configuration& configuration;
  // The universe's snapshots by symbol (a bot whose underlying has none is
  // reported, not scanned).
  const std::map<std::string, strategy::UnderlyingSnapshot>& snapshots;
  // Rates for recomputing IV and greeks, by symbol (absent: zero rates).
  std::map<std::string, strategy::PricingAssumptions> pricing;
  RegimeView regimes;
  risk::PortfolioState portfolio;
  risk::CircuitBreakerState breakers;
  Date as_of{};
  Timestamp at{};
};

// Where a bot's scan stopped before selection, if it did.
struct ScanStop {
  std::string stage;  // "gate", "resolve", "score", "risk"
  ReasonCode reason = ReasonCode::InternalError;
  std::string sentence;
};

struct BotScan {
  std::string bot_id;
  std::string symbol;
  std::string strategy;  // template name
  AssetClass asset_class = AssetClass::EquityOptions;
  std::optional<strategy::GateCascadeResult> gates;
  std::optional<strategy::ResolvedCandidate> resolved;  // score applied to its candidate
  std::optional<ScoringOutcome> scoring;
  std::optional<risk::TradeAssessment> assessment;
  std::optional<ScanStop> stop;
  // Index into ScanResult::entries when the bot's candidate went to selection.
  std::optional<std::size_t> entry;
};

// A universe underlying no bot scanned, or whose scan stopped, and why.
struct SkippedUnderlying {
  std::string symbol;
  std::optional<std::string> bot_id;
  std::string reason;  // a reason code name, or "no_scan_bot"
  std::string sentence;
};

struct ScanResult {
  std::string scan_id;  // "<date>-<first 12 hex of the config hash>"
  Date as_of{};
  Timestamp at{};
  std::string config_hash;
  std::vector<BotScan> bots;                  // in configuration order
  std::vector<risk::SelectionEntry> entries;  // what selection saw, in bot order
  risk::SelectionResult selection;
  std::vector<SkippedUnderlying> skipped;  // in universe order
  std::optional<PublishedRegime> correlation_regime;
  std::vector<ports::JournalEntry> journal;

  // The bot whose candidate is entries[i].
  const BotScan* bot_of_entry(std::size_t i) const;
};

std::string scan_id_for(Date as_of, const std::string& config_hash);

ScanResult run_scan(const ScanInputs& inputs, const ScanSettings& settings = {});

}  // namespace dorado::engine
