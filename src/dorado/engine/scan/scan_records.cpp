#include "dorado/engine/scan/scan_records.hpp"

#include "dorado/engine/scan/scan_json.hpp"

namespace dorado::engine {
namespace {

using nlohmann::json;

ports::CandidateRecord base_record(const ScanResult& r, const BotScan& b) {
  ports::CandidateRecord c;
  c.scan_id = r.scan_id;
  c.scan_date = r.as_of;
  c.bot_id = b.bot_id;
  c.symbol = b.symbol;
  c.strategy = b.strategy;
  c.components_json = components_json(b).dump();
  c.gates_json = gates_json(b).dump();
  c.legs_json = b.resolved ? legs_json(b.resolved->detail).dump() : "[]";
  c.config_hash = r.config_hash;
  c.created_at = r.at;
  return c;
}

std::string action_of(const BotScan& b) {
  if (b.resolved && b.resolved->detail.momentum)
    return b.resolved->detail.momentum->direction == config::TradeDirection::Short ? "sell" : "buy";
  return "open";
}

}  // namespace

std::vector<ports::CandidateRecord> candidate_records(const ScanResult& r,
                                                      const config::RiskPolicy& policy) {
  std::vector<ports::CandidateRecord> out;
  for (const auto& d : r.selection.decisions) {
    const auto* bot = r.bot_of_entry(d.input_index);
    if (!bot) continue;
    auto c = base_record(r, *bot);
    c.rank = d.rank;
    c.score = d.candidate.score;
    c.status = std::string(name_of(d.outcome));
    c.reason_code = std::string(name_of(d.reason));
    // Only a selected candidate waits for an approval, and that one expires.
    if (d.outcome == risk::SelectionOutcome::Selected)
      c.expires_at = r.at + policy.approval_timeout;
    out.push_back(std::move(c));
  }
  for (const auto& b : r.bots) {
    if (!b.resolved || b.entry) continue;  // never resolved, or already written above
    auto c = base_record(r, b);
    c.score = b.resolved->candidate.score;
    c.status = "rejected";
    if (b.stop) c.reason_code = std::string(name_of(b.stop->reason));
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<ports::SignalRecord> signal_records(const ScanResult& r) {
  std::vector<ports::SignalRecord> out;
  for (const auto& d : r.selection.decisions) {
    const auto* bot = r.bot_of_entry(d.input_index);
    if (!bot) continue;
    ports::SignalRecord s;
    s.source = "scan";
    s.signal_id = r.scan_id + ":" + bot->bot_id;
    s.bot_id = bot->bot_id;
    s.symbol = bot->symbol;
    s.action = action_of(*bot);
    s.received_at = r.at;
    s.status = std::string(name_of(d.outcome));
    s.reason_code = std::string(name_of(d.reason));
    s.reason = d.failed_checks.empty() ? std::string(description_of(d.reason))
                                       : d.failed_checks.front().sentence;
    s.payload_json = json{{"scan_id", r.scan_id},
                          {"rank", d.rank},
                          {"strategy", bot->strategy},
                          {"score", d.candidate.score},
                          {"net_credit", d.candidate.net_credit.to_double()},
                          {"max_loss", d.candidate.max_loss.to_double()}}
                         .dump();
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<ports::CandidateRecord> persist_scan(ports::Store& store, const ScanResult& result,
                                                 const config::RiskPolicy& policy) {
  const auto candidates = candidate_records(result, policy);
  const auto signals = signal_records(result);
  std::vector<ports::CandidateRecord> stored;
  store.transaction([&](ports::Store& s) {
    for (const auto& entry : result.journal) s.append_journal(entry);
    stored = s.record_scan_candidates(result.scan_id, candidates);
    for (const auto& signal : signals) s.record_signal(signal);
  });
  return stored;
}

}  // namespace dorado::engine
