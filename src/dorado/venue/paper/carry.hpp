#pragma once
// The carry of margined positions, which the paper venue books to cash like
// the venues it stands in for:
// - crypto perpetual funding (Hyperliquid, ../shared/ref/hyperliquid-api.md
//   section 2): each interval a position pays size x mark x rate; longs pay
//   shorts when the rate is positive, so the cash change is -qty x mark x rate;
// - FX financing (OANDA v20, ../shared/ref/oanda-v20.md section 8): per
//   rollover, |units| x price x the side's annual rate x days charged / 365,
//   negative when the holder pays; the days come from the rates' weekday
//   table (the Wednesday triple covers the weekend's settlement).
// Amounts are in the instrument's currency, rounded half to even to a
// micro-unit (rates are analytics, so the product is scaled, not exact).
#include <string>

#include "dorado/domain/money.hpp"
#include "dorado/domain/position_leg.hpp"
#include "dorado/domain/price.hpp"
#include "dorado/ports/venue_crypto.hpp"
#include "dorado/ports/venue_fx.hpp"

namespace dorado::venue::paper {

struct CarryCharge {
  std::string symbol;
  std::string kind;               // "funding" or "financing"
  Money amount{Currency{"USD"}};  // instrument currency; negative: paid
  Money booked{Currency{"USD"}};  // the same in the account currency
  Timestamp time{};               // the funding's as_of, or the rollover day (00:00 UTC)

  friend bool operator==(const CarryCharge&, const CarryCharge&) = default;
};

Money funding_payment(const PositionLeg& leg, Price mark, const ports::PerpFunding& funding);

// `days`: days charged for this rollover (0 for none).
Money financing_charge(const PositionLeg& leg, Price price, const ports::FinancingRates& rates,
                       int days);

// Days charged for the rollover at the end of `day`, from the weekday table.
int days_charged(const ports::FinancingRates& rates, Date day);

}  // namespace dorado::venue::paper
