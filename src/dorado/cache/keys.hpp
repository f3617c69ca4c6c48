#pragma once
// The cache keys of the PRD, built in one place so every writer and reader
// agrees on the spelling, each with the TTL to use by default and why.
//
// Ids and symbols are used as given (case-sensitive); an empty one is a
// programming error and throws std::invalid_argument.
#include <chrono>
#include <string>
#include <string_view>

namespace dorado::cache::keys {

using namespace std::chrono_literals;

// bot:state:{id} - a bot's state-machine snapshot, mirrored from the store on
// every transition. A day, so a bot idle over a weekend is re-read from the
// store rather than kept forever.
std::string bot_state(std::string_view bot_id);
inline constexpr std::chrono::milliseconds kBotStateTtl = 24h;

// regime:{macro|fx|crypto}:current, regime:correlation - the published
// regimes. Republished at least daily; 26 h lets one late run pass but makes
// a missed day show up as "no regime" instead of a stale one.
std::string macro_regime();        // regime:macro:current
std::string fx_regime();           // regime:fx:current
std::string crypto_regime();       // regime:crypto:current
std::string correlation_regime();  // regime:correlation
inline constexpr std::chrono::milliseconds kRegimeTtl = 26h;

// quotes:{symbol} - the last quote seen. Short: a quote older than this is
// stale for pricing an order and must be fetched again.
std::string quote(std::string_view symbol);
inline constexpr std::chrono::milliseconds kQuoteTtl = 15s;

// locks:order:{id} - held while one order is persisted and sent (DESIGN.md,
// idempotent execution). Short so a crashed holder frees it quickly; a holder
// that needs longer extends it.
std::string order_lock(std::string_view order_id);
inline constexpr std::chrono::milliseconds kOrderLockTtl = 30s;

// circuit_breaker:{name} - a tripped breaker. The risk engine sets it with the
// breaker's own cool-down; this default covers a breaker that trips for the
// trading day. The store's risk_events remain the record.
std::string circuit_breaker(std::string_view name);
inline constexpr std::chrono::milliseconds kCircuitBreakerTtl = 24h;

}  // namespace dorado::cache::keys
