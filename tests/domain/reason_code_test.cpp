#include "dorado/domain/reason_code.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "dorado/domain/candidate.hpp"
#include "dorado/domain/gate_result.hpp"
#include "dorado/domain/signal.hpp"

namespace dorado {
namespace {

using namespace std::chrono;

TEST(ReasonCode, TheBriefsCodesHaveTheirNamesAndCategories) {
  struct Expected {
    ReasonCode code;
    std::string_view name;
    ErrorCategory category;
  };
  const Expected expected[] = {
      {ReasonCode::RegimeNotAllowed, "regime_not_allowed", ErrorCategory::Rejected},
      {ReasonCode::IvRankTooLow, "iv_rank_too_low", ErrorCategory::Rejected},
      {ReasonCode::TermStructureBackwardation, "term_structure_backwardation",
       ErrorCategory::Rejected},
      {ReasonCode::VixOutOfRange, "vix_out_of_range", ErrorCategory::Rejected},
      {ReasonCode::AdxTrending, "adx_trending", ErrorCategory::Rejected},
      {ReasonCode::AtrChannelBreakout, "atr_channel_breakout", ErrorCategory::Rejected},
      {ReasonCode::HurstTrending, "hurst_trending", ErrorCategory::Rejected},
      {ReasonCode::NearSupportResistance, "near_support_resistance", ErrorCategory::Rejected},
      {ReasonCode::ChainMissingGreeks, "chain_missing_greeks", ErrorCategory::Retryable},
      {ReasonCode::SpreadTooWide, "spread_too_wide", ErrorCategory::Rejected},
      {ReasonCode::PartialChain, "partial_chain", ErrorCategory::Retryable},
      {ReasonCode::StaleGreeks, "stale_greeks", ErrorCategory::Retryable},
      {ReasonCode::MaxLossExceeded, "max_loss_exceeded", ErrorCategory::Rejected},
      {ReasonCode::PortfolioHeatExceeded, "portfolio_heat_exceeded", ErrorCategory::Rejected},
      {ReasonCode::ConcentrationExceeded, "concentration_exceeded", ErrorCategory::Rejected},
      {ReasonCode::CorrelatedClusterExceeded, "correlated_cluster_exceeded",
       ErrorCategory::Rejected},
      {ReasonCode::InsufficientBuyingPower, "insufficient_buying_power", ErrorCategory::Rejected},
      {ReasonCode::CircuitBreakerActive, "circuit_breaker_active", ErrorCategory::Rejected},
      {ReasonCode::DataQualityTooLow, "data_quality_too_low", ErrorCategory::Rejected},
      {ReasonCode::ApprovalTimeout, "approval_timeout", ErrorCategory::Rejected},
      {ReasonCode::RejectedByHuman, "rejected_by_human", ErrorCategory::Rejected},
      {ReasonCode::VenueRejected, "venue_rejected", ErrorCategory::Rejected},
      {ReasonCode::DuplicateSignal, "duplicate_signal", ErrorCategory::Rejected},
      {ReasonCode::StaleSignal, "stale_signal", ErrorCategory::Rejected},
      {ReasonCode::BadSecret, "bad_secret", ErrorCategory::InvalidInput},
      {ReasonCode::UnknownBot, "unknown_bot", ErrorCategory::InvalidInput},
      {ReasonCode::SentToPaper, "sent_to_paper", ErrorCategory::Rejected},
      {ReasonCode::ReconciliationMismatch, "reconciliation_mismatch", ErrorCategory::Fatal},
  };
  for (const auto& e : expected) {
    EXPECT_EQ(name_of(e.code), e.name);
    EXPECT_EQ(parse_name<ReasonCode>(e.name), e.code) << e.name;
    EXPECT_EQ(category_of(e.code), e.category) << e.name;
  }
  EXPECT_EQ(name_of(ReasonCode::Selected), "selected");
  EXPECT_FALSE(is_failure(ReasonCode::Selected));
  EXPECT_FALSE(is_failure(ReasonCode::ProfitTargetHit));
  EXPECT_EQ(stage_of(ReasonCode::ProfitTargetHit), ReasonStage::Exit);
  EXPECT_EQ(stage_of(ReasonCode::SpreadTooWide), ReasonStage::Chain);
  EXPECT_EQ(name_of(ErrorCategory::InvalidInput), "invalid_input");
}

TEST(ReasonCode, EveryCodeHasASnakeCaseNameAndADescription) {
  std::set<std::string_view> names;
  for (const auto& info : all_reason_codes()) {
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    EXPECT_FALSE(info.description.empty()) << info.name;
    for (char c : info.name) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << info.name;
    EXPECT_EQ(&info_of(info.code), &info);
    EXPECT_EQ(parse_name<ReasonCode>(info.name), info.code);
  }
  EXPECT_EQ(description_of(ReasonCode::IvRankTooLow),
            "implied-volatility rank is below the template minimum");
  EXPECT_FALSE(parse_name<ReasonCode>("iv_rank_low").has_value());
}

TEST(GateResult, FailuresCarryAReasonAndTheMeasuredValues) {
  const auto result =
      GateResult::fail("iv_rank", ReasonCode::IvRankTooLow,
                       {{"iv_rank", 18.0}, {"min_iv_rank", 30.0}}, "IV rank 18 < 30 min");
  EXPECT_FALSE(result.passed);
  EXPECT_EQ(result.reason, ReasonCode::IvRankTooLow);
  EXPECT_EQ(result.measured.at("iv_rank"), 18.0);
  EXPECT_EQ(result.sentence, "IV rank 18 < 30 min");
  const auto ok = GateResult::pass("adx", {{"adx", 14.2}}, "ADX 14.2 <= 25 max");
  EXPECT_TRUE(ok.passed);
  EXPECT_FALSE(ok.reason.has_value());
  EXPECT_THROW(GateResult::fail("x", ReasonCode::Selected, {}, ""), std::logic_error);
}

TEST(Candidate, SummarisesGatesAndRisk) {
  Candidate c{.bot_id = "spy-ic-01",
              .underlying = "SPY",
              .strategy = "iron_condor",
              .legs = {},
              .net_credit = Money::parse("160", kUsd),
              .max_loss = Money::parse("840", kUsd),
              .score = 0.72,
              .score_components = {{"iv_rank", 0.8}, {"credit_to_width", 0.6}},
              .gate_results = {GateResult::pass("regime", {}, "regime goldilocks allowed")},
              .rejection = std::nullopt,
              .config_hash = "sha256:abc",
              .as_of = {}};
  EXPECT_TRUE(c.is_credit());
  EXPECT_FALSE(c.is_rejected());
  EXPECT_TRUE(c.passed_all_gates());
  EXPECT_EQ(c.first_failed_gate(), nullptr);
  EXPECT_DOUBLE_EQ(*c.reward_to_risk(), 160.0 / 840.0);

  c.gate_results.push_back(
      GateResult::fail("iv_rank", ReasonCode::IvRankTooLow, {}, "IV rank 18 < 30 min"));
  c.rejection = ReasonCode::IvRankTooLow;
  EXPECT_FALSE(c.passed_all_gates());
  EXPECT_EQ(c.first_failed_gate()->gate, "iv_rank");
  EXPECT_TRUE(c.is_rejected());
  c.max_loss = Money(kUsd);
  EXPECT_FALSE(c.reward_to_risk().has_value());
}

TEST(Signal, AgeAndStaleness) {
  const Timestamp received = sys_days{year{2024} / March / 15} + hours{14};
  const Signal s{.source = SignalSource::Webhook,
                 .external_id = "tv-123",
                 .bot_id = "eurusd-mom-01",
                 .symbol = "EUR_USD",
                 .action = SignalAction::Buy,
                 .received_at = received,
                 .payload = R"({"action":"buy"})"};
  EXPECT_EQ(s.age(received + seconds{90}), seconds{90});
  EXPECT_FALSE(s.is_stale(received + seconds{300}, seconds{300}));
  EXPECT_TRUE(s.is_stale(received + seconds{301}, seconds{300}));
  EXPECT_EQ(name_of(SignalSource::Webhook), "webhook");
  EXPECT_EQ(parse_name<SignalAction>("close"), SignalAction::Close);
}

}  // namespace
}  // namespace dorado
