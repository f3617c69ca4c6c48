#include "dorado/engine/scan/scanner.hpp"

#include <nlohmann/json.hpp>

#include "dorado/engine/scan/parallel_jobs.hpp"
#include "dorado/engine/scan/proposal_for_risk.hpp"
#include "dorado/engine/scoring/candidate_scoring.hpp"
#include "dorado/strategy/gates/regime_gate.hpp"

namespace dorado::engine {
namespace {

using nlohmann::json;

bool scans(const config::BotConfig& bot) {
  return bot.enabled && (bot.signal_mode == config::SignalMode::Scan ||
                         bot.signal_mode == config::SignalMode::Both);
}

json measured_json(const std::map<std::string, double>& measured) {
  json out = json::object();
  for (const auto& [name, value] : measured) out[name] = value;
  return out;
}

class Journal {
 public:
  Journal(Timestamp at, std::string config_hash) : at_(at), config_hash_(std::move(config_hash)) {}

  void add(std::string stage, std::string subject, std::string reason, std::string message,
           json detail) {
    if (message.empty()) message = reason;
    entries_.push_back({at_, std::move(stage), std::move(subject), std::move(reason),
                        std::move(message), detail.dump(), config_hash_});
  }
  std::vector<ports::JournalEntry> take() { return std::move(entries_); }

 private:
  Timestamp at_;
  std::string config_hash_;
  std::vector<ports::JournalEntry> entries_;
};

// What one bot's job needs besides the bot.
struct BotContext {
  const ScanInputs& in;
  const ScanSettings& settings;
  RegimeView fresh;  // the view without stale readings, for the resolver
};

void stop(BotScan& scan, std::string stage, ReasonCode reason, std::string sentence) {
  scan.stop = ScanStop{std::move(stage), reason, std::move(sentence)};
}

// gates -> resolve -> score -> trade-level risk for one bot. Pure.
void scan_bot(const config::BotConfig& bot, const BotContext& ctx, BotScan& scan) {
  const auto& cfg = ctx.in.configuration;
  scan.bot_id = bot.id;
  scan.symbol = bot.underlying;
  scan.strategy = bot.strategy;
  const auto* member = cfg.universe.find(bot.underlying);
  const auto* base = cfg.strategy(bot.strategy);
  const auto snapshot = ctx.in.snapshots.find(bot.underlying);
  if (!member || !base)
    return stop(scan, "gate", ReasonCode::ConfigInvalid,
                "bot " + bot.id + " names an underlying or template the configuration lacks");
  scan.asset_class = member->asset_class;
  if (snapshot == ctx.in.snapshots.end())
    return stop(scan, "gate", ReasonCode::InsufficientHistory,
                "no market snapshot of " + bot.underlying);

  scan.gates =
      strategy::run_gate_cascade(snapshot->second, *base, ctx.in.regimes, ctx.settings.gates);
  if (const auto* failed = scan.gates->first_failure())
    return stop(scan, "gate", failed->reason.value_or(ReasonCode::InternalError), failed->sentence);

  strategy::ResolveRequest request;
  request.bot_id = bot.id;
  request.config_hash = cfg.content_hash;
  if (const auto p = ctx.in.pricing.find(bot.underlying); p != ctx.in.pricing.end())
    request.pricing = p->second;
  request.limits = ctx.settings.chain_limits;
  request.pipeline = ctx.settings.pipeline;
  const auto resolution = strategy::resolve(*base, snapshot->second, ctx.fresh, request);
  if (!resolution.ok())
    return stop(scan, "resolve", resolution.rejection().reason, resolution.rejection().sentence);
  scan.resolved = resolution.candidate();
  auto& candidate = scan.resolved->candidate;
  candidate.gate_results = scan.gates->gates;
  candidate.config_hash = cfg.content_hash;

  const auto confidence = regime_confidence_of(*scan.gates);
  scan.scoring =
      score_candidate(*scan.resolved, *base, cfg.scoring_weights, confidence, ctx.settings.scoring);
  apply_score(candidate, *scan.scoring);
  if (scan.scoring->excluded())
    return stop(scan, "score", scan.scoring->exclusion->reason, scan.scoring->exclusion->sentence);

  const auto& effective =
      scan.gates->regime ? config::effective_template(*base, *scan.gates->regime) : *base;
  const auto& picture = scan.gates->picture;
  const auto proposal = proposal_for_risk({*scan.resolved, *member, effective, cfg.risk_policy,
                                           picture ? picture->realized_vol : std::nullopt});
  if (!proposal)
    return stop(scan, "risk", ReasonCode::InternalError,
                "cannot express " + bot.underlying + "'s money in " +
                    cfg.risk_policy.account.base_currency);
  const risk::SizingContext sizing{.equity = ctx.in.portfolio.equity,
                                   .drawdown_pct = ctx.in.portfolio.drawdown_pct(),
                                   .regime_confidence = confidence,
                                   .breaker_multiplier = ctx.in.breakers.sizing_multiplier(),
                                   .vol_target = std::nullopt};
  const risk::TradeContext trade{effective, bot, cfg.risk_policy, sizing,
                                 risk::RegimeReading{scan.gates->regime, false}};
  scan.assessment = risk::assess_trade(*proposal, trade);
  candidate = proposal->candidate;  // money in the account currency
}

void journal_bot(const BotScan& scan, Journal& journal) {
  if (scan.gates) {
    for (const auto& gate : scan.gates->gates)
      journal.add("gate", scan.symbol,
                  gate.reason ? std::string(name_of(*gate.reason)) : "gate_passed", gate.sentence,
                  {{"bot_id", scan.bot_id},
                   {"strategy", scan.strategy},
                   {"gate", gate.gate},
                   {"passed", gate.passed},
                   {"measured", measured_json(gate.measured)}});
    if (!scan.gates->not_evaluated.empty())
      journal.add("gate", scan.symbol, "gates_not_evaluated",
                  "not evaluated after the failed stage",
                  {{"bot_id", scan.bot_id}, {"gates", scan.gates->not_evaluated}});
  }
  if (scan.resolved)
    journal.add("resolve", scan.symbol, "resolved", scan.strategy + " resolved for " + scan.symbol,
                {{"bot_id", scan.bot_id},
                 {"quality_marks", scan.resolved->detail.quality_marks},
                 {"strike_alternatives", scan.resolved->detail.strike_alternatives.size()}});
  if (scan.scoring && scan.scoring->card)
    journal.add("score", scan.symbol, "scored",
                "score " + std::to_string(scan.scoring->card->score),
                {{"bot_id", scan.bot_id},
                 {"score", scan.scoring->card->score},
                 {"components", measured_json(scan.scoring->card->components)}});
  if (scan.assessment)
    for (const auto& check : scan.assessment->failures())
      journal.add("risk", scan.symbol, std::string(name_of(*check.reason)), check.sentence,
                  {{"bot_id", scan.bot_id},
                   {"check", check.gate},
                   {"measured", measured_json(check.measured)}});
  if (scan.stop && scan.stop->stage != "gate")
    journal.add(scan.stop->stage, scan.symbol, std::string(name_of(scan.stop->reason)),
                scan.stop->sentence, {{"bot_id", scan.bot_id}});
}

void journal_selection(const ScanResult& result, Journal& journal) {
  for (const auto& d : result.selection.decisions) {
    json failed = json::array();
    for (const auto& c : d.failed_checks) failed.push_back(c.gate);
    journal.add("selection", d.candidate.underlying, std::string(name_of(d.reason)),
                std::string(name_of(d.outcome)) + " at rank " + std::to_string(d.rank) +
                    (d.failed_checks.empty() ? "" : ": " + d.failed_checks.front().sentence),
                {{"bot_id", d.candidate.bot_id},
                 {"rank", d.rank},
                 {"score", d.candidate.score},
                 {"outcome", name_of(d.outcome)},
                 {"failed_checks", failed}});
  }
  journal.add("selection", "portfolio", "portfolio_budget", result.selection.budget.sentence,
              {{"trades_before_heat_limit", result.selection.budget.trades_before_heat_limit}});
}

std::vector<SkippedUnderlying> skipped_underlyings(const config::Configuration& cfg,
                                                   const std::vector<BotScan>& bots) {
  std::vector<SkippedUnderlying> out;
  for (const auto& member : cfg.universe.underlyings) {
    if (!member.enabled) continue;
    bool scanned = false;
    for (const auto& b : bots) {
      if (b.symbol != member.symbol) continue;
      scanned = true;
      if (b.stop)
        out.push_back(
            {member.symbol, b.bot_id, std::string(name_of(b.stop->reason)), b.stop->sentence});
    }
    if (!scanned)
      out.push_back(
          {member.symbol, std::nullopt, "no_scan_bot", "no enabled bot scans " + member.symbol});
  }
  return out;
}

}  // namespace

const BotScan* ScanResult::bot_of_entry(std::size_t i) const {
  for (const auto& b : bots)
    if (b.entry == i) return &b;
  return nullptr;
}

std::string scan_id_for(Date as_of, const std::string& config_hash) {
  return to_iso_date(as_of) + "-" + config_hash.substr(0, 12);
}

ScanResult run_scan(const ScanInputs& in, const ScanSettings& settings) {
  const auto& cfg = in.configuration;
  std::vector<const config::BotConfig*> scanning;
  for (const auto& bot : cfg.bots)
    if (scans(bot)) scanning.push_back(&bot);
  std::vector<BotScan> bots(scanning.size());
  const BotContext ctx{in, settings,
                       strategy::fresh_regimes(in.regimes, in.at, settings.gates.freshness)};
  run_parallel(scanning.size(), settings.threads,
               [&](std::size_t i) { scan_bot(*scanning[i], ctx, bots[i]); });

  std::vector<risk::SelectionEntry> entries;
  for (auto& b : bots) {
    if (!b.assessment) continue;
    b.entry = entries.size();
    entries.push_back({b.resolved->candidate, b.assessment->position, b.assessment->failures(),
                       cfg.bot(b.bot_id)->max_positions});
  }
  auto selection =
      risk::select(in.portfolio, entries, cfg.risk_policy, in.breakers, settings.selection);
  auto skipped = skipped_underlyings(cfg, bots);
  ScanResult result{scan_id_for(in.as_of, cfg.content_hash),
                    in.as_of,
                    in.at,
                    cfg.content_hash,
                    std::move(bots),
                    std::move(entries),
                    std::move(selection),
                    std::move(skipped),
                    in.regimes.correlation,
                    {}};

  Journal journal(in.at, cfg.content_hash);
  for (const auto& b : result.bots) journal_bot(b, journal);
  journal_selection(result, journal);
  result.journal = journal.take();
  return result;
}

}  // namespace dorado::engine
