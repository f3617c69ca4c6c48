#include "dorado/domain/option_contract_id.hpp"

#include <cstdio>
#include <stdexcept>

namespace dorado {
namespace {

constexpr std::size_t kTailLength = 15;  // YYMMDD + C/P + 8 strike digits
constexpr std::int64_t kMicrosPerMilli = 1'000;

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::string OptionContractId::occ_symbol() const {
  const auto fail = [&](const std::string& why) {
    return std::invalid_argument("cannot write an OCC symbol for " + underlying + " " +
                                 to_iso_date(expiration) + " " + strike.to_string() + " " +
                                 std::string(name_of(right)) + ": " + why);
  };
  if (underlying.empty() || underlying.size() > 6) throw fail("the root must be 1 to 6 characters");
  const int year = static_cast<int>(expiration.year());
  if (!expiration.ok() || year < 2000 || year > 2099)
    throw fail("the expiration must be a valid date in 2000-2099");
  if (!strike.is_positive() || strike.micros() % kMicrosPerMilli != 0 ||
      strike.micros() / kMicrosPerMilli > 99'999'999)
    throw fail("the strike must be positive, a multiple of 0.001 and at most 99999.999");
  // Sized for any int64 so the compiler can prove no truncation; the checks
  // above guarantee exactly kTailLength characters.
  char tail[32];
  std::snprintf(tail, sizeof tail, "%02d%02u%02u%c%08lld", year % 100,
                static_cast<unsigned>(expiration.month()), static_cast<unsigned>(expiration.day()),
                right == OptionRight::Call ? 'C' : 'P',
                static_cast<long long>(strike.micros() / kMicrosPerMilli));
  std::string out = underlying;
  out.resize(6, ' ');
  return out + tail;
}

OptionContractId OptionContractId::parse_occ(std::string_view symbol) {
  const auto fail = [&](const std::string& why) {
    return std::invalid_argument("invalid OCC option symbol '" + std::string(symbol) + "': " + why +
                                 " (expected e.g. 'SPY   240119C00470000')");
  };
  if (symbol.size() <= kTailLength) throw fail("too short");
  std::string_view root = symbol.substr(0, symbol.size() - kTailLength);
  const std::string_view tail = symbol.substr(symbol.size() - kTailLength);
  while (!root.empty() && root.back() == ' ') root.remove_suffix(1);
  if (root.empty() || root.size() > 6 || root.find(' ') != std::string_view::npos)
    throw fail("the root must be 1 to 6 characters");
  const std::string_view date_part = tail.substr(0, 6);
  const char right_char = tail[6];
  const std::string_view strike_part = tail.substr(7);
  if (!all_digits(date_part)) throw fail("the expiration must be YYMMDD");
  if (right_char != 'C' && right_char != 'P') throw fail("the right must be C or P");
  if (!all_digits(strike_part)) throw fail("the strike must be 8 digits");
  const Date expiration{std::chrono::year{2000 + to_int(date_part.substr(0, 2))},
                        std::chrono::month{static_cast<unsigned>(to_int(date_part.substr(2, 2)))},
                        std::chrono::day{static_cast<unsigned>(to_int(date_part.substr(4, 2)))}};
  if (!expiration.ok()) throw fail("the expiration is not a calendar date");
  const std::int64_t strike_millis = to_int(strike_part);
  if (strike_millis == 0) throw fail("the strike must be positive");
  return OptionContractId{
      .underlying = std::string(root),
      .expiration = expiration,
      .strike = Price::from_micros(strike_millis * kMicrosPerMilli),
      .right = right_char == 'C' ? OptionRight::Call : OptionRight::Put,
  };
}

}  // namespace dorado
