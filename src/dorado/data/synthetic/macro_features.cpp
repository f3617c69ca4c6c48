#include "dorado/data/synthetic/macro_features.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <deque>
#include <numeric>

#include "dorado/data/synthetic/random_stream.hpp"
#include "dorado/data/synthetic/regime_chain.hpp"

namespace dorado::data::synthetic {
namespace {

using PerRegime = std::array<double, kRegimeCount>;

struct OuSpec {
  const char* series;
  PerRegime target;
  double pull;
  double noise;
  bool in_logs;
  int decimals;
};

constexpr OuSpec kT10Y2Y{"T10Y2Y", {0.8, 1.8, 0.0, 0.5, 1.5, 2.4}, 0.04, 0.04, false, 2};
constexpr OuSpec kBaaAaa{"BAA_AAA", {0.9, 0.72, 1.05, 1.4, 2.6, 1.7}, 0.06, 0.015, true, 2};
constexpr OuSpec kT10Yie{"T10YIE", {2.4, 1.9, 2.1, 1.7, 0.9, 1.6}, 0.05, 0.025, false, 2};
constexpr OuSpec kNfci{"NFCI", {-0.5, -0.75, -0.3, 0.2, 2.0, 0.35}, 0.25, 0.06, false, 3};
constexpr OuSpec kIcsa{"ICSA", {240e3, 210e3, 270e3, 340e3, 520e3, 400e3}, 0.25, 0.035, true, -3};

double round_to(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::nearbyint(x * scale) / scale;
}

// One OU path over `dates`; the state starts at the first date's target.
class OuProcess {
 public:
  OuProcess(const OuSpec& spec, MacroRegime first) : spec_(spec) {
    state_ = transform(spec.target[regime_index(first)]);
  }
  double step(MacroRegime regime, RandomStream& stream) {
    const double target = transform(spec_.target[regime_index(regime)]);
    state_ += spec_.pull * (target - state_) + spec_.noise * stream.normal();
    return round_to(spec_.in_logs ? std::exp(state_) : state_, spec_.decimals);
  }

 private:
  double transform(double x) const { return spec_.in_logs ? std::log(x) : x; }
  const OuSpec& spec_;
  double state_;
};

void daily_series(const OuSpec& spec, const std::vector<Date>& dates, const RegimeLookup& regime_on,
                  std::uint64_t seed, MacroSeries& out) {
  auto& rows = out[spec.series];
  if (dates.empty()) return;
  RandomStream stream(derive_seed(seed, std::string("macro:") + spec.series));
  OuProcess process(spec, regime_on(dates.front()));
  for (const Date d : dates) rows.push_back({spec.series, d, process.step(regime_on(d), stream)});
}

std::vector<Date> weekdays_in(const std::vector<Date>& days, std::chrono::weekday wd) {
  std::vector<Date> out;
  for (const Date d : days) {
    if (std::chrono::weekday{std::chrono::sys_days{d}} == wd) out.push_back(d);
  }
  return out;
}

void claims_series(const std::vector<Date>& saturdays, const RegimeLookup& regime_on,
                   std::uint64_t seed, MacroSeries& out) {
  auto& level_rows = out["ICSA"];
  auto& z_rows = out["ICSA_Z"];
  if (saturdays.empty()) return;
  RandomStream stream(derive_seed(seed, "macro:ICSA"));
  const MacroRegime first = regime_on(saturdays.front());
  OuProcess process(kIcsa, first);
  std::deque<double> window;
  for (int warmup = 0; warmup < 52; ++warmup) window.push_back(process.step(first, stream));
  for (const Date d : saturdays) {
    const double level = process.step(regime_on(d), stream);
    const double mean = std::accumulate(window.begin(), window.end(), 0.0) / 52.0;
    double ss = 0.0;
    for (const double x : window) ss += (x - mean) * (x - mean);
    const double sd = std::sqrt(ss / 51.0);
    level_rows.push_back({"ICSA", d, level});
    z_rows.push_back({"ICSA_Z", d, round_to(sd > 0.0 ? (level - mean) / sd : 0.0, 4)});
    window.pop_front();
    window.push_back(level);
  }
}

}  // namespace

MacroSeries generate_macro_features(const std::vector<Date>& calendar_days,
                                    const std::vector<Date>& nyse_days,
                                    const RegimeLookup& regime_on, std::uint64_t seed) {
  MacroSeries out;
  daily_series(kT10Y2Y, nyse_days, regime_on, seed, out);
  daily_series(kBaaAaa, nyse_days, regime_on, seed, out);
  daily_series(kT10Yie, nyse_days, regime_on, seed, out);
  daily_series(kNfci, weekdays_in(calendar_days, std::chrono::Friday), regime_on, seed, out);
  claims_series(weekdays_in(calendar_days, std::chrono::Saturday), regime_on, seed, out);
  return out;
}

}  // namespace dorado::data::synthetic
