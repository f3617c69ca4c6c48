#pragma once
// Correlated clusters of underlyings, for the cluster-exposure limit.
//
// Clustering rule (Dorado's reading of "correlated-cluster exposure"): two
// underlyings are linked when |rho| >= the policy's correlation_threshold,
// and a cluster is a connected component of that graph (single linkage). So
// SPY-QQQ 0.9 and QQQ-IWM 0.8 put SPY, QQQ and IWM in one cluster even if
// SPY-IWM is 0.6: risk that moves together through a chain of strong links
// is treated as one bet. A pair missing from the matrix is not linked (the
// engine supplies the 60-day matrix of every underlying in the universe).
// The absolute value counts because a short and a long leg on -0.9
// correlated underlyings are the same bet.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dorado::risk {

class CorrelationMatrix {
 public:
  // Sets rho for the pair in both directions. Throws std::invalid_argument if
  // rho is outside [-1, 1] or not a number, or if a == b.
  void set(const std::string& a, const std::string& b, double rho);
  // 1 for a symbol with itself; nullopt for an unknown pair.
  std::optional<double> get(const std::string& a, const std::string& b) const;
  bool empty() const { return rho_.empty(); }

  friend bool operator==(const CorrelationMatrix&, const CorrelationMatrix&) = default;

 private:
  std::map<std::pair<std::string, std::string>, double> rho_;  // key ordered (a < b)
};

// The clusters of `symbols` (duplicates ignored): each cluster sorted, the
// clusters ordered by their first symbol. Every symbol is in exactly one
// cluster; an unlinked symbol is a cluster of one.
std::vector<std::vector<std::string>> correlated_clusters(const std::vector<std::string>& symbols,
                                                          const CorrelationMatrix& matrix,
                                                          double threshold);

// The cluster containing `symbol` among `symbols` plus `symbol` itself.
std::vector<std::string> cluster_of(const std::string& symbol,
                                    const std::vector<std::string>& symbols,
                                    const CorrelationMatrix& matrix, double threshold);

}  // namespace dorado::risk
