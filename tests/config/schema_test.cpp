// The generic walker and the scalar parsers, on small inline YAML.
#include "dorado/config/schema.hpp"

#include <gtest/gtest.h>

#include "dorado/config/suggestion.hpp"

namespace dorado::config {
namespace {

std::vector<std::string> check(const std::string& yaml, const Schema& schema,
                               const WalkOptions& options = {}) {
  std::vector<Diagnostic> out;
  Reporter r("t.yaml", out);
  validate(YAML::Load(yaml), schema, options, r);
  std::vector<std::string> text;
  for (const auto& d : out) text.push_back(d.to_string());
  return text;
}

using Lines = std::vector<std::string>;

TEST(Suggestion, EditDistance) {
  EXPECT_EQ(edit_distance("risk_pctt", "risk_pct"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(closest_match("venu", {"venue", "venue_mode"}), "venue");
  EXPECT_EQ(closest_match("zzz", {"venue", "venue_mode"}), std::nullopt);
  EXPECT_EQ(closest_match("ab", {"xy"}), std::nullopt);  // 2 edits on 2 letters is no typo
}

TEST(Scalars, Parsers) {
  EXPECT_EQ(parse_number("2.5"), 2.5);
  EXPECT_EQ(parse_number("+3"), 3.0);
  EXPECT_EQ(parse_number("-1e-3"), -0.001);
  EXPECT_EQ(parse_number("abc"), std::nullopt);
  EXPECT_EQ(parse_number("2.5x"), std::nullopt);
  EXPECT_EQ(parse_number(".inf"), std::nullopt);
  EXPECT_EQ(parse_integer("42"), 42);
  EXPECT_EQ(parse_integer("4.0"), std::nullopt);
  EXPECT_EQ(parse_flag("Yes"), true);
  EXPECT_EQ(parse_flag("off"), false);
  EXPECT_EQ(parse_flag("maybe"), std::nullopt);
  EXPECT_EQ(parse_duration_seconds("90s"), 90);
  EXPECT_EQ(parse_duration_seconds("30m"), 1800);
  EXPECT_EQ(parse_duration_seconds("4h"), 14400);
  EXPECT_EQ(parse_duration_seconds("2d"), 172800);
  EXPECT_EQ(parse_duration_seconds("4"), std::nullopt);
  EXPECT_EQ(parse_duration_seconds("h"), std::nullopt);
  EXPECT_EQ(parse_duration_seconds("-4h"), std::nullopt);
}

TEST(Schema, BoundsWording) {
  EXPECT_EQ(check("p: 101", mapping({number("p").between(0, 100)})),
            Lines{"t.yaml:1:4: p must be between 0 and 100, got 101"});
  EXPECT_EQ(check("p: 0", mapping({number("p").above(0)})),
            Lines{"t.yaml:1:4: p must be greater than 0, got 0"});
  EXPECT_EQ(check("p: 7", mapping({integer("p").at_most(5)})),
            Lines{"t.yaml:1:4: p must be at most 5, got 7"});
  EXPECT_EQ(check("p: 0s", mapping({duration("p").above(0)})),
            Lines{"t.yaml:1:4: p must be greater than 0 seconds, got 0s"});
}

TEST(Schema, EveryProblemInOneMappingIsReported) {
  const Schema s = mapping({
      text("id").required(),
      number("size").required(),
      section("inner", {flag("on").required(), choice("side", {"buy", "sell"})}),
  });
  EXPECT_EQ(
      check("size: big\ninner:\n  side: by\n  extra: 1\n", s),
      (Lines{"t.yaml:1:7: size: expected a number, got 'big'",
             "t.yaml:3:9: invalid side 'by' (did you mean 'buy'?)",
             "t.yaml:4:3: unknown key 'extra' (expected one of: on, side)",
             "t.yaml:2:1: missing required key 'on'", "t.yaml:1:1: missing required key 'id'"}));
}

TEST(Schema, RulesRunOnlyOnCleanMappings) {
  const Schema s = mapping({number("lo"), number("hi")}, {ordered("lo", "hi")});
  EXPECT_EQ(check("lo: 5\nhi: 4\n", s), Lines{"t.yaml:2:5: hi (4) must be at least lo (5)"});
  EXPECT_EQ(check("lo: 5\nhi: x\n", s), Lines{"t.yaml:2:5: hi: expected a number, got 'x'"});
}

TEST(Schema, SumsToOneWithinTolerance) {
  const Schema s =
      mapping({section("w", {number("a"), number("b"), number("c")}).rule(sums_to_one("w"))});
  EXPECT_TRUE(check("w: {a: 0.1, b: 0.2, c: 0.7}", s).empty());  // 0.1 + 0.2 is not 0.3 in binary
  EXPECT_EQ(check("w: {a: 0.1, b: 0.2, c: 0.71}", s),
            Lines{"t.yaml:1:1: w must sum to 1, got 1.01"});
}

TEST(Schema, RegimeNamesComeFromTheWalk) {
  const Schema s = mapping({regime_list("allowed")});
  const WalkOptions fx{{"carry", "momentum"}, "fx", false};
  EXPECT_TRUE(check("allowed: [carry]", s, fx).empty());
  EXPECT_EQ(check("allowed: [carry, momentun]", s, fx),
            Lines{"t.yaml:1:18: unknown fx regime 'momentun' (did you mean 'momentum'?)"});
}

TEST(Schema, PartialWalkRequiresNothing) {
  const Schema s = mapping({text("id").required(), number("x").between(0, 1)});
  WalkOptions partial;
  partial.partial = true;
  EXPECT_TRUE(check("x: 0.5", s, partial).empty());
  EXPECT_EQ(check("x: 2", s, partial), Lines{"t.yaml:1:4: x must be between 0 and 1, got 2"});
}

TEST(Diagnostic, Formatting) {
  EXPECT_EQ((Diagnostic{"bots/a.yaml", 12, 3, "unknown key 'x'"}).to_string(),
            "bots/a.yaml:12:3: unknown key 'x'");
  EXPECT_EQ((Diagnostic{"universe.yaml", 0, 0, "missing file"}).to_string(),
            "universe.yaml: missing file");
}

}  // namespace
}  // namespace dorado::config
