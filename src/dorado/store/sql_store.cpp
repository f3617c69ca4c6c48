#include "dorado/store/sql_store.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "dorado/store/audit_chain.hpp"
#include "dorado/store/batch_checks.hpp"
#include "dorado/store/migrations.hpp"
#include "dorado/store/sql_time.hpp"
#include "dorado/store/store_error.hpp"

namespace dorado::store {

using ports::AuditRecord;
using ports::BatchWrite;

namespace {

constexpr std::size_t kAuditPage = 5000;

std::optional<std::string> invalid_bar(const ports::OhlcvBar& b) {
  if (b.symbol.empty()) return "symbol is empty";
  if (!b.bar_date.ok()) return "bar_date is not a calendar date";
  if (b.source.empty()) return "source is empty";
  for (const auto& [field, value] : {std::pair{"open", b.open}, std::pair{"high", b.high},
                                     std::pair{"low", b.low}, std::pair{"close", b.close}})
    if (auto why = invalid_positive(field, value)) return why;
  if (b.adj_close)
    if (auto why = invalid_positive("adj_close", *b.adj_close)) return why;
  if (!std::isfinite(b.volume) || b.volume < 0)
    return "volume is " + number_text(b.volume) + ", not a non-negative number";
  if (b.high < std::max(b.open, b.close))
    return "high " + number_text(b.high) + " is below open/close " +
           number_text(std::max(b.open, b.close));
  if (b.low > std::min(b.open, b.close))
    return "low " + number_text(b.low) + " is above open/close " +
           number_text(std::min(b.open, b.close));
  return std::nullopt;
}

std::optional<std::string> invalid_observation(const ports::MacroObservation& o) {
  if (o.series.empty()) return "series is empty";
  if (!o.obs_date.ok()) return "obs_date is not a calendar date";
  if (!std::isfinite(o.value)) return "value is " + number_text(o.value) + ", not a finite number";
  return std::nullopt;
}

AuditRecord audit_record_from(const SqlRow& row) {
  AuditRecord r;
  r.seq = row.integer(0);
  r.entry.at = parse_sql_timestamp(row.text(1));
  r.entry.actor = row.text(2);
  r.entry.action = row.text(3);
  r.entry.entity = row.text(4);
  r.entry.entity_id = row.text(5);
  r.entry.detail_json = row.text(6);
  try {
    r.entry.detail_json = canonical_json(r.entry.detail_json);
  } catch (const std::invalid_argument&) {  // keep what is stored; verify flags it
  }
  r.prev_hash = row.text(7);
  r.hash = row.text(8);
  return r;
}

ports::BotConfigVersion bot_config_from(const SqlRow& row) {
  return {row.text(0), static_cast<int>(row.integer(1)), row.text(2), row.text(3),
          parse_sql_timestamp(row.text(4))};
}

void require_text(std::string_view field, const std::string& value) {
  if (value.empty()) throw std::invalid_argument(std::string(field) + " must not be empty");
}

}  // namespace

SqlStore::SqlStore(std::unique_ptr<SqlConnection> connection, std::string user_id)
    : connection_(std::move(connection)), user_id_(std::move(user_id)) {
  require_text("user_id", user_id_);
  partitions_.load(*connection_);
}

void SqlStore::in_transaction(const std::function<void()>& work) {
  SqlTransaction tx(*connection_);
  partitions_.begin();
  try {
    work();
    tx.commit();
  } catch (...) {
    partitions_.rollback();
    throw;
  }
  partitions_.commit();
}

void SqlStore::transaction(const std::function<void(ports::Store&)>& work) {
  in_transaction([&] { work(*this); });
}

// --- schema ---

ports::MigrationReport SqlStore::migrate(Timestamp applied_at) {
  if (connection_->transaction_depth() > 0)
    throw std::logic_error("migrate() must not run inside a store transaction");
  auto report = apply_migrations(*connection_, shipped_migrations(), applied_at);
  partitions_.load(*connection_);
  return report;
}

ports::SchemaStatus SqlStore::schema_status() {
  ports::SchemaStatus status;
  status.backend = connection_->dialect() == SqlDialect::postgres ? "postgres" : "sqlite";
  status.current_version = applied_version(*connection_);
  status.latest_version = static_cast<int>(shipped_migrations().size());
  for (const auto table : store_tables()) {
    ports::TableRowCount count{std::string(table), std::nullopt};
    if (table_exists(*connection_, table))
      // The table name comes from the shipped list, the user only as a parameter.
      count.rows = connection_
                       ->query("SELECT count(*) FROM " + std::string(table) + " WHERE user_id = ?",
                               {user_id_})
                       .at(0)
                       .integer(0);
    status.tables.push_back(std::move(count));
  }
  return status;
}

// --- audit log ---

AuditRecord SqlStore::append_audit_in_transaction(const ports::AuditEntry& entry) {
  if (connection_->dialect() == SqlDialect::postgres)
    // One appender per user at a time: two could otherwise both read the same
    // head and fork the chain (the primary key would then reject one).
    connection_->query("SELECT pg_advisory_xact_lock(hashtext(?))",
                       {"dorado.audit_log:" + user_id_});
  const auto head = connection_->query(
      "SELECT seq, hash FROM audit_log WHERE user_id = ? ORDER BY seq DESC LIMIT 1", {user_id_});
  AuditRecord previous;
  if (!head.empty()) {
    previous.seq = head[0].integer(0);
    previous.hash = head[0].text(1);
  }
  AuditRecord record = chain_audit_record(head.empty() ? nullptr : &previous, entry);
  connection_->query(
      "INSERT INTO audit_log (user_id, seq, at, actor, action, entity, entity_id, detail, "
      "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {user_id_, record.seq, sql_timestamp(record.entry.at), record.entry.actor,
       record.entry.action, record.entry.entity, record.entry.entity_id, record.entry.detail_json,
       record.prev_hash, record.hash});
  return record;
}

AuditRecord SqlStore::append_audit(const ports::AuditEntry& entry) {
  require_text("audit actor", entry.actor);
  require_text("audit action", entry.action);
  require_text("audit entity", entry.entity);
  canonical_json(entry.detail_json);  // refuses a detail that is not JSON
  AuditRecord record;
  in_transaction([&] { record = append_audit_in_transaction(entry); });
  return record;
}

std::vector<AuditRecord> SqlStore::read_audit(std::int64_t after_seq, std::size_t limit) {
  const auto rows = connection_->query(
      "SELECT seq, at, actor, action, entity, entity_id, detail, prev_hash, hash "
      "FROM audit_log WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?",
      {user_id_, after_seq,
       static_cast<std::int64_t>(
           std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max()))});
  std::vector<AuditRecord> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(audit_record_from(row));
  return out;
}

ports::AuditVerification SqlStore::verify_audit_chain() {
  std::vector<AuditRecord> records;
  for (std::int64_t after = std::numeric_limits<std::int64_t>::min();;) {
    auto page = read_audit(after, kAuditPage);
    if (page.empty()) break;
    after = page.back().seq;
    records.insert(records.end(), std::make_move_iterator(page.begin()),
                   std::make_move_iterator(page.end()));
  }
  return verify_audit_records(records);
}

// --- bot configuration versions ---

ports::BotConfigSave SqlStore::save_bot_config(const ports::BotConfigDraft& draft) {
  require_text("bot_id", draft.bot_id);
  require_text("config_hash", draft.config_hash);
  require_text("actor", draft.actor);
  ports::BotConfigSave saved;
  in_transaction([&] {
    const auto latest = latest_bot_config(draft.bot_id);
    if (latest && latest->config_hash == draft.config_hash) {
      saved = {*latest, false};
      return;
    }
    ports::BotConfigVersion next{draft.bot_id, latest ? latest->version + 1 : 1, draft.config_hash,
                                 draft.body, draft.at};
    connection_->query(
        "INSERT INTO bot_configs (user_id, bot_id, version, config_hash, body, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {user_id_, next.bot_id, std::int64_t{next.version}, next.config_hash, next.body,
         sql_timestamp(next.created_at)});
    nlohmann::json detail{{"version", next.version}, {"config_hash", next.config_hash}};
    detail["previous_config_hash"] =
        latest ? nlohmann::json(latest->config_hash) : nlohmann::json(nullptr);
    append_audit_in_transaction(
        {draft.at, draft.actor, "bot_config.saved", "bot", draft.bot_id, detail.dump()});
    saved = {std::move(next), true};
  });
  return saved;
}

std::optional<ports::BotConfigVersion> SqlStore::latest_bot_config(const std::string& bot_id) {
  const auto rows = connection_->query(
      "SELECT bot_id, version, config_hash, body, created_at FROM bot_configs "
      "WHERE user_id = ? AND bot_id = ? ORDER BY version DESC LIMIT 1",
      {user_id_, bot_id});
  if (rows.empty()) return std::nullopt;
  return bot_config_from(rows[0]);
}

std::vector<ports::BotConfigVersion> SqlStore::bot_config_history(const std::string& bot_id) {
  std::vector<ports::BotConfigVersion> out;
  for (const auto& row :
       connection_->query("SELECT bot_id, version, config_hash, body, created_at FROM bot_configs "
                          "WHERE user_id = ? AND bot_id = ? ORDER BY version",
                          {user_id_, bot_id}))
    out.push_back(bot_config_from(row));
  return out;
}

// --- time series ---

void SqlStore::ensure_partitions(std::string_view table,
                                 std::vector<std::chrono::year_month> months) {
  const auto tables = time_series_tables();
  const auto it = std::find_if(tables.begin(), tables.end(),
                               [&](const TimeSeriesTable& t) { return t.table == table; });
  if (it == tables.end()) throw std::logic_error("not a time series table: " + std::string(table));
  partitions_.ensure(*connection_, *it, months);
}

BatchWrite SqlStore::upsert_ohlcv(std::span<const ports::OhlcvBar> bars) {
  if (auto rejected = first_invalid(bars, invalid_bar, [](const ports::OhlcvBar& b) {
        return b.symbol + " " + sql_date(b.bar_date);
      }))
    return {0, std::move(rejected)};
  in_transaction([&] {
    ensure_partitions("ohlcv", months_of(bars, [](const auto& b) { return b.bar_date; }));
    for (const auto& b : bars)
      connection_->query(
          "INSERT INTO ohlcv (user_id, symbol, bar_date, open, high, low, close, adj_close, "
          "volume, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (user_id, symbol, bar_date) DO UPDATE SET open = excluded.open, "
          "high = excluded.high, low = excluded.low, close = excluded.close, "
          "adj_close = excluded.adj_close, volume = excluded.volume, source = excluded.source",
          {user_id_, b.symbol, sql_date(b.bar_date), b.open, b.high, b.low, b.close,
           sql_optional(b.adj_close), b.volume, b.source});
  });
  return {bars.size(), std::nullopt};
}

std::vector<ports::OhlcvBar> SqlStore::read_ohlcv(const std::string& symbol,
                                                  ports::DateRange range) {
  std::vector<ports::OhlcvBar> out;
  for (const auto& row : connection_->query(
           "SELECT symbol, bar_date, open, high, low, close, adj_close, volume, source "
           "FROM ohlcv WHERE user_id = ? AND symbol = ? AND bar_date >= ? AND bar_date <= ? "
           "ORDER BY bar_date",
           {user_id_, symbol, sql_date(range.first), sql_date(range.last)})) {
    ports::OhlcvBar b;
    b.symbol = row.text(0);
    b.bar_date = parse_sql_date(row.text(1));
    b.open = row.real(2);
    b.high = row.real(3);
    b.low = row.real(4);
    b.close = row.real(5);
    if (!row.is_null(6)) b.adj_close = row.real(6);
    b.volume = row.real(7);
    b.source = row.text(8);
    out.push_back(std::move(b));
  }
  return out;
}

BatchWrite SqlStore::upsert_macro(std::span<const ports::MacroObservation> observations) {
  if (auto rejected = first_invalid(
          observations, invalid_observation,
          [](const ports::MacroObservation& o) { return o.series + " " + sql_date(o.obs_date); }))
    return {0, std::move(rejected)};
  in_transaction([&] {
    ensure_partitions("macro_features",
                      months_of(observations, [](const auto& o) { return o.obs_date; }));
    for (const auto& o : observations)
      connection_->query(
          "INSERT INTO macro_features (user_id, series, obs_date, value) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (user_id, series, obs_date) DO UPDATE SET value = excluded.value",
          {user_id_, o.series, sql_date(o.obs_date), o.value});
  });
  return {observations.size(), std::nullopt};
}

std::vector<ports::MacroObservation> SqlStore::read_macro(const std::string& series,
                                                          ports::DateRange range) {
  std::vector<ports::MacroObservation> out;
  for (const auto& row :
       connection_->query("SELECT series, obs_date, value FROM macro_features "
                          "WHERE user_id = ? AND series = ? AND obs_date >= ? AND obs_date <= ? "
                          "ORDER BY obs_date",
                          {user_id_, series, sql_date(range.first), sql_date(range.last)}))
    out.push_back({row.text(0), parse_sql_date(row.text(1)), row.real(2)});
  return out;
}

}  // namespace dorado::store
