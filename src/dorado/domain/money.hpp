#pragma once
// Booked money: cash, fill values, fees, realized P&L. An exact integer count
// of micro-units (1e-6) with its currency (DESIGN.md section 4). Analytics
// (greeks, vol, scores) stay double; they never flow into a Money without an
// explicit, rounded conversion.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "dorado/domain/currency.hpp"
#include "dorado/domain/micro_units.hpp"

namespace dorado {

class Money {
 public:
  // Zero in `currency`.
  constexpr explicit Money(Currency currency) : currency_(currency) {}

  static constexpr Money from_micros(std::int64_t micros, Currency currency) {
    Money m(currency);
    m.micros_ = micros;
    return m;
  }
  // Whole units; throws std::overflow_error if out of range.
  static Money from_units(std::int64_t units, Currency currency);
  // The nearest micro-unit to a double amount, half to even. For turning an
  // analytic figure into a booking deliberately; never for round-tripping money.
  static Money from_double(double amount, Currency currency);

  // Exact decimal amount, e.g. parse("1234.56", kUsd); at most 6 decimals.
  // Throws std::invalid_argument with a message quoting the text.
  static Money parse(std::string_view amount, Currency currency);
  // "1234.56 USD" (the form to_string() writes).
  static Money parse(std::string_view amount_and_currency);

  constexpr std::int64_t micros() const { return micros_; }
  constexpr Currency currency() const { return currency_; }
  constexpr bool is_zero() const { return micros_ == 0; }
  constexpr bool is_negative() const { return micros_ < 0; }
  constexpr bool is_positive() const { return micros_ > 0; }
  // For analytics and display only.
  constexpr double to_double() const { return micro_units::to_double(micros_); }

  // "1234.56 USD", "-0.000001 USD", "100.00 USD": at least two decimals, no
  // trailing zeros beyond them, exact.
  std::string to_string() const;
  // "1234.560000": always six decimals, no currency. The storage form.
  std::string to_storage() const { return micro_units::format_fixed(micros_); }

  // Same-currency arithmetic only: mixing currencies is a programmer error and
  // throws std::logic_error naming both. Overflow throws std::overflow_error.
  Money operator+(const Money& other) const;
  Money operator-(const Money& other) const;
  Money operator-() const;
  Money& operator+=(const Money& other) { return *this = *this + other; }
  Money& operator-=(const Money& other) { return *this = *this - other; }
  // Exact; e.g. a per-contract fee times the number of contracts.
  Money operator*(std::int64_t count) const;
  // micros x factor rounded half to even to a whole micro-unit (see
  // micro_units::multiply_by_double). E.g. a price times a fractional crypto
  // quantity held as a double. Named, not an operator, so the rounding is visible.
  Money scaled_by(double factor) const;
  Money abs() const { return is_negative() ? -*this : *this; }

  // Equal only if currency and amount are equal.
  friend constexpr bool operator==(const Money&, const Money&) = default;
  // Ordering across currencies is meaningless: throws std::logic_error.
  friend std::strong_ordering operator<=>(const Money& a, const Money& b);

 private:
  void require_same_currency(const Money& other, const char* operation) const;

  Currency currency_;
  std::int64_t micros_ = 0;
};

}  // namespace dorado
