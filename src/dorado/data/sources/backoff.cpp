#include "dorado/data/sources/backoff.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::data {

Backoff::Backoff(BackoffPolicy policy) : policy_(policy), generator_(policy.seed) {
  if (policy_.initial.count() < 0 || policy_.max < policy_.initial)
    throw std::invalid_argument("backoff: need 0 <= initial <= max, got initial " +
                                std::to_string(policy_.initial.count()) + " ms, max " +
                                std::to_string(policy_.max.count()) + " ms");
  if (!(policy_.jitter >= 0.0 && policy_.jitter <= 1.0))
    throw std::invalid_argument("backoff: jitter must be within [0, 1], got " +
                                std::to_string(policy_.jitter));
}

std::chrono::milliseconds Backoff::wait_before_retry(int retry) {
  // Double in floating point and clamp, so a large retry count cannot overflow.
  const double base = std::min(
      static_cast<double>(policy_.max.count()),
      static_cast<double>(policy_.initial.count()) * std::ldexp(1.0, std::clamp(retry, 0, 62)));
  // mt19937_64's output is specified by the standard; taking the top 53 bits
  // (unlike std::uniform_real_distribution) is the same on every library.
  const double unit = static_cast<double>(generator_() >> 11) * 0x1.0p-53;
  const double wait = base * (1.0 - policy_.jitter * unit);
  return std::chrono::milliseconds{static_cast<std::int64_t>(std::llround(wait))};
}

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value, Timestamp now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r'))
    value.remove_suffix(1);
  if (value.empty()) return std::nullopt;

  std::int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec == std::errc{} && end == value.data() + value.size()) {
    if (seconds < 0) return std::nullopt;
    return std::chrono::milliseconds{seconds * 1000};
  }
  // An HTTP-date; libcurl's parser accepts the three formats of RFC 9110.
  const std::string text(value);
  const time_t at = curl_getdate(text.c_str(), nullptr);
  if (at == -1) return std::nullopt;
  const auto target = std::chrono::sys_seconds{std::chrono::seconds{at}};
  const auto wait = std::chrono::ceil<std::chrono::milliseconds>(target - now);
  return std::max(wait, std::chrono::milliseconds{0});
}

}  // namespace dorado::data
