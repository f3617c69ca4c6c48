#pragma once
// What a venue call returns: the value, or a VenueError saying why not. A
// venue's expected failures (unreachable, timed out, rate limited, order
// unknown, bad order) are values the engine acts on by their category
// (DESIGN.md section 7), never exceptions.
//
// A VenueTimeout error means the request may or may not have taken effect:
// after a timed-out place_order the caller reconciles through
// order_status(client_order_id) before anything else, never resends blindly.
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

#include "dorado/domain/error_category.hpp"
#include "dorado/domain/reason_code.hpp"

namespace dorado::ports {

struct VenueError {
  ReasonCode reason = ReasonCode::VenueUnavailable;
  // A sentence for the journal and the human: what failed and on what.
  std::string message;

  // The engine's reaction; a code without a category (an outcome, which a
  // venue never reports as an error) counts as fatal: it is a bug.
  ErrorCategory category() const { return category_of(reason).value_or(ErrorCategory::Fatal); }
  bool is_retryable() const { return category() == ErrorCategory::Retryable; }
  // The request may have taken effect (see the header comment).
  bool outcome_unknown() const { return reason == ReasonCode::VenueTimeout; }

  friend bool operator==(const VenueError&, const VenueError&) = default;
};

template <typename T>
class VenueResult {
 public:
  VenueResult(T value) : state_(std::move(value)) {}           // NOLINT: implicit on purpose
  VenueResult(VenueError error) : state_(std::move(error)) {}  // NOLINT: implicit on purpose

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // Throws std::logic_error when called on the other alternative: asking for
  // the value of a failed call is a programming error.
  const T& value() const& {
    if (!ok()) throw std::logic_error("venue result holds an error: " + error().message);
    return std::get<T>(state_);
  }
  T&& value() && {
    if (!ok()) throw std::logic_error("venue result holds an error: " + error().message);
    return std::get<T>(std::move(state_));
  }
  const VenueError& error() const {
    if (ok()) throw std::logic_error("venue result holds a value, not an error");
    return std::get<VenueError>(state_);
  }
  const T* operator->() const { return &value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, VenueError> state_;
};

// For calls that return nothing but may fail.
struct Done {
  friend bool operator==(const Done&, const Done&) = default;
};

}  // namespace dorado::ports
