#pragma once
// What a pure parser throws when a payload is not in the promised wire
// format: where (a byte offset, a CSV line, a JSON path) and what. Clients
// turn it into a SourceError of kind MalformedBody naming the source and URL.
#include <stdexcept>
#include <string>

namespace dorado::data {

class PayloadError : public std::runtime_error {
 public:
  // location: "byte 1834", "line 7", "chart.result[0].timestamp[3]".
  PayloadError(std::string location, const std::string& message)
      : std::runtime_error(location + ": " + message), location_(std::move(location)) {}

  const std::string& location() const { return location_; }

 private:
  std::string location_;
};

}  // namespace dorado::data
