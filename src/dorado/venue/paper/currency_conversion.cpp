#include "dorado/venue/paper/currency_conversion.hpp"

#include <string>

#include "dorado/domain/instrument.hpp"

namespace dorado::venue::paper {
namespace {

std::optional<double> pair_mid(Currency base, Currency quote, const PaperMarket& market) {
  const auto q = market.quote(fx_pair(std::string(base.code()) + "_" + std::string(quote.code())));
  if (!q || !q->is_two_sided() || q->is_crossed()) return std::nullopt;
  return q->mid();
}

}  // namespace

std::optional<Money> convert(const Money& amount, Currency to, const PaperMarket& market) {
  if (amount.currency() == to) return amount;
  if (amount.is_zero()) return Money(to);
  // FROM_TO quotes TO per FROM: 1,000 JPY x JPY_USD... -> USD.
  if (const auto mid = pair_mid(amount.currency(), to, market))
    return Money::from_micros(amount.scaled_by(*mid).micros(), to);
  if (const auto mid = pair_mid(to, amount.currency(), market))
    return Money::from_micros(amount.scaled_by(1.0 / *mid).micros(), to);
  return std::nullopt;
}

}  // namespace dorado::venue::paper
