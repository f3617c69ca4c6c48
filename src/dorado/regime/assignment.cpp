#include "dorado/regime/assignment.hpp"

#include <limits>
#include <stdexcept>
#include <string>

namespace dorado::regime {

std::vector<Eigen::Index> minimum_cost_assignment(const Eigen::MatrixXd& cost) {
  const Eigen::Index n = cost.rows();
  const Eigen::Index m = cost.cols();
  if (n > m)
    throw std::invalid_argument("assignment: " + std::to_string(n) +
                                " rows cannot take distinct columns of " + std::to_string(m));
  if (!cost.allFinite()) throw std::invalid_argument("assignment: costs must be finite");
  if (n == 0) return {};
  // Potentials u (rows) and v (columns), 1-based with column 0 as the root.
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(static_cast<std::size_t>(n + 1), 0.0),
      v(static_cast<std::size_t>(m + 1), 0.0);
  std::vector<Eigen::Index> row_of(static_cast<std::size_t>(m + 1), 0),
      way(static_cast<std::size_t>(m + 1), 0);
  for (Eigen::Index i = 1; i <= n; ++i) {
    row_of[0] = i;
    Eigen::Index j0 = 0;
    std::vector<double> slack(static_cast<std::size_t>(m + 1), inf);
    std::vector<bool> used(static_cast<std::size_t>(m + 1), false);
    do {
      used[static_cast<std::size_t>(j0)] = true;
      const Eigen::Index i0 = row_of[static_cast<std::size_t>(j0)];
      double delta = inf;
      Eigen::Index j1 = 0;
      for (Eigen::Index j = 1; j <= m; ++j) {
        const auto sj = static_cast<std::size_t>(j);
        if (used[sj]) continue;
        const double reduced = cost(i0 - 1, j - 1) - u[static_cast<std::size_t>(i0)] - v[sj];
        if (reduced < slack[sj]) {
          slack[sj] = reduced;
          way[sj] = j0;
        }
        if (slack[sj] < delta) {
          delta = slack[sj];
          j1 = j;
        }
      }
      for (Eigen::Index j = 0; j <= m; ++j) {
        const auto sj = static_cast<std::size_t>(j);
        if (used[sj]) {
          u[static_cast<std::size_t>(row_of[sj])] += delta;
          v[sj] -= delta;
        } else {
          slack[sj] -= delta;
        }
      }
      j0 = j1;
    } while (row_of[static_cast<std::size_t>(j0)] != 0);
    do {
      const Eigen::Index j1 = way[static_cast<std::size_t>(j0)];
      row_of[static_cast<std::size_t>(j0)] = row_of[static_cast<std::size_t>(j1)];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<Eigen::Index> column_of(static_cast<std::size_t>(n), -1);
  for (Eigen::Index j = 1; j <= m; ++j)
    if (row_of[static_cast<std::size_t>(j)] != 0)
      column_of[static_cast<std::size_t>(row_of[static_cast<std::size_t>(j)] - 1)] = j - 1;
  return column_of;
}

}  // namespace dorado::regime
