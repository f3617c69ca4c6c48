#include "dorado/cache/keys.hpp"

#include <stdexcept>

namespace dorado::cache::keys {
namespace {

std::string with_id(std::string_view prefix, std::string_view id, std::string_view what) {
  if (id.empty())
    throw std::invalid_argument("cache key " + std::string(prefix) + "{" + std::string(what) +
                                "}: empty " + std::string(what));
  std::string key(prefix);
  key += id;
  return key;
}

}  // namespace

std::string bot_state(std::string_view bot_id) {
  return with_id("bot:state:", bot_id, "id");
}
std::string macro_regime() {
  return "regime:macro:current";
}
std::string fx_regime() {
  return "regime:fx:current";
}
std::string crypto_regime() {
  return "regime:crypto:current";
}
std::string correlation_regime() {
  return "regime:correlation";
}
std::string quote(std::string_view symbol) {
  return with_id("quotes:", symbol, "symbol");
}
std::string order_lock(std::string_view order_id) {
  return with_id("locks:order:", order_id, "id");
}
std::string circuit_breaker(std::string_view name) {
  return with_id("circuit_breaker:", name, "name");
}

}  // namespace dorado::cache::keys
