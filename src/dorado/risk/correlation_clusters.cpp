#include "dorado/risk/correlation_clusters.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <stdexcept>

namespace dorado::risk {
namespace {

std::pair<std::string, std::string> key(const std::string& a, const std::string& b) {
  return a < b ? std::make_pair(a, b) : std::make_pair(b, a);
}

bool linked(const CorrelationMatrix& m, const std::string& a, const std::string& b,
            double threshold) {
  const auto rho = m.get(a, b);
  return rho && std::abs(*rho) >= threshold;
}

// Union-find over indices, with path halving.
std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

void CorrelationMatrix::set(const std::string& a, const std::string& b, double rho) {
  if (a == b) throw std::invalid_argument("correlation of '" + a + "' with itself is always 1");
  if (!(rho >= -1.0 && rho <= 1.0))
    throw std::invalid_argument("correlation " + a + "/" + b + " = " + std::to_string(rho) +
                                " is outside [-1, 1]");
  rho_[key(a, b)] = rho;
}

std::optional<double> CorrelationMatrix::get(const std::string& a, const std::string& b) const {
  if (a == b) return 1.0;
  const auto it = rho_.find(key(a, b));
  if (it == rho_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::vector<std::string>> correlated_clusters(const std::vector<std::string>& symbols,
                                                          const CorrelationMatrix& matrix,
                                                          double threshold) {
  const std::set<std::string> unique(symbols.begin(), symbols.end());
  const std::vector<std::string> names(unique.begin(), unique.end());
  std::vector<std::size_t> parent(names.size());
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  for (std::size_t i = 0; i < names.size(); ++i)
    for (std::size_t j = i + 1; j < names.size(); ++j)
      if (linked(matrix, names[i], names[j], threshold)) parent[root(parent, j)] = root(parent, i);

  std::map<std::size_t, std::vector<std::string>> by_root;
  for (std::size_t i = 0; i < names.size(); ++i) by_root[root(parent, i)].push_back(names[i]);
  std::vector<std::vector<std::string>> out;
  for (auto& [r, members] : by_root) out.push_back(std::move(members));  // names sorted already
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> cluster_of(const std::string& symbol,
                                    const std::vector<std::string>& symbols,
                                    const CorrelationMatrix& matrix, double threshold) {
  std::vector<std::string> all = symbols;
  all.push_back(symbol);
  for (auto& cluster : correlated_clusters(all, matrix, threshold))
    if (std::find(cluster.begin(), cluster.end(), symbol) != cluster.end()) return cluster;
  return {symbol};  // unreachable: `symbol` is in `all`
}

}  // namespace dorado::risk
