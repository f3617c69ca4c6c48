#pragma once
// The FX / crypto half of the resolver: direction, limit entry offset in ATR,
// stop and target in ATR multiples, trailing stop, time exit, funding filter.
#include "dorado/strategy/resolve/resolver.hpp"

namespace dorado::strategy {

Resolution resolve_momentum(const config::StrategyTemplate& strategy,
                            const UnderlyingSnapshot& snapshot, ResolutionDetail detail,
                            const ResolveRequest& request);

}  // namespace dorado::strategy
