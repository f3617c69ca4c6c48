#pragma once
// A top-of-book market quote. Market data is analytics, hence double; an
// order's limit price becomes exact only when it is chosen (Price::from_double).
#include <string>

#include "dorado/domain/time.hpp"

namespace dorado {

struct Quote {
  std::string symbol;
  double bid = 0.0;
  double ask = 0.0;
  double last = 0.0;
  double bid_size = 0.0;
  double ask_size = 0.0;
  Timestamp time{};

  double mid() const { return (bid + ask) / 2.0; }
  double spread() const { return ask - bid; }
  // Both sides quoted (a zero bid or ask means no market on that side).
  bool is_two_sided() const { return bid > 0.0 && ask > 0.0; }
  // A bid above the ask is a bad print or a locked/crossed feed, not a market.
  bool is_crossed() const { return is_two_sided() && bid > ask; }

  friend bool operator==(const Quote&, const Quote&) = default;
};

}  // namespace dorado
