#pragma once
// A request to trade that entered the system: from the daily scan or from a
// webhook (e.g. a TradingView alert). The raw payload is kept verbatim for
// the audit trail; the external id makes duplicates detectable.
#include <chrono>
#include <string>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/time.hpp"

namespace dorado {

enum class SignalSource { Scan, Webhook };

template <>
struct EnumNames<SignalSource> {
  static constexpr std::array<std::pair<SignalSource, std::string_view>, 2> table{{
      {SignalSource::Scan, "scan"},
      {SignalSource::Webhook, "webhook"},
  }};
};

// open/close: enter or exit the bot's strategy (direction from the template);
// buy/sell: directional signals (FX, crypto, TradingView alerts).
enum class SignalAction { Open, Close, Buy, Sell };

template <>
struct EnumNames<SignalAction> {
  static constexpr std::array<std::pair<SignalAction, std::string_view>, 4> table{{
      {SignalAction::Open, "open"},
      {SignalAction::Close, "close"},
      {SignalAction::Buy, "buy"},
      {SignalAction::Sell, "sell"},
  }};
};

struct Signal {
  SignalSource source = SignalSource::Scan;
  std::string external_id;  // the sender's id; the scan uses its own run id
  std::string bot_id;
  std::string symbol;
  SignalAction action = SignalAction::Open;
  Timestamp received_at{};
  std::string payload;  // verbatim

  // How long ago it arrived, as of `now` (from the injected Clock).
  std::chrono::microseconds age(Timestamp now) const { return now - received_at; }
  // Older than max_age at `now`: such a signal is skipped as stale_signal.
  bool is_stale(Timestamp now, std::chrono::microseconds max_age) const {
    return age(now) > max_age;
  }

  friend bool operator==(const Signal&, const Signal&) = default;
};

}  // namespace dorado
