#pragma once
// Snapshots from the seeded synthetic market (data/synthetic): bars, the
// chain of the day with its injected quality problems, VIX and VIX3M, crypto
// funding, and the 30-day ATM IV history recomputed from the market's own
// chains with the pipeline's method (data/pipeline/iv_history.hpp), exactly
// as `dorado data iv-history` fills iv_history from stored chains.
//
// The default scan date is the last NYSE trading day of the market's range,
// never the wall clock: the same seed gives the same scan.
#include <cstddef>

#include "dorado/data/synthetic/synthetic_market.hpp"
#include "dorado/engine/scan/market_snapshots.hpp"

namespace dorado::engine {

struct SyntheticSnapshotSettings {
  std::size_t bars = 400;        // daily bars up to the scan date (SMA 200, a year of RV)
  std::size_t iv_history = 252;  // trading days of 30-day ATM IV (IV rank's window)
};

class SyntheticSnapshots final : public MarketSnapshots {
 public:
  explicit SyntheticSnapshots(data::synthetic::SyntheticMarketConfig config,
                              SyntheticSnapshotSettings settings = {});

  std::string description() const override;
  Date default_as_of() const override;
  // Throws std::invalid_argument for a date outside the market's range.
  strategy::UnderlyingSnapshot snapshot(const config::UniverseMember& member,
                                        Date as_of) const override;
  // The market's own rate and dividend yields (the ones its chains were priced with).
  strategy::PricingAssumptions pricing(const config::UniverseMember& member) const override;
  bool concurrent() const override { return true; }

  const data::synthetic::SyntheticMarket& market() const { return market_; }

 private:
  std::vector<double> atm_iv_history(const std::string& symbol, Date as_of) const;

  data::synthetic::SyntheticMarket market_;
  SyntheticSnapshotSettings settings_;
};

}  // namespace dorado::engine
