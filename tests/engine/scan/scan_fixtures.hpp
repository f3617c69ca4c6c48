#pragma once
// Shared inputs of the scan tests: the shipped configuration folder and the
// default synthetic market (seed 42), each built once per test binary.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "dorado/config/loader.hpp"
#include "dorado/engine/scan/daily_scan.hpp"
#include "dorado/engine/scan/synthetic_snapshots.hpp"

namespace dorado::engine::testing {

inline const config::Configuration& shipped_configuration() {
  static const config::Configuration configuration = [] {
    auto loaded = config::load_config_folder(std::filesystem::path(DORADO_SOURCE_DIR) / "config");
    if (!loaded.ok()) throw std::runtime_error("the shipped configuration does not load");
    return *loaded.configuration;
  }();
  return configuration;
}

inline const SyntheticSnapshots& synthetic_market() {
  static const SyntheticSnapshots market{data::synthetic::SyntheticMarketConfig{}};
  return market;
}

inline const Date kLastDay{std::chrono::year{2024}, std::chrono::December, std::chrono::day{31}};

// The shipped universe's snapshots on the market's last day.
inline const std::map<std::string, strategy::UnderlyingSnapshot>& last_day_snapshots() {
  static const auto snapshots =
      universe_snapshots(shipped_configuration().universe, synthetic_market(), kLastDay);
  return snapshots;
}

}  // namespace dorado::engine::testing
