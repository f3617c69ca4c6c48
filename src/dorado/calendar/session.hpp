#pragma once
// One trading day's session on a venue, in UTC. The interval is half-open:
// the market is open at `open` and closed at `close`.
#include "dorado/domain/time.hpp"

namespace dorado::calendar {

struct Session {
  Timestamp open;
  Timestamp close;
  bool early_close = false;

  bool contains(Timestamp t) const { return open <= t && t < close; }
  friend bool operator==(const Session&, const Session&) = default;
};

}  // namespace dorado::calendar
