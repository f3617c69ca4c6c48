#include "dorado/data/synthetic/cholesky.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::data::synthetic {

SquareMatrix cholesky(const SquareMatrix& a) {
  SquareMatrix l(a.n);
  for (std::size_t i = 0; i < a.n; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      if (std::fabs(a(i, j) - a(j, i)) > 1e-12) {
        throw std::invalid_argument("cholesky: matrix is not symmetric at (" + std::to_string(i) +
                                    ", " + std::to_string(j) + ")");
      }
      double sum = a(i, j);
      for (std::size_t k = 0; k < j; ++k) sum -= l(i, k) * l(j, k);
      if (i == j) {
        if (!(sum > 0.0)) {
          throw std::invalid_argument("cholesky: matrix is not positive definite (pivot " +
                                      std::to_string(i) + ")");
        }
        l(i, i) = std::sqrt(sum);
      } else {
        l(i, j) = sum / l(j, j);
      }
    }
  }
  return l;
}

std::vector<double> multiply_lower(const SquareMatrix& lower, const std::vector<double>& z) {
  std::vector<double> y(lower.n, 0.0);
  for (std::size_t i = 0; i < lower.n; ++i) {
    double sum = 0.0;
    for (std::size_t k = 0; k <= i; ++k) sum += lower(i, k) * z[k];
    y[i] = sum;
  }
  return y;
}

}  // namespace dorado::data::synthetic
