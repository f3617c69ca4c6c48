// The journal of findings and decisions on SQLite and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "store_backends.hpp"

namespace dorado::store::testing {
namespace {

using namespace std::chrono;
using ports::JournalEntry;
using ports::JournalQuery;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const Timestamp kAt = sys_days{2024y / April / 2} + 21h + 5min;

JournalEntry finding(std::string subject, std::string code, std::string detail = "{}") {
  return {kAt,         "data", std::move(subject), std::move(code), "a sentence", std::move(detail),
          std::nullopt};
}

template <typename Backend>
class StoreJournalTest : public StoreTest<Backend> {
 protected:
  void SetUp() override {
    StoreTest<Backend>::SetUp();
    if (this->store_) this->store_->migrate(kAt);
  }
};
TYPED_TEST_SUITE(StoreJournalTest, Backends, BackendNames);

TYPED_TEST(StoreJournalTest, AppendsAndReadsBackInOrderWithCanonicalDetail) {
  auto& s = *this->store_;
  JournalEntry gap = finding("SPY", "data_gap", R"({"missing": ["2024-03-04"], "count": 1})");
  gap.config_hash = "ab12";
  const auto first = s.append_journal(gap);
  const auto second = s.append_journal(finding("DGS10", "stale_series"));
  EXPECT_GT(second.id, first.id);
  EXPECT_EQ(first.entry.detail_json, R"({"count":1,"missing":["2024-03-04"]})");
  const auto all = s.read_journal({});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0], first);
  EXPECT_EQ(all[0].entry.config_hash, "ab12");
  EXPECT_EQ(all[0].entry.at, kAt);
  EXPECT_EQ(all[1], second);
  EXPECT_FALSE(all[1].entry.config_hash.has_value());
}

TYPED_TEST(StoreJournalTest, FiltersByStageSubjectAndPages) {
  auto& s = *this->store_;
  for (int i = 0; i < 5; ++i) s.append_journal(finding(i % 2 ? "SPY" : "GLD", "return_outlier"));
  auto decision = finding("SPY", "iv_rank_too_low");
  decision.stage = "gate";
  s.append_journal(decision);

  const auto spy_data = s.read_journal({"data", "SPY", 0, 100});
  ASSERT_EQ(spy_data.size(), 2u);
  EXPECT_EQ(spy_data[0].entry.subject, "SPY");
  EXPECT_EQ(s.read_journal({"gate", std::nullopt, 0, 100}).size(), 1u);
  EXPECT_EQ(s.read_journal({std::nullopt, "SPY", 0, 100}).size(), 3u);
  const auto page1 = s.read_journal({std::nullopt, std::nullopt, 0, 4});
  ASSERT_EQ(page1.size(), 4u);
  const auto page2 = s.read_journal({std::nullopt, std::nullopt, page1.back().id, 4});
  ASSERT_EQ(page2.size(), 2u);
  EXPECT_EQ(page2.back().entry.reason_code, "iv_rank_too_low");
  EXPECT_THAT(this->open("bob")->read_journal({}), IsEmpty());
}

TYPED_TEST(StoreJournalTest, RefusesIncompleteEntriesAndDetailThatIsNotJson) {
  auto& s = *this->store_;
  EXPECT_THROW(s.append_journal(finding("SPY", "data_gap", "{not json")), std::invalid_argument);
  EXPECT_THROW(s.append_journal(finding("", "data_gap")), std::invalid_argument);
  EXPECT_THROW(s.append_journal(finding("SPY", "")), std::invalid_argument);
  EXPECT_THAT(s.read_journal({}), IsEmpty());
}

TYPED_TEST(StoreJournalTest, JournalIsPartOfTheStoreTransaction) {
  auto& s = *this->store_;
  EXPECT_THROW(s.transaction([](ports::Store& tx) {
    tx.append_journal(finding("SPY", "data_gap"));
    throw std::runtime_error("import failed");
  }),
               std::runtime_error);
  EXPECT_THAT(s.read_journal({}), IsEmpty());
}

}  // namespace
}  // namespace dorado::store::testing
