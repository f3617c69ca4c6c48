#include "dorado/regime/fx/fx_labels.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace dorado::regime {

namespace {

Eigen::Index column(const FxFeatureTable& t, const std::string& name) {
  const auto it = std::find(t.names.begin(), t.names.end(), name);
  if (it == t.names.end()) throw std::invalid_argument("fx labels: no feature column " + name);
  return static_cast<Eigen::Index>(it - t.names.begin());
}

double sign(double x) {
  return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0);
}

}  // namespace

void FxLabelRule::validate() const {
  if (horizon == 0) throw std::invalid_argument("fx label rule: horizon must be positive");
  if (!(fall_sigmas >= 0 && vix_spike >= 0 && edge_sigmas >= 0))
    throw std::invalid_argument("fx label rule: thresholds must be non-negative");
}

std::vector<std::optional<FxRegime>> fx_labels(const FxFeatureTable& t, const FxLabelRule& rule) {
  rule.validate();
  const auto momentum = column(t, "momentum_20d"), zscore = column(t, "zscore_60d"),
             vol = column(t, "realized_vol_20d");
  const std::size_t n = t.closes.size(), h = rule.horizon;
  std::vector<std::optional<FxRegime>> labels(n);
  for (std::size_t i = 0; i + h < n; ++i) {
    const auto r = static_cast<Eigen::Index>(i);
    const double m = t.values(r, momentum), z = t.values(r, zscore);
    const double scale = t.values(r, vol) / std::sqrt(260.0) * std::sqrt(static_cast<double>(h));
    if (!std::isfinite(m) || !std::isfinite(z) || !std::isfinite(scale) || !std::isfinite(t.vix[i]))
      continue;
    const double move = std::log(t.closes[i + h] / t.closes[i]);
    const double vix_peak = *std::max_element(t.vix.begin() + static_cast<long>(i) + 1,
                                              t.vix.begin() + static_cast<long>(i + h) + 1);
    if (move <= -rule.fall_sigmas * scale && vix_peak >= t.vix[i] * (1.0 + rule.vix_spike)) {
      labels[i] = FxRegime::RiskOffUnwind;
      continue;
    }
    const double trend = sign(m) * move, reversion = -sign(z) * move;
    if (std::max(trend, reversion) < rule.edge_sigmas * scale)
      labels[i] = FxRegime::Carry;
    else
      labels[i] = trend >= reversion ? FxRegime::Momentum : FxRegime::MeanReversion;
  }
  return labels;
}

}  // namespace dorado::regime
