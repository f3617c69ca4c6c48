// dorado candidates | select N... | approve N... | reject N...: the human
// step from the terminal. Candidates carry the numbers the latest scan gave
// them (their portfolio rank); Telegram and the web UI answer through the same
// ApprovalDesk.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <memory>

#include "dorado/cli/command.hpp"
#include "dorado/cli/workspace.hpp"
#include "dorado/engine/approval/approval_desk.hpp"

namespace dorado::cli {
namespace {

struct Numbered {
  int number = 0;
  ports::CandidateRecord record;
};

struct Selection {
  std::string scan_id;
  std::vector<Numbered> candidates;  // the scan's selected ones, by number
};

struct AnswerOptions {
  std::vector<int> numbers;
  std::vector<std::string> tags;
  std::string reason;
};

// The candidates the latest scan selected for approval, numbered by rank.
std::optional<Selection> latest_selection(ports::Store& store) {
  const auto scan_id = store.latest_scan_id();
  if (!scan_id) return std::nullopt;
  Selection s{*scan_id, {}};
  for (auto& c : store.scan_candidates(*scan_id))
    if (c.status == "selected" && c.rank && c.bot_id) s.candidates.push_back({*c.rank, c});
  return s;
}

engine::CandidateForApproval for_approval(const ports::CandidateRecord& c) {
  return {c.id, c.bot_id.value_or(""), c.created_at, c.expires_at};
}

std::string minute_text(Timestamp t) {
  return to_iso8601(t).substr(0, 16) + "Z";  // "2024-06-03T20:00Z"
}

std::string standing_text(const engine::CandidateStanding& s) {
  switch (s.standing) {
    case engine::Standing::Pending:
      return "pending until " + minute_text(*s.closes_at);
    case engine::Standing::Approved:
      return "approved " + s.note + ", awaiting execution";
    default:
      return std::string(name_of(s.standing)) + (s.note.empty() ? "" : ": " + s.note);
  }
}

struct Desk {
  explicit Desk(Workspace& ws)
      : bots(*ws.store, *ws.cache, *ws.clock),
        desk(*ws.store, bots, *ws.clock, ws.configuration.risk_policy.approval_timeout) {}
  engine::BotStateMachine bots;
  engine::ApprovalDesk desk;
};

// Opens the workspace with its store up to date, or says why not.
std::optional<Workspace> open_migrated(const std::string& config_dir, std::string_view command) {
  auto ws = open_workspace(config_dir, std::cerr);
  if (!ws) return std::nullopt;
  if (!ws->store->schema_status().up_to_date()) {
    std::cerr << "dorado " << command
              << ": the store is not up to date; run `dorado db migrate` first.\n";
    return std::nullopt;
  }
  return ws;
}

int run_candidates(const std::string& config_dir) {
  auto ws = open_migrated(config_dir, "candidates");
  if (!ws) return 1;
  const auto selection = latest_selection(*ws->store);
  if (!selection) {
    std::cout << "No scan yet: run `dorado scan`.\n";
    return 0;
  }
  Desk d(*ws);
  std::cout << fmt::format("Latest scan {}: {} selected for approval\n", selection->scan_id,
                           selection->candidates.size());
  if (selection->candidates.empty()) return 0;
  std::cout << fmt::format("{:>3}  {:<16} {:<8} {:<18} {:>6}  {}\n", "#", "bot", "symbol",
                           "strategy", "score", "standing");
  int pending = 0;
  for (const auto& [number, c] : selection->candidates) {
    const auto standing = d.desk.standing(for_approval(c));
    if (standing.standing == engine::Standing::Pending) ++pending;
    std::cout << fmt::format(
        "{:>3}  {:<16} {:<8} {:<18} {:>6}  {}\n", number, *c.bot_id, c.symbol, c.strategy,
        c.score ? fmt::format("{:.3f}", *c.score) : std::string("-"), standing_text(standing));
  }
  std::cout << fmt::format(
      "{} pending. Approve with `dorado select N [N...] [--tag key=value]`, reject with "
      "`dorado reject N [--reason TEXT]`.\n",
      pending);
  return 0;
}

bool is_number(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// "--tag key=value" tags every answered candidate; "--tag N=key=value" only
// candidate N. Tags are one-tap tokens: no whitespace.
std::optional<std::map<int, std::vector<std::string>>> parse_tags(const AnswerOptions& o,
                                                                  std::string_view command) {
  std::map<int, std::vector<std::string>> tags;
  for (const auto& raw : o.tags) {
    std::string tag = raw;
    std::vector<int> targets = o.numbers;
    const auto eq = raw.find('=');
    if (eq != std::string::npos && is_number(std::string_view(raw).substr(0, eq))) {
      const int n = std::stoi(raw.substr(0, eq));
      if (std::find(o.numbers.begin(), o.numbers.end(), n) == o.numbers.end()) {
        std::cerr << "dorado " << command << ": --tag " << raw << " names candidate " << n
                  << ", which is not among those answered\n";
        return std::nullopt;
      }
      targets = {n};
      tag = raw.substr(eq + 1);
    }
    if (tag.empty() || std::any_of(tag.begin(), tag.end(), [](unsigned char c) {
          return std::isspace(c) != 0 || std::iscntrl(c) != 0;
        })) {
      std::cerr << "dorado " << command << ": --tag '" << raw
                << "' is not a tag (key=value or a word, without spaces)\n";
      return std::nullopt;
    }
    for (const int n : targets) tags[n].push_back(tag);
  }
  return tags;
}

// Every number must name a selected candidate of the latest scan; nothing is
// answered unless all do.
std::optional<std::vector<Numbered>> pick(const Selection& s, const std::vector<int>& numbers,
                                          std::string_view command) {
  std::vector<Numbered> picked;
  for (const int n : numbers) {
    const auto it = std::find_if(s.candidates.begin(), s.candidates.end(),
                                 [n](const Numbered& c) { return c.number == n; });
    if (it == s.candidates.end()) {
      std::string known;
      for (const auto& c : s.candidates)
        known += (known.empty() ? "" : ", ") + std::to_string(c.number);
      std::cerr << "dorado " << command << ": no candidate numbered " << n << " in scan "
                << s.scan_id << " (numbers: " << (known.empty() ? "none" : known) << ")\n";
      return std::nullopt;
    }
    if (std::any_of(picked.begin(), picked.end(), [n](const Numbered& c) { return c.number == n; }))
      continue;
    picked.push_back(*it);
  }
  return picked;
}

std::string tags_text(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) out += (out.empty() ? " [" : ", ") + t;
  return out.empty() ? out : out + "]";
}

int run_answer(const std::string& config_dir, const AnswerOptions& o, std::string_view command,
               ports::ApprovalDecision decision) {
  auto ws = open_migrated(config_dir, command);
  if (!ws) return 1;
  const auto selection = latest_selection(*ws->store);
  if (!selection) {
    std::cerr << "dorado " << command << ": no scan yet; run `dorado scan` first\n";
    return 1;
  }
  const auto picked = pick(*selection, o.numbers, command);
  const auto tags = parse_tags(o, command);
  if (!picked || !tags) return 1;

  Desk d(*ws);
  for (const auto& expired : d.desk.expire_overdue())
    std::cout << fmt::format("bot {}: candidate {} cancelled ({})\n", expired.transition.bot_id,
                             expired.transition.candidate_id.value_or(0),
                             expired.transition.reason);
  int refused = 0;
  for (const auto& [number, c] : *picked) {
    const auto it = tags->find(number);
    const engine::Answer answer{
        "cli:" + ws->configuration.settings.user_id, ports::ApprovalChannel::Terminal,
        it == tags->end() ? std::vector<std::string>{} : it->second, o.reason};
    const auto outcome = decision == ports::ApprovalDecision::Approved
                             ? d.desk.approve(for_approval(c), answer)
                             : d.desk.reject(for_approval(c), answer);
    const std::string head = fmt::format("#{} {} {} {}", number, *c.bot_id, c.symbol, c.strategy);
    if (!outcome.done) {
      ++refused;
      std::cout << head << ": refused (" << name_of(outcome.code) << "): " << outcome.sentence
                << "\n";
    } else if (decision == ports::ApprovalDecision::Approved) {
      std::cout << head << ": approved" << tags_text(answer.tags)
                << ". Awaiting execution: the order path (venue and execution) is not built "
                   "yet, so no order was sent; bot "
                << *c.bot_id << " stays AWAITING_APPROVAL with its approval recorded.\n";
    } else {
      std::cout << head << ": rejected" << tags_text(answer.tags) << "; bot " << *c.bot_id
                << " is idle again.\n";
    }
  }
  return refused == 0 ? 0 : 1;
}

void add_answer_command(CLI::App& app, CommandContext& ctx, const std::string& name,
                        const std::string& description, ports::ApprovalDecision decision) {
  auto options = std::make_shared<AnswerOptions>();
  auto* sub = app.add_subcommand(name, description);
  sub->add_option("numbers", options->numbers, "candidate numbers from `dorado candidates`")
      ->required()
      ->check(CLI::PositiveNumber);
  sub->add_option("--tag", options->tags,
                  "annotation tag: key=value for every candidate, or N=key=value for number N");
  if (decision == ports::ApprovalDecision::Rejected)
    sub->add_option("--reason", options->reason, "why, in a few words");
  sub->callback([&ctx, options, name, decision] {
    ctx.exit_code = run_answer(ctx.config_dir, *options, name, decision);
  });
}

}  // namespace

void add_approval_commands(CLI::App& app, CommandContext& ctx) {
  app.add_subcommand("candidates", "the latest scan's candidates awaiting approval, numbered")
      ->callback([&ctx] { ctx.exit_code = run_candidates(ctx.config_dir); });
  add_answer_command(app, ctx, "select", "approve candidates by their numbers (e.g. select 1 5 7)",
                     ports::ApprovalDecision::Approved);
  add_answer_command(app, ctx, "approve", "the same as select", ports::ApprovalDecision::Approved);
  add_answer_command(app, ctx, "reject", "reject candidates by their numbers",
                     ports::ApprovalDecision::Rejected);
}

}  // namespace dorado::cli
