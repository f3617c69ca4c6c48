// Validation never stops at the first problem: one run lists them all,
// across files, in file/line/column order.
#include <gtest/gtest.h>

#include "config/config_folder.hpp"
#include "dorado/config/loader.hpp"

namespace dorado::config {
namespace {

using testing::ScratchFolder;

TEST(AllProblemsAtOnce, ReportsEveryFileInOneRun) {
  ScratchFolder folder;
  folder.append("bots/spy-ic-01.yaml", "risk_pctt: 2\n");
  folder.replace("bots/btc-cm-01.yaml", "venue: hyperliquid", "venue: ibkr");
  folder.replace("strategies/iron_condor.yaml", "short_put: {delta: -0.16}",
                 "short_put: {delta: 0.16}");
  folder.replace("strategies/iron_condor.yaml", "code_hook: null", "code_hook: x.py");
  folder.replace("risk_policy.yaml", "timeout: 4h", "timeout: 4 hours");
  folder.replace("scoring_weights.yaml", "data_quality: 0.15 ", "data_quality: 0.25 ");
  folder.replace("universe.yaml", "      data_symbol: GLD\n", "");
  folder.write("strategies/broken.yaml", "name: [unclosed\n");

  const LoadResult result = load_config_folder(folder.path());
  std::vector<std::string> got;
  for (const auto& d : result.diagnostics) got.push_back(d.to_string());
  EXPECT_EQ(got, (std::vector<std::string>{
                     "bots/btc-cm-01.yaml:8:8: venue 'ibkr' does not trade crypto "
                     "(underlying 'BTC')",
                     "bots/spy-ic-01.yaml:15:1: unknown key 'risk_pctt' (did you mean "
                     "'risk_pct'?)",
                     "risk_policy.yaml:47:12: timeout: expected a duration such as 30m, 4h or "
                     "2d, got '4 hours'",
                     "scoring_weights.yaml:6:1: weights must sum to 1, got 1.1",
                     "strategies/broken.yaml:2:1: YAML syntax error: end of sequence flow not "
                     "found",
                     "strategies/iron_condor.yaml:24:22: short_put is a put: its delta must be "
                     "negative, got 0.16",
                     "strategies/iron_condor.yaml:80:12: code_hook is not supported yet",
                     "universe.yaml:31:7: missing required key 'data_symbol'",
                 }));
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.content_hash.size(), 64u);
}

TEST(AllProblemsAtOnce, MissingFolder) {
  const LoadResult result = load_config_folder("/nonexistent/dorado-config");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].to_string(),
            "/nonexistent/dorado-config: configuration folder not found");
  EXPECT_FALSE(result.ok());
}

TEST(AllProblemsAtOnce, EmptyFolderNamesEveryRequiredFile) {
  const auto dir = std::filesystem::temp_directory_path() / "dorado-config-empty-test";
  std::filesystem::create_directories(dir);
  const LoadResult result = load_config_folder(dir);
  std::vector<std::string> got;
  for (const auto& d : result.diagnostics) got.push_back(d.to_string());
  EXPECT_EQ(got, (std::vector<std::string>{"risk_policy.yaml: missing file",
                                           "scoring_weights.yaml: missing file",
                                           "universe.yaml: missing file"}));
  std::filesystem::remove_all(dir);
}

TEST(AllProblemsAtOnce, SettingsAreOptionalAndDefaulted) {
  ScratchFolder folder;
  folder.remove("dorado.yaml");
  const LoadResult result = load_config_folder(folder.path());
  ASSERT_TRUE(result.ok());
  const Settings& s = result.configuration->settings;
  const auto base = std::filesystem::absolute(folder.path()).lexically_normal();
  EXPECT_EQ(s.user_id, "default");
  EXPECT_EQ(s.data_dir, base / "data");
  EXPECT_EQ(s.store_url, "sqlite://" + (base / "data" / "dorado.db").string());
  EXPECT_EQ(s.cache_url, "memory://");
}

TEST(AllProblemsAtOnce, PostgresAndRedisUrlsAreKeptAsWritten) {
  ScratchFolder folder;
  folder.replace("dorado.yaml", "url: sqlite://data/dorado.db",
                 "url: postgres://dorado@127.0.0.1:5432/dorado");
  folder.replace("dorado.yaml", "url: memory://", "url: redis://127.0.0.1:6379");
  const LoadResult result = load_config_folder(folder.path());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.configuration->settings.store_url, "postgres://dorado@127.0.0.1:5432/dorado");
  EXPECT_EQ(result.configuration->settings.cache_url, "redis://127.0.0.1:6379");
}

TEST(AllProblemsAtOnce, EditorBackupsAndOtherFilesAreIgnored) {
  ScratchFolder folder;
  folder.write("bots/.spy-ic-01.yaml.swp", "garbage: [");
  folder.write("bots/README.txt", "not yaml: [");
  const LoadResult result = load_config_folder(folder.path());
  EXPECT_TRUE(result.ok());
}

}  // namespace
}  // namespace dorado::config
