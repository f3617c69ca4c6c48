#pragma once
// What happens to an option position at expiration, booked as fills:
//
// - out of the money (or in by less than USD 0.01): expires worthless;
// - in the money by USD 0.01 or more: a long is exercised and a short is
//   assigned in full. That is OCC's exercise-by-exception threshold (OCC
//   Rule 805: contracts in the money by 0.01 or more are exercised unless the
//   holder instructs otherwise); assigning every in-the-money short is what
//   a backtest must assume, as any holder may exercise.
//
// Bookings (physical delivery, multiplier shares per contract):
//   the option leg closes with a fill at price 0, so its realized P&L is the
//   premium kept (short) or lost (long);
//   long call exercised / short put assigned  -> buy shares at the strike;
//   long put exercised  / short call assigned -> sell shares at the strike
//   (a covered call's shares are called away).
// The shares' P&L then runs from the strike, the broker's convention
// (the premium is not folded into the share basis).
#include <string>
#include <vector>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/fill.hpp"
#include "dorado/domain/position_leg.hpp"

namespace dorado::venue::paper {

enum class ExpirationOutcome { ExpiredWorthless, Exercised, Assigned };

struct Settlement {
  Instrument option;
  Quantity quantity;  // signed, as held before expiration
  ExpirationOutcome outcome = ExpirationOutcome::ExpiredWorthless;
  Price underlying_price;
  // The option's closing fill, then the share fill when exercised or assigned.
  std::vector<Fill> fills;
  // Gross P&L the option leg realized (set when booked).
  Money option_realized_pnl{Currency{"USD"}};

  friend bool operator==(const Settlement&, const Settlement&) = default;
};

// In the money by at least this much is exercised or assigned.
inline constexpr Price kExerciseThreshold = Price::from_micros(10'000);

// The settlement of non-flat option `leg` with the underlying at
// `underlying_price`. `fee` is charged on the share fill (none when worthless).
// Throws std::invalid_argument if the leg is not an option or is flat.
Settlement settle_option(const PositionLeg& leg, Price underlying_price, Timestamp time,
                         const Money& fee);

// The client order id the settlement fills carry: "expiry:<OCC symbol>".
std::string settlement_id(const Instrument& option);

}  // namespace dorado::venue::paper

namespace dorado {
template <>
struct EnumNames<venue::paper::ExpirationOutcome> {
  static constexpr std::array<std::pair<venue::paper::ExpirationOutcome, std::string_view>, 3>
      table{{
          {venue::paper::ExpirationOutcome::ExpiredWorthless, "expired_worthless"},
          {venue::paper::ExpirationOutcome::Exercised, "exercised"},
          {venue::paper::ExpirationOutcome::Assigned, "assigned"},
      }};
};
}  // namespace dorado
