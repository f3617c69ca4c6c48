#include "dorado/risk/correlation_clusters.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <stdexcept>

namespace dorado::risk {
namespace {

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (std::uint64_t{a} << 32) | b;
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
  if (!data_)
    data_ = std::make_shared<Data>();
  else if (data_.use_count() > 1)
    data_ = std::make_shared<Data>(*data_);
  const auto number = [&](const std::string& name) {
    const auto [it, added] =
        data_->index.try_emplace(name, static_cast<std::uint32_t>(data_->names.size()));
    if (added) data_->names.push_back(name);
    return it->second;
  };
  data_->rho[pair_key(number(a), number(b))] = rho;
}

std::optional<double> CorrelationMatrix::get(const std::string& a, const std::string& b) const {
  if (a == b) return 1.0;
  if (!data_) return std::nullopt;
  const auto ia = data_->index.find(a), ib = data_->index.find(b);
  if (ia == data_->index.end() || ib == data_->index.end()) return std::nullopt;
  const auto it = data_->rho.find(pair_key(ia->second, ib->second));
  if (it == data_->rho.end()) return std::nullopt;
  return it->second;
}

std::map<std::pair<std::string, std::string>, double> CorrelationMatrix::pairs() const {
  std::map<std::pair<std::string, std::string>, double> out;
  if (!data_) return out;
  for (const auto& [k, rho] : data_->rho) {
    const auto& a = data_->names[static_cast<std::size_t>(k >> 32)];
    const auto& b = data_->names[static_cast<std::size_t>(k & 0xffffffffu)];
    out[a < b ? std::make_pair(a, b) : std::make_pair(b, a)] = rho;
  }
  return out;
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
  // Grow the one component from `symbol` (cheaper than clustering the whole book).
  std::set<std::string> rest(symbols.begin(), symbols.end());
  rest.erase(symbol);
  std::vector<std::string> cluster{symbol};
  for (std::size_t next = 0; next < cluster.size(); ++next) {
    const std::string member = cluster[next];
    for (auto it = rest.begin(); it != rest.end();) {
      if (linked(matrix, member, *it, threshold)) {
        cluster.push_back(*it);
        it = rest.erase(it);
      } else {
        ++it;
      }
    }
  }
  std::sort(cluster.begin(), cluster.end());
  return cluster;
}

}  // namespace dorado::risk
