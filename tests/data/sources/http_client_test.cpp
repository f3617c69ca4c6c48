#include "dorado/data/sources/http_client.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "fake_server.hpp"
#include "source_test_support.hpp"

namespace dorado::data {
namespace {

using namespace std::chrono_literals;
using test::FakeServer;
using test::Reply;

HttpRequest get(const FakeServer& server, std::string path) {
  HttpRequest request;
  request.source = "fake";
  request.url = server.base_url() + path;
  return request;
}

SourceError send_expecting_error(HttpClient& http, const HttpRequest& request) {
  return test::source_error_of([&] { http.send(request); });
}

TEST(HttpClient, ReturnsTheBodyHeadersAndStatus) {
  FakeServer server;
  server.script("/ok", {Reply{200, "hello", "text/plain", {{"X-Thing", "1"}}}});
  test::TestHttp t;
  const HttpResponse response = t.http.send(get(server, "/ok"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "hello");
  EXPECT_EQ(response.header("x-thing"), "1");
  EXPECT_TRUE(t.recorded.waits.empty());
}

TEST(HttpClient, SendsTheDefaultUserAgentOrTheRequestsOwn) {
  FakeServer server;
  server.script("/ua", {Reply{200, "{}"}});
  test::TestHttp t;
  t.http.send(get(server, "/ua"));
  HttpRequest browser = get(server, "/ua");
  browser.user_agent = kBrowserUserAgent;
  browser.headers = {{"X-App-Token", "abc"}};
  t.http.send(browser);
  const auto seen = server.received();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].header("User-Agent"), "dorado/0.1");
  EXPECT_EQ(seen[1].header("User-Agent"), kBrowserUserAgent);
  EXPECT_EQ(seen[1].header("X-App-Token"), "abc");
}

TEST(HttpClient, PostsTheBody) {
  FakeServer server;
  server.script("/info", {Reply{200, "[]"}});
  test::TestHttp t;
  HttpRequest request = get(server, "/info");
  request.body = R"({"type":"fundingHistory"})";
  request.headers = {{"Content-Type", "application/json"}};
  t.http.send(request);
  const auto seen = server.received();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "POST");
  EXPECT_EQ(seen[0].body, R"({"type":"fundingHistory"})");
}

TEST(HttpClient, RetriesServerErrorsWithExponentialBackoff) {
  FakeServer server;
  server.script("/flaky", {Reply{500, "oops"}, Reply{502, "bad gateway"}, Reply{503, "busy"},
                           Reply{200, "finally"}});
  test::TestHttp t;
  EXPECT_EQ(t.http.send(get(server, "/flaky")).body, "finally");
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms, 1000ms, 2000ms}));
  EXPECT_EQ(server.request_count(), 4u);
}

TEST(HttpClient, GivesUpAfterMaxAttemptsNamingStatusAndBody) {
  FakeServer server;
  server.script("/down", {Reply{503, "Will be right back", "text/html"}});
  test::TestHttp t;
  const SourceError e = send_expecting_error(t.http, get(server, "/down"));
  EXPECT_EQ(e.failure(), SourceFailure::RetriesExhausted);
  EXPECT_EQ(e.category(), ErrorCategory::Retryable);
  EXPECT_EQ(e.status(), 503);
  EXPECT_EQ(server.request_count(), 4u);
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms, 1000ms, 2000ms}));
  EXPECT_EQ(std::string(e.what()), "fake: retries_exhausted: HTTP 503 on all 4 attempts [" +
                                       server.base_url() +
                                       "/down, HTTP 503] body: Will be right back");
}

TEST(HttpClient, BackoffIsCappedAtTheMaximum) {
  FakeServer server;
  server.script("/down", {Reply{500, ""}});
  calendar::SimulatedClock clock{test::test_now()};
  test::RecordedWaits recorded;
  HttpClientConfig config = test::exact_backoff_config();
  config.max_attempts = 7;
  config.backoff.max = 3000ms;
  HttpClient http(config, clock, recorded.sleeper());
  EXPECT_THROW(http.send(get(server, "/down")), SourceError);
  EXPECT_EQ(recorded.waits, (std::vector{500ms, 1000ms, 2000ms, 3000ms, 3000ms, 3000ms}));
}

TEST(HttpClient, HonoursRetryAfterInSeconds) {
  FakeServer server;
  server.script("/limited", {Reply{429, "Too Many Requests", "text/plain", {{"Retry-After", "7"}}},
                             Reply{200, "ok"}});
  test::TestHttp t;
  EXPECT_EQ(t.http.send(get(server, "/limited")).body, "ok");
  EXPECT_EQ(t.recorded.waits, (std::vector{7000ms}));
}

TEST(HttpClient, HonoursRetryAfterAsAnHttpDate) {
  FakeServer server;
  // test_now() is Wed, 10 Jul 2024 12:00:00 GMT: 90 s later.
  server.script("/limited",
                {Reply{503, "", "text/plain", {{"Retry-After", "Wed, 10 Jul 2024 12:01:30 GMT"}}},
                 Reply{200, "ok"}});
  test::TestHttp t;
  EXPECT_EQ(t.http.send(get(server, "/limited")).body, "ok");
  EXPECT_EQ(t.recorded.waits, (std::vector{90'000ms}));
}

TEST(HttpClient, RetryAfterBeyondTheCapStopsAtOnce) {
  FakeServer server;
  server.script("/banned", {Reply{429,
                                  R"({"code":-1003,"msg":"Way too many requests"})",
                                  "application/json",
                                  {{"Retry-After", "3600"}}}});
  test::TestHttp t;
  const SourceError e = send_expecting_error(t.http, get(server, "/banned"));
  EXPECT_EQ(e.failure(), SourceFailure::RateLimited);
  EXPECT_EQ(server.request_count(), 1u);
  EXPECT_TRUE(t.recorded.waits.empty());
  EXPECT_NE(std::string(e.what()).find("retry after 3600.0 s, more than the 120.0 s we wait"),
            std::string::npos)
      << e.what();
}

TEST(HttpClient, UnparseableRetryAfterFallsBackToBackoff) {
  FakeServer server;
  server.script("/limited",
                {Reply{429, "", "text/plain", {{"Retry-After", "soon"}}}, Reply{200, "ok"}});
  test::TestHttp t;
  t.http.send(get(server, "/limited"));
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms}));
}

TEST(HttpClient, ClientErrorsAreNotRetried) {
  FakeServer server;
  server.script("/missing", {Reply{404, "nope", "text/plain"}});
  test::TestHttp t;
  const HttpRequest request = get(server, "/missing");
  const HttpResponse response = t.http.send(request);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(server.request_count(), 1u);
  try {
    ensure_success(request, response);
    FAIL() << "expected NotFound";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.failure(), SourceFailure::NotFound);
    EXPECT_EQ(e.category(), ErrorCategory::Rejected);
  }
}

TEST(HttpClient, StatusesMapToFailureKinds) {
  const std::vector<std::pair<long, SourceFailure>> cases{
      {400, SourceFailure::BadRequest},      {401, SourceFailure::Unauthorized},
      {403, SourceFailure::Unauthorized},    {404, SourceFailure::NotFound},
      {418, SourceFailure::RateLimited},     {422, SourceFailure::BadRequest},
      {429, SourceFailure::RateLimited},     {451, SourceFailure::Unauthorized},
      {500, SourceFailure::RetriesExhausted}};
  HttpRequest request;
  request.source = "fake";
  request.url = "http://127.0.0.1:1/x";
  for (const auto& [status, failure] : cases) {
    HttpResponse response;
    response.status = status;
    try {
      ensure_success(request, response);
      ADD_FAILURE() << "no error for " << status;
    } catch (const SourceError& e) {
      EXPECT_EQ(e.failure(), failure) << status;
    }
  }
  HttpResponse ok;
  ok.status = 204;
  EXPECT_NO_THROW(ensure_success(request, ok));
}

TEST(HttpClient, NetworkErrorsAreRetriedThenReported) {
  // A port that was just free: nothing listens, so every connect is refused.
  int port = 0;
  {
    FakeServer server;
    port = std::stoi(server.base_url().substr(server.base_url().rfind(':') + 1));
  }
  test::TestHttp t;
  HttpRequest request;
  request.source = "fake";
  request.url = "http://127.0.0.1:" + std::to_string(port) + "/gone";
  const SourceError e = send_expecting_error(t.http, request);
  EXPECT_EQ(e.failure(), SourceFailure::RetriesExhausted);
  EXPECT_EQ(e.status(), 0);
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms, 1000ms, 2000ms}));
  EXPECT_NE(std::string(e.what()).find("network error on all 4 attempts"), std::string::npos)
      << e.what();
}

TEST(HttpClient, SlowAnswersTimeOutAndAreRetried) {
  FakeServer server;
  std::atomic<int> calls{0};
  server.respond("/slow", [&](const test::Received&) {
    if (calls++ == 0) std::this_thread::sleep_for(600ms);  // beyond the 150 ms request timeout
    return Reply{200, "ok"};
  });
  calendar::SimulatedClock clock{test::test_now()};
  test::RecordedWaits recorded;
  HttpClientConfig config = test::exact_backoff_config();
  config.request_timeout = 150ms;
  HttpClient http(config, clock, recorded.sleeper());
  EXPECT_EQ(http.send(get(server, "/slow")).body, "ok");
  EXPECT_EQ(recorded.waits, (std::vector{500ms}));
  EXPECT_EQ(calls.load(), 2);
}

TEST(HttpClient, ABodyCutMidTransferIsRetried) {
  // The server promises 100 bytes, sends 10 and drops the connection.
  httplib::Server raw;
  std::atomic<int> calls{0};
  raw.Get("/cut", [&](const httplib::Request&, httplib::Response& response) {
    if (calls++ == 0) {
      response.set_content_provider(100, "application/json",
                                    [](std::size_t, std::size_t, httplib::DataSink& sink) {
                                      sink.write("[{\"a\":1},", 10);
                                      return false;
                                    });
    } else {
      response.set_content("[]", "application/json");
    }
  });
  const int port = raw.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { raw.listen_after_bind(); });
  while (!raw.is_running()) std::this_thread::sleep_for(1ms);
  test::TestHttp t;
  HttpRequest request;
  request.source = "fake";
  request.url = "http://127.0.0.1:" + std::to_string(port) + "/cut";
  const HttpResponse response = t.http.send(request);
  raw.stop();
  thread.join();
  EXPECT_EQ(response.body, "[]");
  EXPECT_EQ(t.recorded.waits, (std::vector{500ms}));
}

TEST(HttpClient, SecretsNeverAppearInErrors) {
  FakeServer server;
  server.script("/series", {Reply{500, "bad key 0123abcd echoed back"}});
  test::TestHttp t;
  HttpRequest request = get(server, "/series?series_id=DGS10&api_key=0123abcd&file_type=json");
  request.secret_params = {"api_key"};
  request.secret_values = {"0123abcd"};
  const SourceError e = send_expecting_error(t.http, request);
  const std::string message = e.what();
  EXPECT_EQ(message.find("0123abcd"), std::string::npos) << message;
  EXPECT_EQ(e.details().url,
            server.base_url() + "/series?series_id=DGS10&api_key=REDACTED&file_type=json");
  EXPECT_EQ(e.details().body_excerpt, "bad key REDACTED echoed back");
}

TEST(HttpClient, LongBodiesAreExcerpted) {
  FakeServer server;
  server.script("/big", {Reply{400, std::string(1000, 'x')}});
  test::TestHttp t;
  const HttpRequest request = get(server, "/big");
  const HttpResponse response = t.http.send(request);
  try {
    ensure_success(request, response);
    FAIL() << "expected BadRequest";
  } catch (const SourceError& e) {
    EXPECT_EQ(e.details().body_excerpt, std::string(200, 'x') + "...");
  }
}

// An HTTPS server on loopback with a self-signed certificate for 127.0.0.1
// (fixtures/loopback_tls_*.pem, valid to 2126, test use only).
struct LoopbackTlsServer {
  const std::string cert =
      std::string(DORADO_SOURCE_DIR) + "/tests/data/sources/fixtures/loopback_tls_cert.pem";
  httplib::SSLServer server{cert.c_str(), (std::string(DORADO_SOURCE_DIR) +
                                           "/tests/data/sources/fixtures/loopback_tls_key.pem")
                                              .c_str()};
  int port = 0;
  std::thread thread;

  LoopbackTlsServer() {
    server.Get("/x", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("secure", "text/plain");
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(1ms);
  }
  ~LoopbackTlsServer() {
    server.stop();
    thread.join();
  }
  HttpRequest request() const {
    HttpRequest r;
    r.source = "fake";
    r.url = "https://127.0.0.1:" + std::to_string(port) + "/x";
    return r;
  }
};

TEST(HttpClient, UntrustedCertificatesAreRefusedWithoutRetry) {
  LoopbackTlsServer tls;
  ASSERT_TRUE(tls.server.is_valid());
  test::TestHttp t;
  const SourceError e = send_expecting_error(t.http, tls.request());
  EXPECT_EQ(e.failure(), SourceFailure::Transport);
  EXPECT_EQ(e.category(), ErrorCategory::Fatal);
  EXPECT_TRUE(t.recorded.waits.empty());
  EXPECT_NE(std::string(e.what()).find("certificate"), std::string::npos) << e.what();
}

TEST(HttpClient, CertificatesFromTheConfiguredBundleAreTrusted) {
  LoopbackTlsServer tls;
  calendar::SimulatedClock clock{test::test_now()};
  test::RecordedWaits recorded;
  HttpClientConfig config = test::exact_backoff_config();
  config.ca_bundle = tls.cert;
  HttpClient http(config, clock, recorded.sleeper());
  EXPECT_EQ(http.send(tls.request()).body, "secure");
}

TEST(HttpClient, PlainHttpSpokenToAsTlsIsATransportError) {
  FakeServer server;
  server.script("/x", {Reply{200, "ok"}});
  test::TestHttp t;
  HttpRequest request;
  request.source = "fake";
  request.url =
      "https://127.0.0.1:" + server.base_url().substr(server.base_url().rfind(':') + 1) + "/x";
  EXPECT_EQ(send_expecting_error(t.http, request).failure(), SourceFailure::Transport);
  EXPECT_TRUE(t.recorded.waits.empty());
}

TEST(HttpClient, RejectsNonsenseConfiguration) {
  calendar::SimulatedClock clock{test::test_now()};
  HttpClientConfig config;
  config.max_attempts = 0;
  EXPECT_THROW(HttpClient(config, clock, thread_sleeper()), std::invalid_argument);
  config = HttpClientConfig{};
  config.backoff.jitter = 1.5;
  EXPECT_THROW(HttpClient(config, clock, thread_sleeper()), std::invalid_argument);
}

}  // namespace
}  // namespace dorado::data
