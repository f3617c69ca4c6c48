#pragma once
// The options extension of a venue (IBKR): the option chain of an
// underlying, raw quotes beside the venue's model greeks (DESIGN.md section
// 5.3). A venue that trades options returns it from VenueAdapter::options().
#include <optional>
#include <string>

#include "dorado/domain/option_chain.hpp"
#include "dorado/ports/venue_adapter.hpp"

namespace dorado::ports {

// Which part of the chain to fetch. Fetching only a DTE window matters on
// IBKR, where every contract is one market-data line under pacing limits.
struct ChainRequest {
  std::string underlying;
  // Calendar days to expiration, both ends included; nullopt: no bound.
  std::optional<int> min_dte;
  std::optional<int> max_dte;
};

class OptionsVenue {
 public:
  virtual ~OptionsVenue() = default;

  // chain_unavailable when the venue has no chain for the underlying;
  // partial chains are returned as they are (chain validation judges them).
  VenueResult<OptionChain> option_chain(const ChainRequest& request,
                                        CallTimeout timeout = kDefaultVenueTimeout) {
    if (request.underlying.empty())
      return VenueError{ReasonCode::InvalidOrder, "option chain request names no underlying"};
    if (request.min_dte && request.max_dte && *request.min_dte > *request.max_dte)
      return VenueError{ReasonCode::InvalidOrder,
                        "option chain request for " + request.underlying + ": min DTE " +
                            std::to_string(*request.min_dte) + " above max DTE " +
                            std::to_string(*request.max_dte)};
    require_positive(timeout);
    return fetch_chain(request, timeout);
  }

 private:
  virtual VenueResult<OptionChain> fetch_chain(const ChainRequest& request,
                                               CallTimeout timeout) = 0;
};

}  // namespace dorado::ports
