#include "dorado/data/sources/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "dorado/data/sources/query_string.hpp"

namespace dorado::data {
namespace {

constexpr std::size_t kExcerptChars = 200;

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("libcurl global initialisation failed");
  });
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return std::string(text);
}

extern "C" size_t collect_body(char* data, size_t size, size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

extern "C" size_t collect_header(char* data, size_t size, size_t count, void* target) {
  auto& headers = *static_cast<std::map<std::string, std::string>*>(target);
  const std::string_view line(data, size * count);
  // A new status line starts a new response (after a redirect or 100 Continue).
  if (line.starts_with("HTTP/")) headers.clear();
  const auto colon = line.find(':');
  if (colon != std::string_view::npos)
    headers[lower(std::string(line.substr(0, colon)))] = trim(line.substr(colon + 1));
  return size * count;
}

// Failures that a later attempt can plausibly get past.
bool is_transient(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

bool is_retryable_status(long status) {
  return status == 429 || (status >= 500 && status <= 599);
}

std::string seconds_text(std::chrono::milliseconds wait) {
  const auto tenths = (wait.count() + 50) / 100;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s";
}

struct CurlHandle {
  CURL* handle = curl_easy_init();
  curl_slist* headers = nullptr;
  ~CurlHandle() {
    curl_slist_free_all(headers);
    curl_easy_cleanup(handle);
  }
};

}  // namespace

Sleeper thread_sleeper() {
  return [](std::chrono::milliseconds wait) { std::this_thread::sleep_for(wait); };
}

std::string HttpRequest::redacted_url() const {
  return redact_url(url, secret_params);
}

std::optional<std::string> HttpResponse::header(const std::string& lower_case_name) const {
  const auto it = headers.find(lower_case_name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

struct HttpClient::Attempt {
  CURLcode code = CURLE_OK;
  std::string transport_error;
  HttpResponse response;
};

HttpClient::HttpClient(HttpClientConfig config, const ports::Clock& clock, Sleeper sleeper)
    : config_(std::move(config)),
      clock_(clock),
      sleeper_(std::move(sleeper)),
      backoff_(config_.backoff) {
  if (config_.max_attempts < 1)
    throw std::invalid_argument("http client: max_attempts must be at least 1, got " +
                                std::to_string(config_.max_attempts));
  if (config_.request_timeout.count() <= 0 || config_.connect_timeout.count() <= 0)
    throw std::invalid_argument("http client: timeouts must be positive");
  if (!sleeper_) throw std::invalid_argument("http client: a sleeper is required");
  init_curl_once();
}

HttpClient::~HttpClient() = default;

HttpClient::Attempt HttpClient::attempt_once(const HttpRequest& request) const {
  Attempt attempt;
  CurlHandle curl;
  if (curl.handle == nullptr) throw std::runtime_error("curl_easy_init failed");
  char error_buffer[CURL_ERROR_SIZE] = {};
  const std::string user_agent = request.user_agent.value_or(config_.user_agent);

  CURL* h = curl.handle;
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.request_timeout.count()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(config_.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!config_.ca_bundle.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, config_.ca_bundle.c_str());
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(h, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  curl_easy_setopt(h, CURLOPT_USERAGENT, user_agent.c_str());
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &attempt.response.body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, collect_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &attempt.response.headers);
  for (const auto& [name, value] : request.headers) {
    const std::string line = name + ": " + value;
    curl.headers = curl_slist_append(curl.headers, line.c_str());
  }
  if (curl.headers != nullptr) curl_easy_setopt(h, CURLOPT_HTTPHEADER, curl.headers);
  if (request.body) {
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body->data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body->size()));
  }

  attempt.code = curl_easy_perform(h);
  if (attempt.code != CURLE_OK) {
    attempt.transport_error =
        error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(attempt.code);
    return attempt;
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &attempt.response.status);
  return attempt;
}

HttpResponse HttpClient::send(const HttpRequest& request) {
  for (int number = 1;; ++number) {
    Attempt attempt = attempt_once(request);
    const bool last = number == config_.max_attempts;
    // Drawn only when a retry happens, so successes do not move the jitter sequence.
    const auto backoff_wait = [&] { return backoff_.wait_before_retry(number - 1); };

    if (attempt.code != CURLE_OK) {
      if (!is_transient(attempt.code))
        throw source_error(SourceFailure::Transport, request, nullptr,
                           "network error: " + attempt.transport_error);
      if (last)
        throw source_error(SourceFailure::RetriesExhausted, request, nullptr,
                           "network error on all " + std::to_string(number) +
                               " attempts, last: " + attempt.transport_error);
      sleeper_(backoff_wait());
      continue;
    }

    const HttpResponse& response = attempt.response;
    if (!is_retryable_status(response.status)) return std::move(attempt.response);

    std::optional<std::chrono::milliseconds> wait;
    if (const auto header = response.header("retry-after")) {
      if (const auto asked = parse_retry_after(*header, clock_.now())) {
        if (*asked > config_.retry_after_cap)
          throw source_error(SourceFailure::RateLimited, request, &response,
                             "the source asks to retry after " + seconds_text(*asked) +
                                 ", more than the " + seconds_text(config_.retry_after_cap) +
                                 " we wait");
        wait = *asked;
      }
    }
    if (last)
      throw source_error(
          response.status == 429 ? SourceFailure::RateLimited : SourceFailure::RetriesExhausted,
          request, &response,
          "HTTP " + std::to_string(response.status) + " on all " + std::to_string(number) +
              " attempts");
    sleeper_(wait ? *wait : backoff_wait());
  }
}

SourceError source_error(SourceFailure failure, const HttpRequest& request,
                         const HttpResponse* response, std::string reason) {
  SourceErrorDetails details;
  details.failure = failure;
  details.source = request.source;
  details.url = redact_values(request.redacted_url(), request.secret_values);
  details.reason = std::move(reason);
  if (response != nullptr) {
    details.status = response->status;
    std::string excerpt = response->body.substr(0, kExcerptChars);
    if (response->body.size() > kExcerptChars) excerpt += "...";
    details.body_excerpt = redact_values(std::move(excerpt), request.secret_values);
  }
  return SourceError(std::move(details));
}

void ensure_success(const HttpRequest& request, const HttpResponse& response) {
  const long status = response.status;
  if (status >= 200 && status <= 299) return;
  const std::string http = "HTTP " + std::to_string(status);
  if (status == 404)
    throw source_error(SourceFailure::NotFound, request, &response, http + ": not found");
  if (status == 401 || status == 403 || status == 451)
    throw source_error(SourceFailure::Unauthorized, request, &response, http + ": access refused");
  if (status == 418 || status == 429)
    throw source_error(SourceFailure::RateLimited, request, &response, http + ": rate limited");
  if (status >= 400 && status <= 499)
    throw source_error(SourceFailure::BadRequest, request, &response,
                       http + ": the source refused the request");
  if (status >= 500)
    throw source_error(SourceFailure::RetriesExhausted, request, &response,
                       http + ": server error");
  throw source_error(SourceFailure::BadRequest, request, &response, http + ": unexpected status");
}

}  // namespace dorado::data
