// Trained regime models and the regime history on SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "store_backends.hpp"

namespace dorado::store::testing {
namespace {

using namespace std::chrono;
using ports::RegimeHistoryEntry;
using ports::RegimeModelRecord;
using ::testing::IsEmpty;

const Timestamp kAt = sys_days{2024y / April / 2} + 21h + 5min;

RegimeModelRecord fx_model(std::string version, Timestamp saved_at) {
  RegimeModelRecord r;
  r.model = "fx";
  r.version = std::move(version);
  r.trained_from = 2005y / January / 3;
  r.trained_to = 2016y / December / 30;
  r.metrics_json = R"({"accuracy": 0.41, "confusion": [[3, 1], [0, 2]]})";
  r.body = R"({"format":"dorado.fx_regime_model","booster":{"learner":{}}})";
  r.saved_at = saved_at;
  return r;
}

RegimeHistoryEntry reading(std::string model, std::string subject, Timestamp as_of,
                           std::string label) {
  RegimeHistoryEntry e;
  e.subject = std::move(subject);
  e.regime.model = std::move(model);
  e.regime.label = std::move(label);
  e.regime.confidence = 0.1 + 0.2;  // not exactly representable: checks the round trip
  e.regime.probabilities = {{"carry", 0.1 + 0.2}, {"momentum", 0.7 - 1e-17}};
  e.regime.as_of = as_of;
  e.regime.model_version = "fx-xgb/2005-01-03..2016-12-30";
  return e;
}

template <typename Backend>
class StoreRegimeTest : public StoreTest<Backend> {
 protected:
  void SetUp() override {
    StoreTest<Backend>::SetUp();
    if (this->store_) this->store_->migrate(kAt);
  }
};
TYPED_TEST_SUITE(StoreRegimeTest, Backends, BackendNames);

TYPED_TEST(StoreRegimeTest, SavesAndReloadsModelsWithCanonicalMetrics) {
  auto& s = *this->store_;
  EXPECT_FALSE(s.latest_regime_model("fx").has_value());
  s.save_regime_model(fx_model("v1", kAt));
  s.save_regime_model(fx_model("v2", kAt + 24h));
  const auto latest = s.latest_regime_model("fx");
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->version, "v2");
  EXPECT_EQ(latest->saved_at, kAt + 24h);
  EXPECT_EQ(latest->trained_from, 2005y / January / 3);
  EXPECT_EQ(latest->trained_to, 2016y / December / 30);
  EXPECT_EQ(latest->metrics_json, R"({"accuracy":0.41,"confusion":[[3,1],[0,2]]})");
  EXPECT_EQ(latest->body, fx_model("v2", kAt).body);  // the body is opaque: byte for byte
  const auto v1 = s.find_regime_model("fx", "v1");
  ASSERT_TRUE(v1.has_value());
  EXPECT_EQ(v1->saved_at, kAt);
  EXPECT_FALSE(s.find_regime_model("fx", "v3").has_value());
  EXPECT_FALSE(s.latest_regime_model("crypto").has_value());
  EXPECT_FALSE(this->open("bob")->latest_regime_model("fx").has_value());
}

TYPED_TEST(StoreRegimeTest, SavingTheSameVersionReplacesIt) {
  auto& s = *this->store_;
  s.save_regime_model(fx_model("v1", kAt));
  auto retrained = fx_model("v1", kAt + 1h);
  retrained.body = R"({"format":"dorado.fx_regime_model","booster":{"retrained":true}})";
  s.save_regime_model(retrained);
  const auto latest = s.latest_regime_model("fx");
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->body, retrained.body);
  EXPECT_EQ(this->sql().query("SELECT count(*) FROM regime_models").at(0).integer(0), 1);
}

TYPED_TEST(StoreRegimeTest, RefusesIncompleteModels) {
  auto& s = *this->store_;
  auto no_body = fx_model("v1", kAt);
  no_body.body.clear();
  EXPECT_THROW(s.save_regime_model(no_body), std::invalid_argument);
  auto reversed = fx_model("v1", kAt);
  std::swap(reversed.trained_from, reversed.trained_to);
  EXPECT_THROW(s.save_regime_model(reversed), std::invalid_argument);
  auto bad_metrics = fx_model("v1", kAt);
  bad_metrics.metrics_json = "{accuracy";
  EXPECT_THROW(s.save_regime_model(bad_metrics), std::invalid_argument);
  EXPECT_FALSE(s.latest_regime_model("fx").has_value());
}

TYPED_TEST(StoreRegimeTest, AppendsAndReadsHistoryPerModelAndSubject) {
  auto& s = *this->store_;
  s.append_regime_history(reading("fx", "USDJPY", kAt + 24h, "momentum"));
  s.append_regime_history(reading("fx", "AUDUSD", kAt, "carry"));
  s.append_regime_history(reading("fx", "USDJPY", kAt, "carry"));
  auto macro = reading("macro", "", kAt, "risk_off");
  macro.regime.probabilities.clear();
  s.append_regime_history(macro);

  const auto fx = s.read_regime_history({"fx", std::nullopt, kAt, kAt + 24h});
  ASSERT_EQ(fx.size(), 3u);
  EXPECT_EQ(fx[0].subject, "AUDUSD");  // as_of, then subject
  EXPECT_EQ(fx[1].subject, "USDJPY");
  EXPECT_EQ(fx[2], reading("fx", "USDJPY", kAt + 24h, "momentum"));  // doubles exactly
  const auto usdjpy = s.read_regime_history({"fx", "USDJPY", kAt, kAt});
  ASSERT_EQ(usdjpy.size(), 1u);
  EXPECT_EQ(usdjpy[0].regime.label, "carry");
  const auto macros = s.read_regime_history({"macro", std::nullopt, kAt, kAt});
  ASSERT_EQ(macros.size(), 1u);
  EXPECT_EQ(macros[0], macro);
  EXPECT_THAT(s.read_regime_history({"fx", std::nullopt, kAt + 1h, kAt + 2h}), IsEmpty());
  EXPECT_THAT(this->open("bob")->read_regime_history({"fx", std::nullopt, kAt, kAt + 24h}),
              IsEmpty());
}

TYPED_TEST(StoreRegimeTest, RefusesReadingsThatAreNotProbabilities) {
  auto& s = *this->store_;
  auto over = reading("fx", "USDJPY", kAt, "carry");
  over.regime.confidence = 1.5;
  EXPECT_THROW(s.append_regime_history(over), std::invalid_argument);
  auto nan = reading("fx", "USDJPY", kAt, "carry");
  nan.regime.probabilities["carry"] = std::nan("");
  EXPECT_THROW(s.append_regime_history(nan), std::invalid_argument);
  auto unlabelled = reading("fx", "USDJPY", kAt, "");
  EXPECT_THROW(s.append_regime_history(unlabelled), std::invalid_argument);
  EXPECT_THAT(s.read_regime_history({"fx", std::nullopt, kAt, kAt}), IsEmpty());
}

}  // namespace
}  // namespace dorado::store::testing
