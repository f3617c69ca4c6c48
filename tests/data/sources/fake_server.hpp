#pragma once
// A fake HTTP data source on loopback: cpp-httplib on 127.0.0.1 with a port
// chosen by the kernel, in its own thread, stopped in the destructor. Each
// path answers from a script (replies served in order, the last one repeated)
// or from a function of the request (for paging); every request is recorded
// so tests can assert what the client sent.
#include <httplib.h>

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace dorado::data::test {

struct Reply {
  using Headers = std::vector<std::pair<std::string, std::string>>;

  Reply(int status_code, std::string text, std::string type = "application/json",
        Headers extra_headers = {})
      : status(status_code),
        body(std::move(text)),
        content_type(std::move(type)),
        headers(std::move(extra_headers)) {}

  int status;
  std::string body;
  std::string content_type;
  Headers headers;
};

struct Received {
  std::string method;
  std::string path;
  std::multimap<std::string, std::string> params;
  std::multimap<std::string, std::string, httplib::detail::ci> headers;
  std::string body;

  std::string param(const std::string& name) const;
  std::string header(const std::string& name) const;
};

class FakeServer {
 public:
  FakeServer();
  ~FakeServer();
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  // "http://127.0.0.1:<port>"
  std::string base_url() const;

  void script(const std::string& path, std::vector<Reply> replies);
  void respond(const std::string& path, std::function<Reply(const Received&)> answer);

  std::vector<Received> received() const;
  std::size_t request_count() const;

 private:
  void handle(const httplib::Request& request, httplib::Response& response);

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Reply>> scripts_;
  std::map<std::string, std::size_t> served_;
  std::map<std::string, std::function<Reply(const Received&)>> answers_;
  std::vector<Received> received_;
};

}  // namespace dorado::data::test
