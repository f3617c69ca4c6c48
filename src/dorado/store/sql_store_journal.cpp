// SqlStore: the journal of data findings and engine decisions.
#include <limits>
#include <stdexcept>

#include "dorado/store/audit_chain.hpp"
#include "dorado/store/sql_store.hpp"
#include "dorado/store/sql_time.hpp"

namespace dorado::store {

namespace {

void require(std::string_view field, const std::string& value) {
  if (value.empty())
    throw std::invalid_argument("journal " + std::string(field) + " must not be empty");
}

ports::JournalRecord journal_record_from(const SqlRow& row) {
  ports::JournalRecord r;
  r.id = row.integer(0);
  r.entry.at = parse_sql_timestamp(row.text(1));
  r.entry.stage = row.text(2);
  r.entry.subject = row.text(3);
  r.entry.reason_code = row.text(4);
  r.entry.message = row.text(5);
  r.entry.detail_json = canonical_json(row.text(6));
  r.entry.config_hash = row.optional_text(7);
  return r;
}

}  // namespace

ports::JournalRecord SqlStore::append_journal(const ports::JournalEntry& entry) {
  require("stage", entry.stage);
  require("subject", entry.subject);
  require("reason_code", entry.reason_code);
  require("message", entry.message);
  ports::JournalRecord record{0, entry};
  record.entry.detail_json = canonical_json(entry.detail_json);  // refuses what is not JSON
  const auto rows = connection_->query(
      "INSERT INTO journal (user_id, at, stage, subject, reason_code, message, detail, "
      "config_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {user_id_, sql_timestamp(entry.at), entry.stage, entry.subject, entry.reason_code,
       entry.message, record.entry.detail_json, sql_optional(entry.config_hash)});
  record.id = rows.at(0).integer(0);
  return record;
}

std::vector<ports::JournalRecord> SqlStore::read_journal(const ports::JournalQuery& query) {
  // Four fixed statements rather than "? IS NULL OR ..." so each is prepared
  // once with parameter types PostgreSQL can infer.
  std::string sql =
      "SELECT id, at, stage, subject, reason_code, message, detail, config_hash FROM journal "
      "WHERE user_id = ? AND id > ?";
  std::vector<SqlValue> params{user_id_, query.after_id};
  if (query.stage) {
    sql += " AND stage = ?";
    params.emplace_back(*query.stage);
  }
  if (query.subject) {
    sql += " AND subject = ?";
    params.emplace_back(*query.subject);
  }
  sql += " ORDER BY id LIMIT ?";
  params.emplace_back(static_cast<std::int64_t>(
      std::min<std::size_t>(query.limit, std::numeric_limits<std::int64_t>::max())));
  std::vector<ports::JournalRecord> out;
  for (const auto& row : connection_->execute(sql, params)) out.push_back(journal_record_from(row));
  return out;
}

}  // namespace dorado::store
