#include "fake_server.hpp"

#include <chrono>
#include <stdexcept>

namespace dorado::data::test {

std::string Received::param(const std::string& name) const {
  const auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

std::string Received::header(const std::string& name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

FakeServer::FakeServer() {
  const auto handler = [this](const httplib::Request& request, httplib::Response& response) {
    handle(request, response);
  };
  server_.Get(".*", handler);
  server_.Post(".*", handler);
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("fake server: cannot bind 127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // stop() is a no-op until the loop runs, so wait for it (httplib 0.11 has no wait_until_ready).
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds{1});
}

FakeServer::~FakeServer() {
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

void FakeServer::script(const std::string& path, std::vector<Reply> replies) {
  std::lock_guard lock(mutex_);
  scripts_[path] = std::move(replies);
  served_[path] = 0;
}

void FakeServer::respond(const std::string& path, std::function<Reply(const Received&)> answer) {
  std::lock_guard lock(mutex_);
  answers_[path] = std::move(answer);
}

std::vector<Received> FakeServer::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

std::size_t FakeServer::request_count() const {
  std::lock_guard lock(mutex_);
  return received_.size();
}

void FakeServer::handle(const httplib::Request& request, httplib::Response& response) {
  Received seen;
  seen.method = request.method;
  seen.path = request.path;
  seen.params = {request.params.begin(), request.params.end()};
  seen.headers = request.headers;
  seen.body = request.body;

  Reply reply{404, "no fake route for " + request.path, "text/plain", {}};
  std::function<Reply(const Received&)> answer;
  {
    std::lock_guard lock(mutex_);
    received_.push_back(seen);
    if (const auto it = answers_.find(request.path); it != answers_.end()) {
      answer = it->second;
    } else if (const auto script = scripts_.find(request.path);
               script != scripts_.end() && !script->second.empty()) {
      std::size_t& served = served_[request.path];
      reply = script->second[std::min(served, script->second.size() - 1)];
      ++served;
    }
  }
  if (answer) reply = answer(seen);
  response.status = reply.status;
  for (const auto& [name, value] : reply.headers) response.set_header(name, value);
  response.set_content(reply.body, reply.content_type);
}

}  // namespace dorado::data::test
