#include "dorado/domain/bar.hpp"

#include <charconv>
#include <cmath>

namespace dorado {
namespace {

// Shortest text that reads back as the same double: "99.5", not "99.500000".
std::string text(double value) {
  char buf[32];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, result.ptr);
}

}  // namespace

std::vector<BarProblem> Bar::problems() const {
  std::vector<BarProblem> out;
  const auto add = [&](BarDefect defect, std::string message) {
    out.push_back({defect, std::move(message)});
  };
  const std::pair<const char*, double> prices[] = {
      {"open", open}, {"high", high}, {"low", low}, {"close", close}};

  for (const auto& [name, value] : prices)
    if (!std::isfinite(value)) add(BarDefect::NonFinite, std::string(name) + " is " + text(value));
  if (!std::isfinite(volume)) add(BarDefect::NonFinite, "volume is " + text(volume));
  // Ordering checks on NaN would only add noise; report the NaN alone.
  if (!out.empty()) return out;

  for (const auto& [name, value] : prices)
    if (value <= 0.0)
      add(BarDefect::NonPositivePrice, std::string(name) + " " + text(value) + " is not positive");
  if (high < low) add(BarDefect::HighBelowLow, "high " + text(high) + " is below low " + text(low));
  if (high < open)
    add(BarDefect::HighBelowOpen, "high " + text(high) + " is below open " + text(open));
  if (high < close)
    add(BarDefect::HighBelowClose, "high " + text(high) + " is below close " + text(close));
  if (low > open) add(BarDefect::LowAboveOpen, "low " + text(low) + " is above open " + text(open));
  if (low > close)
    add(BarDefect::LowAboveClose, "low " + text(low) + " is above close " + text(close));
  if (volume < 0.0) add(BarDefect::NegativeVolume, "volume " + text(volume) + " is negative");
  if (adjusted_close && !(*adjusted_close > 0.0))
    add(BarDefect::NonPositiveAdjustedClose,
        "adjusted close " + text(*adjusted_close) + " is not positive");
  return out;
}

}  // namespace dorado
