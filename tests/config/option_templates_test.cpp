// The short put, put vertical, covered call and wheel templates as shipped,
// and the exact diagnostics of a broken field in each (file:line:col).
#include <gtest/gtest.h>

#include "config/config_folder.hpp"
#include "dorado/config/loader.hpp"

namespace dorado::config {
namespace {

using testing::ScratchFolder;
using testing::shipped_config;

const Configuration& shipped() {
  static const LoadResult result = load_config_folder(shipped_config());
  if (!result.ok()) throw std::runtime_error(result.diagnostics.front().to_string());
  return *result.configuration;
}

TEST(OptionTemplates, ShortPut) {
  const StrategyTemplate* t = shipped().strategy("short_put");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->structure, Structure::ShortPut);
  EXPECT_FALSE(t->allows("risk_off"));
  const OptionRules* o = t->options();
  ASSERT_EQ(o->legs.size(), 1u);
  EXPECT_EQ(o->leg("short_put")->delta, -0.25);
  EXPECT_EQ(o->management.short_strike_breach, BreachAction::CloseAll);
  EXPECT_EQ(o->sizing.max_contracts, 2);
  EXPECT_EQ(o->call_strike_floor, CallStrikeFloor::None);
  EXPECT_EQ(effective_template(*t, "transition").options()->leg("short_put")->delta, -0.16);
}

TEST(OptionTemplates, PutVertical) {
  const StrategyTemplate* t = shipped().strategy("put_vertical");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->structure, Structure::PutVertical);
  const OptionRules* o = t->options();
  ASSERT_EQ(o->legs.size(), 2u);
  EXPECT_EQ(o->leg("short_put")->delta, -0.25);
  EXPECT_EQ(o->leg("long_put")->width, 2.0);
  EXPECT_EQ(o->entry.min_credit_to_width, 0.20);
  const OptionRules* transition = effective_template(*t, "transition").options();
  EXPECT_EQ(transition->leg("short_put")->delta, -0.18);
  EXPECT_EQ(transition->leg("long_put")->width, 2.0);  // deep merge keeps the wing
  EXPECT_EQ(transition->entry.min_credit_to_width, 0.15);
}

TEST(OptionTemplates, CoveredCall) {
  const StrategyTemplate* t = shipped().strategy("covered_call");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->structure, Structure::CoveredCall);
  const OptionRules* o = t->options();
  ASSERT_EQ(o->legs.size(), 1u);
  EXPECT_EQ(o->leg("short_call")->delta, 0.30);
  EXPECT_EQ(o->call_strike_floor, CallStrikeFloor::CostBasis);
  EXPECT_EQ(o->management.short_strike_breach, BreachAction::AlertOnly);
  EXPECT_EQ(effective_template(*t, "risk_on").options()->leg("short_call")->delta, 0.20);
}

TEST(OptionTemplates, Wheel) {
  const StrategyTemplate* t = shipped().strategy("wheel");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->structure, Structure::Wheel);
  const OptionRules* o = t->options();
  ASSERT_EQ(o->legs.size(), 2u);
  EXPECT_EQ(o->leg("short_put")->delta, -0.30);
  EXPECT_EQ(o->leg("short_call")->delta, 0.30);
  EXPECT_EQ(o->call_strike_floor, CallStrikeFloor::CostBasis);
  EXPECT_EQ(o->sizing.max_contracts, 1);
  EXPECT_EQ(o->entry.technical.sr_buffer_atr, 0.25);
}

std::vector<std::string> diagnostics_after(const std::string& file, const std::string& from,
                                           const std::string& to) {
  ScratchFolder folder;
  folder.replace(file, from, to);
  const LoadResult result = load_config_folder(folder.path());
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) out.push_back(d.to_string());
  return out;
}

using Lines = std::vector<std::string>;

TEST(OptionTemplatesBroken, ShortPutWithAPositiveDelta) {
  EXPECT_EQ(diagnostics_after("strategies/short_put.yaml", "short_put: {delta: -0.25}",
                              "short_put: {delta: 0.25}"),
            (Lines{"strategies/short_put.yaml:23:22: short_put is a put: its delta must be "
                   "negative, got 0.25"}));
}

TEST(OptionTemplatesBroken, PutVerticalWithoutItsWing) {
  EXPECT_EQ(diagnostics_after("strategies/put_vertical.yaml", "  long_put: {width: 2}\n", ""),
            (Lines{"strategies/put_vertical.yaml:24:1: put_vertical needs a long_put leg"}));
}

TEST(OptionTemplatesBroken, PutVerticalWingByNegativeWidth) {
  EXPECT_EQ(diagnostics_after("strategies/put_vertical.yaml", "long_put: {width: 2}",
                              "long_put: {width: -2}"),
            (Lines{"strategies/put_vertical.yaml:26:21: width must be greater than 0, got -2"}));
}

TEST(OptionTemplatesBroken, CoveredCallUnknownStrikeFloor) {
  EXPECT_EQ(diagnostics_after("strategies/covered_call.yaml", "strike_floor: cost_basis",
                              "strike_floor: breakeven"),
            (Lines{"strategies/covered_call.yaml:27:17: invalid strike_floor 'breakeven' "
                   "(expected one of: none, cost_basis)"}));
}

TEST(OptionTemplatesBroken, CoveredCallSettingsOnAShortPut) {
  EXPECT_EQ(diagnostics_after("strategies/short_put.yaml", "entry:\n",
                              "covered_call: {strike_floor: none}\nentry:\n"),
            (Lines{"strategies/short_put.yaml:25:1: covered_call settings apply to "
                   "covered_call and wheel, not short_put"}));
}

TEST(OptionTemplatesBroken, WheelWithoutItsCallLeg) {
  EXPECT_EQ(diagnostics_after("strategies/wheel.yaml", "  short_call: {delta: 0.30}\n", ""),
            (Lines{"strategies/wheel.yaml:24:1: wheel needs a short_call leg"}));
}

TEST(OptionTemplatesBroken, WheelDteExitInsideTheEntryRange) {
  EXPECT_EQ(diagnostics_after("strategies/wheel.yaml", "dte_exit: 21", "dte_exit: 30"),
            (Lines{"strategies/wheel.yaml:44:13: dte_exit (30) must be less than the smallest "
                   "entry DTE in dte_range (30)"}));
}

}  // namespace
}  // namespace dorado::config
