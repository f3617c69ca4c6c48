#pragma once
// The one HTTP layer every data-source client goes through (libcurl).
//
// A request is retried on network errors, 5xx and 429, with exponential
// backoff and seeded jitter; a Retry-After header is honoured exactly when it
// asks for no more than `retry_after_cap`, and a longer demand ends the fetch
// at once as RateLimited (retrying early would only extend a ban, e.g.
// Binance's 418). Every wait goes through the injected Sleeper, so tests run
// instantly and can assert the waits chosen. TLS peers are always verified.
//
// send() returns the final response whatever its status, so a client can read
// a source-specific error body (FRED reports a bad key as HTTP 400);
// ensure_success() maps the remaining statuses to SourceError kinds.
//
// One client serves one fetching thread (the jitter generator is its state);
// give each worker its own.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dorado/data/sources/backoff.hpp"
#include "dorado/data/sources/source_error.hpp"
#include "dorado/ports/clock.hpp"

namespace dorado::data {

// Sleeps for the given duration; tests record instead.
using Sleeper = std::function<void(std::chrono::milliseconds)>;
Sleeper thread_sleeper();

// A current desktop browser's User-Agent: Yahoo answers bare clients with 429 or 403.
inline constexpr const char* kBrowserUserAgent =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36";
inline constexpr const char* kDoradoUserAgent = "dorado/0.1";

struct HttpClientConfig {
  std::chrono::milliseconds request_timeout{30'000};  // the whole transfer
  std::chrono::milliseconds connect_timeout{10'000};
  int max_attempts = 5;  // first try included
  BackoffPolicy backoff{};
  std::chrono::milliseconds retry_after_cap{120'000};
  std::string user_agent = kDoradoUserAgent;
  // Extra CA bundle (PEM file) for private endpoints; the system store otherwise.
  std::string ca_bundle;
};

struct HttpRequest {
  std::string source;               // names the source in errors: "yahoo", "fred", ...
  std::string url;                  // full URL including the query
  std::optional<std::string> body;  // POST with this body when set, GET otherwise
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<std::string> user_agent;  // overrides the client's default
  // Query parameters whose values never appear in errors, and header values to
  // scrub from body excerpts.
  std::vector<std::string> secret_params;
  std::vector<std::string> secret_values;

  std::string redacted_url() const;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names lower-cased; last value wins

  std::optional<std::string> header(const std::string& lower_case_name) const;
};

class HttpClient {
 public:
  // `clock` turns an HTTP-date Retry-After into a wait; it must outlive the client.
  HttpClient(HttpClientConfig config, const ports::Clock& clock, Sleeper sleeper);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Performs the request with retries. Throws SourceError (RetriesExhausted,
  // RateLimited, Transport); otherwise returns the final response, any status.
  HttpResponse send(const HttpRequest& request);

  const HttpClientConfig& config() const { return config_; }

 private:
  struct Attempt;
  Attempt attempt_once(const HttpRequest& request) const;

  HttpClientConfig config_;
  const ports::Clock& clock_;
  Sleeper sleeper_;
  Backoff backoff_;
};

// Throws the SourceError a non-2xx status means: 404 NotFound; 401, 403, 451
// Unauthorized; 418 and 429 RateLimited; other 4xx BadRequest; 5xx
// RetriesExhausted. Does nothing for 2xx.
void ensure_success(const HttpRequest& request, const HttpResponse& response);

// Builds the error for this request and response (body excerpt redacted).
SourceError source_error(SourceFailure failure, const HttpRequest& request,
                         const HttpResponse* response, std::string reason);

}  // namespace dorado::data
