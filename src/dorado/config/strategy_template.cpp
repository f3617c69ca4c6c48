#include "dorado/config/strategy_template.hpp"

#include <algorithm>

namespace dorado::config {

bool StrategyTemplate::allows(std::string_view regime) const {
  return std::find(regimes_allowed.begin(), regimes_allowed.end(), regime) != regimes_allowed.end();
}

const StrategyTemplate& effective_template(const StrategyTemplate& base, std::string_view regime) {
  for (const auto& variant : base.regime_variants)
    if (variant.regime == regime) return variant.effective;
  return base;
}

}  // namespace dorado::config
