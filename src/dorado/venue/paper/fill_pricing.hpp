#pragma once
// At what prices an order fills against the quotes now, or why it does not.
//
// - Each leg trades at its far side: a buy at the ask, a sell at the bid. A
//   leg without that side quoted (no ask, no bid) has no market.
// - A market order pays the far side plus the configured adverse slippage
//   per leg (never below one tick for a sell).
// - A limit order fills when the far side reaches it, at the far side, which
//   is at or better than the limit: a single-leg buy when ask <= limit, a
//   sell when bid >= limit; a combo when its net far price (domain net_price:
//   debits positive, credits negative) is <= its limit. A combo fills on all
//   legs at once or not at all.
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/order.hpp"
#include "dorado/domain/quote.hpp"
#include "dorado/domain/reason_code.hpp"
#include "dorado/venue/paper/paper_venue_config.hpp"

namespace dorado::venue::paper {

struct MatchPrices {
  std::vector<Price> leg_prices;  // one per leg
  Price net;                      // in the order's limit-price convention
};

struct NoMatch {
  // quote_unavailable: a leg has no market; nullopt: the limit is not reached.
  std::optional<ReasonCode> reason;
  std::string why;
};

struct PricingOutcome {
  std::optional<MatchPrices> match;
  NoMatch no_match;
};

// `quotes` holds one entry per leg (nullopt: no quote at all).
PricingOutcome price_order(const Order& order, const std::vector<std::optional<Quote>>& quotes,
                           const MarketSlippage& slippage);

// The order price of one unit at `leg_prices`: the leg price for a single
// leg, the signed net for a combo.
Price order_price(const Order& order, const std::vector<Price>& leg_prices);

}  // namespace dorado::venue::paper
