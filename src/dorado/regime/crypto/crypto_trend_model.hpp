#pragma once
// The crypto two-stage trend model, one model pooled over the coins:
//   stage 1  L1 logistic regression (C = 0.1) on standardised features:
//            P(a tradeable trend over the next `horizon` days);
//   stage 2  XGBoost regressor (80 trees, depth 3) trained on the trend days
//            only: the strength of the trend, in sigmas of the move.
// Reading: no_trend when P(trend) < the trend threshold; otherwise
// strong_trend when the predicted strength reaches the median strength of the
// training trend days (kept in the model), weak_trend below it.
//
// Labels (from the days after t, training only), with sigma = daily realized
// volatility over 20 days at t and move = ln(close[t+h] / close[t]):
//   strength   = |move| / (sigma * sqrt(h))
//   efficiency = |move| / sum of the absolute daily log moves over (t, t+h]
//   tradeable trend <=> strength >= min_sigmas and efficiency >= min_efficiency
// (a move worth trading, along a path straight enough to hold it).
//
// Split as the FX model: time-ordered at train_share, training labels end on
// or before the cut, every later day is a test day.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dorado/domain/published_regime.hpp"
#include "dorado/domain/regime.hpp"
#include "dorado/regime/boosting/boosted_trees.hpp"
#include "dorado/regime/crypto/crypto_features.hpp"
#include "dorado/regime/crypto/l1_logistic_regression.hpp"
#include "dorado/regime/standard_scaler.hpp"

namespace dorado::regime {

struct CryptoTrendRule {
  std::size_t horizon = 20;
  double min_sigmas = 1.0;
  double min_efficiency = 0.3;

  void validate() const;
};

struct CryptoModelConfig {
  L1LogisticConfig stage1{};  // C = 0.1
  // 80 trees of depth 3; XGBoost's defaults otherwise (no subsampling).
  BoostingParams stage2{"reg:squarederror", 0, 80, 3, 1.0, 1.0, 1.0, 0.3, 42};
  CryptoTrendRule labels{};
  // P(trend) from which a day reads as a trend. 0: the share of trend days
  // in training, i.e. "a trend is more likely than usual". Trends are the
  // minority (about a quarter of days), and at 0.5 the calibrated stage 1
  // would almost never call one.
  double trend_probability = 0.0;
  double train_share = 0.7;  // 1.0: train on everything, no test metrics

  void validate() const;
};

// [true][predicted], indexed by CryptoRegime (strong, weak, no trend).
using CryptoConfusion = std::array<std::array<std::size_t, 3>, 3>;

struct CryptoModelMetrics {
  std::size_t train_rows = 0;
  std::size_t train_trend_rows = 0;
  std::size_t test_rows = 0;
  double trend_base_rate = 0.0;       // share of test days with a tradeable trend
  double stage1_test_accuracy = 0.0;  // trend / no trend at the trend threshold
  double stage1_test_auc = 0.0;       // P(a trend day ranks above a no-trend day)
  double stage2_test_rmse = 0.0;      // strength, on the test trend days
  double test_accuracy = 0.0;         // the three-way reading
  CryptoConfusion confusion{};
  std::size_t stage1_iterations = 0;
  bool stage1_converged = false;
  std::vector<std::string> selected_features;  // non-zero stage-1 weights
};

struct CryptoTrendReading {
  Date date{};
  CryptoRegime regime = CryptoRegime::NoTrend;
  double trend_probability = 0.0;  // stage 1
  double strength = 0.0;           // stage 2, sigmas over the horizon
  double confidence = 0.0;         // P(trend) for a trend reading, 1 - P(trend) otherwise
};

struct CryptoTrendModel {
  std::string version;
  CryptoModelConfig config;
  std::vector<std::string> features;
  StandardScaler scaler;
  L1LogisticRegression stage1;
  BoostedTrees stage2;
  double trend_threshold = 0.5;   // on P(trend)
  double strong_threshold = 0.0;  // on the predicted strength
  Date trained_from{};
  Date trained_to{};
  CryptoModelMetrics metrics;

  // Every day of `table` with complete features.
  std::vector<CryptoTrendReading> classify(const CryptoFeatureTable& table) const;
  std::optional<CryptoTrendReading> latest(const CryptoFeatureTable& table) const;
};

// Tables per coin ("BTC" -> features). Throws std::invalid_argument for an
// invalid config or fewer than 50 training rows or 10 training trend days.
CryptoTrendModel train_crypto_model(const std::map<std::string, CryptoFeatureTable>& coins,
                                    const CryptoModelConfig& config = {});

// Model "crypto"; probabilities {"no_trend": 1 - p, <label of a trend>: p}.
PublishedRegime to_published(const CryptoTrendReading& reading, Timestamp as_of,
                             const std::string& model_version);

// JSON {"format": "dorado.crypto_trend_model", "format_version": 1, ...,
// "scaler", "stage1", "stage2" (XGBoost JSON as a string), "strong_threshold"};
// reloads to identical readings. Load throws std::invalid_argument.
std::string save_crypto_model(const CryptoTrendModel& model);
CryptoTrendModel load_crypto_model(std::string_view json);
std::string crypto_metrics_json(const CryptoModelMetrics& metrics);

}  // namespace dorado::regime
