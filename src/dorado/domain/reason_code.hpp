#pragma once
// Why the engine did what it did, as journaled beside every gate result,
// candidate, order and exit. Each code has a stable snake_case name (the
// journal and the store keep the name, never the number), a human
// description, the part of the pipeline it belongs to, and, for failures, the
// ErrorCategory that decides the engine's reaction. Outcomes that are not
// failures (a candidate selected, a profit target hit) have no category.
//
// Names are stable: add codes freely, never rename or reuse one.
#include <array>
#include <optional>
#include <string_view>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/error_category.hpp"

namespace dorado {

enum class ReasonCode {
  // gates
  RegimeNotAllowed,
  IvRankTooLow,
  IvRankTooHigh,
  TermStructureBackwardation,
  VixOutOfRange,
  AdxTrending,
  AtrChannelBreakout,
  HurstTrending,
  NearSupportResistance,
  EarningsInWindow,
  InsufficientHistory,
  RealizedVolOutOfRange,
  VolPercentileOutOfBand,
  TrendTooWeak,
  HurstNotPersistent,
  FundingAgainstTrade,
  // chain quality and construction
  ChainUnavailable,
  ChainMissingGreeks,
  StaleGreeks,
  PartialChain,
  SpreadTooWide,
  NoStrikeAtTargetDelta,
  CreditTooSmall,
  NoExpirationInRange,
  NoStrikeAtWidth,
  ChainRetriesExhausted,
  OpenInterestTooLow,
  // risk
  MaxLossExceeded,
  PortfolioHeatExceeded,
  ConcentrationExceeded,
  CorrelatedClusterExceeded,
  InsufficientBuyingPower,
  MaxOpenPositionsReached,
  NoSharesToCover,
  CircuitBreakerActive,
  DataQualityTooLow,
  // selection
  Selected,
  SentToPaper,
  PaperCapReached,
  // approval
  ApprovalTimeout,
  RejectedByHuman,
  ApprovalMissing,
  ApprovalAlreadyUsed,
  NotAwaitingApproval,
  // signals
  DuplicateSignal,
  StaleSignal,
  BadSecret,
  UnknownBot,
  MalformedPayload,
  // execution
  BotPaused,
  MarketClosed,
  VenueRejected,
  VenueUnavailable,
  RateLimited,
  VenueAuthFailed,
  ReconciliationMismatch,
  VenueTimeout,
  QuoteUnavailable,
  UnknownOrder,
  OrderNotCancellable,
  ClientOrderIdConflict,
  InvalidOrder,
  UncoveredShort,
  // exits
  ProfitTargetHit,
  StopLossHit,
  DteExit,
  ShortStrikeBreached,
  IvRankSpike,
  AtrStopHit,
  TrailingStopHit,
  TimeExit,
  HurstExit,
  ManualClose,
  // system
  ConfigInvalid,
  StoreUnavailable,
  InternalError,
  IllegalTransition,
};

// Which part of the pipeline a code comes from (for grouping in reports and the UI).
enum class ReasonStage { Gate, Chain, Risk, Selection, Approval, Signal, Execution, Exit, System };

template <>
struct EnumNames<ReasonStage> {
  static constexpr std::array<std::pair<ReasonStage, std::string_view>, 9> table{{
      {ReasonStage::Gate, "gate"},
      {ReasonStage::Chain, "chain"},
      {ReasonStage::Risk, "risk"},
      {ReasonStage::Selection, "selection"},
      {ReasonStage::Approval, "approval"},
      {ReasonStage::Signal, "signal"},
      {ReasonStage::Execution, "execution"},
      {ReasonStage::Exit, "exit"},
      {ReasonStage::System, "system"},
  }};
};

struct ReasonCodeInfo {
  ReasonCode code;
  std::string_view name;
  ReasonStage stage;
  std::optional<ErrorCategory> category;  // nullopt: not a failure
  std::string_view description;
};

namespace reason_code_detail {

using C = ReasonCode;
using S = ReasonStage;
constexpr std::optional<ErrorCategory> kFatal = ErrorCategory::Fatal;
constexpr std::optional<ErrorCategory> kRetry = ErrorCategory::Retryable;
constexpr std::optional<ErrorCategory> kReject = ErrorCategory::Rejected;
constexpr std::optional<ErrorCategory> kInvalid = ErrorCategory::InvalidInput;
constexpr std::optional<ErrorCategory> kOutcome = std::nullopt;

// In enum order, every code once (checked at compile time below).
inline constexpr std::array<ReasonCodeInfo, 77> kTable{{
    {C::RegimeNotAllowed, "regime_not_allowed", S::Gate, kReject,
     "the current regime is not one the strategy is allowed to trade in"},
    {C::IvRankTooLow, "iv_rank_too_low", S::Gate, kReject,
     "implied-volatility rank is below the template minimum"},
    {C::IvRankTooHigh, "iv_rank_too_high", S::Gate, kReject,
     "implied-volatility rank is above the template maximum"},
    {C::TermStructureBackwardation, "term_structure_backwardation", S::Gate, kReject,
     "the VIX futures term structure is in backwardation"},
    {C::VixOutOfRange, "vix_out_of_range", S::Gate, kReject,
     "VIX is outside the template's allowed range"},
    {C::AdxTrending, "adx_trending", S::Gate, kReject,
     "ADX shows a trend too strong for a range-bound strategy"},
    {C::AtrChannelBreakout, "atr_channel_breakout", S::Gate, kReject,
     "price has broken out of its ATR channel"},
    {C::HurstTrending, "hurst_trending", S::Gate, kReject,
     "the Hurst exponent shows a persistent, trending series"},
    {C::NearSupportResistance, "near_support_resistance", S::Gate, kReject,
     "a short strike sits too close to a support or resistance level"},
    {C::EarningsInWindow, "earnings_in_window", S::Gate, kReject,
     "an earnings announcement falls before expiration"},
    {C::InsufficientHistory, "insufficient_history", S::Gate, kReject,
     "not enough price or volatility history to evaluate the gate"},
    {C::RealizedVolOutOfRange, "realized_vol_out_of_range", S::Gate, kReject,
     "realized volatility is outside the template's allowed range"},
    {C::VolPercentileOutOfBand, "vol_percentile_out_of_band", S::Gate, kReject,
     "realized volatility sits outside its usual band of the past year (volatility regime)"},
    {C::TrendTooWeak, "trend_too_weak", S::Gate, kReject,
     "ADX shows a trend too weak for a momentum entry"},
    {C::HurstNotPersistent, "hurst_not_persistent", S::Gate, kReject,
     "the Hurst exponent does not show the persistence a momentum entry needs"},
    {C::FundingAgainstTrade, "funding_against_trade", S::Gate, kReject,
     "the funding rate shows the trade's side is crowded"},
    {C::ChainUnavailable, "chain_unavailable", S::Chain, kRetry,
     "the venue returned no option chain"},
    {C::ChainMissingGreeks, "chain_missing_greeks", S::Chain, kRetry,
     "too many contracts in the chain lack greeks"},
    {C::StaleGreeks, "stale_greeks", S::Chain, kRetry,
     "the chain's greeks are older than the allowed age"},
    {C::PartialChain, "partial_chain", S::Chain, kRetry,
     "the chain is missing strikes or expirations"},
    {C::SpreadTooWide, "spread_too_wide", S::Chain, kReject,
     "a leg's bid-ask spread is wider than the template allows"},
    {C::NoStrikeAtTargetDelta, "no_strike_at_target_delta", S::Chain, kReject,
     "no contract lies close enough to the template's target delta"},
    {C::CreditTooSmall, "credit_too_small", S::Chain, kReject,
     "the net credit is below the template minimum"},
    {C::NoExpirationInRange, "no_expiration_in_range", S::Chain, kReject,
     "no listed expiration falls within the template's DTE range"},
    {C::NoStrikeAtWidth, "no_strike_at_width", S::Chain, kReject,
     "no listed strike lies at the template's wing width beyond the short strike"},
    {C::ChainRetriesExhausted, "chain_retries_exhausted", S::Chain, kReject,
     "the chain failed validation on every retry: alert the trader, skip the underlying"},
    {C::OpenInterestTooLow, "open_interest_too_low", S::Chain, kReject,
     "a leg's open interest is below the minimum for a liquid exit"},
    {C::MaxLossExceeded, "max_loss_exceeded", S::Risk, kReject,
     "the trade's maximum loss exceeds the per-trade limit"},
    {C::PortfolioHeatExceeded, "portfolio_heat_exceeded", S::Risk, kReject,
     "adding the trade would exceed the portfolio heat limit"},
    {C::ConcentrationExceeded, "concentration_exceeded", S::Risk, kReject,
     "adding the trade would over-concentrate one underlying or sector"},
    {C::CorrelatedClusterExceeded, "correlated_cluster_exceeded", S::Risk, kReject,
     "adding the trade would exceed the limit for a cluster of correlated positions"},
    {C::InsufficientBuyingPower, "insufficient_buying_power", S::Risk, kReject,
     "the account lacks the buying power for the trade"},
    {C::MaxOpenPositionsReached, "max_open_positions_reached", S::Risk, kReject,
     "the bot or portfolio already holds its maximum number of positions"},
    {C::NoSharesToCover, "no_shares_to_cover", S::Risk, kReject,
     "a covered call needs shares of the underlying that the bot does not hold"},
    {C::CircuitBreakerActive, "circuit_breaker_active", S::Risk, kReject,
     "a circuit breaker has halted new entries"},
    {C::DataQualityTooLow, "data_quality_too_low", S::Risk, kReject,
     "the input data's quality score is below the minimum"},
    {C::Selected, "selected", S::Selection, kOutcome, "selected for approval and execution"},
    {C::SentToPaper, "sent_to_paper", S::Selection, kReject,
     "not selected for the live book; traded on paper to keep learning"},
    {C::PaperCapReached, "paper_cap_reached", S::Selection, kReject,
     "dropped: the paper book is full and this candidate scored lowest"},
    {C::ApprovalTimeout, "approval_timeout", S::Approval, kReject,
     "no human approved the trade before the approval timed out"},
    {C::RejectedByHuman, "rejected_by_human", S::Approval, kReject,
     "the trader rejected the trade"},
    {C::ApprovalMissing, "approval_missing", S::Approval, kReject,
     "no approval record authorises an order for this candidate"},
    {C::ApprovalAlreadyUsed, "approval_already_used", S::Approval, kReject,
     "the approval was already used by an order: one approval, one order path"},
    {C::NotAwaitingApproval, "not_awaiting_approval", S::Approval, kReject,
     "the candidate's bot is not awaiting approval for it (decided, cancelled or moved on)"},
    {C::DuplicateSignal, "duplicate_signal", S::Signal, kReject,
     "a signal with the same id was already received"},
    {C::StaleSignal, "stale_signal", S::Signal, kReject,
     "the signal arrived too long after it was generated"},
    {C::BadSecret, "bad_secret", S::Signal, kInvalid, "the webhook secret did not match"},
    {C::UnknownBot, "unknown_bot", S::Signal, kInvalid,
     "the signal names a bot that is not configured"},
    {C::MalformedPayload, "malformed_payload", S::Signal, kInvalid,
     "the signal payload could not be parsed"},
    {C::BotPaused, "bot_paused", S::Execution, kReject, "the bot is paused"},
    {C::MarketClosed, "market_closed", S::Execution, kReject,
     "the market for the instrument is closed"},
    {C::VenueRejected, "venue_rejected", S::Execution, kReject, "the venue rejected the order"},
    {C::VenueUnavailable, "venue_unavailable", S::Execution, kRetry,
     "the venue could not be reached"},
    {C::RateLimited, "rate_limited", S::Execution, kRetry,
     "the venue or data source asked us to slow down"},
    {C::VenueAuthFailed, "venue_auth_failed", S::Execution, kFatal,
     "the venue refused our credentials"},
    {C::ReconciliationMismatch, "reconciliation_mismatch", S::Execution, kFatal,
     "the venue and the store disagree about an order or position"},
    {C::VenueTimeout, "venue_timeout", S::Execution, kRetry,
     "the venue did not answer in time; whether the request took effect is unknown until "
     "reconciled"},
    {C::QuoteUnavailable, "quote_unavailable", S::Execution, kRetry,
     "the venue has no usable quote for the instrument"},
    {C::UnknownOrder, "unknown_order", S::Execution, kReject,
     "the venue knows no order with this client order id"},
    {C::OrderNotCancellable, "order_not_cancellable", S::Execution, kReject,
     "the order is already filled, cancelled, rejected or expired"},
    {C::ClientOrderIdConflict, "client_order_id_conflict", S::Execution, kInvalid,
     "the client order id is already used by a different order"},
    {C::InvalidOrder, "invalid_order", S::Execution, kInvalid,
     "the order is malformed or names an instrument the venue cannot trade"},
    {C::UncoveredShort, "uncovered_short", S::Execution, kReject,
     "the order would leave a short call or short stock without cover (unlimited risk)"},
    {C::ProfitTargetHit, "profit_target_hit", S::Exit, kOutcome,
     "closed: the profit target was reached"},
    {C::StopLossHit, "stop_loss_hit", S::Exit, kOutcome, "closed: the stop loss was reached"},
    {C::DteExit, "dte_exit", S::Exit, kOutcome,
     "closed: days to expiration fell to the exit threshold"},
    {C::ShortStrikeBreached, "short_strike_breached", S::Exit, kOutcome,
     "closed: the underlying crossed a short strike"},
    {C::IvRankSpike, "iv_rank_spike", S::Exit, kOutcome,
     "closed: implied-volatility rank spiked above the exit threshold"},
    {C::AtrStopHit, "atr_stop_hit", S::Exit, kOutcome, "closed: price moved past the ATR stop"},
    {C::TrailingStopHit, "trailing_stop_hit", S::Exit, kOutcome,
     "closed: the trailing stop was hit"},
    {C::TimeExit, "time_exit", S::Exit, kOutcome, "closed: the maximum holding time elapsed"},
    {C::HurstExit, "hurst_exit", S::Exit, kOutcome,
     "closed: the Hurst exponent no longer supports the trade"},
    {C::ManualClose, "manual_close", S::Exit, kOutcome, "closed by the trader"},
    {C::ConfigInvalid, "config_invalid", S::System, kFatal, "the configuration failed validation"},
    {C::StoreUnavailable, "store_unavailable", S::System, kRetry, "the store could not be reached"},
    {C::InternalError, "internal_error", S::System, kFatal, "an internal invariant was violated"},
    {C::IllegalTransition, "illegal_transition", S::System, kInvalid,
     "the bot state machine does not allow this transition"},
}};

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kTable.size(); ++i)
    if (static_cast<std::size_t>(kTable[i].code) != i) return false;
  return kTable.size() == static_cast<std::size_t>(ReasonCode::IllegalTransition) + 1;
}
static_assert(in_enum_order(), "kTable must list every ReasonCode once, in enum order");

constexpr bool names_unique() {
  for (std::size_t i = 0; i < kTable.size(); ++i)
    for (std::size_t j = i + 1; j < kTable.size(); ++j)
      if (kTable[i].name == kTable[j].name) return false;
  return true;
}
static_assert(names_unique(), "reason code names must be unique");

constexpr std::array<std::pair<ReasonCode, std::string_view>, kTable.size()> names() {
  std::array<std::pair<ReasonCode, std::string_view>, kTable.size()> out{};
  for (std::size_t i = 0; i < kTable.size(); ++i) out[i] = {kTable[i].code, kTable[i].name};
  return out;
}

}  // namespace reason_code_detail

template <>
struct EnumNames<ReasonCode> {
  static constexpr auto table = reason_code_detail::names();
};

constexpr const ReasonCodeInfo& info_of(ReasonCode code) {
  // The table is in enum order (static_assert above), so this is an index.
  return reason_code_detail::kTable[static_cast<std::size_t>(code)];
}

constexpr std::string_view description_of(ReasonCode code) {
  return info_of(code).description;
}
constexpr ReasonStage stage_of(ReasonCode code) {
  return info_of(code).stage;
}
constexpr std::optional<ErrorCategory> category_of(ReasonCode code) {
  return info_of(code).category;
}
// A failure (has a category) rather than an outcome such as `selected`.
constexpr bool is_failure(ReasonCode code) {
  return category_of(code).has_value();
}

inline constexpr const auto& all_reason_codes() {
  return reason_code_detail::kTable;
}

}  // namespace dorado
