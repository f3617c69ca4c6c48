#include "dorado/risk/portfolio_state.hpp"

#include <algorithm>
#include <set>

namespace dorado::risk {
namespace {

template <typename Pred>
Money sum_max_loss(const PortfolioState& p, Pred include) {
  Money total(p.currency());
  for (const auto& pos : p.positions)
    if (include(pos)) total += pos.max_loss;
  return total;
}

}  // namespace

PortfolioState PortfolioState::flat(Money equity) {
  return PortfolioState{equity, equity, equity, {}, {}, {}};
}

Money PortfolioState::heat() const {
  return sum_max_loss(*this, [](const PositionRisk&) { return true; });
}

Money PortfolioState::max_loss_in_underlying(const std::string& underlying) const {
  return sum_max_loss(*this, [&](const PositionRisk& p) { return p.underlying == underlying; });
}

Money PortfolioState::max_loss_in_class(AssetClass asset_class) const {
  return sum_max_loss(*this, [&](const PositionRisk& p) { return p.asset_class == asset_class; });
}

Money PortfolioState::max_loss_in(const std::vector<std::string>& names) const {
  return sum_max_loss(*this, [&](const PositionRisk& p) {
    return std::find(names.begin(), names.end(), p.underlying) != names.end();
  });
}

Exposure PortfolioState::exposure() const {
  Exposure total;
  for (const auto& p : positions) total += p.exposure;
  return total;
}

int PortfolioState::positions_of_bot(const std::string& bot_id) const {
  return static_cast<int>(std::count_if(positions.begin(), positions.end(),
                                        [&](const PositionRisk& p) { return p.bot_id == bot_id; }));
}

Quantity PortfolioState::shares_free(const std::string& underlying) const {
  const auto it = shares_held.find(underlying);
  Quantity free = it == shares_held.end() ? Quantity{} : it->second;
  for (const auto& p : positions)
    if (p.underlying == underlying) free -= p.shares_pledged;
  return free;
}

std::vector<std::string> PortfolioState::underlyings() const {
  std::set<std::string> names;
  for (const auto& p : positions) names.insert(p.underlying);
  return {names.begin(), names.end()};
}

double PortfolioState::drawdown_pct() const {
  if (!peak_equity.is_positive() || equity >= peak_equity) return 0.0;
  return (peak_equity - equity).to_double() / peak_equity.to_double() * 100.0;
}

double PortfolioState::pct_of_equity(double amount) const {
  return amount / equity.to_double() * 100.0;
}

PortfolioState PortfolioState::with(const PositionRisk& position) const {
  PortfolioState next = *this;
  next.positions.push_back(position);
  next.cash -= position.buying_power;
  return next;
}

}  // namespace dorado::risk
