#pragma once
// The port every venue implements (PRD 3.1): the paper venue, IBKR (TWS
// socket), OANDA (v20 REST) and Hyperliquid. The engine trades only through
// it, so a live venue plugs into the same execution path as paper.
//
// Contract, the same for every adapter:
// - Every call takes a timeout and returns within it: a value, or a
//   VenueError with a ReasonCode (venue_result.hpp). Calls never hang and
//   never throw for expected outcomes (venue down, rate limited, order
//   unknown, bad order); only programmer errors throw.
// - Orders are keyed by their client order id (IBKR orderRef, OANDA
//   clientExtensions.id, Hyperliquid cloid). Placing an order whose client id
//   the venue already knows returns the existing order's report and places
//   nothing; the same client id with a different order is refused
//   (client_order_id_conflict). So a resend after a crash or timeout is
//   harmless, and order_status(client_order_id) is how reconciliation asks
//   what happened.
// - A rejection by the venue (buying power, market closed, no market) is a
//   report with status `rejected` and a reason, kept under the client id like
//   any order; a VenueError means the request itself failed.
// - Instruments outside the venue's asset classes are invalid_order.
//
// The public calls check what is the caller's to get right and then ask the
// adapter (non-virtual interface, like ports::Cache): a timeout that is not
// positive throws std::invalid_argument (a programming error); an empty client
// id or a malformed order (Order::problems()) is an invalid_order error.
#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "dorado/domain/instrument.hpp"
#include "dorado/domain/order.hpp"
#include "dorado/domain/quote.hpp"
#include "dorado/domain/venue.hpp"
#include "dorado/ports/venue_account.hpp"
#include "dorado/ports/venue_order_report.hpp"
#include "dorado/ports/venue_position.hpp"
#include "dorado/ports/venue_result.hpp"

namespace dorado::ports {

using CallTimeout = std::chrono::milliseconds;
// Long enough for a TWS round trip at the pacing limit, short enough that a
// dead socket is noticed well inside the 15-minute monitoring cadence.
inline constexpr CallTimeout kDefaultVenueTimeout{10'000};

// A timeout that is not positive is a programming error (as in ports::Cache):
// std::invalid_argument, not a venue outcome.
inline void require_positive(CallTimeout timeout) {
  if (timeout.count() <= 0)
    throw std::invalid_argument("venue call timeout must be positive, got " +
                                std::to_string(timeout.count()) + " ms");
}

class OptionsVenue;
class FxVenue;
class CryptoVenue;

class VenueAdapter {
 public:
  virtual ~VenueAdapter() = default;

  virtual VenueId venue() const = 0;
  virtual VenueMode mode() const = 0;

  // The asset-class extensions; nullptr when the venue does not trade that class.
  virtual OptionsVenue* options() { return nullptr; }
  virtual FxVenue* fx() { return nullptr; }
  virtual CryptoVenue* crypto() { return nullptr; }

  VenueResult<AccountState> account(CallTimeout timeout = kDefaultVenueTimeout) {
    require_positive(timeout);
    return fetch_account(timeout);
  }

  // Submits `order` (see the contract above for duplicates and rejections).
  VenueResult<OrderReport> place_order(const Order& order,
                                       CallTimeout timeout = kDefaultVenueTimeout) {
    require_positive(timeout);
    if (auto bad = check_order(order)) return *bad;
    return submit(order, timeout);
  }

  // Cancels the working remainder. An unknown id is unknown_order; an order
  // already filled, cancelled, rejected or expired is order_not_cancellable.
  VenueResult<OrderReport> cancel_order(std::string_view client_order_id,
                                        CallTimeout timeout = kDefaultVenueTimeout) {
    require_positive(timeout);
    if (auto bad = check_client_id(client_order_id)) return *bad;
    return cancel(client_order_id, timeout);
  }

  // The order's current report; unknown_order when the venue never saw it
  // (after a timed-out place_order: it was not placed, and may be resent).
  VenueResult<OrderReport> order_status(std::string_view client_order_id,
                                        CallTimeout timeout = kDefaultVenueTimeout) {
    require_positive(timeout);
    if (auto bad = check_client_id(client_order_id)) return *bad;
    return status(client_order_id, timeout);
  }

  // Every order still working, in the order they were accepted.
  VenueResult<std::vector<OrderReport>> open_orders(CallTimeout timeout = kDefaultVenueTimeout) {
    require_positive(timeout);
    return working_orders(timeout);
  }

  // Every non-flat position, sorted by instrument symbol.
  VenueResult<std::vector<VenuePosition>> positions(CallTimeout timeout = kDefaultVenueTimeout) {
    require_positive(timeout);
    return open_positions(timeout);
  }

  // Top of book now; quote_unavailable when the venue has none.
  VenueResult<Quote> quote(const Instrument& instrument,
                           CallTimeout timeout = kDefaultVenueTimeout) {
    require_positive(timeout);
    return fetch_quote(instrument, timeout);
  }

 private:
  virtual VenueResult<AccountState> fetch_account(CallTimeout timeout) = 0;
  virtual VenueResult<OrderReport> submit(const Order& order, CallTimeout timeout) = 0;
  virtual VenueResult<OrderReport> cancel(std::string_view client_order_id,
                                          CallTimeout timeout) = 0;
  virtual VenueResult<OrderReport> status(std::string_view client_order_id,
                                          CallTimeout timeout) = 0;
  virtual VenueResult<std::vector<OrderReport>> working_orders(CallTimeout timeout) = 0;
  virtual VenueResult<std::vector<VenuePosition>> open_positions(CallTimeout timeout) = 0;
  virtual VenueResult<Quote> fetch_quote(const Instrument& instrument, CallTimeout timeout) = 0;

  static std::optional<VenueError> check_client_id(std::string_view client_order_id) {
    if (!client_order_id.empty()) return std::nullopt;
    return VenueError{ReasonCode::InvalidOrder, "client order id is empty"};
  }
  static std::optional<VenueError> check_order(const Order& order) {
    const auto problems = order.problems();
    if (problems.empty()) return std::nullopt;
    std::string text = "order '" + order.client_order_id + "' is malformed: ";
    for (std::size_t i = 0; i < problems.size(); ++i) text += (i ? "; " : "") + problems[i];
    return VenueError{ReasonCode::InvalidOrder, text};
  }
};

}  // namespace dorado::ports
