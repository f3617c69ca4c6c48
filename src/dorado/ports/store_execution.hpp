#pragma once
// Orders as the store keeps them for the execution path (DESIGN.md 5.7): one
// row per client order id, written in state pending_send before the venue is
// asked, so that after a crash or a timeout reconciliation knows every order
// that may have reached the venue and asks the venue what became of it.
// Fill quality (expected against actual price) is kept per filled order.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/order.hpp"
#include "dorado/domain/price.hpp"
#include "dorado/domain/quantity.hpp"
#include "dorado/domain/time.hpp"
#include "dorado/domain/venue.hpp"

namespace dorado::ports {

// Where an order stands on our side of the venue.
// - pending_send: persisted, maybe handed to the venue (a crash or timeout
//   leaves it here); reconciliation asks the venue before anything else.
// - working: the venue accepted it and it has not finished.
// - filled / ended: final. `ended` is rejected, cancelled or expired with the
//   venue status saying which; a partial fill before it is in the fill quality.
enum class ExecutionState { PendingSend, Working, Filled, Ended };

inline bool is_final(ExecutionState s) {
  return s == ExecutionState::Filled || s == ExecutionState::Ended;
}

struct OrderDraft {
  Order order;  // order.client_order_id is the row's key
  std::int64_t candidate_id = 0;
  std::string bot_id;
  std::int64_t approval_id = 0;
  int attempt = 1;
  VenueId venue = VenueId::Paper;
  // The price the decision expected (signed, in the order's limit-price
  // convention, per unit of the order); fill quality is measured against it.
  Price expected_price;
  Timestamp at;

  bool operator==(const OrderDraft&) const = default;
};

struct OrderRecord {
  std::int64_t id = 0;
  OrderDraft draft;
  ExecutionState state = ExecutionState::PendingSend;
  std::optional<OrderStatus> venue_status;  // the venue's last word, when it has spoken
  std::string venue_order_id;
  Timestamp updated_at;

  const std::string& client_order_id() const { return draft.order.client_order_id; }
  bool operator==(const OrderRecord&) const = default;
};

// A new state for an order, with what the venue said.
struct OrderProgress {
  ExecutionState state = ExecutionState::Working;
  std::optional<OrderStatus> venue_status;
  std::string venue_order_id;
  Timestamp at;
};

// Expected against actual for one order's fills. Slippage is adverse
// positive: actual minus expected in the signed limit-price convention (a
// debit paid higher or a credit received lower), times the contract
// multiplier, so it reads as money per contract (per combo for a combo).
struct FillQualityRecord {
  std::string client_order_id;
  std::string symbol;
  Price expected_price;
  Price fill_price;
  Money slippage_per_contract{Currency{"USD"}};
  Quantity quantity;
  VenueId venue = VenueId::Paper;
  Timestamp filled_at;

  bool operator==(const FillQualityRecord&) const = default;
};

// Thrown by Store::record_order when the client order id is already stored:
// an order is persisted once, however often the path is retried.
class OrderExists : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dorado::ports

template <>
struct dorado::EnumNames<dorado::ports::ExecutionState> {
  static constexpr std::array table{
      std::pair{ports::ExecutionState::PendingSend, std::string_view{"pending_send"}},
      std::pair{ports::ExecutionState::Working, std::string_view{"working"}},
      std::pair{ports::ExecutionState::Filled, std::string_view{"filled"}},
      std::pair{ports::ExecutionState::Ended, std::string_view{"ended"}},
  };
};
