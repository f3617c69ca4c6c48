// SqlStore: trained regime models and the history of published regimes.
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "dorado/store/audit_chain.hpp"
#include "dorado/store/batch_checks.hpp"
#include "dorado/store/sql_store.hpp"
#include "dorado/store/sql_time.hpp"

namespace dorado::store {

namespace {

void require(std::string_view what, const std::string& value) {
  if (value.empty()) throw std::invalid_argument(std::string(what) + " must not be empty");
}

void check_model(const ports::RegimeModelRecord& r) {
  require("regime model name", r.model);
  require("regime model version", r.version);
  require("regime model body", r.body);
  if (!r.trained_from.ok() || !r.trained_to.ok())
    throw std::invalid_argument("regime model " + r.model + " " + r.version +
                                ": training window is not a pair of calendar dates");
  if (std::chrono::sys_days{r.trained_to} < std::chrono::sys_days{r.trained_from})
    throw std::invalid_argument("regime model " + r.model + " " + r.version +
                                ": training window ends (" + sql_date(r.trained_to) +
                                ") before it starts (" + sql_date(r.trained_from) + ")");
}

void check_probability(const std::string& where, double p) {
  if (!std::isfinite(p) || p < 0.0 || p > 1.0)
    throw std::invalid_argument(where + " is " + number_text(p) + ", not a probability in [0, 1]");
}

void check_reading(const ports::RegimeHistoryEntry& e) {
  const auto& r = e.regime;
  require("regime model", r.model);
  require("regime label", r.label);
  const std::string who = "regime " + r.model + (e.subject.empty() ? "" : " " + e.subject);
  check_probability(who + " confidence", r.confidence);
  for (const auto& [label, p] : r.probabilities) check_probability(who + " P(" + label + ")", p);
}

std::string probabilities_json(const std::map<std::string, double>& probabilities) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [label, p] : probabilities) j[label] = p;
  return j.dump();
}

std::map<std::string, double> probabilities_from(const std::optional<std::string>& text) {
  std::map<std::string, double> out;
  if (!text) return out;
  const auto parsed = nlohmann::json::parse(*text);  // outlives the loop over its items
  for (const auto& [label, p] : parsed.items()) out[label] = p.get<double>();
  return out;
}

ports::RegimeModelRecord model_from(const SqlRow& row) {
  ports::RegimeModelRecord r;
  r.model = row.text(0);
  r.version = row.text(1);
  r.trained_from = parse_sql_date(row.text(2));
  r.trained_to = parse_sql_date(row.text(3));
  r.metrics_json = canonical_json(row.text(4));
  r.body = row.text(5);
  r.saved_at = parse_sql_timestamp(row.text(6));
  return r;
}

ports::RegimeHistoryEntry reading_from(const SqlRow& row) {
  ports::RegimeHistoryEntry e;
  e.subject = row.text(0);
  e.regime.model = row.text(1);
  e.regime.as_of = parse_sql_timestamp(row.text(2));
  e.regime.label = row.text(3);
  e.regime.confidence = row.is_null(4) ? 0.0 : row.real(4);
  e.regime.probabilities = probabilities_from(row.optional_text(5));
  e.regime.model_version = row.optional_text(6).value_or("");
  return e;
}

constexpr std::string_view kModelColumns =
    "SELECT model, version, trained_from, trained_to, metrics, body, saved_at FROM regime_models ";

}  // namespace

void SqlStore::save_regime_model(const ports::RegimeModelRecord& record) {
  check_model(record);
  const std::string metrics = canonical_json(record.metrics_json);  // refuses what is not JSON
  connection_->query(
      "INSERT INTO regime_models (user_id, model, version, trained_from, trained_to, metrics, "
      "body, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (user_id, model, version) DO UPDATE SET trained_from = excluded.trained_from, "
      "trained_to = excluded.trained_to, metrics = excluded.metrics, body = excluded.body, "
      "saved_at = excluded.saved_at",
      {user_id_, record.model, record.version, sql_date(record.trained_from),
       sql_date(record.trained_to), metrics, record.body, sql_timestamp(record.saved_at)});
}

std::optional<ports::RegimeModelRecord> SqlStore::latest_regime_model(const std::string& model) {
  const auto rows = connection_->query(
      std::string(kModelColumns) +
          "WHERE user_id = ? AND model = ? ORDER BY saved_at DESC, id DESC LIMIT 1",
      {user_id_, model});
  if (rows.empty()) return std::nullopt;
  return model_from(rows.front());
}

std::optional<ports::RegimeModelRecord> SqlStore::find_regime_model(const std::string& model,
                                                                    const std::string& version) {
  const auto rows = connection_->query(
      std::string(kModelColumns) + "WHERE user_id = ? AND model = ? AND version = ?",
      {user_id_, model, version});
  if (rows.empty()) return std::nullopt;
  return model_from(rows.front());
}

void SqlStore::append_regime_history(const ports::RegimeHistoryEntry& entry) {
  check_reading(entry);
  const auto& r = entry.regime;
  connection_->query(
      "INSERT INTO regime_history (user_id, model, subject, as_of, label, confidence, "
      "probabilities, model_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {user_id_, r.model, entry.subject, sql_timestamp(r.as_of), r.label, r.confidence,
       probabilities_json(r.probabilities), r.model_version});
}

std::vector<ports::RegimeHistoryEntry> SqlStore::read_regime_history(
    const ports::RegimeHistoryQuery& query) {
  std::string sql =
      "SELECT subject, model, as_of, label, confidence, probabilities, model_version "
      "FROM regime_history WHERE user_id = ? AND model = ? AND as_of >= ? AND as_of <= ?";
  std::vector<SqlValue> params{user_id_, query.model, sql_timestamp(query.first),
                               sql_timestamp(query.last)};
  if (query.subject) {
    sql += " AND subject = ?";
    params.emplace_back(*query.subject);
  }
  sql += " ORDER BY as_of, subject, id";
  std::vector<ports::RegimeHistoryEntry> out;
  for (const auto& row : connection_->execute(sql, params)) out.push_back(reading_from(row));
  return out;
}

}  // namespace dorado::store
