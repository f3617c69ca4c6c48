#pragma once
// An exact quantity of an instrument: option contracts, FX units, crypto
// size. Micro-unit resolution: whole numbers for options and FX, and six
// decimals cover every crypto venue we trade (Hyperliquid sizes have at most
// five). Exactness matters here as much as for money: a position must come
// back to exactly zero after the closing fill, which 0.1 + 0.2 in double
// would not.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "dorado/domain/micro_units.hpp"

namespace dorado {

class Quantity {
 public:
  constexpr Quantity() = default;

  static constexpr Quantity from_micros(std::int64_t micros) {
    Quantity q;
    q.micros_ = micros;
    return q;
  }
  // Whole units (contracts, FX units); throws std::overflow_error if out of range.
  static Quantity units(std::int64_t count) {
    return from_micros(micro_units::multiply(count, micro_units::kPerUnit));
  }
  // Throws std::invalid_argument quoting the text ("0.015", at most 6 decimals).
  static Quantity parse(std::string_view text) {
    return from_micros(micro_units::parse(text, "quantity"));
  }
  // Nearest micro-unit, half to even (e.g. a size computed by a sizing model).
  static Quantity from_double(double value) { return from_micros(micro_units::from_double(value)); }

  constexpr std::int64_t micros() const { return micros_; }
  constexpr double to_double() const { return micro_units::to_double(micros_); }
  constexpr bool is_zero() const { return micros_ == 0; }
  constexpr bool is_negative() const { return micros_ < 0; }
  constexpr bool is_positive() const { return micros_ > 0; }
  constexpr bool is_whole() const { return micros_ % micro_units::kPerUnit == 0; }

  // "3", "0.015", "-2": no trailing zeros.
  std::string to_string() const { return micro_units::format_trimmed(micros_, 0); }
  // "0.015000": the storage form.
  std::string to_storage() const { return micro_units::format_fixed(micros_); }

  Quantity operator+(Quantity other) const {
    return from_micros(micro_units::add(micros_, other.micros_));
  }
  Quantity operator-(Quantity other) const {
    return from_micros(micro_units::subtract(micros_, other.micros_));
  }
  Quantity operator-() const { return from_micros(micro_units::negate(micros_)); }
  Quantity operator*(std::int64_t count) const {
    return from_micros(micro_units::multiply(micros_, count));
  }
  Quantity& operator+=(Quantity other) { return *this = *this + other; }
  Quantity& operator-=(Quantity other) { return *this = *this - other; }
  Quantity abs() const { return is_negative() ? -*this : *this; }

  friend constexpr bool operator==(Quantity, Quantity) = default;
  friend constexpr auto operator<=>(Quantity, Quantity) = default;

 private:
  std::int64_t micros_ = 0;
};

}  // namespace dorado
