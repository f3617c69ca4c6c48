#include "dorado/venue/paper/paper_ledger.hpp"

#include <utility>

#include "dorado/domain/notional.hpp"
#include "dorado/venue/paper/cash_requirement.hpp"
#include "dorado/venue/paper/currency_conversion.hpp"
#include "dorado/venue/us_stock.hpp"

namespace dorado::venue::paper {
namespace {

ports::VenueError no_conversion(const Money& amount, Currency to) {
  return {ReasonCode::QuoteUnavailable,
          "no quote to convert " + amount.to_string() + " into " + std::string(to.code())};
}

// The underlying a share or option position belongs to.
const std::string& underlying_of(const Instrument& instrument) {
  return instrument.option ? instrument.option->underlying : instrument.symbol;
}

}  // namespace

bool is_margined(const Instrument& instrument) {
  return instrument.asset_class == AssetClass::Fx || instrument.asset_class == AssetClass::Crypto;
}

std::optional<Price> mark_of(const PaperMarket& market, const Instrument& instrument) {
  const auto q = market.quote(instrument);
  if (!q || q->is_crossed()) return std::nullopt;
  if (q->is_two_sided()) return Price::from_double(q->mid());
  if (q->bid > 0.0) return Price::from_double(q->bid);
  if (q->ask > 0.0) return Price::from_double(q->ask);
  return std::nullopt;
}

PaperLedger::PaperLedger(Currency account_currency, Money starting_cash)
    : currency_(account_currency), cash_(std::move(starting_cash)) {
  if (cash_.currency() != currency_)
    throw std::invalid_argument("paper venue: starting cash " + cash_.to_string() +
                                " is not in the account currency " + std::string(currency_.code()));
}

ports::VenueResult<Money> PaperLedger::book(const Fill& fill, const PaperMarket& market) {
  PositionLeg leg = legs_.count(fill.instrument.symbol) ? legs_.at(fill.instrument.symbol)
                                                        : PositionLeg(fill.instrument);
  const Money realized = leg.apply(fill);
  const Money change = is_margined(fill.instrument) ? realized - fill.fee : fill.cash_flow();
  const auto converted = convert(change, currency_, market);
  if (!converted) return no_conversion(change, currency_);
  cash_ += *converted;
  if (leg.is_flat())
    legs_.erase(fill.instrument.symbol);
  else
    legs_.insert_or_assign(fill.instrument.symbol, std::move(leg));
  return realized;
}

PaperLedger PaperLedger::restore(Currency account_currency, Money cash,
                                 const std::vector<Fill>& booked) {
  PaperLedger ledger(account_currency, std::move(cash));
  for (const Fill& fill : booked) {
    auto it = ledger.legs_.try_emplace(fill.instrument.symbol, fill.instrument).first;
    it->second.apply(fill);
    if (it->second.is_flat()) ledger.legs_.erase(it);
  }
  return ledger;
}

const PositionLeg* PaperLedger::leg(const std::string& symbol) const {
  const auto it = legs_.find(symbol);
  return it == legs_.end() ? nullptr : &it->second;
}

std::vector<ports::VenuePosition> PaperLedger::positions(const PaperMarket& market) const {
  std::vector<ports::VenuePosition> out;
  for (const auto& [symbol, leg] : legs_)
    if (!leg.is_flat()) out.push_back({leg, mark_of(market, leg.instrument())});
  return out;
}

ports::VenueResult<AccountFigures> PaperLedger::figures(const PaperMarket& market,
                                                        const PaperVenueConfig& config,
                                                        Timestamp now) const {
  AccountFigures out;
  ports::AccountState& s = out.state;
  s = ports::AccountState{.currency = currency_,
                          .cash = cash_,
                          .buying_power = cash_,
                          .margin_used = Money(currency_),
                          .equity = cash_,
                          .as_of = now};
  std::map<std::string, std::vector<const PositionLeg*>> groups;
  for (const auto& [symbol, leg] : legs_) {
    const Instrument& i = leg.instrument();
    const auto mark = mark_of(market, i);
    const Money value = mark ? leg.market_value(*mark) : leg.cost_basis();
    if (!is_margined(i)) {
      groups[underlying_of(i)].push_back(&leg);
      const auto converted = convert(value, currency_, market);
      if (!converted) return no_conversion(value, currency_);
      s.equity += *converted;
      continue;
    }
    const double rate =
        i.asset_class == AssetClass::Fx ? config.fx_margin_rate : config.crypto_margin_rate;
    const Money margin = value.abs().scaled_by(rate);
    const Money open_pnl = value - leg.cost_basis();
    const auto margin_here = convert(margin, currency_, market);
    const auto open_pnl_here = convert(open_pnl, currency_, market);
    if (!margin_here) return no_conversion(margin, currency_);
    if (!open_pnl_here) return no_conversion(open_pnl, currency_);
    s.margin_used += *margin_here;
    s.equity += *open_pnl_here;
    s.buying_power += *open_pnl_here;
  }
  for (const auto& [underlying, legs] : groups) {
    const auto requirement = group_requirement(legs, mark_of(market, us_stock(underlying)));
    const auto cash = convert(requirement.cash, currency_, market);
    if (!cash) return no_conversion(requirement.cash, currency_);
    s.margin_used += *cash;
    if (requirement.uncovered) out.uncovered.push_back(underlying);
  }
  s.buying_power -= s.margin_used;
  return out;
}

}  // namespace dorado::venue::paper
