#pragma once
// What the engine does about a failure, the same everywhere (DESIGN.md
// section 7): fatal -> stop and alert; retryable -> back off and retry;
// rejected -> skip with the reason journaled; invalid_input -> refuse with a
// precise message.
#include "dorado/domain/enum_names.hpp"

namespace dorado {

enum class ErrorCategory { Fatal, Retryable, Rejected, InvalidInput };

template <>
struct EnumNames<ErrorCategory> {
  static constexpr std::array<std::pair<ErrorCategory, std::string_view>, 4> table{{
      {ErrorCategory::Fatal, "fatal"},
      {ErrorCategory::Retryable, "retryable"},
      {ErrorCategory::Rejected, "rejected"},
      {ErrorCategory::InvalidInput, "invalid_input"},
  }};
};

}  // namespace dorado
