#pragma once
// An exact price: order limit prices, fill prices, strikes in contract
// identities, tick sizes. Micro-unit resolution like Money but without a
// currency: a price is per unit of an instrument, and the instrument carries
// the currency. Signed, because a combo's net price is signed (positive net
// debit, negative net credit; see order.hpp).
//
// Market quotes and analytics (bid/ask snapshots, greeks, IV, scores) are
// double; Price::from_double is the one deliberate bridge, rounding half to even.
//
// Resolution limit: 1e-6. Enough for options (0.01), FX (0.00001) and the
// crypto majors; sub-micro prices (e.g. meme coins) are not representable.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "dorado/domain/micro_units.hpp"

namespace dorado {

class Price {
 public:
  constexpr Price() = default;

  static constexpr Price from_micros(std::int64_t micros) {
    Price p;
    p.micros_ = micros;
    return p;
  }
  // Throws std::invalid_argument quoting the text ("470.05", at most 6 decimals).
  static Price parse(std::string_view text) {
    return from_micros(micro_units::parse(text, "price"));
  }
  // Nearest micro-unit, half to even.
  static Price from_double(double value) { return from_micros(micro_units::from_double(value)); }

  constexpr std::int64_t micros() const { return micros_; }
  constexpr double to_double() const { return micro_units::to_double(micros_); }
  constexpr bool is_zero() const { return micros_ == 0; }
  constexpr bool is_negative() const { return micros_ < 0; }
  constexpr bool is_positive() const { return micros_ > 0; }

  // "470.05", "1.08345", "3.00": at least two decimals.
  std::string to_string() const { return micro_units::format_trimmed(micros_, 2); }
  // "470.050000": the storage form.
  std::string to_storage() const { return micro_units::format_fixed(micros_); }

  Price operator+(Price other) const {
    return from_micros(micro_units::add(micros_, other.micros_));
  }
  Price operator-(Price other) const {
    return from_micros(micro_units::subtract(micros_, other.micros_));
  }
  Price operator-() const { return from_micros(micro_units::negate(micros_)); }
  // Exact; e.g. a leg price times its ratio in a combo.
  Price operator*(std::int64_t count) const {
    return from_micros(micro_units::multiply(micros_, count));
  }
  Price abs() const { return is_negative() ? -*this : *this; }

  // Whether this price is a whole number of ticks (tick > 0).
  constexpr bool is_multiple_of(Price tick) const {
    return tick.micros_ > 0 && micros_ % tick.micros_ == 0;
  }

  friend constexpr bool operator==(Price, Price) = default;
  friend constexpr auto operator<=>(Price, Price) = default;

 private:
  std::int64_t micros_ = 0;
};

}  // namespace dorado
