#pragma once
// Minimum-cost assignment (the Hungarian method, O(n^2 m) with potentials):
// every row gets a distinct column and the total cost is minimal. Used to
// give HMM states regime names and to carry names across retrains.
#include <Eigen/Dense>
#include <vector>

namespace dorado::regime {

// `cost` is n x m with n <= m, finite. Returns the column of each row.
// Throws std::invalid_argument for more rows than columns or a non-finite cost.
std::vector<Eigen::Index> minimum_cost_assignment(const Eigen::MatrixXd& cost);

}  // namespace dorado::regime
