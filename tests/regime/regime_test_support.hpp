#pragma once
// Data with known answers for the regime tests: samples of a known Gaussian
// HMM, and a small macro market whose hidden regime path is known.
#include <Eigen/Dense>
#include <array>
#include <chrono>
#include <cstdint>
#include <random>
#include <vector>

#include "dorado/domain/regime.hpp"
#include "dorado/regime/feature_history.hpp"
#include "dorado/regime/gaussian_hmm.hpp"

namespace dorado::regime::testing {

struct HmmSample {
  Eigen::MatrixXd rows;  // T x D
  std::vector<int> states;
};

inline int draw(const Eigen::VectorXd& p, std::mt19937_64& rng) {
  const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
  double acc = 0.0;
  for (Eigen::Index k = 0; k < p.size(); ++k) {
    acc += p[k];
    if (u < acc) return static_cast<int>(k);
  }
  return static_cast<int>(p.size() - 1);
}

inline HmmSample sample_hmm(const GaussianHmm& model, Eigen::Index days, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  std::vector<Eigen::MatrixXd> factors;
  for (const auto& c : model.covariances)
    factors.push_back(Eigen::LLT<Eigen::MatrixXd>(c).matrixL());
  HmmSample out;
  out.rows.resize(days, model.dimensions());
  int state = draw(model.initial, rng);
  for (Eigen::Index t = 0; t < days; ++t) {
    if (t > 0) state = draw(model.transition.row(state).transpose(), rng);
    Eigen::VectorXd z(model.dimensions());
    for (auto& v : z) v = normal(rng);
    out.rows.row(t) =
        (model.means.row(state).transpose() + factors[static_cast<std::size_t>(state)] * z)
            .transpose();
    out.states.push_back(state);
  }
  return out;
}

// Three well-separated 2-D states with correlated noise, persistent regimes.
inline GaussianHmm three_state_hmm() {
  GaussianHmm m;
  m.initial = Eigen::Vector3d(0.5, 0.3, 0.2);
  m.transition.resize(3, 3);
  m.transition << 0.95, 0.03, 0.02,  //
      0.04, 0.93, 0.03,              //
      0.02, 0.05, 0.93;
  m.means.resize(3, 2);
  m.means << 0.0, 0.0,  //
      4.0, 0.0,         //
      0.0, 4.0;
  Eigen::Matrix2d c0, c1, c2;
  c0 << 1.0, 0.3, 0.3, 0.8;
  c1 << 0.6, -0.2, -0.2, 1.2;
  c2 << 1.5, 0.5, 0.5, 0.7;
  m.covariances = {c0, c1, c2};
  return m;
}

// The synthetic market's documented regime chain (data/synthetic/regime_chain.hpp).
inline Eigen::MatrixXd macro_regime_chain() {
  const std::array<double, 6> d{150, 120, 40, 60, 35, 70};
  Eigen::MatrixXd split(6, 6);
  split << 0, .40, .50, .10, 0, 0,  //
      .50, 0, .50, 0, 0, 0,         //
      .25, .20, 0, .45, .10, 0,     //
      0, 0, .30, 0, .25, .45,       //
      0, 0, 0, .25, 0, .75,         //
      .50, .30, .20, 0, 0, 0;
  Eigen::MatrixXd a(6, 6);
  for (int i = 0; i < 6; ++i) {
    a.row(i) = split.row(i) / d[static_cast<std::size_t>(i)];
    a(i, i) = 1.0 - 1.0 / d[static_cast<std::size_t>(i)];
  }
  return a;
}

struct KnownRegimeMarket {
  FeatureHistory history;
  std::vector<int> regimes;  // index of MacroRegime per day
};

// Eight macro features whose levels depend on the hidden regime (roughly the
// synthetic market's and history's levels), with AR(1) noise (phi 0.6) so days
// are not independent given the regime, as in real data. Weekdays from 2000-01-03.
inline KnownRegimeMarket known_regime_market(std::size_t count, std::uint64_t seed) {
  using namespace std::chrono;
  //                 risk_on goldilocks transition risk_off crisis recovery
  const double level[8][6] = {
      {13.0, 12.0, 18.0, 24.0, 42.0, 21.0},        // VIX
      {0.85, 0.80, 1.00, 1.30, 2.60, 1.50},        // BAA_AAA
      {1.00, 1.40, 0.00, 0.50, 1.50, 2.20},        // T10Y2Y
      {1.050, 1.040, 1.000, 0.950, 0.850, 0.990},  // SPY_MA50_200
      {-0.6, -0.7, -0.3, 0.2, 2.0, 0.3},           // NFCI
      {2.2, 2.1, 2.0, 1.7, 0.9, 1.6},              // T10YIE
      {0.82, 0.80, 0.92, 1.00, 1.25, 0.93},        // VIX_VIX3M
      {-0.3, -0.5, 0.4, 1.0, 2.5, 0.2},            // ICSA_Z
  };
  const double noise[8] = {2.0, 0.08, 0.25, 0.015, 0.15, 0.12, 0.04, 0.5};
  KnownRegimeMarket out;
  out.history.names = {"VIX",  "BAA_AAA", "T10Y2Y",    "SPY_MA50_200",
                       "NFCI", "T10YIE",  "VIX_VIX3M", "ICSA_Z"};
  out.history.values.resize(static_cast<Eigen::Index>(count), 8);
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  const Eigen::MatrixXd a = macro_regime_chain();
  int regime = 1;
  std::array<double, 8> ar{};
  sys_days day = sys_days{year{2000} / January / 3};
  for (std::size_t t = 0; t < count; ++t) {
    if (t > 0) regime = draw(a.row(regime).transpose(), rng);
    for (int f = 0; f < 8; ++f) {
      auto& e = ar[static_cast<std::size_t>(f)];
      e = 0.6 * e + 0.8 * normal(rng);
      out.history.values(static_cast<Eigen::Index>(t), f) = level[f][regime] + noise[f] * e;
    }
    out.regimes.push_back(regime);
    out.history.dates.push_back(year_month_day{day});
    day += days{weekday{day} == Friday ? 3 : 1};
  }
  return out;
}

}  // namespace dorado::regime::testing
