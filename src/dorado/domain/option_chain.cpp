#include "dorado/domain/option_chain.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado {
namespace {

constexpr double kDeltaTieTolerance = 1e-12;

template <typename Keep>
OptionChain keep_if(const OptionChain& chain, Keep keep) {
  OptionChain out{chain.underlying, chain.spot, chain.as_of, {}};
  std::copy_if(chain.contracts.begin(), chain.contracts.end(), std::back_inserter(out.contracts),
               keep);
  return out;
}

// Deterministic preference between two equally near contracts.
bool preferred_on_tie(const OptionContract& a, const OptionContract& b) {
  if (a.strike != b.strike) return a.strike < b.strike;
  return a.expiration < b.expiration;
}

}  // namespace

Date OptionChain::as_of_date() const {
  return Date{std::chrono::floor<std::chrono::days>(as_of)};
}

std::vector<Date> OptionChain::expirations() const {
  std::vector<Date> out;
  out.reserve(contracts.size());
  for (const auto& c : contracts) out.push_back(c.expiration);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

OptionChain OptionChain::filter_by_dte(int min_dte, int max_dte) const {
  if (min_dte > max_dte)
    throw std::invalid_argument("filter_by_dte: min_dte " + std::to_string(min_dte) +
                                " is greater than max_dte " + std::to_string(max_dte));
  const Date today = as_of_date();
  return keep_if(*this, [&](const OptionContract& c) {
    const int dte = c.dte(today);
    return dte >= min_dte && dte <= max_dte;
  });
}

OptionChain OptionChain::filter_by_expiration(Date expiration) const {
  return keep_if(*this, [&](const OptionContract& c) { return c.expiration == expiration; });
}

OptionChain OptionChain::filter_by_delta(double min_delta, double max_delta) const {
  if (std::isnan(min_delta) || std::isnan(max_delta) || min_delta > max_delta)
    throw std::invalid_argument("filter_by_delta: need min_delta <= max_delta, got " +
                                std::to_string(min_delta) + " and " + std::to_string(max_delta));
  return keep_if(*this, [&](const OptionContract& c) {
    return c.delta.has_value() && *c.delta >= min_delta && *c.delta <= max_delta;
  });
}

OptionChain OptionChain::puts() const {
  return keep_if(*this, [](const OptionContract& c) { return c.right == OptionRight::Put; });
}

OptionChain OptionChain::calls() const {
  return keep_if(*this, [](const OptionContract& c) { return c.right == OptionRight::Call; });
}

std::optional<OptionContract> OptionChain::nearest_delta(double target, OptionRight right) const {
  if (std::isnan(target)) throw std::invalid_argument("nearest_delta: target delta is NaN");
  const OptionContract* best = nullptr;
  double best_distance = 0.0;
  for (const auto& c : contracts) {
    if (c.right != right || !c.delta.has_value() || std::isnan(*c.delta)) continue;
    const double distance = std::abs(*c.delta - target);
    const bool nearer = best == nullptr || distance < best_distance - kDeltaTieTolerance;
    const bool tie = best != nullptr && std::abs(distance - best_distance) <= kDeltaTieTolerance;
    if (nearer || (tie && preferred_on_tie(c, *best))) {
      best = &c;
      best_distance = distance;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

double OptionChain::missing_greeks_fraction() const {
  if (contracts.empty()) return 0.0;
  const auto missing = std::count_if(contracts.begin(), contracts.end(),
                                     [](const OptionContract& c) { return !c.has_greeks(); });
  return static_cast<double>(missing) / static_cast<double>(contracts.size());
}

}  // namespace dorado
