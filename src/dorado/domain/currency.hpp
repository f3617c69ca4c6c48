#pragma once
// A currency code: ISO 4217 for fiat (USD, JPY, AUD) and the exchange ticker
// for crypto settlement assets (BTC, ETH, USDC). A small value type rather
// than a string so that Money can compare currencies cheaply and so that a
// typo ("usd", "US D") fails where it is written.
#include <array>
#include <compare>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dorado {

class Currency {
 public:
  static constexpr std::size_t kMaxLength = 5;

  // Throws std::invalid_argument unless `code` is 3 to 5 characters of A-Z or
  // 0-9 starting with a letter.
  constexpr explicit Currency(std::string_view code) {
    if (!valid_code(code))
      throw std::invalid_argument("invalid currency code '" + std::string(code) +
                                  "': expected 3 to 5 upper-case letters or digits starting with "
                                  "a letter, e.g. USD, JPY, BTC, USDC");
    for (std::size_t i = 0; i < code.size(); ++i) code_[i] = code[i];
    length_ = static_cast<std::uint8_t>(code.size());
  }

  constexpr std::string_view code() const { return {code_.data(), length_}; }

  static constexpr bool valid_code(std::string_view code) {
    if (code.size() < 3 || code.size() > kMaxLength) return false;
    if (code.front() < 'A' || code.front() > 'Z') return false;
    for (char c : code)
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    return true;
  }

  friend constexpr bool operator==(const Currency&, const Currency&) = default;
  friend constexpr auto operator<=>(const Currency&, const Currency&) = default;

 private:
  std::array<char, kMaxLength> code_{};
  std::uint8_t length_ = 0;
};

inline constexpr Currency kUsd{"USD"};
inline constexpr Currency kEur{"EUR"};
inline constexpr Currency kGbp{"GBP"};
inline constexpr Currency kJpy{"JPY"};
inline constexpr Currency kAud{"AUD"};
inline constexpr Currency kNzd{"NZD"};
inline constexpr Currency kCad{"CAD"};
inline constexpr Currency kChf{"CHF"};
inline constexpr Currency kBtc{"BTC"};
inline constexpr Currency kEth{"ETH"};
inline constexpr Currency kUsdc{"USDC"};
inline constexpr Currency kUsdt{"USDT"};

}  // namespace dorado
