#include "dorado/strategy/chain/expiration_check.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "dorado/domain/enum_names.hpp"

namespace dorado::strategy {
namespace {

std::string fmt(double v, int decimals = 2) {
  const double scale = std::pow(10.0, decimals);
  std::string s = std::to_string(std::round(v * scale) / scale);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string percent(double share) {
  return fmt(share * 100.0, 1) + " %";
}

std::set<double> strikes_of(const OptionChain& chain, OptionRight right) {
  std::set<double> out;
  for (const auto& c : chain.contracts)
    if (c.right == right) out.insert(c.strike);
  return out;
}

std::optional<ChainDefect> one_sided_strike(const std::set<double>& puts,
                                            const std::set<double>& calls) {
  for (const double k : puts)
    if (!calls.contains(k))
      return ChainDefect{ReasonCode::PartialChain,
                         "strike " + fmt(k) + " is listed for puts but not for calls",
                         {{"strike", k}}};
  for (const double k : calls)
    if (!puts.contains(k))
      return ChainDefect{ReasonCode::PartialChain,
                         "strike " + fmt(k) + " is listed for calls but not for puts",
                         {{"strike", k}}};
  return std::nullopt;
}

// An interior step more than three times both of its neighbours' is a block
// of strikes the venue did not deliver (a grid changing from $1 to $5 steps
// is not, nor is the last coarse strike beyond the fine band at either end).
std::optional<ChainDefect> ladder_hole(const std::set<double>& strikes) {
  const std::vector<double> k(strikes.begin(), strikes.end());
  if (k.size() < 4) return std::nullopt;
  for (std::size_t i = 1; i + 2 < k.size(); ++i) {
    const double step = k[i + 1] - k[i];
    const double beside = std::max(k[i] - k[i - 1], k[i + 2] - k[i + 1]);
    if (step > 3.0 * beside + 1e-9)
      return ChainDefect{ReasonCode::PartialChain,
                         "no strikes between " + fmt(k[i]) + " and " + fmt(k[i + 1]) +
                             " where the ladder steps by " + fmt(beside),
                         {{"gap_from", k[i]}, {"gap_to", k[i + 1]}, {"step", beside}}};
  }
  return std::nullopt;
}

}  // namespace

std::optional<ChainDefect> find_strike_hole(const OptionChain& expiration_chain) {
  const auto puts = strikes_of(expiration_chain, OptionRight::Put);
  const auto calls = strikes_of(expiration_chain, OptionRight::Call);
  if (auto d = one_sided_strike(puts, calls)) return d;
  if (auto d = ladder_hole(puts)) return d;
  return ladder_hole(calls);
}

const PricedContract* ValidatedExpiration::nearest_delta(double target, OptionRight right) const {
  const PricedContract* best = nullptr;
  double best_distance = 0.0;
  for (const auto& c : contracts) {
    if (c.quote.right != right || !c.tradeable()) continue;
    const double distance = std::abs(c.model->delta - target);
    const bool closer =
        !best || distance < best_distance - 1e-12 ||
        (std::abs(distance - best_distance) <= 1e-12 && c.quote.strike < best->quote.strike);
    if (closer) {
      best = &c;
      best_distance = distance;
    }
  }
  return best;
}

const PricedContract* ValidatedExpiration::at_strike(double strike, OptionRight right) const {
  for (const auto& c : contracts)
    if (c.quote.right == right && c.tradeable() && std::abs(c.quote.strike - strike) < 0.005)
      return &c;
  return nullptr;
}

ValidatedExpiration validate_expiration(const OptionChain& chain, Date expiration,
                                        const PricingAssumptions& pricing,
                                        const ChainQualityLimits& limits) {
  const OptionChain slice = chain.filter_by_expiration(expiration);
  ValidatedExpiration v;
  v.underlying = chain.underlying;
  v.expiration = expiration;
  v.dte = static_cast<int>(
      (std::chrono::sys_days{expiration} - std::chrono::sys_days{chain.as_of_date()}).count());
  v.spot = chain.spot;
  v.missing_greeks_share = slice.missing_greeks_fraction();

  std::size_t with_venue_delta = 0;
  v.contracts.reserve(slice.size());
  for (const auto& c : slice.contracts) {
    v.contracts.push_back(price_contract(c, chain.spot, chain.as_of_date(), pricing, limits));
    const PricedContract& p = v.contracts.back();
    if (p.spread == SpreadQuality::Wide) ++v.wide_spreads;
    if (p.spread == SpreadQuality::TooWide) ++v.excluded_spreads;
    if (p.model && c.delta) ++with_venue_delta;
    if (p.stale_greeks) ++v.stale_greeks;
  }

  const std::string where = chain.underlying + " " + to_iso_date(expiration) + ": ";
  if (slice.empty()) {
    v.defect = ChainDefect{ReasonCode::ChainUnavailable, where + "no contracts", {}};
  } else if (v.missing_greeks_share > limits.max_missing_greeks_share) {
    v.defect =
        ChainDefect{ReasonCode::ChainMissingGreeks,
                    where + percent(v.missing_greeks_share) + " of contracts lack greeks (max " +
                        percent(limits.max_missing_greeks_share) + ")",
                    {{"missing_greeks_share", v.missing_greeks_share},
                     {"max_missing_greeks_share", limits.max_missing_greeks_share}}};
  } else if (auto hole = find_strike_hole(slice)) {
    hole->sentence = where + hole->sentence;
    v.defect = std::move(hole);
  } else if (with_venue_delta > 0) {
    const double stale_share =
        static_cast<double>(v.stale_greeks) / static_cast<double>(with_venue_delta);
    if (stale_share > limits.max_stale_greeks_share)
      v.defect = ChainDefect{
          ReasonCode::StaleGreeks,
          where + percent(stale_share) + " of contracts carry venue deltas more than " +
              fmt(limits.stale_delta_tolerance) + " from the delta of their own quote (max " +
              percent(limits.max_stale_greeks_share) + ")",
          {{"stale_greeks_share", stale_share},
           {"max_stale_greeks_share", limits.max_stale_greeks_share}}};
  }
  return v;
}

}  // namespace dorado::strategy
