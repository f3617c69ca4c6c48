#include "dorado/regime/adjusted_rand_index.hpp"

#include <map>
#include <stdexcept>
#include <utility>

namespace dorado::regime {

namespace {

double pairs(double n) {
  return n * (n - 1.0) / 2.0;
}

}  // namespace

double adjusted_rand_index(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.size() != b.size())
    throw std::invalid_argument("adjusted_rand_index: labellings of different lengths");
  std::map<std::pair<int, int>, double> joint;
  std::map<int, double> rows, columns;
  for (std::size_t i = 0; i < a.size(); ++i) {
    joint[{a[i], b[i]}] += 1.0;
    rows[a[i]] += 1.0;
    columns[b[i]] += 1.0;
  }
  double index = 0.0, row_pairs = 0.0, column_pairs = 0.0;
  for (const auto& [key, n] : joint) index += pairs(n);
  for (const auto& [key, n] : rows) row_pairs += pairs(n);
  for (const auto& [key, n] : columns) column_pairs += pairs(n);
  const double total = pairs(static_cast<double>(a.size()));
  const double expected = total > 0.0 ? row_pairs * column_pairs / total : 0.0;
  const double maximum = 0.5 * (row_pairs + column_pairs);
  if (maximum == expected) return 1.0;  // both labellings trivial
  return (index - expected) / (maximum - expected);
}

}  // namespace dorado::regime
