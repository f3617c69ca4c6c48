#pragma once
// The store port implemented once over the SQL layer; the connection decides
// whether that is SQLite or PostgreSQL.
#include <memory>
#include <string>

#include "dorado/ports/store.hpp"
#include "dorado/store/month_partitions.hpp"
#include "dorado/store/sql_connection.hpp"

namespace dorado::store {

class SqlStore final : public ports::Store {
 public:
  SqlStore(std::unique_ptr<SqlConnection> connection, std::string user_id);

  ports::MigrationReport migrate(Timestamp applied_at) override;
  ports::SchemaStatus schema_status() override;

  ports::AuditRecord append_audit(const ports::AuditEntry& entry) override;
  std::vector<ports::AuditRecord> read_audit(std::int64_t after_seq, std::size_t limit) override;
  ports::AuditVerification verify_audit_chain() override;

  ports::BotConfigSave save_bot_config(const ports::BotConfigDraft& draft) override;
  std::optional<ports::BotConfigVersion> latest_bot_config(const std::string& bot_id) override;
  std::vector<ports::BotConfigVersion> bot_config_history(const std::string& bot_id) override;

  ports::BatchWrite upsert_ohlcv(std::span<const ports::OhlcvBar> bars) override;
  std::vector<ports::OhlcvBar> read_ohlcv(const std::string& symbol,
                                          ports::DateRange range) override;
  ports::BatchWrite upsert_macro(std::span<const ports::MacroObservation> observations) override;
  std::vector<ports::MacroObservation> read_macro(const std::string& series,
                                                  ports::DateRange range) override;
  ports::BatchWrite upsert_iv_history(std::span<const ports::IvObservation> observations) override;
  std::vector<ports::IvObservation> read_iv_history(const std::string& symbol,
                                                    ports::DateRange range) override;
  ports::BatchWrite upsert_funding_rates(std::span<const ports::FundingRate> rates) override;
  std::vector<ports::FundingRate> read_funding_rates(const std::string& venue,
                                                     const std::string& symbol,
                                                     ports::TimeRange range) override;
  std::vector<ports::SeriesExtent> series_extents(ports::SeriesKind kind) override;

  ports::BatchWrite save_option_chain(const OptionChain& chain, const std::string& source) override;
  std::optional<OptionChain> read_option_chain(const std::string& underlying,
                                               Timestamp as_of) override;
  std::vector<Timestamp> option_chain_times(const std::string& underlying,
                                            ports::TimeRange range) override;

  ports::JournalRecord append_journal(const ports::JournalEntry& entry) override;
  std::vector<ports::JournalRecord> read_journal(const ports::JournalQuery& query) override;

  void save_regime_model(const ports::RegimeModelRecord& record) override;
  std::optional<ports::RegimeModelRecord> latest_regime_model(const std::string& model) override;
  std::optional<ports::RegimeModelRecord> find_regime_model(const std::string& model,
                                                            const std::string& version) override;
  void append_regime_history(const ports::RegimeHistoryEntry& entry) override;
  std::vector<ports::RegimeHistoryEntry> read_regime_history(
      const ports::RegimeHistoryQuery& query) override;

  ports::BotTransitionRecord record_bot_transition(const ports::BotTransition& transition) override;
  std::optional<ports::BotTransitionRecord> latest_bot_transition(
      const std::string& bot_id) override;
  std::vector<ports::BotTransitionRecord> bot_transitions(const std::string& bot_id) override;
  std::vector<ports::BotTransitionRecord> bots_in_state(BotState state) override;

  ports::ApprovalRecord record_approval(const ports::ApprovalDraft& draft) override;
  std::optional<ports::ApprovalRecord> approval_for(std::int64_t candidate_id) override;
  bool use_approval(std::int64_t approval_id, const std::string& order_ref, Timestamp at) override;

  ports::OrderRecord record_order(const ports::OrderDraft& draft) override;
  std::optional<ports::OrderRecord> order_by_client_id(const std::string& client_order_id) override;
  std::vector<ports::OrderRecord> unsettled_orders() override;
  bool advance_order(const std::string& client_order_id,
                     const ports::OrderProgress& progress) override;
  void record_fill_quality(const ports::FillQualityRecord& fill) override;
  std::vector<ports::FillQualityRecord> fill_quality_for(
      const std::string& client_order_id) override;

  std::vector<ports::CandidateRecord> record_scan_candidates(
      const std::string& scan_id, std::span<const ports::CandidateRecord> candidates) override;
  std::vector<ports::CandidateRecord> scan_candidates(const std::string& scan_id) override;
  std::optional<std::string> latest_scan_id() override;
  ports::SignalWrite record_signal(const ports::SignalRecord& signal) override;
  std::vector<ports::SignalRecord> read_signals(ports::TimeRange range) override;
  ports::RiskEventRecord append_risk_event(const ports::RiskEventRecord& event) override;
  std::vector<ports::RiskEventRecord> open_risk_events() override;
  bool lift_risk_event(std::int64_t id, Timestamp at, const std::string& by) override;
  std::vector<ports::RiskEventRecord> read_risk_events(ports::TimeRange range) override;

  void transaction(const std::function<void(ports::Store&)>& work) override;

  // For importers and tests that need a statement the port does not offer yet.
  SqlConnection& connection() { return *connection_; }
  const std::string& user_id() const { return user_id_; }

 private:
  void in_transaction(const std::function<void()>& work);
  void ensure_partitions(std::string_view table, std::vector<std::chrono::year_month> months);
  ports::AuditRecord append_audit_in_transaction(const ports::AuditEntry& entry);

  std::unique_ptr<SqlConnection> connection_;
  std::string user_id_;
  MonthPartitions partitions_;
};

}  // namespace dorado::store
