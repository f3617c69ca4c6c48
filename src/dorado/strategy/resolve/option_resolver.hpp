#pragma once
// The options half of the resolver (resolver.hpp describes the rules per
// structure): expiration, chain validation, strikes by delta and width, the
// S/R cross-check, and the tier 2 figures.
#include "dorado/strategy/resolve/resolver.hpp"

namespace dorado::strategy {

Resolution resolve_options(const config::StrategyTemplate& strategy,
                           const UnderlyingSnapshot& snapshot, ResolutionDetail detail,
                           const ResolveRequest& request);

}  // namespace dorado::strategy
