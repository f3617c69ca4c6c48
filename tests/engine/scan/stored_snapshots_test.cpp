// Snapshots read back from what `dorado data` stores (SQLite), filled here
// from the synthetic market so the expected values are known.
#include "dorado/engine/scan/stored_snapshots.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "dorado/store/open_store.hpp"
#include "scan_fixtures.hpp"

namespace dorado::engine {
namespace {

using namespace std::chrono;
using testing::kLastDay;
using testing::synthetic_market;

TEST(StoredSnapshots, ReadBarsChainIvHistoryAndVixOfTheDay) {
  const auto dir = std::filesystem::temp_directory_path() / "dorado-stored-snapshots";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    auto store = store::open_store("sqlite://scan.db", "alice", dir);
    store->migrate(sys_days{kLastDay});
    const auto& m = synthetic_market().market();
    store->upsert_ohlcv(m.ohlcv_rows("SPY"));
    auto vix = m.ohlcv_rows("VIX");
    for (auto& row : vix) row.symbol = "^VIX";
    store->upsert_ohlcv(vix);
    const auto chain = m.option_chain("SPY", kLastDay);
    store->save_option_chain(chain->chain, "synthetic");
    std::vector<ports::IvObservation> iv{{"SPY", Date{2024y / December / 30}, 0.18},
                                         {"SPY", kLastDay, 0.19}};
    store->upsert_iv_history(iv);

    config::UniverseMember spy;
    spy.symbol = "SPY";
    spy.asset_class = AssetClass::EquityOptions;
    const StoredSnapshots source(*store, {spy}, Date{2026y / November / 25});
    EXPECT_EQ(source.default_as_of(), kLastDay);  // the latest stored bar
    const auto s = source.snapshot(spy, kLastDay);
    ASSERT_EQ(s.daily_bars.size(), 400u);
    EXPECT_EQ(s.daily_bars.back().date(), kLastDay);
    EXPECT_EQ(s.last_close(), m.bar("SPY", kLastDay)->close);
    ASSERT_TRUE(s.chain.has_value());
    EXPECT_EQ(s.chain->size(), chain->chain.size());
    EXPECT_EQ(s.chain->as_of, chain->chain.as_of);
    EXPECT_EQ(s.atm_iv_history, (std::vector<double>{0.18, 0.19}));
    EXPECT_EQ(s.vix, m.bar("VIX", kLastDay)->close);
    EXPECT_FALSE(s.vix3m.has_value());  // not stored
    // A day without a stored chain has none.
    EXPECT_FALSE(source.snapshot(spy, Date{2024y / December / 30}).chain.has_value());
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dorado::engine
