#pragma once
// The adjusted Rand index (Hubert & Arabie 1985) of two labellings of the
// same days: 1 for identical partitions (whatever the label names), about 0
// for independent ones. Used to score filtered regimes against a known path.
#include <cstddef>
#include <vector>

namespace dorado::regime {

// Labels are arbitrary integers. Throws std::invalid_argument when the sizes
// differ. Two single-cluster (or empty) labellings score 1.
double adjusted_rand_index(const std::vector<int>& a, const std::vector<int>& b);

}  // namespace dorado::regime
