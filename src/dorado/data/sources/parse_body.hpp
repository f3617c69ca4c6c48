#pragma once
// Runs a pure parser on a response body; a PayloadError becomes the
// SourceError of kind MalformedBody that names the source, the (redacted) URL
// and where in the payload the parser gave up.
#include <string>

#include "dorado/data/sources/http_client.hpp"
#include "dorado/data/sources/payload_error.hpp"

namespace dorado::data {

template <class Parser>
auto parse_body(const HttpRequest& request, const HttpResponse& response, Parser&& parser) {
  try {
    return parser(response.body);
  } catch (const PayloadError& e) {
    throw source_error(SourceFailure::MalformedBody, request, &response,
                       std::string("malformed body at ") + e.what());
  }
}

}  // namespace dorado::data
