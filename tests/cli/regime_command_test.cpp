// `dorado regime` on a fresh `dorado init` folder: the synthetic market
// (dorado.yaml's default market_data), the embedded SQLite store and the
// in-process cache, run in-process through dorado::cli::run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.hpp"
#include "dorado/data/synthetic/synthetic_market.hpp"
#include "dorado/regime/publish/published_regime_json.hpp"

namespace fs = std::filesystem;

namespace {

using dorado::cli_test::Outcome;

class RegimeCommand : public dorado::cli_test::ConfigFolderTest {
 protected:
  RegimeCommand() : ConfigFolderTest("dorado-regime-", Start::initialised) {}

  // `dorado --config <folder> regime args...`
  Outcome regime(std::vector<std::string> args) const {
    args.insert(args.begin(), "regime");
    return in_folder(std::move(args));
  }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(RegimeCommand, ShowBeforeAnyUpdateSaysWhatToRun) {
  const auto shown = regime({"show"});
  EXPECT_EQ(shown.exit_code, 1);
  EXPECT_TRUE(contains(shown.err, "dorado regime update")) << shown.err;
}

TEST_F(RegimeCommand, BadDatesAreRefusedByName) {
  const auto bad = regime({"update", "--train-to", "2016-13-45"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(contains(bad.err, "--train-to 2016-13-45")) << bad.err;
  const auto early = regime({"update", "--train-to", "2005-06-30"});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_TRUE(contains(early.err, "2005-06-30")) << early.err;
}

TEST_F(RegimeCommand, UpdateTrainedTo2016PublishesEveryLaterDayOutOfSample) {
  const auto updated = regime({"update", "--train-to", "2016-12-31"});
  ASSERT_EQ(updated.exit_code, 0) << updated.err;
  EXPECT_TRUE(contains(updated.out, "(trained): asked for data up to 2016-12-31")) << updated.out;
  EXPECT_TRUE(contains(updated.err, "regime: training the 6-state macro HMM")) << updated.err;
  EXPECT_TRUE(contains(updated.out, "Correlation regime: ")) << updated.out;

  const fs::path svg = folder_ / "timeline.svg";
  const auto listed = regime(
      {"history", "--from", "2017-01-01", "--to", "2024-12-31", "--json", "--plot", svg.string()});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const auto rows = nlohmann::json::parse(listed.out);
  ASSERT_TRUE(rows.is_array());

  // One row per NYSE day of 2017-2024, as the synthetic market's own path counts them.
  const dorado::data::synthetic::SyntheticMarket market;
  std::map<std::string, std::string> truth;
  for (const auto& day : market.regime_path())
    if (day.date >= std::chrono::year{2017} / 1 / 1)
      truth[dorado::to_iso_date(day.date)] = std::string(dorado::name_of(day.regime));
  ASSERT_EQ(rows.size(), truth.size());
  EXPECT_TRUE(contains(updated.out, "published " + std::to_string(truth.size()) + " new"))
      << updated.out;

  std::size_t right = 0;
  for (const auto& row : rows) {
    double sum = 0.0, top = 0.0;
    for (const auto& [label, p] : row["probabilities"].items()) {
      sum += p.get<double>();
      top = std::max(top, p.get<double>());
    }
    EXPECT_NEAR(sum, 1.0, 1e-9);
    EXPECT_EQ(row["confidence"].get<double>(), top);
    EXPECT_EQ(row["probabilities"][row["regime"].get<std::string>()].get<double>(), top);
    right += truth.at(row["date"].get<std::string>()) == row["regime"].get<std::string>() ? 1 : 0;
  }
  // The same out-of-sample run as the acceptance test (84 % named right there).
  EXPECT_GE(static_cast<double>(right) / static_cast<double>(rows.size()), 0.75);

  std::ifstream in(svg);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str().rfind("<svg", 0), 0u);
  std::size_t titles = 0;
  for (auto at = text.str().find("<title>"); at != std::string::npos;
       at = text.str().find("<title>", at + 1))
    ++titles;
  EXPECT_EQ(titles, rows.size());

  // show reloads the stored model and filters to the same last day and regime.
  const auto shown = regime({"show"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const auto& last = rows.back();
  EXPECT_TRUE(contains(shown.out, "Macro regime on " + last["date"].get<std::string>() + ": " +
                                      last["regime"].get<std::string>()))
      << shown.out;
  EXPECT_TRUE(contains(shown.out, "3-day")) << shown.out;
  EXPECT_TRUE(contains(shown.out, "correlation regime: ")) << shown.out;

  // A second plain update retrains on the monthly schedule and publishes no day twice.
  const auto again = regime({"update"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(contains(again.out, "monthly retrain due (model trained to 2016-12-30)"))
      << again.out;
  EXPECT_TRUE(contains(again.out, "published 0 new")) << again.out;
}

TEST_F(RegimeCommand, HistoryTableAndCompare) {
  ASSERT_EQ(regime({"update"}).exit_code, 0);
  const auto table = regime({"history", "--from", "2024-12-01", "--to", "2024-12-31"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(contains(table.out, "2024-12-31")) << table.out;
  EXPECT_TRUE(contains(table.out, "goldilocks")) << table.out;

  const auto compared = regime({"compare", "--train-to", "2012-12-31"});
  ASSERT_EQ(compared.exit_code, 0) << compared.err;
  for (const char* states : {"4", "5", "6"}) EXPECT_TRUE(contains(compared.out, states));
  EXPECT_TRUE(contains(compared.out, "*")) << compared.out;
}

}  // namespace
