#include "dorado/data/pipeline/series_cadence.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace dorado::data {

namespace {

using std::chrono::sys_days;

std::vector<int> spacings(std::span<const Date> days) {
  std::vector<int> out;
  for (std::size_t i = 1; i < days.size(); ++i)
    out.push_back(static_cast<int>((sys_days{days[i]} - sys_days{days[i - 1]}).count()));
  return out;
}

}  // namespace

Cadence cadence_of(std::span<const Date> days) {
  auto s = spacings(days);
  if (s.empty()) return {};
  const auto mid = s.begin() + static_cast<std::ptrdiff_t>(s.size() / 2);
  std::nth_element(s.begin(), mid, s.end());
  const int median = *mid;
  if (median <= 4) return {CadenceKind::Daily, 1};
  if (median <= 10) return {CadenceKind::Weekly, 7};
  if (median >= 27 && median <= 35) return {CadenceKind::Monthly, 30};
  return {CadenceKind::Irregular, median};
}

std::int64_t missing_periods(std::span<const Date> days, const Cadence& cadence) {
  std::int64_t missing = 0;
  for (const int s : spacings(days))
    missing +=
        std::max<std::int64_t>(0, std::llround(static_cast<double>(s) / cadence.period_days) - 1);
  return missing;
}

}  // namespace dorado::data
