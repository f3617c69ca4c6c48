#pragma once
// A whole validated configuration folder.
#include <string>
#include <string_view>
#include <vector>

#include "dorado/config/bot.hpp"
#include "dorado/config/risk_policy.hpp"
#include "dorado/config/scoring_weights.hpp"
#include "dorado/config/settings.hpp"
#include "dorado/config/strategy_template.hpp"
#include "dorado/config/universe.hpp"

namespace dorado::config {

struct Configuration {
  Settings settings;
  Universe universe;
  std::vector<BotConfig> bots;               // ordered by file name
  std::vector<StrategyTemplate> strategies;  // ordered by file name
  RiskPolicy risk_policy;
  ScoringWeights scoring_weights;
  // SHA-256 (hex) of every file's relative path and bytes; recorded with each
  // decision so a decision can be traced to the exact configuration.
  std::string content_hash;

  const BotConfig* bot(std::string_view id) const {
    for (const auto& b : bots)
      if (b.id == id) return &b;
    return nullptr;
  }
  const StrategyTemplate* strategy(std::string_view name) const {
    for (const auto& s : strategies)
      if (s.name == name) return &s;
    return nullptr;
  }
};

}  // namespace dorado::config
