// SqlStore: approval decisions, their annotation tags and their single use
// by an order path.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "dorado/store/sql_store.hpp"
#include "dorado/store/sql_time.hpp"
#include "dorado/store/store_error.hpp"

namespace dorado::store {

namespace {

constexpr std::string_view kColumns =
    "id, candidate_id, bot_id, decision, actor, channel, decided_at, reason, used_at, used_by";

template <typename E>
E enum_from(const std::string& name, std::string_view column) {
  const auto value = parse_name<E>(name);
  if (!value)
    throw StoreError("approvals." + std::string(column) + " holds an unknown value '" + name + "'");
  return *value;
}

ports::ApprovalRecord approval_from(const SqlRow& row) {
  ports::ApprovalRecord r;
  r.id = row.integer(0);
  auto& d = r.draft;
  d.candidate_id = row.integer(1);
  d.bot_id = row.text(2);
  d.decision = enum_from<ports::ApprovalDecision>(row.text(3), "decision");
  d.actor = row.text(4);
  d.channel = enum_from<ports::ApprovalChannel>(row.text(5), "channel");
  d.at = parse_sql_timestamp(row.text(6));
  d.reason = row.optional_text(7).value_or("");
  if (!row.is_null(8)) r.used_at = parse_sql_timestamp(row.text(8));
  r.used_by = row.optional_text(9);
  return r;
}

// A one-tap tag is a short token a trader can type and a query can match:
// no spaces or control characters.
void check_tag(const std::string& tag) {
  if (tag.empty()) throw std::invalid_argument("approval tag must not be empty");
  if (std::any_of(tag.begin(), tag.end(),
                  [](unsigned char c) { return std::isspace(c) != 0 || std::iscntrl(c) != 0; }))
    throw std::invalid_argument("approval tag '" + tag + "' contains whitespace");
}

void check_draft(const ports::ApprovalDraft& d) {
  if (d.candidate_id <= 0)
    throw std::invalid_argument("approval candidate_id must be positive, got " +
                                std::to_string(d.candidate_id));
  if (d.bot_id.empty()) throw std::invalid_argument("approval bot_id must not be empty");
  if (d.actor.empty()) throw std::invalid_argument("approval actor must not be empty");
  for (const auto& tag : d.tags) check_tag(tag);
}

std::string audit_detail(const ports::ApprovalRecord& r) {
  nlohmann::json detail{{"approval_id", r.id},
                        {"bot_id", r.draft.bot_id},
                        {"channel", name_of(r.draft.channel)},
                        {"tags", r.draft.tags}};
  if (!r.draft.reason.empty()) detail["reason"] = r.draft.reason;
  return detail.dump();
}

}  // namespace

ports::ApprovalRecord SqlStore::record_approval(const ports::ApprovalDraft& draft) {
  check_draft(draft);
  ports::ApprovalRecord record{0, draft, std::nullopt, std::nullopt};
  in_transaction([&] {
    if (approval_for(draft.candidate_id))
      throw ports::DecisionExists("candidate " + std::to_string(draft.candidate_id) +
                                  " already has an approval decision");
    const auto rows = connection_->query(
        "INSERT INTO approvals (user_id, candidate_id, bot_id, decision, actor, channel, "
        "decided_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {user_id_, draft.candidate_id, draft.bot_id, std::string(name_of(draft.decision)),
         draft.actor, std::string(name_of(draft.channel)), sql_timestamp(draft.at),
         draft.reason.empty() ? sql_null() : SqlValue{draft.reason}});
    record.id = rows.at(0).integer(0);
    for (const auto& tag : draft.tags)
      connection_->query(
          "INSERT INTO annotations (user_id, candidate_id, tag, note, created_at) "
          "VALUES (?, ?, ?, ?, ?)",
          {user_id_, draft.candidate_id, tag, "approval " + std::to_string(record.id),
           sql_timestamp(draft.at)});
    append_audit_in_transaction({draft.at, draft.actor,
                                 "candidate." + std::string(name_of(draft.decision)), "candidate",
                                 std::to_string(draft.candidate_id), audit_detail(record)});
  });
  return record;
}

std::optional<ports::ApprovalRecord> SqlStore::approval_for(std::int64_t candidate_id) {
  const auto rows = connection_->query(
      "SELECT " + std::string(kColumns) + " FROM approvals WHERE user_id = ? AND candidate_id = ?",
      {user_id_, candidate_id});
  if (rows.empty()) return std::nullopt;
  auto record = approval_from(rows[0]);
  // Tags are the annotations this decision wrote, in the order given.
  for (const auto& row : connection_->query(
           "SELECT tag FROM annotations WHERE user_id = ? AND candidate_id = ? AND note = ? "
           "ORDER BY id",
           {user_id_, candidate_id, "approval " + std::to_string(record.id)}))
    record.draft.tags.push_back(row.text(0));
  return record;
}

bool SqlStore::use_approval(std::int64_t approval_id, const std::string& order_ref, Timestamp at) {
  if (order_ref.empty()) throw std::invalid_argument("approval use needs an order reference");
  bool used = false;
  in_transaction([&] {
    // The check and the mark are one statement: of two order paths racing
    // with the same approval, exactly one gets a row back.
    const auto rows = connection_->query(
        "UPDATE approvals SET used_at = ?, used_by = ? WHERE user_id = ? AND id = ? AND "
        "decision = 'approved' AND used_at IS NULL RETURNING candidate_id, actor",
        {sql_timestamp(at), order_ref, user_id_, approval_id});
    if (rows.empty()) return;
    used = true;
    nlohmann::json detail{{"approval_id", approval_id}, {"order_ref", order_ref}};
    append_audit_in_transaction({at, "engine", "approval.used", "candidate",
                                 std::to_string(rows[0].integer(0)), detail.dump()});
  });
  return used;
}

}  // namespace dorado::store
