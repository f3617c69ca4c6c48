#include "dorado/regime/correlation/correlation_regime.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <stdexcept>

namespace dorado::regime {

namespace {

Eigen::MatrixXd correlation_matrix(const Eigen::MatrixXd& returns) {
  const Eigen::MatrixXd centred = returns.rowwise() - returns.colwise().mean();
  const Eigen::MatrixXd covariance = centred.transpose() * centred;
  const Eigen::VectorXd sd = covariance.diagonal().cwiseSqrt();
  const Eigen::Index n = covariance.rows();
  Eigen::MatrixXd c = Eigen::MatrixXd::Identity(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      if (i != j && sd[i] > 0 && sd[j] > 0) c(i, j) = covariance(i, j) / (sd[i] * sd[j]);
  return c;
}

}  // namespace

void CorrelationRegimeConfig::validate() const {
  if (window < 3) throw std::invalid_argument("correlation regime: window must be at least 3 days");
  if (!(variance_target > 0 && variance_target < 1))
    throw std::invalid_argument("correlation regime: variance_target must be in (0, 1)");
  if (concentrated_components == 0)
    throw std::invalid_argument("correlation regime: concentrated_components must be positive");
  if (!(hysteresis >= 0 && hysteresis < variance_target))
    throw std::invalid_argument("correlation regime: hysteresis must be in [0, variance_target)");
}

std::string CorrelationRegimeConfig::version() const {
  char buf[96];
  std::snprintf(buf, sizeof buf, "pca-corr/%zud/%g%%/%zupc/h%g", window, variance_target * 100,
                concentrated_components, hysteresis);
  return buf;
}

UniverseReturns universe_returns(const std::map<std::string, std::span<const Bar>>& bars) {
  if (bars.size() < 2)
    throw std::invalid_argument("correlation regime: fewer than two instruments");
  std::map<std::chrono::sys_days, std::vector<double>> closes;  // common days only
  std::set<std::chrono::sys_days> common;
  bool first = true;
  for (const auto& [symbol, series] : bars) {
    std::set<std::chrono::sys_days> days;
    for (const auto& b : series) days.insert(std::chrono::sys_days{b.date()});
    if (first)
      common = std::move(days);
    else
      std::erase_if(common, [&](const auto& d) { return !days.contains(d); });
    first = false;
  }
  UniverseReturns u;
  for (const auto& [symbol, series] : bars) {
    u.symbols.push_back(symbol);
    for (const auto& b : series)
      if (common.contains(std::chrono::sys_days{b.date()}))
        closes[std::chrono::sys_days{b.date()}].push_back(b.close);
  }
  const auto n = static_cast<Eigen::Index>(u.symbols.size());
  u.returns.resize(closes.empty() ? 0 : static_cast<Eigen::Index>(closes.size() - 1), n);
  const std::vector<double>* previous = nullptr;
  Eigen::Index row = 0;
  for (const auto& [day, today] : closes) {
    if (previous) {
      for (Eigen::Index k = 0; k < n; ++k)
        u.returns(row, k) =
            std::log(today[static_cast<std::size_t>(k)] / (*previous)[static_cast<std::size_t>(k)]);
      u.dates.emplace_back(day);
      ++row;
    }
    previous = &today;
  }
  return u;
}

CorrelationStructure correlation_structure(const Eigen::MatrixXd& returns,
                                           const CorrelationRegimeConfig& config) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(correlation_matrix(returns),
                                                              Eigen::EigenvaluesOnly);
  Eigen::VectorXd shares = solver.eigenvalues().reverse().cwiseMax(0.0);  // largest first
  shares /= shares.sum();
  CorrelationStructure s;
  s.variance_shares = shares;
  s.first_component_share = shares[0];
  double cumulative = 0.0;
  for (Eigen::Index k = 0; k < shares.size(); ++k) {
    cumulative += shares[k];
    if (static_cast<std::size_t>(k + 1) == config.concentrated_components)
      s.leading_share = cumulative;
    if (s.components_for_target == 0 && cumulative >= config.variance_target)
      s.components_for_target = static_cast<std::size_t>(k + 1);
  }
  if (config.concentrated_components >= static_cast<std::size_t>(shares.size()))
    s.leading_share = 1.0;
  return s;
}

std::vector<CorrelationReading> correlation_regimes(const UniverseReturns& universe,
                                                    const CorrelationRegimeConfig& config) {
  config.validate();
  std::vector<CorrelationReading> out;
  const auto window = static_cast<Eigen::Index>(config.window);
  bool concentrated = false;
  for (Eigen::Index end = window; end <= universe.returns.rows(); ++end) {
    CorrelationReading r;
    r.structure = correlation_structure(universe.returns.middleRows(end - window, window), config);
    r.structure.date = universe.dates[static_cast<std::size_t>(end - 1)];
    const double share = r.structure.leading_share;
    concentrated = concentrated ? share >= config.variance_target - config.hysteresis
                                : share >= config.variance_target;
    r.regime = concentrated ? CorrelationRegime::Concentrated : CorrelationRegime::Diversified;
    out.push_back(std::move(r));
  }
  return out;
}

FlipStatistics flip_statistics(const std::vector<CorrelationReading>& readings) {
  FlipStatistics f;
  f.days = readings.size();
  if (readings.empty()) return f;
  std::size_t concentrated = 0;
  for (std::size_t i = 0; i < readings.size(); ++i) {
    concentrated += readings[i].regime == CorrelationRegime::Concentrated;
    if (i > 0 && readings[i].regime != readings[i - 1].regime) ++f.flips;
  }
  const double days = static_cast<double>(f.days);
  f.flips_per_year = static_cast<double>(f.flips) * 252.0 / days;
  f.concentrated_share = static_cast<double>(concentrated) / days;
  f.mean_spell_days = days / static_cast<double>(f.flips + 1);
  return f;
}

PublishedRegime to_published(const CorrelationReading& reading, Timestamp as_of,
                             const CorrelationRegimeConfig& config) {
  return {"correlation", std::string(name_of(reading.regime)), 1.0, {}, as_of, config.version()};
}

}  // namespace dorado::regime
