#include "dorado/venue/paper/commission_schedule.hpp"

#include <stdexcept>

#include "dorado/domain/micro_units.hpp"

namespace dorado::venue::paper {
namespace {

Money per_unit(const Money& fee, Quantity units, Currency currency) {
  // fee x units, units in micro-units: exact for whole units.
  return Money::from_micros(
      micro_units::multiply_divide(fee.micros(), units.abs().micros(), micro_units::kPerUnit),
      currency);
}

Money parts_per_million(const Money& value, std::int64_t ppm) {
  return Money::from_micros(micro_units::multiply_divide(value.abs().micros(), ppm, 1'000'000),
                            value.currency());
}

}  // namespace

ChargeKind charge_kind(const Instrument& instrument) {
  switch (instrument.asset_class) {
    case AssetClass::EquityOptions:
      return instrument.option ? ChargeKind::Option : ChargeKind::Stock;
    case AssetClass::Fx:
      return ChargeKind::Fx;
    case AssetClass::Crypto:
      return ChargeKind::Crypto;
  }
  throw std::logic_error("charge_kind: unknown asset class");
}

Money CommissionSchedule::variable(ChargeKind kind, Quantity units, const Money& value) const {
  switch (kind) {
    case ChargeKind::Option:
      return per_unit(option_per_contract, units, value.currency());
    case ChargeKind::Stock:
      return per_unit(stock_per_share, units, value.currency());
    case ChargeKind::Fx:
      return parts_per_million(value, fx_ppm);
    case ChargeKind::Crypto:
      return parts_per_million(value, taker_fee_ppm);
  }
  throw std::logic_error("CommissionSchedule::variable: unknown kind");
}

std::optional<Money> CommissionSchedule::minimum(ChargeKind kind) const {
  switch (kind) {
    case ChargeKind::Option:
      return option_minimum;
    case ChargeKind::Stock:
      return stock_minimum;
    case ChargeKind::Fx:
      return fx_minimum;
    case ChargeKind::Crypto:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Money> CommissionSchedule::maximum(ChargeKind kind, const Money& value) const {
  if (kind != ChargeKind::Stock) return std::nullopt;
  return parts_per_million(value, stock_maximum_ppm);
}

Money commission_owed(const CommissionSchedule& schedule, ChargeKind kind, Quantity units,
                      const Money& value, const std::optional<Money>& minimum) {
  if (units.is_zero()) return Money(value.currency());
  Money owed = schedule.variable(kind, units, value);
  if (minimum && owed < *minimum) owed = *minimum;
  // The cap wins over the minimum, as IBKR's stock schedule states.
  if (const auto cap = schedule.maximum(kind, value); cap && owed > *cap) owed = *cap;
  return owed;
}

}  // namespace dorado::venue::paper
