#pragma once
// What every source-client test needs: a recorded payload from fixtures/, a
// clock fixed in time, a sleeper that records the waits instead of sleeping,
// and an HTTP client wired to them with exact (jitter-free) backoff.
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "dorado/calendar/simulated_clock.hpp"
#include "dorado/data/sources/http_client.hpp"
#include "dorado/data/sources/payload_error.hpp"
#include "dorado/data/sources/source_error.hpp"

namespace dorado::data::test {

inline std::string fixture(const std::string& name) {
  const std::string path = std::string(DORADO_SOURCE_DIR) + "/tests/data/sources/fixtures/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The message of the PayloadError `parse` throws, or "no error".
template <typename Parse>
std::string payload_error_of(Parse&& parse) {
  try {
    std::forward<Parse>(parse)();
  } catch (const PayloadError& e) {
    return e.what();
  }
  return "no error";
}

// The SourceError `call` throws, as a value to inspect.
template <typename Call>
SourceError source_error_of(Call&& call) {
  try {
    std::forward<Call>(call)();
  } catch (const SourceError& e) {
    return e;
  }
  throw std::logic_error("expected a SourceError");
}

inline Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline Timestamp utc_midnight(int y, unsigned m, unsigned d) {
  return Timestamp{std::chrono::sys_days{ymd(y, m, d)}};
}

// Waits are recorded, never slept.
struct RecordedWaits {
  std::vector<std::chrono::milliseconds> waits;
  Sleeper sleeper() {
    return [this](std::chrono::milliseconds wait) { waits.push_back(wait); };
  }
};

// 2024-07-10 12:00:00 UTC
inline Timestamp test_now() {
  return Timestamp{std::chrono::sys_days{ymd(2024, 7, 10)} + std::chrono::hours{12}};
}

inline HttpClientConfig exact_backoff_config() {
  HttpClientConfig config;
  config.max_attempts = 4;
  config.backoff.initial = std::chrono::milliseconds{500};
  config.backoff.max = std::chrono::milliseconds{8'000};
  config.backoff.jitter = 0.0;
  config.request_timeout = std::chrono::milliseconds{5'000};
  config.connect_timeout = std::chrono::milliseconds{2'000};
  return config;
}

// An HTTP client on a fixed clock with recorded waits: what each client test uses.
struct TestHttp {
  calendar::SimulatedClock clock{test_now()};
  RecordedWaits recorded;
  HttpClient http{exact_backoff_config(), clock, recorded.sleeper()};
};

}  // namespace dorado::data::test
