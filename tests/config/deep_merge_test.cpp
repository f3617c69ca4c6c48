#include "dorado/config/deep_merge.hpp"

#include <gtest/gtest.h>

namespace dorado::config {
namespace {

std::string dump(const YAML::Node& node) {
  YAML::Emitter out;
  out << YAML::Flow << node;
  return out.c_str();
}

TEST(DeepMerge, MapsMergeRecursively) {
  const YAML::Node base = YAML::Load("a: 1\nb: {x: 1, y: {p: 1, q: 2}}\nc: 3\n");
  const YAML::Node over = YAML::Load("b: {y: {q: 20, r: 30}}\nd: 4\n");
  EXPECT_EQ(dump(deep_merge(base, over)), "{a: 1, b: {x: 1, y: {p: 1, q: 20, r: 30}}, c: 3, d: 4}");
}

TEST(DeepMerge, ScalarsAndSequencesReplace) {
  const YAML::Node base = YAML::Load("range: [30, 45]\nname: base\nlist: [1, 2, 3]\n");
  const YAML::Node over = YAML::Load("range: [35, 50]\nname: over\nlist: [9]\n");
  EXPECT_EQ(dump(deep_merge(base, over)), "{range: [35, 50], name: over, list: [9]}");
}

TEST(DeepMerge, TypeChangesReplaceWholesale) {
  const YAML::Node base = YAML::Load("a: {x: 1}\nb: 2\n");
  const YAML::Node over = YAML::Load("a: 5\nb: {y: 1}\n");
  EXPECT_EQ(dump(deep_merge(base, over)), "{a: 5, b: {y: 1}}");
}

TEST(DeepMerge, NullOverrideRemovesAnOptionalSetting) {
  const YAML::Node base = YAML::Load("gates: {vix_range: [14, 30], iv_rank_min: 30}\n");
  const YAML::Node over = YAML::Load("gates: {vix_range: ~}\n");
  const YAML::Node merged = deep_merge(base, over);
  EXPECT_TRUE(merged["gates"]["vix_range"].IsNull());
  EXPECT_EQ(merged["gates"]["iv_rank_min"].as<int>(), 30);
}

TEST(DeepMerge, InputsAreNotModified) {
  const YAML::Node base = YAML::Load("a: {x: 1, y: 2}\n");
  const YAML::Node over = YAML::Load("a: {y: 3}\n");
  (void)deep_merge(base, over);
  EXPECT_EQ(base["a"].size(), 2u);
  EXPECT_EQ(base["a"]["y"].as<int>(), 2);
  EXPECT_EQ(over["a"].size(), 1u);
  EXPECT_EQ(over["a"]["y"].as<int>(), 3);
}

TEST(DeepMerge, KeepsSourcePositions) {
  const YAML::Node base = YAML::Load("a: 1\nb:\n  x: 1\n  y: 2\n");
  const YAML::Node over = YAML::Load("\n\nb:\n  y: 3\n");
  const YAML::Node merged = deep_merge(base, over);
  // y comes from the override (line 4, column 6), x from the base (line 3).
  EXPECT_EQ(merged["b"]["y"].Mark().line, 3);
  EXPECT_EQ(merged["b"]["y"].Mark().column, 5);
  EXPECT_EQ(merged["b"]["x"].Mark().line, 2);
  EXPECT_EQ(merged["a"].Mark().line, 0);
}

}  // namespace
}  // namespace dorado::config
