#include "dorado/venue/paper/carry.hpp"

#include "dorado/domain/notional.hpp"

namespace dorado::venue::paper {

Money funding_payment(const PositionLeg& leg, Price mark, const ports::PerpFunding& funding) {
  const Instrument& i = leg.instrument();
  // Signed like the position: a long's notional is positive and pays a positive rate.
  const Money position_value = notional(mark, leg.quantity(), i.multiplier, i.currency);
  return position_value.scaled_by(-funding.rate);
}

Money financing_charge(const PositionLeg& leg, Price price, const ports::FinancingRates& rates,
                       int days) {
  const Instrument& i = leg.instrument();
  const Money value = notional(price, leg.quantity().abs(), i.multiplier, i.currency);
  const double rate = leg.quantity().is_positive() ? rates.long_rate : rates.short_rate;
  return value.scaled_by(rate * static_cast<double>(days) / 365.0);
}

int days_charged(const ports::FinancingRates& rates, Date day) {
  const std::chrono::weekday weekday{std::chrono::sys_days{day}};
  return rates.days_charged[weekday.iso_encoding() - 1];  // Monday first
}

}  // namespace dorado::venue::paper
