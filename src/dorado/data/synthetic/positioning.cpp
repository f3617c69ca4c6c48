#include "dorado/data/synthetic/positioning.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <string>

#include "dorado/data/synthetic/random_stream.hpp"
#include "dorado/data/synthetic/regime_chain.hpp"

namespace dorado::data::synthetic {
namespace {

using PerRegime = std::array<double, kRegimeCount>;

struct CotMarket {
  const char* name;
  double open_interest;
  PerRegime net_target;
  double noise;
};

constexpr std::array<CotMarket, 3> kCotMarkets{{
    {"ES", 2.8e6, {-100e3, -80e3, -150e3, -200e3, -250e3, -160e3}, 20e3},
    {"NQ", 220e3, {40e3, 50e3, 10e3, -20e3, -60e3, 0.0}, 8e3},
    {"VX", 400e3, {-110e3, -120e3, -80e3, -40e3, 0.0, -60e3}, 8e3},
}};

constexpr double kCotPull = 0.15;
constexpr double kGrossShare = 0.18;

constexpr double kFundingInterest = 0.0001;
constexpr PerRegime kFundingPremium{1.5e-4, 1.0e-4, 0.0, -0.5e-4, -1.5e-4, 0.5e-4};
constexpr double kFundingPull = 0.10;
constexpr double kFundingMomentum = 0.0015;
constexpr double kFundingNoise = 0.6e-4;
constexpr double kFundingCap = 0.003;

}  // namespace

std::vector<CotReport> generate_cot_reports(const std::vector<Date>& calendar_days,
                                            const RegimeLookup& regime_on, std::uint64_t seed) {
  using std::chrono::sys_days;
  std::vector<Date> tuesdays;
  for (const Date d : calendar_days) {
    if (std::chrono::weekday{sys_days{d}} == std::chrono::Tuesday) tuesdays.push_back(d);
  }
  std::vector<CotReport> out;
  for (const CotMarket& market : kCotMarkets) {
    if (tuesdays.empty()) break;
    RandomStream stream(derive_seed(seed, std::string("cot:") + market.name));
    double net = market.net_target[regime_index(regime_on(tuesdays.front()))];
    for (const Date d : tuesdays) {
      const std::size_t r = regime_index(regime_on(d));
      net += kCotPull * (market.net_target[r] - net) + market.noise * stream.normal();
      const double oi = market.open_interest * std::exp(0.05 * stream.normal() - 0.00125);
      const double gross = std::max(kGrossShare * oi, 0.5 * std::fabs(net) + 0.02 * oi);
      CotReport report;
      report.market = market.name;
      report.report_date = d;
      report.release_date = Date{sys_days{d} + std::chrono::days{3}};
      report.open_interest = std::llround(oi);
      report.leveraged_long = std::llround(gross + 0.5 * net);
      report.leveraged_short = std::llround(gross - 0.5 * net);
      out.push_back(std::move(report));
    }
  }
  return out;
}

std::vector<ports::FundingRate> generate_funding_rates(const char* symbol,
                                                       const std::vector<Date>& calendar_days,
                                                       const std::vector<Bar>& daily_bars,
                                                       const RegimeLookup& regime_on,
                                                       std::uint64_t seed) {
  RandomStream stream(derive_seed(seed, std::string("funding:") + symbol));
  std::vector<ports::FundingRate> out;
  out.reserve(calendar_days.size() * 3);
  double premium =
      calendar_days.empty() ? 0.0 : kFundingPremium[regime_index(regime_on(calendar_days.front()))];
  for (std::size_t d = 0; d < calendar_days.size(); ++d) {
    // Closes of days d-8 .. d-1: the trailing week known at midnight of day d.
    double momentum = 0.0;
    if (d >= 8 && d <= daily_bars.size()) {
      momentum = std::log(daily_bars[d - 1].close / daily_bars[d - 8].close);
    }
    const std::size_t r = regime_index(regime_on(calendar_days[d]));
    for (int print = 0; print < 3; ++print) {
      const double target = kFundingPremium[r] + kFundingMomentum * momentum;
      premium += kFundingPull * (target - premium) + kFundingNoise * stream.normal();
      const double rate = std::clamp(kFundingInterest + premium, -kFundingCap, kFundingCap);
      ports::FundingRate f;
      f.venue = "synthetic";
      f.symbol = symbol;
      f.funding_time =
          Timestamp{std::chrono::sys_days{calendar_days[d]} + std::chrono::hours{8 * print}};
      f.rate = std::nearbyint(rate * 1e8) / 1e8;
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace dorado::data::synthetic
