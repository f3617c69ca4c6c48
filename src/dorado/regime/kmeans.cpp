#include "dorado/regime/kmeans.hpp"

#include <stdexcept>
#include <string>

#include "dorado/regime/seeded_random.hpp"

namespace dorado::regime {

namespace {

// Squared distance of every observation (column) to every centroid: K x T.
Eigen::MatrixXd squared_distances(const Eigen::MatrixXd& columns,
                                  const Eigen::MatrixXd& centroids) {
  Eigen::MatrixXd d = -2.0 * centroids * columns;
  d.colwise() += centroids.rowwise().squaredNorm();
  d.rowwise() += columns.colwise().squaredNorm();
  return d.cwiseMax(0.0);
}

}  // namespace

KMeansResult kmeans_plus_plus(const Eigen::MatrixXd& rows, Eigen::Index clusters,
                              std::uint64_t seed, std::size_t max_iterations) {
  const Eigen::Index t_count = rows.rows();
  if (clusters < 1 || t_count < clusters)
    throw std::invalid_argument("kmeans: " + std::to_string(clusters) +
                                " clusters need at least as many observations, got " +
                                std::to_string(t_count));
  const Eigen::MatrixXd columns = rows.transpose();
  SeededRandom random(seed);

  KMeansResult out;
  out.centroids.resize(clusters, rows.cols());
  out.centroids.row(0) =
      rows.row(static_cast<Eigen::Index>(random.index(static_cast<std::size_t>(t_count))));
  Eigen::VectorXd nearest =
      (columns.colwise() - out.centroids.row(0).transpose()).colwise().squaredNorm().transpose();
  for (Eigen::Index k = 1; k < clusters; ++k) {
    const double total = nearest.sum();
    Eigen::Index pick = t_count - 1;
    if (total > 0.0) {
      double target = random.uniform() * total;
      for (Eigen::Index t = 0; t < t_count; ++t) {
        target -= nearest[t];
        if (target < 0.0) {
          pick = t;
          break;
        }
      }
    } else {
      pick = static_cast<Eigen::Index>(random.index(static_cast<std::size_t>(t_count)));
    }
    out.centroids.row(k) = rows.row(pick);
    nearest = nearest.cwiseMin(
        (columns.colwise() - out.centroids.row(k).transpose()).colwise().squaredNorm().transpose());
  }

  out.cluster.assign(static_cast<std::size_t>(t_count), -1);
  for (out.iterations = 0; out.iterations < max_iterations; ++out.iterations) {
    const Eigen::MatrixXd d = squared_distances(columns, out.centroids);
    bool changed = false;
    for (Eigen::Index t = 0; t < t_count; ++t) {
      Eigen::Index best = 0;
      d.col(t).minCoeff(&best);
      auto& c = out.cluster[static_cast<std::size_t>(t)];
      if (c != best) {
        c = best;
        changed = true;
      }
    }
    if (!changed) break;
    Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(rows.cols(), clusters);
    Eigen::VectorXd counts = Eigen::VectorXd::Zero(clusters);
    for (Eigen::Index t = 0; t < t_count; ++t) {
      const auto c = out.cluster[static_cast<std::size_t>(t)];
      sums.col(c) += columns.col(t);
      counts[c] += 1.0;
    }
    for (Eigen::Index k = 0; k < clusters; ++k)
      if (counts[k] > 0.0) out.centroids.row(k) = sums.col(k).transpose() / counts[k];
  }
  return out;
}

}  // namespace dorado::regime
