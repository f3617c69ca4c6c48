// The command-line contract of the foundation, run in-process through
// dorado::cli::run on a temporary configuration folder.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.hpp"
#include "dorado/cli/embedded_config.hpp"

namespace fs = std::filesystem;

namespace {

using dorado::cli_test::Outcome;
using dorado::cli_test::run_dorado;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class Cli : public dorado::cli_test::ConfigFolderTest {
 protected:
  Cli() : ConfigFolderTest("dorado-cli-", Start::empty) {}
};

TEST(EmbeddedConfig, IsTheShippedFolderByteForByte) {
  const fs::path shipped = fs::path(DORADO_SOURCE_DIR) / "config";
  std::size_t on_disk = 0;
  for (const auto& entry : fs::recursive_directory_iterator(shipped))
    if (entry.is_regular_file()) ++on_disk;
  const auto& files = dorado::cli::embedded_config_files();
  ASSERT_EQ(files.size(), on_disk);
  for (const auto& f : files) EXPECT_EQ(f.contents, read_file(shipped / f.path)) << f.path;
}

TEST_F(Cli, InitWritesTheFolderAndRefusesToOverwrite) {
  auto first = run_dorado({"init", folder_.string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(fs::exists(folder_ / "universe.yaml"));
  EXPECT_TRUE(fs::exists(folder_ / "bots/spy-ic-01.yaml"));

  std::ofstream(folder_ / "universe.yaml", std::ios::app) << "# my edit\n";
  auto second = run_dorado({"init", folder_.string()});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find("universe.yaml"), std::string::npos);
  EXPECT_NE(read_file(folder_ / "universe.yaml").find("# my edit"), std::string::npos);

  auto forced = run_dorado({"init", folder_.string(), "--force"});
  EXPECT_EQ(forced.exit_code, 0);
  EXPECT_EQ(read_file(folder_ / "universe.yaml").find("# my edit"), std::string::npos);
}

TEST_F(Cli, ValidateAcceptsTheInitConfigAndPrintsItsHash) {
  ASSERT_EQ(run_dorado({"init", folder_.string()}).exit_code, 0);
  auto v = in_folder({"validate"});
  EXPECT_EQ(v.exit_code, 0) << v.out;
  EXPECT_NE(v.out.find("calico-core"), std::string::npos);
  EXPECT_NE(v.out.find("spy-ic-01"), std::string::npos);
  EXPECT_NE(v.out.find("hash"), std::string::npos);
}

TEST_F(Cli, ValidateReportsEveryProblemWithItsPosition) {
  ASSERT_EQ(run_dorado({"init", folder_.string()}).exit_code, 0);
  std::ofstream(folder_ / "bots/spy-ic-01.yaml", std::ios::app) << "risk_pctt: 2\n";
  std::ofstream(folder_ / "scoring_weights.yaml", std::ios::app) << "bogus: 1\n";
  auto v = in_folder({"validate"});
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_NE(v.out.find("bots/spy-ic-01.yaml:"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("unknown key 'risk_pctt' (did you mean 'risk_pct'?)"), std::string::npos)
      << v.out;
  EXPECT_NE(v.out.find("scoring_weights.yaml:"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("2 problem(s)"), std::string::npos) << v.out;
}

TEST_F(Cli, CommandsNeedingTheStoreRefuseAnInvalidConfiguration) {
  ASSERT_EQ(run_dorado({"init", folder_.string()}).exit_code, 0);
  std::ofstream(folder_ / "risk_policy.yaml", std::ios::app) << "oops: [\n";
  auto m = in_folder({"db", "migrate"});
  EXPECT_EQ(m.exit_code, 1);
  EXPECT_NE(m.err.find("risk_policy.yaml:"), std::string::npos) << m.err;
  EXPECT_FALSE(fs::exists(folder_ / "data/dorado.db"));
}

TEST_F(Cli, MigrateStatusAndAuditVerify) {
  ASSERT_EQ(run_dorado({"init", folder_.string()}).exit_code, 0);
  auto status_before = in_folder({"db", "status"});
  EXPECT_EQ(status_before.exit_code, 1) << "an unmigrated store is reported as not up to date";

  auto m = in_folder({"db", "migrate"});
  ASSERT_EQ(m.exit_code, 0) << m.err;
  EXPECT_NE(m.out.find("3 of 3 recorded as new versions"), std::string::npos) << m.out;
  auto again = in_folder({"db", "migrate"});
  EXPECT_NE(again.out.find("up to date"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("0 of 3 recorded"), std::string::npos) << again.out;

  auto s = in_folder({"db", "status"});
  EXPECT_EQ(s.exit_code, 0);
  EXPECT_NE(s.out.find("audit_log"), std::string::npos);

  auto a = in_folder({"audit", "verify"});
  EXPECT_EQ(a.exit_code, 0) << a.out;
  EXPECT_NE(a.out.find("Audit chain intact: 4 records"), std::string::npos) << a.out;
}

TEST_F(Cli, AuditVerifyNamesAnEditedRecord) {
  ASSERT_EQ(run_dorado({"init", folder_.string()}).exit_code, 0);
  ASSERT_EQ(in_folder({"db", "migrate"}).exit_code, 0);

  // An attacker with access to the database file edits record 2.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((folder_ / "data/dorado.db").c_str(), &db), SQLITE_OK);
  for (const char* sql : {"DROP TRIGGER IF EXISTS audit_log_no_update",
                          "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2"}) {
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, &error), SQLITE_OK) << error;
  }
  sqlite3_close(db);

  auto a = in_folder({"audit", "verify"});
  EXPECT_EQ(a.exit_code, 1);
  EXPECT_NE(a.out.find("BROKEN at seq 2: edited"), std::string::npos) << a.out;
}

TEST_F(Cli, PlannedCommandsNameTheirIssue) {
  auto help = run_dorado({"--help"});
  for (const char* command : {"init", "validate", "data", "regime", "scan", "select", "replay",
                              "demo", "serve", "audit", "db"})
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
  auto serve = run_dorado({"serve"});
  EXPECT_EQ(serve.exit_code, 2);
  EXPECT_NE(serve.err.find("issue 7"), std::string::npos) << serve.err;
}

TEST_F(Cli, ScanRightAfterInitPrintsTheScreenAndTheSameJsonTwice) {
  ASSERT_EQ(run_dorado({"init", folder_.string()}).exit_code, 0);
  const auto screen = in_folder({"scan"});
  ASSERT_EQ(screen.exit_code, 0) << screen.err;
  EXPECT_NE(screen.out.find("Daily scan 2024-12-31"), std::string::npos) << screen.out;
  EXPECT_NE(screen.out.find("SPY     iron_condor"), std::string::npos) << screen.out;
  EXPECT_NE(screen.out.find("Skipped underlyings"), std::string::npos);
  EXPECT_NE(screen.out.find("portfolio budget:"), std::string::npos);
  EXPECT_NE(screen.out.find("Correlation regime:"), std::string::npos);
  EXPECT_NE(screen.err.find("scan: stored scan"), std::string::npos) << screen.err;

  const auto a = in_folder({"scan", "--json"});
  const auto b = in_folder({"scan", "--json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  for (const char* key : {"\"candidates\"", "\"skipped\"", "\"portfolio_budget\"",
                          "\"underlyings\"", "\"correlation_regime\""})
    EXPECT_NE(a.out.find(key), std::string::npos) << key;
}

TEST_F(Cli, ScanRefusesADateItCannotRead) {
  ASSERT_EQ(run_dorado({"init", folder_.string()}).exit_code, 0);
  const auto garbled = in_folder({"scan", "--as-of", "31/12/2024"});
  EXPECT_EQ(garbled.exit_code, 1);
  EXPECT_NE(garbled.err.find("is not a date"), std::string::npos) << garbled.err;
  const auto outside = in_folder({"scan", "--as-of", "2004-06-01"});
  EXPECT_EQ(outside.exit_code, 1);
  EXPECT_NE(outside.err.find("synthetic market covers"), std::string::npos) << outside.err;
  const auto earlier = in_folder({"scan", "--as-of", "2024-07-15"});
  EXPECT_EQ(earlier.exit_code, 0) << earlier.err;
  EXPECT_NE(earlier.out.find("Daily scan 2024-07-15"), std::string::npos);
}

}  // namespace
