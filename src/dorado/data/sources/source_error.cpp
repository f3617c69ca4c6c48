#include "dorado/data/sources/source_error.hpp"

#include <string>
#include <utility>

namespace dorado::data {
namespace {

std::string describe(const SourceErrorDetails& d) {
  std::string text = d.source + ": " + std::string(name_of(d.failure)) + ": " + d.reason;
  text += " [" + d.url;
  if (d.status != 0) text += ", HTTP " + std::to_string(d.status);
  text += "]";
  if (!d.body_excerpt.empty()) text += " body: " + d.body_excerpt;
  return text;
}

}  // namespace

ErrorCategory category_of(SourceFailure failure) {
  switch (failure) {
    case SourceFailure::RetriesExhausted:
    case SourceFailure::RateLimited:
    case SourceFailure::MalformedBody:  // typically a cut connection; the next run tries again
      return ErrorCategory::Retryable;
    case SourceFailure::NotFound:
    case SourceFailure::BadRequest:
      return ErrorCategory::Rejected;
    case SourceFailure::Unauthorized:
    case SourceFailure::Transport:
      return ErrorCategory::Fatal;
  }
  return ErrorCategory::Fatal;
}

SourceError::SourceError(SourceErrorDetails details)
    : std::runtime_error(describe(details)), details_(std::move(details)) {}

}  // namespace dorado::data
