#include "dorado/engine/lifecycle/bot_state_machine.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "dorado/cache/keys.hpp"

namespace dorado::engine {

namespace {

using S = BotState;

struct LegalMoves {
  BotState from;
  std::array<BotState, 2> to;
  std::size_t count;
};

// The table of the header, one row per state, in enum order.
constexpr std::array<LegalMoves, 10> kLegal{{
    {S::Idle, {S::SignalReceived}, 1},
    {S::SignalReceived, {S::RiskCheck}, 1},
    {S::RiskCheck, {S::Rejected, S::AwaitingApproval}, 2},
    {S::Rejected, {S::Idle}, 1},
    {S::AwaitingApproval, {S::Executing, S::Cancelled}, 2},
    {S::Executing, {S::Monitoring, S::Failed}, 2},
    {S::Monitoring, {S::Closing, S::RiskCheck}, 2},
    {S::Closing, {S::Idle, S::Failed}, 2},
    {S::Cancelled, {S::Idle}, 1},
    {S::Failed, {S::Idle}, 1},
}};

constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < kLegal.size(); ++i)
    if (static_cast<std::size_t>(kLegal[i].from) != i) return false;
  return true;
}
static_assert(table_in_enum_order(), "kLegal must list every BotState once, in enum order");

std::string upper(std::string_view name) {
  std::string out(name);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string illegal_sentence(BotState from, BotState to) {
  std::string legal;
  for (const auto next : legal_next_states(from)) {
    if (!legal.empty()) legal += " or ";
    legal += upper(name_of(next));
  }
  return "a bot in " + upper(name_of(from)) + " cannot move to " + upper(name_of(to)) +
         "; it may only move to " + legal;
}

BotStatus status_of(const std::string& bot_id,
                    const std::optional<ports::BotTransitionRecord>& latest) {
  BotStatus s{bot_id, BotState::Idle, std::nullopt, 0, std::nullopt};
  if (!latest) return s;
  s.state = latest->transition.to;
  s.since = latest->transition.at;
  s.seq = latest->seq;
  s.candidate_id = latest->transition.candidate_id;
  return s;
}

TransitionOutcome refused(ReasonCode code, std::string sentence) {
  return {std::nullopt, code, std::move(sentence)};
}

}  // namespace

std::span<const BotState> legal_next_states(BotState from) {
  const auto& row = kLegal[static_cast<std::size_t>(from)];
  return {row.to.data(), row.count};
}

bool is_legal_transition(BotState from, BotState to) {
  const auto next = legal_next_states(from);
  return std::find(next.begin(), next.end(), to) != next.end();
}

BotStateMachine::BotStateMachine(ports::Store& store, ports::Cache& cache,
                                 const ports::Clock& clock)
    : store_(store), cache_(cache), clock_(clock) {}

BotStatus BotStateMachine::status(const std::string& bot_id) {
  const auto current = status_of(bot_id, store_.latest_bot_transition(bot_id));
  mirror(current);
  return current;
}

TransitionOutcome BotStateMachine::move(const std::string& bot_id,
                                        const TransitionRequest& request) {
  const auto current = status_of(bot_id, store_.latest_bot_transition(bot_id));
  if (!is_legal_transition(current.state, request.to))
    return refused(ReasonCode::IllegalTransition, illegal_sentence(current.state, request.to));

  ports::BotTransition t;
  t.bot_id = bot_id;
  t.from = current.state;
  t.to = request.to;
  t.at = clock_.now();
  t.actor = request.actor;
  // A cycle ends in IDLE: the next one starts without a trade idea.
  t.candidate_id = request.to == BotState::Idle
                       ? std::nullopt
                       : (request.candidate_id ? request.candidate_id : current.candidate_id);
  if (request.reason_code) t.reason_code = std::string(name_of(*request.reason_code));
  t.reason = !request.reason.empty() ? request.reason
             : request.reason_code   ? std::string(info_of(*request.reason_code).description)
                                     : "moved to " + upper(name_of(request.to));
  try {
    auto record = store_.record_bot_transition(t);
    mirror(status_of(bot_id, record));
    return {std::move(record), ReasonCode::IllegalTransition, ""};
  } catch (const ports::StaleBotState& e) {
    // Another writer moved the bot between our read and our write.
    return refused(ReasonCode::IllegalTransition, e.what());
  }
}

void BotStateMachine::mirror(const BotStatus& status) {
  mirror_bot_status(cache_, status);
}

void mirror_bot_status(ports::Cache& cache, const BotStatus& status) {
  try {
    cache.set(cache::keys::bot_state(status.bot_id), bot_status_json(status),
              cache::keys::kBotStateTtl);
  } catch (const ports::CacheError&) {
    // The cache may be gone; the store already holds the truth and the next
    // reader re-mirrors it.
  }
}

std::string bot_status_json(const BotStatus& status) {
  nlohmann::json j{
      {"bot_id", status.bot_id}, {"state", name_of(status.state)}, {"seq", status.seq}};
  // Microseconds since the epoch: exact, and no parser needed on the way back.
  j["since_us"] =
      status.since ? nlohmann::json(status.since->time_since_epoch().count()) : nlohmann::json();
  j["candidate_id"] = status.candidate_id ? nlohmann::json(*status.candidate_id) : nlohmann::json();
  return j.dump();
}

std::optional<BotStatus> bot_status_from_json(std::string_view json) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  try {
    BotStatus s;
    s.bot_id = j.at("bot_id").get<std::string>();
    const auto state = parse_name<BotState>(j.at("state").get<std::string>());
    if (!state) return std::nullopt;
    s.state = *state;
    s.seq = j.at("seq").get<std::int64_t>();
    if (!j.at("since_us").is_null())
      s.since = Timestamp{std::chrono::microseconds{j.at("since_us").get<std::int64_t>()}};
    if (!j.at("candidate_id").is_null()) s.candidate_id = j.at("candidate_id").get<std::int64_t>();
    return s;
  } catch (const std::exception&) {  // a mirror we cannot read is a missing mirror
    return std::nullopt;
  }
}

BotStatus read_bot_status(ports::Cache& cache, ports::Store& store, const std::string& bot_id) {
  try {
    if (const auto cached = cache.get(cache::keys::bot_state(bot_id)))
      if (auto status = bot_status_from_json(*cached)) return *status;
  } catch (const ports::CacheError&) {  // fall through to the store
  }
  BotStatus status = status_of(bot_id, store.latest_bot_transition(bot_id));
  mirror_bot_status(cache, status);
  return status;
}

}  // namespace dorado::engine
