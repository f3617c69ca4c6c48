#pragma once
// Snapshots from what `dorado data fetch / import` stored: daily OHLCV under
// the underlying's symbol, ^VIX and ^VIX3M bars, the day's latest option
// chain snapshot, the 30-day ATM IV history (iv_history) and perpetual
// funding (Hyperliquid, else Binance's USDT perpetual).
//
// The default scan date is the latest day, on or before `today`, with a bar
// of any enabled universe underlying; with nothing stored it is `today`.
#include <cstddef>
#include <vector>

#include "dorado/engine/scan/market_snapshots.hpp"
#include "dorado/ports/store.hpp"

namespace dorado::engine {

struct StoredSnapshotSettings {
  std::size_t bars = 400;
  std::size_t iv_history = 252;
};

class StoredSnapshots final : public MarketSnapshots {
 public:
  // `store` must outlive this; it is used from one thread at a time.
  StoredSnapshots(ports::Store& store, std::vector<config::UniverseMember> universe, Date today,
                  StoredSnapshotSettings settings = {});

  std::string description() const override { return "store"; }
  Date default_as_of() const override;
  strategy::UnderlyingSnapshot snapshot(const config::UniverseMember& member,
                                        Date as_of) const override;
  // No rate or dividend source is wired to the scan yet: zero rates (an
  // error of r x T / 2 relative in a 30-day vol, see iv_history.hpp).
  strategy::PricingAssumptions pricing(const config::UniverseMember&) const override { return {}; }
  bool concurrent() const override { return false; }

 private:
  std::optional<double> close_on(const std::string& symbol, Date as_of) const;
  std::optional<OptionChain> chain_of(const std::string& symbol, Date as_of, Timestamp at) const;
  std::optional<double> funding_rate(const std::string& symbol, Timestamp at) const;

  ports::Store& store_;
  std::vector<config::UniverseMember> universe_;
  Date today_;
  StoredSnapshotSettings settings_;
};

}  // namespace dorado::engine
