#pragma once
// Lower-triangular Cholesky factor of a small symmetric positive-definite
// matrix (the per-regime correlation matrices, 11 x 11). Hand-written because
// the area has no linear-algebra dependency and the size is tiny.
#include <cstddef>
#include <vector>

namespace dorado::data::synthetic {

// Row-major n x n.
struct SquareMatrix {
  std::size_t n = 0;
  std::vector<double> values;

  explicit SquareMatrix(std::size_t size = 0) : n(size), values(size * size, 0.0) {}
  double& operator()(std::size_t row, std::size_t col) { return values[row * n + col]; }
  double operator()(std::size_t row, std::size_t col) const { return values[row * n + col]; }
};

// L with L * L^T = a. Throws std::invalid_argument if `a` is not symmetric
// positive definite (a non-positive pivot).
SquareMatrix cholesky(const SquareMatrix& a);

// y = L * z for a lower-triangular L.
std::vector<double> multiply_lower(const SquareMatrix& lower, const std::vector<double>& z);

}  // namespace dorado::data::synthetic
