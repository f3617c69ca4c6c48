// SqlStore: the bot state transitions (the durable truth of every bot's
// current state) and their audit records.
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "dorado/store/sql_store.hpp"
#include "dorado/store/sql_time.hpp"
#include "dorado/store/store_error.hpp"

namespace dorado::store {

namespace {

constexpr std::string_view kColumns =
    "seq, bot_id, from_state, to_state, at, actor, candidate_id, reason_code, reason";

BotState state_from(const std::string& name) {
  const auto state = parse_name<BotState>(name);
  if (!state) throw StoreError("bot_state_transitions holds an unknown state '" + name + "'");
  return *state;
}

ports::BotTransitionRecord transition_from(const SqlRow& row) {
  ports::BotTransitionRecord r;
  r.seq = row.integer(0);
  auto& t = r.transition;
  t.bot_id = row.text(1);
  t.from = state_from(row.text(2));
  t.to = state_from(row.text(3));
  t.at = parse_sql_timestamp(row.text(4));
  t.actor = row.text(5);
  if (!row.is_null(6)) t.candidate_id = row.integer(6);
  t.reason_code = row.optional_text(7);
  t.reason = row.text(8);
  return r;
}

void require(std::string_view field, const std::string& value) {
  if (value.empty())
    throw std::invalid_argument("bot transition " + std::string(field) + " must not be empty");
}

std::string audit_detail(const ports::BotTransitionRecord& r) {
  const auto& t = r.transition;
  nlohmann::json detail{
      {"seq", r.seq}, {"from", name_of(t.from)}, {"to", name_of(t.to)}, {"reason", t.reason}};
  detail["candidate_id"] = t.candidate_id ? nlohmann::json(*t.candidate_id) : nlohmann::json();
  detail["reason_code"] = t.reason_code ? nlohmann::json(*t.reason_code) : nlohmann::json();
  return detail.dump();
}

}  // namespace

ports::BotTransitionRecord SqlStore::record_bot_transition(const ports::BotTransition& transition) {
  require("bot_id", transition.bot_id);
  require("actor", transition.actor);
  require("reason", transition.reason);
  ports::BotTransitionRecord record{0, transition};
  in_transaction([&] {
    if (connection_->dialect() == SqlDialect::postgres)
      // One writer per bot at a time, so the check below and the insert are
      // one step (SQLite's write lock already serialises writers).
      connection_->query("SELECT pg_advisory_xact_lock(hashtext(?))",
                         {"dorado.bot_state:" + user_id_ + ":" + transition.bot_id});
    const auto latest = latest_bot_transition(transition.bot_id);
    const BotState current = latest ? latest->transition.to : BotState::Idle;
    if (current != transition.from)
      throw ports::StaleBotState("bot " + transition.bot_id + " is " +
                                 std::string(name_of(current)) + ", not " +
                                 std::string(name_of(transition.from)) + " as the transition to " +
                                 std::string(name_of(transition.to)) + " assumed");
    record.seq = latest ? latest->seq + 1 : 1;
    connection_->query(
        "INSERT INTO bot_state_transitions (user_id, bot_id, seq, from_state, to_state, at, "
        "actor, candidate_id, reason_code, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {user_id_, transition.bot_id, record.seq, std::string(name_of(transition.from)),
         std::string(name_of(transition.to)), sql_timestamp(transition.at), transition.actor,
         sql_optional(transition.candidate_id), sql_optional(transition.reason_code),
         transition.reason});
    append_audit_in_transaction({transition.at, transition.actor, "bot.transition", "bot",
                                 transition.bot_id, audit_detail(record)});
  });
  return record;
}

std::optional<ports::BotTransitionRecord> SqlStore::latest_bot_transition(
    const std::string& bot_id) {
  const auto rows = connection_->query("SELECT " + std::string(kColumns) +
                                           " FROM bot_state_transitions WHERE user_id = ? AND "
                                           "bot_id = ? ORDER BY seq DESC LIMIT 1",
                                       {user_id_, bot_id});
  if (rows.empty()) return std::nullopt;
  return transition_from(rows[0]);
}

std::vector<ports::BotTransitionRecord> SqlStore::bot_transitions(const std::string& bot_id) {
  std::vector<ports::BotTransitionRecord> out;
  for (const auto& row : connection_->query("SELECT " + std::string(kColumns) +
                                                " FROM bot_state_transitions WHERE user_id = ? "
                                                "AND bot_id = ? ORDER BY seq",
                                            {user_id_, bot_id}))
    out.push_back(transition_from(row));
  return out;
}

std::vector<ports::BotTransitionRecord> SqlStore::bots_in_state(BotState state) {
  std::vector<ports::BotTransitionRecord> out;
  for (const auto& row : connection_->query(
           "SELECT " + std::string(kColumns) +
               " FROM bot_state_transitions t WHERE user_id = ? AND to_state = ? AND seq = "
               "(SELECT max(seq) FROM bot_state_transitions u WHERE u.user_id = t.user_id AND "
               "u.bot_id = t.bot_id) ORDER BY bot_id",
           {user_id_, std::string(name_of(state))}))
    out.push_back(transition_from(row));
  return out;
}

}  // namespace dorado::store
