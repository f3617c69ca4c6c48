#pragma once
// Pacing of market-data requests per venue (PRD 3.1: IBKR allows 50
// messages per second). A token bucket in its exact integer form (the
// generic cell rate algorithm): one message per 1/rate seconds on average,
// bursts of up to `burst` messages; times are passed in, so a schedule is
// deterministic and testable without a clock.
//
// stagger_requests() plans a scan's chain requests: underlyings in turn
// (round robin, in the order given) so every underlying's first chain
// arrives early instead of one underlying's hundred messages holding up the
// rest, each message at the first instant its venue's bucket allows.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/time.hpp"
#include "dorado/domain/venue.hpp"

namespace dorado::strategy {

class TokenBucket {
 public:
  static constexpr double kIbkrMessagesPerSecond = 50.0;

  // Throws std::invalid_argument unless rate > 0 and burst >= 1.
  explicit TokenBucket(double messages_per_second = kIbkrMessagesPerSecond, int burst = 50);

  // Takes one message's token if one is available at `now`.
  bool try_take(Timestamp now);
  // Takes the next token, waiting if needed: returns when the message may be sent (>= now).
  Timestamp reserve(Timestamp now);
  // When try_take would next succeed (now or later); takes nothing.
  Timestamp next_available(Timestamp now) const;

  std::chrono::microseconds interval() const { return interval_; }

 private:
  std::chrono::microseconds interval_;   // 1 / rate
  std::chrono::microseconds tolerance_;  // (burst - 1) x interval
  std::optional<Timestamp> theoretical_arrival_;
};

struct ChainRequest {
  std::string underlying;
  VenueId venue = VenueId::Ibkr;
  int messages = 1;  // requests needed for its chain (e.g. one per expiration)
};

struct ScheduledMessage {
  std::string underlying;
  VenueId venue = VenueId::Ibkr;
  int index = 0;  // 0-based message of that underlying
  Timestamp send_at{};

  friend bool operator==(const ScheduledMessage&, const ScheduledMessage&) = default;
};

// A bucket per venue, created with the default rate on first use.
class VenuePacing {
 public:
  explicit VenuePacing(double messages_per_second = TokenBucket::kIbkrMessagesPerSecond,
                       int burst = 50);
  TokenBucket& bucket(VenueId venue);

 private:
  double rate_;
  int burst_;
  std::map<VenueId, TokenBucket> buckets_;
};

// Every message of every request with its send time, in send order.
std::vector<ScheduledMessage> stagger_requests(const std::vector<ChainRequest>& requests,
                                               Timestamp start, VenuePacing& pacing);

}  // namespace dorado::strategy
