#pragma once
// Gradient-boosted trees through the XGBoost C API: training, prediction and
// a JSON serialisation that reloads to the same predictions. One owner of the
// booster handle (move-only), so no model leaks or is freed twice.
//
// Determinism: one thread and a fixed seed, so the same rows, labels and
// parameters give the same trees (row and column subsampling draw from the
// seeded generator).
#include <Eigen/Dense>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace dorado::regime {

struct BoostingParams {
  std::string objective = "multi:softprob";  // or "reg:squarederror", "binary:logistic"
  int classes = 0;                           // multi-class objectives only
  int rounds = 100;                          // n_estimators
  int max_depth = 4;
  double min_child_weight = 10.0;
  double subsample = 0.8;
  double colsample_bytree = 0.8;
  double learning_rate = 0.3;  // XGBoost's default eta
  std::uint64_t seed = 42;

  // Throws std::invalid_argument naming the parameter that is out of range.
  void validate() const;
};

class BoostedTrees {
 public:
  // Rows are samples; labels are class indices (0..classes-1) or targets.
  // NaN features are XGBoost's "missing". Throws std::invalid_argument for
  // mismatched sizes or no rows, std::runtime_error when XGBoost refuses.
  static BoostedTrees train(const Eigen::MatrixXd& rows, std::span<const double> labels,
                            const BoostingParams& params);
  // From to_json(); throws std::runtime_error when XGBoost cannot read it.
  static BoostedTrees from_json(std::string_view json);

  BoostedTrees(BoostedTrees&& other) noexcept;
  BoostedTrees& operator=(BoostedTrees&& other) noexcept;
  BoostedTrees(const BoostedTrees&) = delete;
  BoostedTrees& operator=(const BoostedTrees&) = delete;
  ~BoostedTrees();

  // XGBoost's own JSON model format (trees, objective, base score).
  std::string to_json() const;
  // rows x outputs: class probabilities for multi:softprob, one column otherwise.
  Eigen::MatrixXd predict(const Eigen::MatrixXd& rows) const;
  std::size_t features() const;

 private:
  explicit BoostedTrees(void* handle) : handle_(handle) {}
  void* handle_ = nullptr;  // BoosterHandle
};

}  // namespace dorado::regime
