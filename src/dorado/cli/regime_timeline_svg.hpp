#pragma once
// `dorado regime history --plot FILE.svg`: the published macro regimes as a
// timeline, written as SVG text (no plotting library): one coloured column
// per reading, its height the reading's confidence, over a pale band of the
// same colour, with a year axis and a legend of the regimes. Readings must be
// in time order.
#include <string>
#include <vector>

#include "dorado/domain/published_regime.hpp"

namespace dorado::cli {

std::string regime_timeline_svg(const std::vector<PublishedRegime>& readings,
                                const std::string& title);

}  // namespace dorado::cli
