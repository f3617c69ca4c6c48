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
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dorado::risk {

// Copies share the pairs (copy on write): a book is copied at every selected
// addition, and a 500-underlying matrix holds 125,000 pairs. Symbols are
// numbered on first sight so a lookup hashes two names and one integer pair.
class CorrelationMatrix {
 public:
  // Sets rho for the pair in both directions. Throws std::invalid_argument if
  // rho is outside [-1, 1] or not a number, or if a == b.
  void set(const std::string& a, const std::string& b, double rho);
  // 1 for a symbol with itself; nullopt for an unknown pair.
  std::optional<double> get(const std::string& a, const std::string& b) const;
  bool empty() const { return !data_ || data_->rho.empty(); }
  // Every pair, keyed (a, b) with a < b: for display and comparison.
  std::map<std::pair<std::string, std::string>, double> pairs() const;

  friend bool operator==(const CorrelationMatrix& a, const CorrelationMatrix& b) {
    return a.data_ == b.data_ || a.pairs() == b.pairs();
  }

 private:
  struct Data {
    std::unordered_map<std::string, std::uint32_t> index;
    std::vector<std::string> names;
    std::unordered_map<std::uint64_t, double> rho;  // key: (lower index << 32) | higher index
  };
  std::shared_ptr<Data> data_;
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
