#pragma once
// k-means with k-means++ seeding (Arthur & Vassilvitskii): the first centre
// is a uniformly drawn observation, each next one is drawn with probability
// proportional to the squared distance to the nearest centre chosen so far;
// then Lloyd iterations until no assignment changes or the cap is reached.
// An emptied cluster keeps its previous centre.
#include <Eigen/Dense>
#include <cstdint>
#include <vector>

namespace dorado::regime {

struct KMeansResult {
  Eigen::MatrixXd centroids;          // K x D
  std::vector<Eigen::Index> cluster;  // per observation
  std::size_t iterations = 0;
};

// Rows are observations. Throws std::invalid_argument when there are fewer
// observations than clusters or clusters < 1.
KMeansResult kmeans_plus_plus(const Eigen::MatrixXd& rows, Eigen::Index clusters,
                              std::uint64_t seed, std::size_t max_iterations = 50);

}  // namespace dorado::regime
