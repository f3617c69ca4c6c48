// dorado candidates / select / approve / reject, in-process on a fresh
// configuration folder whose store holds a scan's candidates (written through
// the scan's own store port, as `dorado scan` does).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_fixture.hpp"
#include "dorado/cli/workspace.hpp"

namespace fs = std::filesystem;

namespace {

using namespace std::chrono;
using dorado::Timestamp;
using ::testing::HasSubstr;
using ::testing::Not;

class ApprovalCommands : public dorado::cli_test::ConfigFolderTest {
 protected:
  ApprovalCommands() : ConfigFolderTest("dorado-approval-", Start::initialised) {}

  dorado::cli::Workspace workspace() {
    auto ws = dorado::cli::open_workspace(folder_, std::cerr);
    EXPECT_TRUE(ws.has_value());
    return std::move(*ws);
  }

  // A scan selected three candidates (ranks 1..3) and sent one to paper. The
  // command reads the wall clock, so the scan is placed relative to it.
  void store_scan(Timestamp created_at) {
    ASSERT_EQ(in_folder({"db", "migrate"}).exit_code, 0);
    auto ws = workspace();
    std::vector<dorado::ports::CandidateRecord> rows;
    const char* bots[] = {"spy-ic-01", "usdjpy-fxm-01", "btc-cm-01", "spy-ic-01"};
    const char* symbols[] = {"SPY", "USDJPY", "BTC", "SPY"};
    for (int i = 0; i < 4; ++i) {
      dorado::ports::CandidateRecord c;
      c.scan_id = "scan-test";
      c.scan_date = year_month_day{floor<days>(created_at)};
      c.bot_id = bots[i];
      c.symbol = symbols[i];
      c.strategy = i == 0 || i == 3 ? "iron_condor" : "momentum";
      c.rank = i + 1;
      c.score = 0.9 - 0.1 * i;
      c.status = i < 3 ? "selected" : "paper";
      c.created_at = created_at;
      rows.push_back(c);
    }
    ids_.clear();
    for (const auto& c : ws.store->record_scan_candidates("scan-test", rows)) ids_.push_back(c.id);
  }

  static Timestamp now() { return floor<microseconds>(system_clock::now()); }

  std::vector<std::int64_t> ids_;
};

TEST_F(ApprovalCommands, CandidatesListsTheScansSelectionByItsNumbers) {
  store_scan(now() - 1h);
  const auto list = in_folder({"candidates"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("Latest scan scan-test: 3 selected for approval"));
  EXPECT_THAT(list.out, HasSubstr("  1  spy-ic-01"));
  EXPECT_THAT(list.out, HasSubstr("  2  usdjpy-fxm-01"));
  EXPECT_THAT(list.out, HasSubstr("  3  btc-cm-01"));
  EXPECT_THAT(list.out, Not(HasSubstr("  4  "))) << "paper candidates are not asked about";
  EXPECT_THAT(list.out, HasSubstr("pending until"));
  EXPECT_THAT(list.out, HasSubstr("3 pending."));
}

TEST_F(ApprovalCommands, CandidatesBeforeAnyScan) {
  ASSERT_EQ(in_folder({"db", "migrate"}).exit_code, 0);
  const auto list = in_folder({"candidates"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_THAT(list.out, HasSubstr("No scan yet"));
  EXPECT_EQ(in_folder({"select", "1"}).exit_code, 1);
}

TEST_F(ApprovalCommands, SelectApprovesWithTagsAndLeavesThemAwaitingExecution) {
  store_scan(now() - 1h);
  const auto select =
      in_folder({"select", "1", "3", "--tag", "conviction=high", "--tag", "3=setup=textbook"});
  ASSERT_EQ(select.exit_code, 0) << select.out << select.err;
  EXPECT_THAT(select.out, HasSubstr("#1 spy-ic-01 SPY iron_condor: approved [conviction=high]"));
  EXPECT_THAT(select.out,
              HasSubstr("#3 btc-cm-01 BTC momentum: approved [conviction=high, setup=textbook]"));
  EXPECT_THAT(select.out, HasSubstr("no order was sent"));

  auto ws = workspace();
  const auto approval = ws.store->approval_for(ids_[0]);
  ASSERT_TRUE(approval.has_value());
  EXPECT_EQ(approval->draft.actor, "cli:" + ws.configuration.settings.user_id);
  EXPECT_EQ(approval->draft.channel, dorado::ports::ApprovalChannel::Terminal);
  EXPECT_THAT(approval->draft.tags, testing::ElementsAre("conviction=high"));
  EXPECT_THAT(ws.store->approval_for(ids_[2])->draft.tags,
              testing::ElementsAre("conviction=high", "setup=textbook"));
  EXPECT_FALSE(ws.store->approval_for(ids_[1]).has_value());
  EXPECT_EQ(ws.store->latest_bot_transition("spy-ic-01")->transition.to,
            dorado::BotState::AwaitingApproval);

  const auto list = in_folder({"candidates"});
  EXPECT_THAT(list.out, HasSubstr("approved by cli:"));
  EXPECT_THAT(list.out, HasSubstr("awaiting execution"));
  EXPECT_THAT(list.out, HasSubstr("1 pending."));

  const auto again = in_folder({"approve", "1"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.out, HasSubstr("refused (not_awaiting_approval)"));
  EXPECT_THAT(again.out, HasSubstr("already approved"));
  EXPECT_TRUE(ws.store->verify_audit_chain().intact());
}

TEST_F(ApprovalCommands, RejectRecordsTheReasonAndFreesTheBot) {
  store_scan(now() - 1h);
  const auto reject = in_folder({"reject", "2", "--reason", "BoJ meeting tomorrow"});
  ASSERT_EQ(reject.exit_code, 0) << reject.out << reject.err;
  EXPECT_THAT(reject.out, HasSubstr("#2 usdjpy-fxm-01 USDJPY momentum: rejected"));
  auto ws = workspace();
  const auto decision = ws.store->approval_for(ids_[1]);
  ASSERT_TRUE(decision.has_value());
  EXPECT_EQ(decision->draft.decision, dorado::ports::ApprovalDecision::Rejected);
  EXPECT_EQ(decision->draft.reason, "BoJ meeting tomorrow");
  EXPECT_EQ(ws.store->latest_bot_transition("usdjpy-fxm-01")->transition.to,
            dorado::BotState::Idle);
  EXPECT_THAT(in_folder({"candidates"}).out, HasSubstr("rejected: by cli:"));
  EXPECT_EQ(in_folder({"select", "2"}).exit_code, 1) << "a rejected candidate stays rejected";
}

TEST_F(ApprovalCommands, AnExpiredWindowIsRefusedAndShownClosed) {
  store_scan(now() - 5h);
  EXPECT_THAT(in_folder({"candidates"}).out, HasSubstr("closed: window closed"));
  const auto select = in_folder({"select", "1"});
  EXPECT_EQ(select.exit_code, 1);
  EXPECT_THAT(select.out, HasSubstr("refused (approval_timeout)"));
  EXPECT_FALSE(workspace().store->approval_for(ids_[0]).has_value());
}

TEST_F(ApprovalCommands, UnknownNumbersAndBadTagsChangeNothing) {
  store_scan(now() - 1h);
  const auto unknown = in_folder({"select", "1", "9"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err,
              HasSubstr("no candidate numbered 9 in scan scan-test (numbers: 1, 2, 3)"));
  const auto paper = in_folder({"select", "4"});
  EXPECT_EQ(paper.exit_code, 1) << "number 4 went to paper, not to approval";
  const auto stray = in_folder({"select", "1", "--tag", "2=conviction=low"});
  EXPECT_EQ(stray.exit_code, 1);
  EXPECT_THAT(stray.err, HasSubstr("names candidate 2, which is not among those answered"));
  const auto spaced = in_folder({"select", "1", "--tag", "two words"});
  EXPECT_EQ(spaced.exit_code, 1);
  EXPECT_THAT(spaced.err, HasSubstr("is not a tag"));
  auto ws = workspace();
  EXPECT_FALSE(ws.store->approval_for(ids_[0]).has_value());
  EXPECT_FALSE(ws.store->latest_bot_transition("spy-ic-01").has_value());
}

TEST_F(ApprovalCommands, AnUnmigratedStoreIsNamed) {
  const auto list = in_folder({"candidates"});
  EXPECT_EQ(list.exit_code, 1);
  EXPECT_THAT(list.err, HasSubstr("run `dorado db migrate` first"));
}

}  // namespace
