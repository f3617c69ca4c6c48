// Bot configuration versions: a new version only when the content changed,
// each change in the audit log.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dorado/store/audit_chain.hpp"
#include "store_backends.hpp"

namespace dorado::store::testing {
namespace {

using namespace std::chrono;

const Timestamp kMonday = sys_days{2024y / March / 11} + 12h;

ports::BotConfigDraft draft(std::string body, std::string hash, Timestamp at) {
  return {"spy-ic-01", std::move(body), std::move(hash), "cli:alice", at};
}

template <typename Backend>
class StoreBotConfigTest : public StoreTest<Backend> {
 protected:
  void SetUp() override {
    StoreTest<Backend>::SetUp();
    if (this->store_) this->store_->migrate(kMonday);
  }
};
TYPED_TEST_SUITE(StoreBotConfigTest, Backends, BackendNames);

TYPED_TEST(StoreBotConfigTest, SavesANewVersionOnlyWhenTheContentChanged) {
  EXPECT_FALSE(this->store_->latest_bot_config("spy-ic-01").has_value());

  const auto first = this->store_->save_bot_config(draft("risk: 1\n", "h1", kMonday));
  EXPECT_TRUE(first.changed);
  EXPECT_EQ(first.version.version, 1);

  const auto same = this->store_->save_bot_config(draft("risk: 1\n", "h1", kMonday + 24h));
  EXPECT_FALSE(same.changed);
  EXPECT_EQ(same.version.version, 1);
  EXPECT_EQ(same.version.created_at, kMonday);

  const auto second = this->store_->save_bot_config(draft("risk: 2\n", "h2", kMonday + 48h));
  EXPECT_TRUE(second.changed);
  EXPECT_EQ(second.version.version, 2);

  const auto latest = this->store_->latest_bot_config("spy-ic-01");
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->version, 2);
  EXPECT_EQ(latest->body, "risk: 2\n");
  EXPECT_EQ(latest->config_hash, "h2");
  EXPECT_EQ(latest->created_at, kMonday + 48h);

  const auto history = this->store_->bot_config_history("spy-ic-01");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].config_hash, "h1");
  EXPECT_EQ(history[1].config_hash, "h2");
  // Going back to an earlier body is a change too.
  EXPECT_EQ(this->store_->save_bot_config(draft("risk: 1\n", "h1", kMonday + 72h)).version.version,
            3);
}

TYPED_TEST(StoreBotConfigTest, EachChangeIsAudited) {
  this->store_->save_bot_config(draft("a", "h1", kMonday));
  this->store_->save_bot_config(draft("a", "h1", kMonday + 1h));
  this->store_->save_bot_config(draft("b", "h2", kMonday + 2h));
  const auto audit = this->store_->read_audit(0, 10);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].entry.action, "bot_config.saved");
  EXPECT_EQ(audit[0].entry.actor, "cli:alice");
  EXPECT_EQ(audit[0].entry.entity_id, "spy-ic-01");
  EXPECT_EQ(audit[0].entry.detail_json,
            R"({"config_hash":"h1","previous_config_hash":null,"version":1})");
  EXPECT_EQ(audit[1].entry.detail_json,
            R"({"config_hash":"h2","previous_config_hash":"h1","version":2})");
  EXPECT_EQ(audit[1].entry.at, kMonday + 2h);
  EXPECT_TRUE(this->store_->verify_audit_chain().intact());
}

TYPED_TEST(StoreBotConfigTest, BotsAreVersionedIndependently) {
  this->store_->save_bot_config(draft("a", "h1", kMonday));
  auto other = draft("x", "h9", kMonday);
  other.bot_id = "eurusd-mom-01";
  EXPECT_EQ(this->store_->save_bot_config(other).version.version, 1);
  EXPECT_EQ(this->store_->bot_config_history("spy-ic-01").size(), 1u);
}

}  // namespace
}  // namespace dorado::store::testing
