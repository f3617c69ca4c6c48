#include "dorado/risk/amount_text.hpp"

#include <cmath>
#include <cstdint>
#include <string>

namespace dorado::risk {
namespace {

std::string group_thousands(std::int64_t whole) {
  std::string digits = std::to_string(whole);
  std::string out;
  const auto n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// `cents` is the amount in hundredths, already rounded; `keep` says how many
// decimals to print at most (trailing zeros beyond `min_decimals` dropped).
std::string format_hundredths(std::int64_t hundredths, int min_decimals) {
  const bool negative = hundredths < 0;
  const std::int64_t magnitude = negative ? -hundredths : hundredths;
  std::string out = (negative ? "-" : "") + group_thousands(magnitude / 100);
  const std::int64_t frac = magnitude % 100;
  if (frac == 0 && min_decimals == 0) return out;
  std::string decimals = (frac < 10 ? "0" : "") + std::to_string(frac);
  if (min_decimals < 2 && decimals.back() == '0') decimals.pop_back();
  return out + "." + decimals;
}

std::int64_t to_hundredths(double value) {
  return static_cast<std::int64_t>(std::llround(value * 100.0));
}

}  // namespace

std::string format_amount(double amount) {
  const std::int64_t h = to_hundredths(amount);
  return format_hundredths(h, h % 100 == 0 ? 0 : 2);
}

std::string format_money(const Money& money) {
  return format_amount(money.to_double()) + " " + std::string(money.currency().code());
}

std::string format_pct(double pct) {
  return format_hundredths(to_hundredths(pct), 0);
}

std::string format_limit(const Money& limit, double pct, const Money& equity) {
  return format_money(limit) + " (" + format_pct(pct) + " % of " +
         format_amount(equity.to_double()) + ")";
}

Money pct_of(const Money& equity, double pct) {
  return equity.scaled_by(pct / 100.0);
}

}  // namespace dorado::risk
