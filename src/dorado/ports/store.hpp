#pragma once
// The store port: the typed operations the engine persists through. No SQL
// here; backends (SQLite, PostgreSQL) live in src/dorado/store. One store
// instance serves one user (every row carries user_id) and is used from one
// thread at a time; open one per thread.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dorado/domain/option_chain.hpp"
#include "dorado/ports/store_approval.hpp"
#include "dorado/ports/store_audit.hpp"
#include "dorado/ports/store_bot_config.hpp"
#include "dorado/ports/store_execution.hpp"
#include "dorado/ports/store_journal.hpp"
#include "dorado/ports/store_lifecycle.hpp"
#include "dorado/ports/store_regime.hpp"
#include "dorado/ports/store_scan.hpp"
#include "dorado/ports/store_schema.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::ports {

class Store {
 public:
  virtual ~Store() = default;

  // --- schema ---
  // Applies pending migrations in order; refuses (throws) when a migration
  // already applied differs from the one this binary ships.
  virtual MigrationReport migrate(Timestamp applied_at) = 0;
  virtual SchemaStatus schema_status() = 0;

  // --- audit log (append-only, hash-chained) ---
  virtual AuditRecord append_audit(const AuditEntry& entry) = 0;
  // Records with seq > after_seq, oldest first, at most `limit`.
  virtual std::vector<AuditRecord> read_audit(std::int64_t after_seq, std::size_t limit) = 0;
  virtual AuditVerification verify_audit_chain() = 0;

  // --- bot configuration versions ---
  // Stores the body as a new version when its hash differs from the latest
  // (and audits the change); otherwise returns the latest unchanged.
  virtual BotConfigSave save_bot_config(const BotConfigDraft& draft) = 0;
  virtual std::optional<BotConfigVersion> latest_bot_config(const std::string& bot_id) = 0;
  virtual std::vector<BotConfigVersion> bot_config_history(const std::string& bot_id) = 0;

  // --- time series ---
  // Insert or replace by (symbol, date); an invalid row rejects the batch.
  virtual BatchWrite upsert_ohlcv(std::span<const OhlcvBar> bars) = 0;
  virtual std::vector<OhlcvBar> read_ohlcv(const std::string& symbol, DateRange range) = 0;
  virtual BatchWrite upsert_macro(std::span<const MacroObservation> observations) = 0;
  virtual std::vector<MacroObservation> read_macro(const std::string& series, DateRange range) = 0;
  virtual BatchWrite upsert_iv_history(std::span<const IvObservation> observations) = 0;
  virtual std::vector<IvObservation> read_iv_history(const std::string& symbol,
                                                     DateRange range) = 0;
  // Insert or replace by (venue, symbol, funding_time).
  virtual BatchWrite upsert_funding_rates(std::span<const FundingRate> rates) = 0;
  virtual std::vector<FundingRate> read_funding_rates(const std::string& venue,
                                                      const std::string& symbol,
                                                      TimeRange range) = 0;
  // Every stored series of one kind with its extent, ordered by name.
  virtual std::vector<SeriesExtent> series_extents(SeriesKind kind) = 0;

  // --- option chain snapshots ---
  // Stores every contract of the chain under (underlying, as_of): raw quotes
  // and the source's greeks as delivered, the chain's spot as the underlying
  // price. Insert or replace by (underlying, as_of, expiration, strike, right);
  // an invalid contract rejects the whole chain.
  virtual BatchWrite save_option_chain(const OptionChain& chain, const std::string& source) = 0;
  // The snapshot taken at exactly `as_of`, contracts ordered by expiration,
  // strike, then call before put; nothing when no such snapshot exists.
  virtual std::optional<OptionChain> read_option_chain(const std::string& underlying,
                                                       Timestamp as_of) = 0;
  // The instants of the stored snapshots of `underlying` within range, ascending.
  virtual std::vector<Timestamp> option_chain_times(const std::string& underlying,
                                                    TimeRange range) = 0;

  // --- journal of findings and decisions (append-only) ---
  virtual JournalRecord append_journal(const JournalEntry& entry) = 0;
  virtual std::vector<JournalRecord> read_journal(const JournalQuery& query) = 0;

  // --- regime models and published regimes ---
  // Inserts the model, or replaces the stored one of the same (model, version).
  // Throws std::invalid_argument for an empty name, version or body, a
  // reversed training window, or metrics that are not JSON.
  virtual void save_regime_model(const RegimeModelRecord& record) = 0;
  // The most recently saved version of `model`; nothing when none was saved.
  virtual std::optional<RegimeModelRecord> latest_regime_model(const std::string& model) = 0;
  virtual std::optional<RegimeModelRecord> find_regime_model(const std::string& model,
                                                             const std::string& version) = 0;
  // Appends one published reading to regime_history. Throws
  // std::invalid_argument for an empty model or label or a probability
  // outside [0, 1].
  virtual void append_regime_history(const RegimeHistoryEntry& entry) = 0;
  // Ordered by as_of, then subject, then append order.
  virtual std::vector<RegimeHistoryEntry> read_regime_history(const RegimeHistoryQuery& query) = 0;

  // --- bot state transitions (the truth behind the cache's bot:state:{id}) ---
  // Appends the transition and its audit record together. Throws
  // StaleBotState when the bot's current state is not `transition.from` (a bot
  // that never moved is idle), std::invalid_argument for an empty bot id,
  // actor or reason. Whether the move is legal is the state machine's call.
  virtual BotTransitionRecord record_bot_transition(const BotTransition& transition) = 0;
  // The bot's latest transition; nothing for a bot that never moved (idle).
  virtual std::optional<BotTransitionRecord> latest_bot_transition(const std::string& bot_id) = 0;
  // Every transition of the bot, oldest first.
  virtual std::vector<BotTransitionRecord> bot_transitions(const std::string& bot_id) = 0;
  // The latest transition of every bot whose current state is `state`, by bot id.
  virtual std::vector<BotTransitionRecord> bots_in_state(BotState state) = 0;

  // --- approvals ---
  // Records the decision, its tags (as annotations of the candidate) and an
  // audit record together. Throws DecisionExists when the candidate already
  // has a decision, std::invalid_argument for an incomplete draft or a tag
  // with whitespace.
  virtual ApprovalRecord record_approval(const ApprovalDraft& draft) = 0;
  virtual std::optional<ApprovalRecord> approval_for(std::int64_t candidate_id) = 0;
  // Marks an approved decision used by `order_ref` (and audits it). True only
  // the first time: the check and the mark are one statement.
  virtual bool use_approval(std::int64_t approval_id, const std::string& order_ref,
                            Timestamp at) = 0;

  // Orders of the execution path (store_execution.hpp). record_order writes
  // the order pending_send with an "order.persisted" audit entry and throws
  // OrderExists for a client id already stored. advance_order moves an order
  // that is not final (false when it is, or unknown) and audits the move.
  // unsettled_orders: pending_send and working, oldest first.
  virtual OrderRecord record_order(const OrderDraft& draft) = 0;
  virtual std::optional<OrderRecord> order_by_client_id(const std::string& client_order_id) = 0;
  virtual std::vector<OrderRecord> unsettled_orders() = 0;
  virtual bool advance_order(const std::string& client_order_id, const OrderProgress& progress) = 0;
  virtual void record_fill_quality(const FillQualityRecord& fill) = 0;
  virtual std::vector<FillQualityRecord> fill_quality_for(const std::string& client_order_id) = 0;

  // --- daily scan: candidates, signals, risk events ---
  // Marks the current candidates of `scan_id` superseded and inserts
  // `candidates` (each of that scan), together; returns them with their ids.
  // Throws std::invalid_argument for an incomplete row or JSON that is not JSON.
  virtual std::vector<CandidateRecord> record_scan_candidates(
      const std::string& scan_id, std::span<const CandidateRecord> candidates) = 0;
  // The current (not superseded) candidates of a scan: ranked ones by rank,
  // then the rest in insertion order.
  virtual std::vector<CandidateRecord> scan_candidates(const std::string& scan_id) = 0;
  // The scan whose candidates were recorded last; nothing before the first scan.
  virtual std::optional<std::string> latest_scan_id() = 0;
  // Stores the signal unless its (source, signal_id) is already stored.
  virtual SignalWrite record_signal(const SignalRecord& signal) = 0;
  // Signals received within the range (inclusive), oldest first.
  virtual std::vector<SignalRecord> read_signals(TimeRange range) = 0;
  virtual RiskEventRecord append_risk_event(const RiskEventRecord& event) = 0;
  // Breaker trips not lifted yet, oldest first.
  virtual std::vector<RiskEventRecord> open_risk_events() = 0;
  // Marks an open event lifted; true only when it was open.
  virtual bool lift_risk_event(std::int64_t id, Timestamp at, const std::string& by) = 0;
  // Events within the range (inclusive), oldest first.
  virtual std::vector<RiskEventRecord> read_risk_events(TimeRange range) = 0;

  // Runs `work` so that everything it writes through the store lands together
  // or not at all (an exception rolls back and propagates). Nests.
  virtual void transaction(const std::function<void(Store&)>& work) = 0;
};

}  // namespace dorado::ports
