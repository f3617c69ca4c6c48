#include "dorado/domain/money.hpp"

#include <stdexcept>

namespace dorado {

Money Money::from_units(std::int64_t units, Currency currency) {
  return from_micros(micro_units::multiply(units, micro_units::kPerUnit), currency);
}

Money Money::from_double(double amount, Currency currency) {
  return from_micros(micro_units::from_double(amount), currency);
}

Money Money::parse(std::string_view amount, Currency currency) {
  return from_micros(micro_units::parse(amount, "amount"), currency);
}

Money Money::parse(std::string_view amount_and_currency) {
  const auto space = amount_and_currency.find(' ');
  if (space == std::string_view::npos ||
      amount_and_currency.find(' ', space + 1) != std::string_view::npos)
    throw std::invalid_argument("money '" + std::string(amount_and_currency) +
                                "' is not of the form '<amount> <currency>', e.g. '1234.56 USD'");
  const std::string_view code = amount_and_currency.substr(space + 1);
  if (!Currency::valid_code(code))
    throw std::invalid_argument("money '" + std::string(amount_and_currency) +
                                "' has an invalid currency code '" + std::string(code) + "'");
  return parse(amount_and_currency.substr(0, space), Currency(code));
}

std::string Money::to_string() const {
  return micro_units::format_trimmed(micros_, 2) + " " + std::string(currency_.code());
}

void Money::require_same_currency(const Money& other, const char* operation) const {
  if (currency_ != other.currency_)
    throw std::logic_error(std::string("cannot ") + operation + " " + to_string() + " and " +
                           other.to_string() + ": currencies differ (" +
                           std::string(currency_.code()) + " vs " +
                           std::string(other.currency_.code()) + ")");
}

Money Money::operator+(const Money& other) const {
  require_same_currency(other, "add");
  return from_micros(micro_units::add(micros_, other.micros_), currency_);
}

Money Money::operator-(const Money& other) const {
  require_same_currency(other, "subtract");
  return from_micros(micro_units::subtract(micros_, other.micros_), currency_);
}

Money Money::operator-() const {
  return from_micros(micro_units::negate(micros_), currency_);
}

Money Money::operator*(std::int64_t count) const {
  return from_micros(micro_units::multiply(micros_, count), currency_);
}

Money Money::scaled_by(double factor) const {
  return from_micros(micro_units::multiply_by_double(micros_, factor), currency_);
}

std::strong_ordering operator<=>(const Money& a, const Money& b) {
  a.require_same_currency(b, "compare");
  return a.micros_ <=> b.micros_;
}

}  // namespace dorado
