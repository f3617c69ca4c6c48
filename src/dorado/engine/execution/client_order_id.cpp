#include "dorado/engine/execution/client_order_id.hpp"

#include <stdexcept>

namespace dorado::engine {

std::string client_order_id(const std::string& bot_id, std::int64_t candidate_id, int attempt) {
  if (bot_id.empty()) throw std::invalid_argument("client order id: empty bot id");
  if (candidate_id <= 0)
    throw std::invalid_argument("client order id: candidate id must be positive, got " +
                                std::to_string(candidate_id));
  if (attempt < 1)
    throw std::invalid_argument("client order id: attempt must be at least 1, got " +
                                std::to_string(attempt));
  return bot_id + "-c" + std::to_string(candidate_id) + "-a" + std::to_string(attempt);
}

}  // namespace dorado::engine
