#include "dorado/cli/scan_screen.hpp"

#include <fmt/format.h>

#include <ostream>

namespace dorado::cli {
namespace {

std::string regime_text(const std::optional<PublishedRegime>& r, std::string_view missing) {
  if (!r) return std::string(missing);
  return fmt::format("{} ({:.2f}, as of {})", r->label, r->confidence,
                     to_iso_date(Date{std::chrono::floor<std::chrono::days>(r->as_of)}));
}

std::string money_text(const Money& m) {
  return fmt::format("{:.2f} {}", m.to_double(), m.currency().code());
}

void print_gates(std::ostream& out, const engine::BotScan& b) {
  if (!b.gates) return;
  for (const auto& g : b.gates->gates)
    out << fmt::format("    {} {:<22} {}\n", g.passed ? "pass" : "FAIL", g.gate, g.sentence);
  if (!b.gates->not_evaluated.empty())
    out << fmt::format("    not evaluated: {}\n", fmt::join(b.gates->not_evaluated, ", "));
}

void print_underlyings(std::ostream& out, const engine::ScanResult& r) {
  for (const auto& b : r.bots) {
    const auto regime = b.gates && b.gates->regime ? *b.gates->regime : "allow-all";
    out << fmt::format("{:<7} {}  (bot {}, regime {})\n", b.symbol, b.strategy, b.bot_id, regime);
    print_gates(out, b);
    if (b.stop)
      out << fmt::format("    -> stopped at {}: {} ({})\n", b.stop->stage, b.stop->sentence,
                         name_of(b.stop->reason));
    else if (b.entry)
      out << "    -> candidate\n";
    out << "\n";
  }
}

// "put 560/555  call 600/605" (short/long per side) for option structures.
std::string strikes_text(const strategy::ResolutionDetail& d) {
  std::string puts, calls;
  for (const auto& leg : d.legs) {
    auto& side = leg.contract.quote.right == OptionRight::Put ? puts : calls;
    side += (side.empty() ? "" : "/") + fmt::format("{:g}", leg.strike());
  }
  std::string out;
  if (!puts.empty()) out += "put " + puts;
  if (!calls.empty()) out += (out.empty() ? "" : "  ") + std::string("call ") + calls;
  return out;
}

std::string trade_text(const strategy::ResolutionDetail& d) {
  if (d.option)
    return fmt::format("exp {} ({} DTE)  {}  credit {:.2f} (natural {:.2f})",
                       to_iso_date(d.option->expiration), d.option->dte, strikes_text(d),
                       d.option->credit_mid, d.option->credit_natural);
  if (d.momentum) {
    const auto& m = *d.momentum;
    return fmt::format("{} {} entry {:.5g} stop {:.5g}{}", name_of(m.direction),
                       name_of(m.order_type), m.entry, m.stop,
                       m.target ? fmt::format(" target {:.5g}", *m.target) : "");
  }
  return "";
}

void print_candidates(std::ostream& out, const engine::ScanResult& r) {
  out << "Candidates, ranked across the portfolio\n";
  if (r.selection.decisions.empty()) out << "  none\n";
  for (const auto& d : r.selection.decisions) {
    const auto* bot = r.bot_of_entry(d.input_index);
    const auto& c = d.candidate;
    out << fmt::format(" #{:<3} {:<7} {:<16} {}\n", d.rank, c.underlying, c.strategy,
                       bot && bot->resolved ? trade_text(bot->resolved->detail) : "");
    out << fmt::format(
        "      score {:.3f}  qty {}  max loss {}  risk confidence {:.2f} ({})  -> {}\n", c.score,
        d.position ? fmt::format("{:g}", d.position->quantity.to_double()) : "-",
        d.position ? money_text(d.position->max_loss) : money_text(c.max_loss) + " per unit",
        bot ? engine::risk_confidence(*bot) : 0.0,
        bot ? engine::risk_confidence_label(engine::risk_confidence(*bot)) : "low",
        name_of(d.outcome));
    if (bot && bot->resolved) {
      for (const auto& mark : bot->resolved->detail.quality_marks)
        out << fmt::format("      data quality: {}\n", mark);
      for (const auto& alt : bot->resolved->detail.strike_alternatives)
        out << fmt::format("      strike choice: {}\n", alt.sentence);
    }
    if (!d.failed_checks.empty())
      out << fmt::format("      {}: {}\n", name_of(d.reason), d.failed_checks.front().sentence);
  }
}

void print_skipped(std::ostream& out, const engine::ScanResult& r) {
  out << "Skipped underlyings\n";
  if (r.skipped.empty()) out << "  none\n";
  for (const auto& s : r.skipped)
    out << fmt::format("  {:<7} {:<28} {}\n", s.symbol, s.reason, s.sentence);
}

}  // namespace

void print_scan_screen(std::ostream& out, const engine::DailyScan& scan) {
  const auto& r = scan.result;
  out << fmt::format("Daily scan {} (scan {}) on the {}\n", to_iso_date(r.as_of), r.scan_id,
                     scan.header.market_data);
  out << fmt::format(
      "Macro regime: {}\n",
      regime_text(scan.header.regimes.macro, "none published (allow-all: regime gates pass)"));
  out << fmt::format("Correlation regime: {}\n\n",
                     regime_text(r.correlation_regime, "none published"));
  print_underlyings(out, r);
  print_candidates(out, r);
  out << "\n";
  print_skipped(out, r);
  out << "\n";
  if (r.selection.halted_by) out << fmt::format("HALTED: {}\n", *r.selection.halted_by);
  for (const auto& e : scan.risk_events)
    out << fmt::format("risk event: {} {} ({})\n", e.kind, e.breaker.value_or("-"), e.reason);
  out << r.selection.budget.sentence << "\n";
}

}  // namespace dorado::cli
