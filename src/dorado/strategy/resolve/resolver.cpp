#include "dorado/strategy/resolve/resolver.hpp"

#include "dorado/strategy/resolve/momentum_resolver.hpp"
#include "dorado/strategy/resolve/option_resolver.hpp"

namespace dorado::strategy {
namespace {

std::optional<std::string> label_in(const std::map<std::string, PublishedRegime>& readings,
                                    const std::string& symbol) {
  const auto it = readings.find(symbol);
  if (it == readings.end()) return std::nullopt;
  return it->second.label;
}

}  // namespace

std::optional<std::string> regime_for(const config::StrategyTemplate& base,
                                      const UnderlyingSnapshot& snapshot,
                                      const RegimeView& regimes) {
  switch (base.underlying_class) {
    case AssetClass::EquityOptions:
      if (regimes.macro) return regimes.macro->label;
      return std::nullopt;
    case AssetClass::Fx:
      return label_in(regimes.fx, snapshot.symbol);
    case AssetClass::Crypto:
      return label_in(regimes.crypto, snapshot.symbol);
  }
  return std::nullopt;
}

Resolution resolve(const config::StrategyTemplate& base, const UnderlyingSnapshot& snapshot,
                   const RegimeView& regimes, const ResolveRequest& request) {
  const std::optional<std::string> regime = regime_for(base, snapshot, regimes);
  const config::StrategyTemplate& strategy =
      regime ? config::effective_template(base, *regime) : base;
  ResolutionDetail detail;
  detail.strategy = strategy.name;
  detail.structure = strategy.structure;
  detail.regime = regime;
  detail.pipeline = pipeline_figures(snapshot, request.pipeline);
  if (strategy.options()) return resolve_options(strategy, snapshot, std::move(detail), request);
  return resolve_momentum(strategy, snapshot, std::move(detail), request);
}

}  // namespace dorado::strategy
