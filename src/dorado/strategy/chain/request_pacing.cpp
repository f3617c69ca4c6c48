#include "dorado/strategy/chain/request_pacing.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dorado::strategy {

TokenBucket::TokenBucket(double messages_per_second, int burst) {
  if (!(messages_per_second > 0.0) || !std::isfinite(messages_per_second))
    throw std::invalid_argument("token bucket rate must be a positive number of messages/s");
  if (burst < 1) throw std::invalid_argument("token bucket burst must be at least 1");
  interval_ = std::chrono::microseconds{std::llround(1e6 / messages_per_second)};
  if (interval_ <= std::chrono::microseconds::zero())
    throw std::invalid_argument("token bucket rate above one message per microsecond");
  tolerance_ = interval_ * (burst - 1);
}

Timestamp TokenBucket::next_available(Timestamp now) const {
  if (!theoretical_arrival_) return now;
  return std::max(now, *theoretical_arrival_ - tolerance_);
}

bool TokenBucket::try_take(Timestamp now) {
  if (next_available(now) > now) return false;
  reserve(now);
  return true;
}

Timestamp TokenBucket::reserve(Timestamp now) {
  const Timestamp send_at = next_available(now);
  const Timestamp tat = theoretical_arrival_ ? std::max(*theoretical_arrival_, send_at) : send_at;
  theoretical_arrival_ = tat + interval_;
  return send_at;
}

VenuePacing::VenuePacing(double messages_per_second, int burst)
    : rate_(messages_per_second), burst_(burst) {
  TokenBucket check(rate_, burst_);  // fail at construction, not at first use
  (void)check;
}

TokenBucket& VenuePacing::bucket(VenueId venue) {
  auto it = buckets_.find(venue);
  if (it == buckets_.end()) it = buckets_.emplace(venue, TokenBucket(rate_, burst_)).first;
  return it->second;
}

std::vector<ScheduledMessage> stagger_requests(const std::vector<ChainRequest>& requests,
                                               Timestamp start, VenuePacing& pacing) {
  std::vector<ScheduledMessage> out;
  int most = 0;
  for (const auto& r : requests) most = std::max(most, r.messages);
  for (int round = 0; round < most; ++round)
    for (const auto& r : requests)
      if (round < r.messages)
        out.push_back({r.underlying, r.venue, round, pacing.bucket(r.venue).reserve(start)});
  std::stable_sort(
      out.begin(), out.end(),
      [](const ScheduledMessage& a, const ScheduledMessage& b) { return a.send_at < b.send_at; });
  return out;
}

}  // namespace dorado::strategy
