// SqlStore: the daily scan's candidates, signals and risk events.
#include <stdexcept>

#include "dorado/store/audit_chain.hpp"
#include "dorado/store/sql_store.hpp"
#include "dorado/store/sql_time.hpp"

namespace dorado::store {

namespace {

void require(std::string_view what, std::string_view field, const std::string& value) {
  if (value.empty())
    throw std::invalid_argument(std::string(what) + " " + std::string(field) +
                                " must not be empty");
}

std::optional<std::string> optional_canonical_json(const std::optional<std::string>& json) {
  return json ? std::optional<std::string>(canonical_json(*json)) : std::nullopt;
}

std::optional<Timestamp> optional_timestamp(const SqlRow& row, std::size_t i) {
  const auto text = row.optional_text(i);
  return text ? std::optional<Timestamp>(parse_sql_timestamp(*text)) : std::nullopt;
}

std::optional<double> optional_real(const SqlRow& row, std::size_t i) {
  return row.is_null(i) ? std::nullopt : std::optional<double>(row.real(i));
}

constexpr std::string_view kCandidateColumns =
    "id, scan_id, scan_date, bot_id, symbol, strategy, rank, score, components, gates, legs, "
    "status, reason_code, config_hash, created_at, expires_at";

ports::CandidateRecord candidate_from(const SqlRow& row) {
  ports::CandidateRecord c;
  c.id = row.integer(0);
  c.scan_id = row.text(1);
  c.scan_date = parse_sql_date(row.text(2));
  c.bot_id = row.optional_text(3);
  c.symbol = row.text(4);
  c.strategy = row.text(5);
  if (!row.is_null(6)) c.rank = static_cast<int>(row.integer(6));
  c.score = optional_real(row, 7);
  c.components_json = canonical_json(row.text(8));
  c.gates_json = canonical_json(row.text(9));
  c.legs_json = canonical_json(row.text(10));
  c.status = row.text(11);
  c.reason_code = row.optional_text(12);
  c.config_hash = row.optional_text(13);
  c.created_at = parse_sql_timestamp(row.text(14));
  c.expires_at = optional_timestamp(row, 15);
  return c;
}

void check_candidate(const std::string& scan_id, const ports::CandidateRecord& c) {
  require("candidate", "scan_id", c.scan_id);
  require("candidate", "symbol", c.symbol);
  require("candidate", "strategy", c.strategy);
  require("candidate", "status", c.status);
  if (c.scan_id != scan_id)
    throw std::invalid_argument("candidate of scan '" + c.scan_id + "' recorded under scan '" +
                                scan_id + "'");
  if (c.status == "superseded")
    throw std::invalid_argument("candidate status 'superseded' is the store's own mark");
}

constexpr std::string_view kSignalColumns =
    "id, source, signal_id, bot_id, symbol, action, received_at, status, reason_code, reason, "
    "payload, research_context";

ports::SignalRecord signal_from(const SqlRow& row) {
  ports::SignalRecord s;
  s.id = row.integer(0);
  s.source = row.text(1);
  s.signal_id = row.optional_text(2);
  s.bot_id = row.optional_text(3);
  s.symbol = row.text(4);
  s.action = row.text(5);
  s.received_at = parse_sql_timestamp(row.text(6));
  s.status = row.text(7);
  s.reason_code = row.optional_text(8);
  s.reason = row.optional_text(9);
  s.payload_json = canonical_json(row.text(10));
  s.research_context_json = optional_canonical_json(row.optional_text(11));
  return s;
}

constexpr std::string_view kRiskEventColumns =
    "id, at, kind, breaker, action, measured, threshold, reason, lifted_at, lifted_by";

ports::RiskEventRecord risk_event_from(const SqlRow& row) {
  ports::RiskEventRecord e;
  e.id = row.integer(0);
  e.at = parse_sql_timestamp(row.text(1));
  e.kind = row.text(2);
  e.breaker = row.optional_text(3);
  e.action = row.text(4);
  e.measured = optional_real(row, 5);
  e.threshold = optional_real(row, 6);
  e.reason = row.text(7);
  e.lifted_at = optional_timestamp(row, 8);
  e.lifted_by = row.optional_text(9);
  return e;
}

std::optional<std::string> optional_sql_timestamp(const std::optional<Timestamp>& t) {
  return t ? std::optional<std::string>(sql_timestamp(*t)) : std::nullopt;
}

std::optional<std::int64_t> optional_rank(const std::optional<int>& rank) {
  return rank ? std::optional<std::int64_t>(*rank) : std::nullopt;
}

}  // namespace

std::vector<ports::CandidateRecord> SqlStore::record_scan_candidates(
    const std::string& scan_id, std::span<const ports::CandidateRecord> candidates) {
  require("scan", "id", scan_id);
  std::vector<ports::CandidateRecord> stored;
  stored.reserve(candidates.size());
  for (const auto& c : candidates) {
    check_candidate(scan_id, c);
    auto row = c;
    row.components_json = canonical_json(c.components_json);  // refuses what is not JSON
    row.gates_json = canonical_json(c.gates_json);
    row.legs_json = canonical_json(c.legs_json);
    stored.push_back(std::move(row));
  }
  in_transaction([&] {
    connection_->query(
        "UPDATE candidates SET status = 'superseded' "
        "WHERE user_id = ? AND scan_id = ? AND status <> 'superseded'",
        {user_id_, scan_id});
    for (auto& c : stored) {
      const auto rows = connection_->query(
          "INSERT INTO candidates (user_id, scan_id, scan_date, bot_id, symbol, strategy, rank, "
          "score, components, gates, legs, status, reason_code, config_hash, created_at, "
          "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {user_id_, c.scan_id, sql_date(c.scan_date), sql_optional(c.bot_id), c.symbol, c.strategy,
           sql_optional(optional_rank(c.rank)), sql_optional(c.score), c.components_json,
           c.gates_json, c.legs_json, c.status, sql_optional(c.reason_code),
           sql_optional(c.config_hash), sql_timestamp(c.created_at),
           sql_optional(optional_sql_timestamp(c.expires_at))});
      c.id = rows.at(0).integer(0);
    }
  });
  return stored;
}

std::vector<ports::CandidateRecord> SqlStore::scan_candidates(const std::string& scan_id) {
  // Unranked rows (stopped before selection) after the ranked ones.
  const std::string sql =
      "SELECT " + std::string(kCandidateColumns) +
      " FROM candidates WHERE user_id = ? AND scan_id = ? AND status <> "
      "'superseded' ORDER BY CASE WHEN rank IS NULL THEN 1 ELSE 0 END, rank, id";
  std::vector<ports::CandidateRecord> out;
  for (const auto& row : connection_->query(sql, {user_id_, scan_id}))
    out.push_back(candidate_from(row));
  return out;
}

std::optional<std::string> SqlStore::latest_scan_id() {
  const auto rows = connection_->query(
      "SELECT scan_id FROM candidates WHERE user_id = ? ORDER BY id DESC LIMIT 1", {user_id_});
  if (rows.empty()) return std::nullopt;
  return rows.front().text(0);
}

ports::SignalWrite SqlStore::record_signal(const ports::SignalRecord& signal) {
  require("signal", "source", signal.source);
  require("signal", "symbol", signal.symbol);
  require("signal", "action", signal.action);
  require("signal", "status", signal.status);
  if (signal.source != "scan" && signal.source != "webhook")
    throw std::invalid_argument("signal source must be 'scan' or 'webhook', got '" + signal.source +
                                "'");
  ports::SignalWrite write{signal, false};
  write.record.payload_json = canonical_json(signal.payload_json);
  write.record.research_context_json = optional_canonical_json(signal.research_context_json);
  const auto inserted = connection_->query(
      "INSERT INTO signals (user_id, source, signal_id, bot_id, symbol, action, received_at, "
      "status, reason_code, reason, payload, research_context) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (user_id, source, signal_id) DO NOTHING RETURNING id",
      {user_id_, signal.source, sql_optional(signal.signal_id), sql_optional(signal.bot_id),
       signal.symbol, signal.action, sql_timestamp(signal.received_at), signal.status,
       sql_optional(signal.reason_code), sql_optional(signal.reason), write.record.payload_json,
       sql_optional(write.record.research_context_json)});
  if (!inserted.empty()) {
    write.record.id = inserted.front().integer(0);
    return write;
  }
  const std::string sql = "SELECT " + std::string(kSignalColumns) +
                          " FROM signals WHERE user_id = ? AND source = ? AND signal_id = ?";
  const auto earlier = connection_->query(sql, {user_id_, signal.source, *signal.signal_id});
  return {signal_from(earlier.at(0)), true};
}

std::vector<ports::SignalRecord> SqlStore::read_signals(ports::TimeRange range) {
  const std::string sql = "SELECT " + std::string(kSignalColumns) +
                          " FROM signals WHERE user_id = ? AND received_at >= ? AND "
                          "received_at <= ? ORDER BY received_at, id";
  std::vector<ports::SignalRecord> out;
  for (const auto& row :
       connection_->query(sql, {user_id_, sql_timestamp(range.first), sql_timestamp(range.last)}))
    out.push_back(signal_from(row));
  return out;
}

ports::RiskEventRecord SqlStore::append_risk_event(const ports::RiskEventRecord& event) {
  require("risk event", "kind", event.kind);
  require("risk event", "action", event.action);
  require("risk event", "reason", event.reason);
  if (event.lifted_by && !event.lifted_at)
    throw std::invalid_argument("risk event lifted_by without lifted_at");
  auto stored = event;
  const auto rows = connection_->query(
      "INSERT INTO risk_events (user_id, at, kind, breaker, action, measured, threshold, reason, "
      "lifted_at, lifted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {user_id_, sql_timestamp(event.at), event.kind, sql_optional(event.breaker), event.action,
       sql_optional(event.measured), sql_optional(event.threshold), event.reason,
       sql_optional(optional_sql_timestamp(event.lifted_at)), sql_optional(event.lifted_by)});
  stored.id = rows.at(0).integer(0);
  return stored;
}

std::vector<ports::RiskEventRecord> SqlStore::open_risk_events() {
  const std::string sql = "SELECT " + std::string(kRiskEventColumns) +
                          " FROM risk_events WHERE user_id = ? AND kind = 'breaker_tripped' AND "
                          "lifted_at IS NULL ORDER BY at, id";
  std::vector<ports::RiskEventRecord> out;
  for (const auto& row : connection_->query(sql, {user_id_})) out.push_back(risk_event_from(row));
  return out;
}

bool SqlStore::lift_risk_event(std::int64_t id, Timestamp at, const std::string& by) {
  require("risk event", "lifted_by", by);
  const auto rows = connection_->query(
      "UPDATE risk_events SET lifted_at = ?, lifted_by = ? "
      "WHERE user_id = ? AND id = ? AND lifted_at IS NULL RETURNING id",
      {sql_timestamp(at), by, user_id_, id});
  return !rows.empty();
}

std::vector<ports::RiskEventRecord> SqlStore::read_risk_events(ports::TimeRange range) {
  const std::string sql = "SELECT " + std::string(kRiskEventColumns) +
                          " FROM risk_events WHERE user_id = ? AND at >= ? AND at <= ? "
                          "ORDER BY at, id";
  std::vector<ports::RiskEventRecord> out;
  for (const auto& row :
       connection_->query(sql, {user_id_, sql_timestamp(range.first), sql_timestamp(range.last)}))
    out.push_back(risk_event_from(row));
  return out;
}

}  // namespace dorado::store
