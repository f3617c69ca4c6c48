// Property tests over thousands of seeded random books and candidate lists:
//  1. the selected set never breaks a limit (checked by an oracle written here,
//     independently of portfolio_checks.cpp: it recomputes every figure of the
//     final book from scratch, clusters included);
//  2. selection honours rank order: every candidate skipped for portfolio reasons
//     would not have fitted the book as it stood at its turn (the initial book plus
//     every higher-ranked selected candidate), so no lower-ranked candidate was
//     taken in place of a higher-ranked one that still fitted; and every selected
//     candidate did fit at its turn;
//  3. the bookkeeping adds up: the final book is the initial one plus the selected
//     positions, the paper book respects its cap and drops the lowest ranks, and
//     the budget is floor(headroom / typical).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "dorado/risk/selection.hpp"
#include "risk/risk_fixtures.hpp"

namespace dorado::risk {
namespace {

using namespace testing;

struct Universe {
  std::vector<std::string> symbols{"SPY", "QQQ", "IWM", "GLD", "TLT", "EUR_USD", "USD_JPY", "BTC"};
  AssetClass class_of(const std::string& s) const {
    if (s == "BTC") return AssetClass::Crypto;
    if (s.find('_') != std::string::npos) return AssetClass::Fx;
    return AssetClass::EquityOptions;
  }
};

// ---- the oracle ------------------------------------------------------------------

std::vector<std::set<std::string>> oracle_clusters(const PortfolioState& book, double threshold) {
  std::set<std::string> todo;
  for (const auto& p : book.positions) todo.insert(p.underlying);
  std::vector<std::set<std::string>> clusters;
  while (!todo.empty()) {
    std::set<std::string> cluster{*todo.begin()};
    std::vector<std::string> frontier{*todo.begin()};
    todo.erase(todo.begin());
    while (!frontier.empty()) {  // breadth-first over |rho| >= threshold
      const std::string s = frontier.back();
      frontier.pop_back();
      for (auto it = todo.begin(); it != todo.end();) {
        const auto rho = book.correlations.get(s, *it);
        if (rho && std::abs(*rho) >= threshold) {
          cluster.insert(*it);
          frontier.push_back(*it);
          it = todo.erase(it);
        } else {
          ++it;
        }
      }
    }
    clusters.push_back(cluster);
  }
  return clusters;
}

// Every limit the book breaks, by name ("" when none).
std::vector<std::string> violations(const PortfolioState& book, const config::RiskPolicy& policy,
                                    const std::map<std::string, int>& bot_max) {
  const auto& lim = policy.portfolio;
  const Money& eq = book.equity;
  const auto limit = [&](double pct) { return eq.scaled_by(pct / 100.0); };
  std::vector<std::string> out;
  Money heat(kUsd);
  std::map<std::string, Money> by_underlying;
  std::map<AssetClass, Money> by_class;
  std::map<std::string, int> by_bot;
  std::map<std::string, Quantity> pledged;
  double delta = 0, vega = 0;
  for (const auto& p : book.positions) {
    heat += p.max_loss;
    by_underlying.try_emplace(p.underlying, kUsd).first->second += p.max_loss;
    by_class.try_emplace(p.asset_class, kUsd).first->second += p.max_loss;
    ++by_bot[p.bot_id];
    pledged[p.underlying] += p.shares_pledged;
    delta += p.exposure.delta_dollars;
    vega += p.exposure.vega;
  }
  if (heat > limit(lim.max_heat_pct)) out.push_back("heat");
  for (const auto& [u, m] : by_underlying)
    if (m > limit(lim.max_single_underlying_pct)) out.push_back("underlying " + u);
  for (const auto& [c, m] : by_class)
    if (lim.max_asset_class_pct.count(c) && m > limit(lim.max_asset_class_pct.at(c)))
      out.push_back("class " + std::string(name_of(c)));
  for (const auto& cluster : oracle_clusters(book, lim.correlation_threshold)) {
    Money m(kUsd);
    for (const auto& [u, loss] : by_underlying)
      if (cluster.count(u)) m += loss;
    if (m > limit(lim.max_correlated_cluster_pct)) out.push_back("cluster");
  }
  const double e = eq.to_double();
  if (delta < lim.net_delta_range_pct.min / 100.0 * e ||
      delta > lim.net_delta_range_pct.max / 100.0 * e)
    out.push_back("delta");
  if (vega < lim.net_vega_range_pct.min / 100.0 * e ||
      vega > lim.net_vega_range_pct.max / 100.0 * e)
    out.push_back("vega");
  if (book.cash < limit(lim.min_cash_pct)) out.push_back("cash");
  for (const auto& [u, q] : pledged) {
    const auto held = book.shares_held.count(u) ? book.shares_held.at(u) : Quantity{};
    if (q > held) out.push_back("shares " + u);
  }
  for (const auto& [b, n] : by_bot)
    if (bot_max.count(b) && n > bot_max.at(b)) out.push_back("bot " + b);
  return out;
}

// ---- random books and candidates ---------------------------------------------------

struct Gen {
  std::mt19937_64 rng;
  Universe u;

  double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
  int integer(int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(integer(0, static_cast<int>(v.size()) - 1))];
  }
  Money dollars(int a, int b) { return Money::from_units(integer(a, b), kUsd); }

  PositionRisk random_position(const std::string& id, const std::vector<std::string>& bots) {
    const std::string sym = pick(u.symbols);
    PositionRisk p = position(id, sym, u.class_of(sym), "0", "0", {}, pick(bots));
    p.max_loss = dollars(50, 3500);
    p.buying_power = integer(0, 3) == 0 ? dollars(5000, 40000) : p.max_loss;
    // Whole-dollar greeks keep every sum exact, so the oracle and the library agree
    // to the last bit at the boundaries.
    p.exposure.delta_dollars = integer(-9000, 9000);
    p.exposure.vega = integer(-400, 250);
    if (sym == "SPY" && integer(0, 4) == 0) p.shares_pledged = Quantity::units(100);
    return p;
  }

  PortfolioState random_book(const config::RiskPolicy& policy,
                             const std::map<std::string, int>& bot_max,
                             const std::vector<std::string>& bots) {
    const Money equity = dollars(40000, 250000);
    auto book = PortfolioState::flat(equity);
    book.cash = equity.scaled_by(uniform(0.35, 1.0));
    book.peak_equity = equity;
    if (integer(0, 1)) book.shares_held["SPY"] = Quantity::units(100 * integer(0, 3));
    for (std::size_t i = 0; i < u.symbols.size(); ++i)
      for (std::size_t j = i + 1; j < u.symbols.size(); ++j)
        if (integer(0, 2) == 0) book.correlations.set(u.symbols[i], u.symbols[j], uniform(-1, 1));
    const int tries = integer(0, 12);
    for (int t = 0; t < tries; ++t) {  // only positions that keep the book within limits
      const auto next = book.with(random_position("open" + std::to_string(t), bots));
      if (violations(next, policy, bot_max).empty()) book = next;
    }
    return book;
  }

  SelectionEntry random_entry(int i, const std::vector<std::string>& bots,
                              const std::map<std::string, int>& bot_max) {
    auto pos = random_position("cand" + std::to_string(i), bots);
    // Scores from a coarse grid so that ties are common.
    const double score = integer(0, 20) / 20.0;
    SelectionEntry e{
        candidate(pos.bot_id, pos.underlying, "s", {}, Money(kUsd), pos.max_loss, score),
        pos,
        {},
        bot_max.at(pos.bot_id)};
    if (integer(0, 9) == 0) {
      e.position.reset();
      e.trade_failures = {
          CheckResult::fail("data_quality", ReasonCode::DataQualityTooLow, {}, "low")};
    }
    return e;
  }
};

std::map<std::string, int> random_bot_limits(Gen& g, const std::vector<std::string>& bots) {
  std::map<std::string, int> m;
  for (const auto& b : bots) m[b] = g.integer(1, 3);
  return m;
}

TEST(SelectionProperties, NeverBreaksALimitAndHonoursRankOrder) {
  const auto policy = shipped_policy();
  const std::vector<std::string> bots{"b1", "b2", "b3", "b4", "b5"};
  Gen g{std::mt19937_64{20240311}, {}};
  int selected_total = 0, skipped_total = 0, halted_runs = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const auto bot_max = random_bot_limits(g, bots);
    const auto book = g.random_book(policy, bot_max, bots);
    ASSERT_TRUE(violations(book, policy, bot_max).empty());
    std::vector<SelectionEntry> entries;
    const int n = g.integer(0, 40);
    for (int i = 0; i < n; ++i) entries.push_back(g.random_entry(i, bots, bot_max));
    CircuitBreakerState breakers;
    if (g.integer(0, 49) == 0) {
      breakers.tripped.push_back({Breaker::DailyLoss, config::BreakerAction::HaltNewTrades, 1.0,
                                  kAsOf, 3.5, 3, "daily loss"});
      ++halted_runs;
    }
    const std::size_t cap = static_cast<std::size_t>(g.integer(0, 30));
    const auto r = select(book, entries, policy, breakers, SelectionOptions{.paper_cap = cap});
    SCOPED_TRACE("trial " + std::to_string(trial));

    // 1. The final book breaks nothing.
    const auto broken = violations(r.portfolio, policy, bot_max);
    ASSERT_TRUE(broken.empty()) << broken.front();

    // 2. Rank order, walked again with the oracle.
    ASSERT_EQ(r.decisions.size(), entries.size());
    PortfolioState at_turn = book;
    std::size_t on_paper = 0;
    bool dropped_seen = false;
    for (std::size_t k = 0; k < r.decisions.size(); ++k) {
      const auto& d = r.decisions[k];
      const auto& e = entries[d.input_index];
      EXPECT_EQ(d.rank, static_cast<int>(k) + 1);
      if (k > 0) {
        EXPECT_LE(d.candidate.score, r.decisions[k - 1].candidate.score);
      }
      if (d.outcome == SelectionOutcome::Selected) {
        ASSERT_FALSE(breakers.halts_new_trades());
        ASSERT_TRUE(e.position.has_value());
        at_turn = at_turn.with(*e.position);
        ASSERT_TRUE(violations(at_turn, policy, bot_max).empty());
        ++selected_total;
        continue;
      }
      EXPECT_FALSE(d.failed_checks.empty());
      EXPECT_EQ(d.candidate.rejection, d.failed_checks.front().reason);
      if (!breakers.halts_new_trades() && e.trade_failures.empty()) {
        // Skipped for the book's sake: it must not have fitted at its turn.
        EXPECT_FALSE(violations(at_turn.with(*e.position), policy, bot_max).empty())
            << "rank " << d.rank
            << " skipped though it fitted: " << d.failed_checks.front().sentence;
        ++skipped_total;
      }
      // 3a. The paper cap keeps the best-ranked misfits.
      if (d.outcome == SelectionOutcome::Paper) {
        EXPECT_FALSE(dropped_seen);
        ++on_paper;
      } else {
        EXPECT_EQ(d.outcome, SelectionOutcome::Dropped);
        EXPECT_EQ(d.reason, ReasonCode::PaperCapReached);
        dropped_seen = true;
      }
    }
    EXPECT_LE(on_paper, cap);
    // 3b. The book is the initial one plus the selected positions, in rank order.
    EXPECT_EQ(r.portfolio, at_turn);
    // 3c. The budget: n typical trades fit in the headroom, n + 1 do not.
    const Money headroom = r.budget.heat_headroom;
    const Money typical = r.budget.typical_max_loss;
    const int n_fit = r.budget.trades_before_heat_limit;
    EXPECT_LE(typical * n_fit, headroom);
    EXPECT_GT(typical * (n_fit + 1), headroom);
  }
  // The generator must exercise both paths, or the properties say little.
  EXPECT_GT(selected_total, 5000);
  EXPECT_GT(skipped_total, 10000);
  EXPECT_GT(halted_runs, 20);
}

TEST(SelectionProperties, SameInputsSameDecisions) {
  const auto policy = shipped_policy();
  const std::vector<std::string> bots{"b1", "b2", "b3"};
  for (int trial = 0; trial < 200; ++trial) {
    Gen g{std::mt19937_64{static_cast<std::uint64_t>(trial)}, {}};
    const auto bot_max = random_bot_limits(g, bots);
    const auto book = g.random_book(policy, bot_max, bots);
    std::vector<SelectionEntry> entries;
    for (int i = 0; i < 25; ++i) entries.push_back(g.random_entry(i, bots, bot_max));
    const auto a = select(book, entries, policy, {});
    // The same candidates in reverse input order rank the same, except that exact
    // duplicates swap places: compare what was chosen, not the indices.
    std::vector<SelectionEntry> reversed(entries.rbegin(), entries.rend());
    const auto b = select(book, reversed, policy, {});
    ASSERT_EQ(a.decisions.size(), b.decisions.size());
    for (std::size_t k = 0; k < a.decisions.size(); ++k) {
      EXPECT_EQ(a.decisions[k].outcome, b.decisions[k].outcome);
      EXPECT_EQ(a.decisions[k].candidate.score, b.decisions[k].candidate.score);
      EXPECT_EQ(a.decisions[k].candidate.max_loss, b.decisions[k].candidate.max_loss);
    }
    EXPECT_EQ(a.budget.sentence, b.budget.sentence);
  }
}

}  // namespace
}  // namespace dorado::risk
