// Publishing regimes to the cache and regime_history, and reading them back
// with the stale / missing fallback to allow-all.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dorado/cache/keys.hpp"
#include "dorado/cache/memory_cache.hpp"
#include "dorado/calendar/simulated_clock.hpp"
#include "dorado/regime/publish/published_regime_json.hpp"
#include "dorado/regime/publish/regime_publisher.hpp"
#include "dorado/regime/publish/regime_reader.hpp"
#include "regime/regime_store_fixture.hpp"

namespace dorado::regime {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const Timestamp kClose = sys_days{2024y / March / 15} + 21h;

PublishedRegime macro_reading(Timestamp as_of) {
  return {"macro",    "risk_off",
          0.1 + 0.62, {{"risk_off", 0.1 + 0.62}, {"crisis", 0.28}},
          as_of,      "macro-hmm/5s/2005-01-03..2023-12-29"};
}

PublishedRegime fx_reading(std::string label, Timestamp as_of) {
  return {"fx", std::move(label), 0.55, {{"carry", 0.55}, {"momentum", 0.45}}, as_of, "fx-xgb/1"};
}

class RegimePublishTest : public ::testing::Test {
 protected:
  calendar::SimulatedClock clock_{kClose};
  cache::MemoryCache cache_{clock_};
  testing::TemporaryStore files_;
  std::unique_ptr<store::SqlStore> store_ = files_.open();

  RegimeReaderConfig config(std::vector<std::string> fx = {}) {
    RegimeReaderConfig c;
    c.max_age = 26h;
    c.fx_pairs = std::move(fx);
    return c;
  }
  std::vector<ports::JournalRecord> regime_journal() {
    return store_->read_journal({"regime", std::nullopt, 0, 100});
  }
};

TEST_F(RegimePublishTest, JsonRoundTripIsExactAndStrict) {
  const auto reading = macro_reading(kClose + 123456us);
  EXPECT_EQ(published_regime_from_json(to_json(reading)), reading);
  const std::map<std::string, PublishedRegime> fx{{"USDJPY", fx_reading("carry", kClose)}};
  EXPECT_EQ(published_regimes_from_json(to_json(fx)), fx);
  EXPECT_EQ(parse_iso8601("2024-03-15T21:00:00.000001Z"), kClose + 1us);
  try {
    published_regime_from_json(R"({"model":"macro","label":"risk_off"})");
    FAIL() << "accepted a reading without confidence";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("\"confidence\" missing"));
  }
  EXPECT_THROW(parse_iso8601("2024-03-15 21:00:00"), std::invalid_argument);
  EXPECT_THROW(parse_iso8601("2024-02-30T21:00:00.000000Z"), std::invalid_argument);
}

TEST_F(RegimePublishTest, PublishWritesTheCacheKeyAndRegimeHistory) {
  RegimePublisher publisher(cache_, *store_);
  publisher.publish_macro(macro_reading(kClose));
  publisher.publish_fx(
      {{"USDJPY", fx_reading("carry", kClose)}, {"AUDUSD", fx_reading("momentum", kClose)}});

  const auto cached = cache_.get(cache::keys::macro_regime());
  ASSERT_TRUE(cached.has_value());
  EXPECT_EQ(published_regime_from_json(*cached), macro_reading(kClose));
  const auto fx = published_regimes_from_json(cache_.get(cache::keys::fx_regime()).value());
  EXPECT_EQ(fx.at("AUDUSD").label, "momentum");

  const auto history = store_->read_regime_history({"fx", std::nullopt, kClose, kClose});
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].subject, "AUDUSD");
  EXPECT_EQ(history[1].regime, fx_reading("carry", kClose));
  EXPECT_EQ(store_->read_regime_history({"macro", "", kClose, kClose}).size(), 1u);
  // The regime TTL applies: a day and two hours later the key is gone.
  clock_.advance(26h + 1s);
  EXPECT_FALSE(cache_.exists(cache::keys::macro_regime()));
}

TEST_F(RegimePublishTest, RefusesAReadingOfAnotherModel) {
  RegimePublisher publisher(cache_, *store_);
  EXPECT_THROW(publisher.publish_macro(fx_reading("carry", kClose)), std::invalid_argument);
  EXPECT_THROW(publisher.publish_fx({{"", fx_reading("carry", kClose)}}), std::invalid_argument);
  EXPECT_FALSE(cache_.exists(cache::keys::macro_regime()));
  EXPECT_THAT(store_->read_regime_history({"macro", std::nullopt, kClose, kClose}), IsEmpty());
}

TEST_F(RegimePublishTest, FreshReadingsFormTheViewWithoutJournaling) {
  RegimePublisher publisher(cache_, *store_);
  publisher.publish_macro(macro_reading(kClose));
  publisher.publish_fx({{"USDJPY", fx_reading("carry", kClose)}});
  publisher.publish_correlation({"correlation", "diversified", 1.0, {}, kClose, "pca/60d"});
  publisher.publish_crypto({{"BTC", {"crypto", "no_trend", 0.7, {}, kClose, "crypto/1"}}});
  RegimeReader reader(cache_, *store_, config({"USDJPY"}));
  clock_.advance(2h);
  const auto view = reader.read(clock_.now());
  EXPECT_EQ(view.macro, macro_reading(kClose));
  EXPECT_EQ(view.fx.at("USDJPY").label, "carry");
  EXPECT_EQ(view.correlation->label, "diversified");
  EXPECT_EQ(view.crypto.at("BTC").label, "no_trend");
  EXPECT_THAT(regime_journal(), IsEmpty());
}

// The acceptance test: a stale cached value is treated as allow-all and
// the reader says so in the journal.
TEST_F(RegimePublishTest, StaleCachedRegimeIsNeutralAndJournaled) {
  RegimePublisher publisher(cache_, *store_, 72h);  // the key outlives the reader's age limit
  publisher.publish_macro(macro_reading(kClose));
  publisher.publish_fx({{"USDJPY", fx_reading("carry", kClose)}});
  clock_.advance(30h);
  const auto now = clock_.now();
  ASSERT_TRUE(cache_.exists(cache::keys::macro_regime()));

  const auto view = RegimeReader(cache_, *store_, config({"USDJPY"})).read(now);
  EXPECT_FALSE(view.macro.has_value());
  EXPECT_THAT(view.fx, IsEmpty());
  EXPECT_FALSE(view.correlation.has_value());

  const auto journal = regime_journal();
  ASSERT_EQ(journal.size(), 4u);  // macro, correlation, fx:USDJPY, crypto
  EXPECT_EQ(journal[0].entry.subject, "macro");
  EXPECT_EQ(journal[0].entry.reason_code, "regime_stale");
  EXPECT_EQ(journal[0].entry.at, now);
  EXPECT_THAT(journal[0].entry.message, HasSubstr("risk_off as of 2024-03-15T21:00:00"));
  EXPECT_THAT(journal[0].entry.message, HasSubstr("allow all"));
  EXPECT_THAT(journal[0].entry.detail_json, HasSubstr(R"("age_hours":30.0)"));
  EXPECT_EQ(journal[1].entry.subject, "correlation");
  EXPECT_EQ(journal[1].entry.reason_code, "regime_missing");
  EXPECT_EQ(journal[2].entry.subject, "fx:USDJPY");
  EXPECT_EQ(journal[2].entry.reason_code, "regime_stale");
  EXPECT_EQ(journal[3].entry.subject, "crypto");
  EXPECT_EQ(journal[3].entry.reason_code, "regime_missing");
}

TEST_F(RegimePublishTest, ExpectedPairNeverPublishedIsJournaledMissing) {
  RegimePublisher(cache_, *store_).publish_fx({{"USDJPY", fx_reading("carry", kClose)}});
  const auto view = RegimeReader(cache_, *store_, config({"AUDUSD", "USDJPY"})).read(kClose);
  EXPECT_EQ(view.fx.size(), 1u);
  std::vector<std::string> fx_findings;
  for (const auto& r : regime_journal())
    if (r.entry.subject.starts_with("fx")) fx_findings.push_back(r.entry.subject);
  EXPECT_THAT(fx_findings, ElementsAre("fx:AUDUSD"));
}

TEST_F(RegimePublishTest, LostCacheFallsBackToTheStoresFreshHistory) {
  RegimePublisher(cache_, *store_).publish_macro(macro_reading(kClose));
  RegimePublisher(cache_, *store_).publish_fx({{"USDJPY", fx_reading("carry", kClose)}});
  cache::MemoryCache restarted(clock_);  // the cache process restarted empty
  restarted.set(cache::keys::correlation_regime(), "{not json");
  const auto view = RegimeReader(restarted, *store_, config({"USDJPY"})).read(kClose + 3h);
  EXPECT_EQ(view.macro, macro_reading(kClose));
  EXPECT_EQ(view.fx.at("USDJPY"), fx_reading("carry", kClose));
  ASSERT_EQ(regime_journal().size(), 2u);  // correlation (unreadable) and crypto: missing
  EXPECT_EQ(regime_journal()[0].entry.subject, "correlation");
}

TEST_F(RegimePublishTest, AReadingFromAfterNowIsNotUsed) {
  RegimePublisher(cache_, *store_).publish_macro(macro_reading(kClose));
  const auto view = RegimeReader(cache_, *store_, config()).read(kClose - 1h);
  EXPECT_FALSE(view.macro.has_value());
  EXPECT_EQ(regime_journal().at(0).entry.reason_code, "regime_stale");
}

TEST_F(RegimePublishTest, RefusesANonPositiveAge) {
  auto c = config();
  c.max_age = 0us;
  EXPECT_THROW(RegimeReader(cache_, *store_, c), std::invalid_argument);
}

}  // namespace
}  // namespace dorado::regime
