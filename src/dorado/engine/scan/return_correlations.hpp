#pragma once
// The correlation matrix the portfolio's cluster limit reads
// (risk::CorrelationMatrix): Pearson correlation of daily log returns over
// the last `window` dates on which both underlyings have a close (so an FX
// pair and a coin are compared on the days they both traded, and a weekend
// crypto bar is not matched with Friday's stock close). A pair with fewer
// than window / 2 common returns is left out: unknown, not uncorrelated.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "dorado/domain/bar.hpp"
#include "dorado/risk/correlation_clusters.hpp"

namespace dorado::engine {

risk::CorrelationMatrix return_correlations(const std::map<std::string, std::vector<Bar>>& bars,
                                            std::size_t window = 60);

}  // namespace dorado::engine
