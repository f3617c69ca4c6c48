#pragma once
// What the paper venue charges, per order, like the brokers it stands in
// for. An order's commission is computed on everything it has filled so far,
// clamped to the schedule's minimum and maximum, and each fill is charged the
// increase, so partial fills add up to exactly what one fill would cost.
//
// Defaults and their sources (retail, non-tiered, as published):
// - US options: USD 0.65 per contract, USD 1.00 minimum per order. IBKR Pro
//   fixed/tiered (< 10,000 contracts a month), interactivebrokers.com
//   /en/pricing/commissions-options.php. Exchange and regulatory fees left out.
// - US stock (only after assignment, or selling assigned shares): USD 0.005
//   per share, USD 1.00 minimum, at most 1 % of the trade value. IBKR Pro
//   fixed, /en/pricing/commissions-stocks.php.
// - Spot FX: 0.20 basis points of the trade value, USD 2.00 minimum per
//   order. IBKR Pro fixed, /en/pricing/commissions-spot-currencies.php.
// - Crypto perpetuals: taker fee 0.035 % of the trade value, no minimum.
//   Hyperliquid's base-tier perp taker fee in its 2024 schedule
//   (hyperliquid.gitbook.io/hyperliquid-docs/trading/fees; since 2025 the
//   base tier is 0.045 %: set taker_fee_ppm = 450 to model it).
// - Exercise and assignment: none; IBKR lists no commission on the exercise
//   or assignment of US options (the resulting stock is not a new order).
//
// Rates are in parts per million of the trade value so they stay exact
// (0.2 bp = 20 ppm; 0.035 % = 350 ppm). Minimums are in the account currency.
#include <cstdint>
#include <optional>

#include "dorado/domain/instrument.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/quantity.hpp"

namespace dorado::venue::paper {

// How an instrument is charged.
enum class ChargeKind { Option, Stock, Fx, Crypto };

ChargeKind charge_kind(const Instrument& instrument);

struct CommissionSchedule {
  Money option_per_contract = Money::from_micros(650'000, kUsd);
  Money option_minimum = Money::from_micros(1'000'000, kUsd);
  Money stock_per_share = Money::from_micros(5'000, kUsd);
  Money stock_minimum = Money::from_micros(1'000'000, kUsd);
  std::int64_t stock_maximum_ppm = 10'000;  // 1 % of the trade value
  std::int64_t fx_ppm = 20;                 // 0.2 bp
  Money fx_minimum = Money::from_micros(2'000'000, kUsd);
  std::int64_t taker_fee_ppm = 350;  // 0.035 %
  Money exercise_fee = Money::from_micros(0, kUsd);

  // The commission before minimum and maximum for `units` (contracts,
  // shares, FX units, coins) worth `value` (in the instrument currency, and
  // the result is too). Per-unit fees are in the account currency and are
  // applied as amounts in the instrument's currency: options and stock are
  // USD-only on the paper venue.
  Money variable(ChargeKind kind, Quantity units, const Money& value) const;
  // In the account currency; nullopt for none.
  std::optional<Money> minimum(ChargeKind kind) const;
  // In the value's currency; nullopt for none.
  std::optional<Money> maximum(ChargeKind kind, const Money& value) const;
};

// What an order owes once it has filled `units` worth `value`:
// variable clamped to [minimum, maximum], with `minimum` already converted
// to the value's currency by the caller. Zero before the first fill.
Money commission_owed(const CommissionSchedule& schedule, ChargeKind kind, Quantity units,
                      const Money& value, const std::optional<Money>& minimum);

}  // namespace dorado::venue::paper
