#pragma once
// bots/*.yaml: one bot trades one underlying with one strategy template.
#include <string>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/venue.hpp"

namespace dorado::config {

// Where a bot's trade ideas come from: its own daily scan, TradingView
// webhooks, or both.
enum class SignalMode { Scan, Webhook, Both };

// human_required: a person approves every order (CLI, Telegram, web);
// auto_execute: the bot's approval record is written by the engine itself.
enum class ApprovalMode { HumanRequired, AutoExecute };

}  // namespace dorado::config

namespace dorado {

template <>
struct EnumNames<config::SignalMode> {
  static constexpr std::array<std::pair<config::SignalMode, std::string_view>, 3> table{{
      {config::SignalMode::Scan, "scan"},
      {config::SignalMode::Webhook, "webhook"},
      {config::SignalMode::Both, "both"},
  }};
};

template <>
struct EnumNames<config::ApprovalMode> {
  static constexpr std::array<std::pair<config::ApprovalMode, std::string_view>, 2> table{{
      {config::ApprovalMode::HumanRequired, "human_required"},
      {config::ApprovalMode::AutoExecute, "auto_execute"},
  }};
};

}  // namespace dorado

namespace dorado::config {

struct BotConfig {
  std::string id;
  std::string name;
  std::string universe;
  std::string underlying;
  std::string strategy;  // a strategy template's name
  VenueId venue = VenueId::Paper;
  VenueMode venue_mode = VenueMode::Simulation;
  SignalMode signal_mode = SignalMode::Scan;
  ApprovalMode approval_mode = ApprovalMode::HumanRequired;
  double risk_pct = 0;  // max loss of one trade, % of account equity
  int max_positions = 1;
  bool enabled = true;
  std::string file;  // relative path of the file it came from
};

}  // namespace dorado::config
