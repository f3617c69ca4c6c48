#pragma once
// The FX extension of a venue (OANDA, IBKR): the financing (swap, rollover)
// a position pays or earns per day held. Shaped on OANDA v20's
// instrument.financing (../shared/ref/oanda-v20.md section 8): annual rates per
// side, negative when the holder pays, and the days charged per weekday (the
// triple day covers the weekend's settlement).
#include <array>
#include <string>
#include <string_view>

#include "dorado/domain/time.hpp"
#include "dorado/ports/venue_adapter.hpp"

namespace dorado::ports {

struct FinancingRates {
  std::string instrument;  // "USD_JPY"
  double long_rate = 0.0;  // annual, as a fraction: -0.0376 = the long side pays 3.76 %
  double short_rate = 0.0;
  // Days charged when the position is held over the rollover of each
  // weekday, Monday first (OANDA: Wednesday usually 3, weekend 0).
  std::array<int, 7> days_charged{1, 1, 3, 1, 1, 0, 0};
  Timestamp as_of{};

  friend bool operator==(const FinancingRates&, const FinancingRates&) = default;
};

class FxVenue {
 public:
  virtual ~FxVenue() = default;

  VenueResult<FinancingRates> financing_rates(std::string_view instrument,
                                              CallTimeout timeout = kDefaultVenueTimeout) {
    if (instrument.empty())
      return VenueError{ReasonCode::InvalidOrder, "financing request names no instrument"};
    require_positive(timeout);
    return fetch_financing(instrument, timeout);
  }

 private:
  virtual VenueResult<FinancingRates> fetch_financing(std::string_view instrument,
                                                      CallTimeout timeout) = 0;
};

}  // namespace dorado::ports
