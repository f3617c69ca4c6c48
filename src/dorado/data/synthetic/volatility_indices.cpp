#include "dorado/data/synthetic/volatility_indices.hpp"

#include <algorithm>
#include <cmath>

#include "dorado/data/synthetic/market_assets.hpp"
#include "dorado/data/synthetic/random_stream.hpp"

namespace dorado::data::synthetic {
namespace {

constexpr double kReversion = 0.07;
constexpr double kRiskPremium = 1.10;
constexpr double kReturnBeta = 4.0;
constexpr double kNoise = 0.045;
constexpr double kEwmaLambda = 0.94;
constexpr double kLongRunVix = 20.0;
constexpr double kTermPremium = 1.03;
constexpr double kPremiumPoints = 2.0;
constexpr double kFloor = 9.0;

double round_cents(double x) {
  return std::nearbyint(x * 100.0) / 100.0;
}

Bar index_bar(Timestamp time, double previous_close, double close, double open_noise,
              double high_noise, double low_noise) {
  const double open = previous_close * std::exp(0.02 * open_noise);
  Bar bar;
  bar.time = time;
  bar.open = round_cents(open);
  bar.close = round_cents(close);
  bar.high = round_cents(std::max(open, close) * std::exp(0.025 * std::fabs(high_noise)));
  bar.low = round_cents(std::min(open, close) * std::exp(-0.025 * std::fabs(low_noise)));
  return bar;
}

}  // namespace

VolatilityIndices generate_volatility_indices(const std::vector<Bar>& spy,
                                              const std::vector<MacroRegime>& regimes,
                                              double spy_start_price, std::uint64_t seed) {
  const AssetSpec& spec = market_assets()[asset_index("SPY")];
  RandomStream noise(derive_seed(seed, "volatility-indices"));
  VolatilityIndices out;
  out.vix.reserve(spy.size());
  out.vix3m.reserve(spy.size());

  const auto regime_variance = [&](std::size_t i) {
    const double v = spec.volatility[regime_index(regimes[i])];
    return v * v;
  };
  double realized = spy.empty() ? 0.0 : regime_variance(0);
  double log_vix =
      spy.empty() ? 0.0 : std::log(100.0 * kRiskPremium * std::sqrt(realized) + kPremiumPoints);
  double vix = std::exp(log_vix);
  double vix3m = kTermPremium * (0.55 * vix + 0.45 * kLongRunVix);
  double previous_close = spy_start_price;

  for (std::size_t i = 0; i < spy.size(); ++i) {
    const double r = std::log(spy[i].close / previous_close);
    previous_close = spy[i].close;
    realized = kEwmaLambda * realized + (1.0 - kEwmaLambda) * r * r * spec.periods_per_year;
    const double target =
        std::log(100.0 * kRiskPremium * std::sqrt(0.6 * regime_variance(i) + 0.4 * realized) +
                 kPremiumPoints);
    const double e_vix = noise.normal();
    const double e_term = noise.normal();
    const double shape[4] = {noise.normal(), noise.normal(), noise.normal(), noise.normal()};
    log_vix += kReversion * (target - log_vix) - kReturnBeta * r + kNoise * e_vix;
    log_vix = std::clamp(log_vix, std::log(kFloor), std::log(150.0));
    const double next_vix = std::exp(log_vix);
    const double next_vix3m =
        kTermPremium * (0.55 * next_vix + 0.45 * kLongRunVix) * std::exp(0.015 * e_term);
    out.vix.push_back(index_bar(spy[i].time, vix, next_vix, shape[0], shape[1], shape[2]));
    out.vix3m.push_back(
        index_bar(spy[i].time, vix3m, next_vix3m, 0.5 * shape[0], 0.5 * shape[1], shape[3]));
    vix = next_vix;
    vix3m = next_vix3m;
  }
  return out;
}

}  // namespace dorado::data::synthetic
