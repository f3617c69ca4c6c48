#pragma once
// The one error every data-source client throws. Its failure kind decides
// what the pipeline does (DESIGN.md section 7: retryable -> try again on the
// next run; rejected -> skip the series and journal why; fatal -> stop and
// alert, e.g. a missing or refused API key). The message names the source, the
// URL with its secrets redacted, the HTTP status and a short excerpt of the
// body, so a log line is enough to understand what went wrong.
#include <stdexcept>
#include <string>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/error_category.hpp"

namespace dorado::data {

enum class SourceFailure {
  RetriesExhausted,  // 5xx, 429 or network errors on every attempt
  RateLimited,       // the source asked us to wait longer than we are willing to (or banned us)
  NotFound,          // unknown symbol / series / coin
  BadRequest,        // the source refused our parameters
  Unauthorized,      // missing, wrong or refused credentials; access refused (401, 403, 451)
  MalformedBody,     // the body is not what the wire format promises (truncated, wrong shape)
  Transport,         // a network failure that retrying cannot fix (TLS verification, bad URL)
};

}  // namespace dorado::data

template <>
struct dorado::EnumNames<dorado::data::SourceFailure> {
  using F = dorado::data::SourceFailure;
  static constexpr std::array<std::pair<F, std::string_view>, 7> table{{
      {F::RetriesExhausted, "retries_exhausted"},
      {F::RateLimited, "rate_limited"},
      {F::NotFound, "not_found"},
      {F::BadRequest, "bad_request"},
      {F::Unauthorized, "unauthorized"},
      {F::MalformedBody, "malformed_body"},
      {F::Transport, "transport"},
  }};
};

namespace dorado::data {

// What the engine does about each failure kind.
ErrorCategory category_of(SourceFailure failure);

struct SourceErrorDetails {
  SourceFailure failure = SourceFailure::Transport;
  std::string source;        // "yahoo", "fred", ...
  std::string url;           // secrets already redacted
  long status = 0;           // HTTP status; 0 when no response arrived
  std::string body_excerpt;  // at most ~200 characters of the body, secrets redacted
  std::string reason;        // one sentence: what went wrong
};

class SourceError : public std::runtime_error {
 public:
  explicit SourceError(SourceErrorDetails details);

  const SourceErrorDetails& details() const { return details_; }
  SourceFailure failure() const { return details_.failure; }
  ErrorCategory category() const { return category_of(details_.failure); }
  long status() const { return details_.status; }

 private:
  SourceErrorDetails details_;
};

}  // namespace dorado::data
