#pragma once
#include "dorado/domain/enum_names.hpp"

namespace dorado {

// new: persisted, not yet sent (execution persists before sending, DESIGN.md
// section 5.7); submitted: acknowledged by the venue.
enum class OrderStatus { New, Submitted, PartiallyFilled, Filled, Cancelled, Rejected, Expired };

template <>
struct EnumNames<OrderStatus> {
  static constexpr std::array<std::pair<OrderStatus, std::string_view>, 7> table{{
      {OrderStatus::New, "new"},
      {OrderStatus::Submitted, "submitted"},
      {OrderStatus::PartiallyFilled, "partially_filled"},
      {OrderStatus::Filled, "filled"},
      {OrderStatus::Cancelled, "cancelled"},
      {OrderStatus::Rejected, "rejected"},
      {OrderStatus::Expired, "expired"},
  }};
};

// No further fills or state changes can follow.
constexpr bool is_terminal(OrderStatus status) {
  return status == OrderStatus::Filled || status == OrderStatus::Cancelled ||
         status == OrderStatus::Rejected || status == OrderStatus::Expired;
}

// Live at the venue (or about to be): may still fill.
constexpr bool is_working(OrderStatus status) {
  return !is_terminal(status);
}

}  // namespace dorado
