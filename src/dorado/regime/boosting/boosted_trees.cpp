#include "dorado/regime/boosting/boosted_trees.hpp"

#include <xgboost/c_api.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace dorado::regime {

namespace {

void check(int status, std::string_view call) {
  if (status != 0)
    throw std::runtime_error("XGBoost " + std::string(call) + ": " + XGBGetLastError());
}

// XGBoost reads float32 row-major; NaN marks a missing value.
class Matrix {
 public:
  explicit Matrix(const Eigen::MatrixXd& rows) {
    std::vector<float> data(static_cast<std::size_t>(rows.size()));
    for (Eigen::Index r = 0; r < rows.rows(); ++r)
      for (Eigen::Index c = 0; c < rows.cols(); ++c)
        data[static_cast<std::size_t>(r * rows.cols() + c)] = static_cast<float>(rows(r, c));
    check(XGDMatrixCreateFromMat(data.data(), static_cast<bst_ulong>(rows.rows()),
                                 static_cast<bst_ulong>(rows.cols()),
                                 std::numeric_limits<float>::quiet_NaN(), &handle_),
          "XGDMatrixCreateFromMat");
  }
  Matrix(const Matrix&) = delete;
  Matrix& operator=(const Matrix&) = delete;
  ~Matrix() { XGDMatrixFree(handle_); }
  DMatrixHandle get() const { return handle_; }

 private:
  DMatrixHandle handle_ = nullptr;
};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

void set(BoosterHandle booster, const char* name, const std::string& value) {
  check(XGBoosterSetParam(booster, name, value.c_str()), std::string("set ") + name);
}

}  // namespace

void BoostingParams::validate() const {
  auto fail = [](const std::string& what) {
    throw std::invalid_argument("boosting parameters: " + what);
  };
  if (objective.empty()) fail("objective is empty");
  if (objective.starts_with("multi:") && classes < 2)
    fail("a multi-class objective needs classes >= 2");
  if (rounds < 1) fail("rounds must be at least 1, got " + std::to_string(rounds));
  if (max_depth < 1) fail("max_depth must be at least 1, got " + std::to_string(max_depth));
  if (!(min_child_weight >= 0)) fail("min_child_weight must be >= 0");
  if (!(subsample > 0 && subsample <= 1)) fail("subsample must be in (0, 1]");
  if (!(colsample_bytree > 0 && colsample_bytree <= 1)) fail("colsample_bytree must be in (0, 1]");
  if (!(learning_rate > 0 && learning_rate <= 1)) fail("learning_rate must be in (0, 1]");
}

BoostedTrees BoostedTrees::train(const Eigen::MatrixXd& rows, std::span<const double> labels,
                                 const BoostingParams& params) {
  params.validate();
  if (rows.rows() == 0 || rows.cols() == 0)
    throw std::invalid_argument("boosted trees: no training rows or no features");
  if (static_cast<std::size_t>(rows.rows()) != labels.size())
    throw std::invalid_argument("boosted trees: " + std::to_string(rows.rows()) + " rows but " +
                                std::to_string(labels.size()) + " labels");
  const Matrix train(rows);
  std::vector<float> y(labels.begin(), labels.end());
  check(XGDMatrixSetFloatInfo(train.get(), "label", y.data(), static_cast<bst_ulong>(y.size())),
        "set labels");
  DMatrixHandle cache[] = {train.get()};
  BoosterHandle booster = nullptr;
  check(XGBoosterCreate(cache, 1, &booster), "XGBoosterCreate");
  BoostedTrees model(booster);  // owns the handle from here on
  set(booster, "objective", params.objective);
  if (params.objective.starts_with("multi:"))
    set(booster, "num_class", std::to_string(params.classes));
  set(booster, "max_depth", std::to_string(params.max_depth));
  set(booster, "min_child_weight", number(params.min_child_weight));
  set(booster, "subsample", number(params.subsample));
  set(booster, "colsample_bytree", number(params.colsample_bytree));
  set(booster, "eta", number(params.learning_rate));
  set(booster, "seed", std::to_string(params.seed));
  set(booster, "nthread", "1");
  set(booster, "tree_method", "hist");
  set(booster, "verbosity", "0");
  for (int round = 0; round < params.rounds; ++round)
    check(XGBoosterUpdateOneIter(booster, round, train.get()), "XGBoosterUpdateOneIter");
  return model;
}

BoostedTrees BoostedTrees::from_json(std::string_view json) {
  BoosterHandle booster = nullptr;
  check(XGBoosterCreate(nullptr, 0, &booster), "XGBoosterCreate");
  BoostedTrees model(booster);
  check(XGBoosterLoadModelFromBuffer(booster, json.data(), static_cast<bst_ulong>(json.size())),
        "XGBoosterLoadModelFromBuffer");
  set(booster, "nthread", "1");
  return model;
}

BoostedTrees::BoostedTrees(BoostedTrees&& other) noexcept : handle_(other.handle_) {
  other.handle_ = nullptr;
}

BoostedTrees& BoostedTrees::operator=(BoostedTrees&& other) noexcept {
  if (this != &other) {
    if (handle_) XGBoosterFree(handle_);
    handle_ = other.handle_;
    other.handle_ = nullptr;
  }
  return *this;
}

BoostedTrees::~BoostedTrees() {
  if (handle_) XGBoosterFree(handle_);
}

std::string BoostedTrees::to_json() const {
  bst_ulong length = 0;
  const char* bytes = nullptr;
  check(XGBoosterSaveModelToBuffer(handle_, R"({"format": "json"})", &length, &bytes),
        "XGBoosterSaveModelToBuffer");
  return {bytes, static_cast<std::size_t>(length)};
}

Eigen::MatrixXd BoostedTrees::predict(const Eigen::MatrixXd& rows) const {
  if (rows.cols() != static_cast<Eigen::Index>(features()))
    throw std::invalid_argument("boosted trees: " + std::to_string(rows.cols()) +
                                " features given, the model has " + std::to_string(features()));
  if (rows.rows() == 0) return Eigen::MatrixXd(0, 0);
  const Matrix input(rows);
  bst_ulong length = 0;
  const float* out = nullptr;
  check(XGBoosterPredict(handle_, input.get(), 0, 0, 0, &length, &out), "XGBoosterPredict");
  const Eigen::Index outputs = static_cast<Eigen::Index>(length) / rows.rows();
  Eigen::MatrixXd result(rows.rows(), outputs);
  for (Eigen::Index r = 0; r < rows.rows(); ++r)
    for (Eigen::Index c = 0; c < outputs; ++c) result(r, c) = out[r * outputs + c];
  return result;
}

std::size_t BoostedTrees::features() const {
  bst_ulong n = 0;
  check(XGBoosterGetNumFeature(handle_, &n), "XGBoosterGetNumFeature");
  return static_cast<std::size_t>(n);
}

}  // namespace dorado::regime
