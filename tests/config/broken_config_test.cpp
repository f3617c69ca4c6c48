// One edit to the shipped configuration, the exact diagnostics it must give:
// file, line, column and wording. Every case also proves the rest of the
// folder stays silent (the whole diagnostic list is compared).
#include <gtest/gtest.h>

#include "config/config_folder.hpp"
#include "dorado/config/loader.hpp"

namespace dorado::config {
namespace {

using testing::ScratchFolder;

enum class Edit { Replace, Append, Write, Remove };

struct BrokenCase {
  const char* name;
  const char* file;
  Edit edit;
  std::string from;  // Replace: the text to replace
  std::string to;    // Replace: its replacement; Append/Write: the text
  std::vector<std::string> expected;
};

std::ostream& operator<<(std::ostream& out, const BrokenCase& c) {
  return out << c.name;
}

constexpr const char* kBot = "bots/spy-ic-01.yaml";
constexpr const char* kIc = "strategies/iron_condor.yaml";
constexpr const char* kFx = "strategies/fx_momentum.yaml";
constexpr const char* kCrypto = "strategies/crypto_momentum.yaml";
constexpr const char* kPolicy = "risk_policy.yaml";

const std::string kSpyBot =
    "id: spy-ic-01\nname: SPY Iron Condor\nuniverse: calico-core\nunderlying: SPY\n"
    "strategy: iron_condor\nventure: ibkr\nvenue: ibkr\nvenue_mode: paper\nrisk_pct: 1\n";

const std::vector<BrokenCase>& cases() {
  static const std::vector<BrokenCase> all = {
      // ---- bots: keys, types, ranges -------------------------------------------
      {"UnknownKeyAppended",
       kBot,
       Edit::Append,
       "",
       "risk_pctt: 2\n",
       {"bots/spy-ic-01.yaml:15:1: unknown key 'risk_pctt' (did you mean 'risk_pct'?)"}},
      {"UnknownKeyFarFromAny",
       kBot,
       Edit::Append,
       "",
       "colour: blue\n",
       {"bots/spy-ic-01.yaml:15:1: unknown key 'colour' (expected one of: id, name, universe, "
        "underlying, strategy, venue, venue_mode, signal_mode, approval_mode, risk_pct, "
        "max_positions, enabled)"}},
      {"NumberExpected",
       kBot,
       Edit::Replace,
       "risk_pct: 2.0",
       "risk_pct: abc",
       {"bots/spy-ic-01.yaml:12:11: risk_pct: expected a number, got 'abc'"}},
      {"PercentOutOfRange",
       kBot,
       Edit::Replace,
       "risk_pct: 2.0",
       "risk_pct: 150",
       {"bots/spy-ic-01.yaml:12:11: risk_pct must be greater than 0 and at most 100, got 150"}},
      {"MissingRequiredKey",
       kBot,
       Edit::Replace,
       "underlying: SPY\n",
       "",
       {"bots/spy-ic-01.yaml:3:1: missing required key 'underlying'"}},
      {"RequiredKeyWithoutValue",
       kBot,
       Edit::Replace,
       "underlying: SPY",
       "underlying:",
       {"bots/spy-ic-01.yaml:6:1: missing value for required key 'underlying'"}},
      {"MisspelledVenueMode",
       kBot,
       Edit::Replace,
       "venue_mode: paper",
       "venue_mode: papr",
       {"bots/spy-ic-01.yaml:9:13: invalid venue_mode 'papr' (did you mean 'paper'?)"}},
      {"WholeNumberExpected",
       kBot,
       Edit::Replace,
       "max_positions: 2",
       "max_positions: 2.5",
       {"bots/spy-ic-01.yaml:13:16: max_positions: expected a whole number, got '2.5'"}},
      {"BooleanExpected",
       kBot,
       Edit::Replace,
       "enabled: true",
       "enabled: maybe",
       {"bots/spy-ic-01.yaml:14:10: enabled: expected true or false, got 'maybe'"}},
      {"ScalarExpectedGotList",
       kBot,
       Edit::Replace,
       "name: SPY Iron Condor",
       "name: [a, b]",
       {"bots/spy-ic-01.yaml:4:7: name: expected a string, got a list"}},
      {"DuplicateKey",
       kBot,
       Edit::Append,
       "",
       "venue: ibkr\n",
       {"bots/spy-ic-01.yaml:15:1: duplicate key 'venue' (first on line 8)"}},
      {"BotIdNotASlug",
       kBot,
       Edit::Replace,
       "id: spy-ic-01",
       "id: SPY IC",
       {"bots/spy-ic-01.yaml:3:5: bot id 'SPY IC' may use only a-z, 0-9, '-' and '_'"}},
      {"YamlSyntaxError",
       kBot,
       Edit::Replace,
       "risk_pct: 2.0",
       "risk_pct: [2.0",
       {"bots/spy-ic-01.yaml:13:1: YAML syntax error: end of sequence flow not found"}},
      {"TopLevelList",
       "bots/extra.yaml",
       Edit::Write,
       "",
       "- id: x\n- id: y\n",
       {"bots/extra.yaml:1:1: expected a mapping of keys at the top of the file, got a list"}},
      {"EmptyBotFile",
       "bots/extra.yaml",
       Edit::Write,
       "",
       "# nothing yet\n",
       {"bots/extra.yaml:1:1: the file is empty; expected a mapping"}},
      {"SeveralProblemsInOneFile",
       "bots/tlt-ic-01.yaml",
       Edit::Write,
       "",
       kSpyBot + "max_positions: 0\n",
       {"bots/tlt-ic-01.yaml:1:5: duplicate bot id 'spy-ic-01' (also in bots/spy-ic-01.yaml)",
        "bots/tlt-ic-01.yaml:6:1: unknown key 'venture' (did you mean 'venue'?)",
        "bots/tlt-ic-01.yaml:10:16: max_positions must be at least 1, got 0"}},

      // ---- bots: cross-file ---------------------------------------------------------
      {"UnderlyingNotInUniverse",
       kBot,
       Edit::Replace,
       "underlying: SPY",
       "underlying: QQQ",
       {"bots/spy-ic-01.yaml:6:13: underlying 'QQQ' is not in universe 'calico-core' (expected "
        "one of: SPY, TLT, GLD, USDJPY, AUDUSD, BTC, ETH)"}},
      {"UnderlyingTypo",
       kBot,
       Edit::Replace,
       "underlying: SPY",
       "underlying: SPX",
       {"bots/spy-ic-01.yaml:6:13: underlying 'SPX' is not in universe 'calico-core' (did you "
        "mean 'SPY'?)"}},
      {"UnknownStrategyTemplate",
       kBot,
       Edit::Replace,
       "strategy: iron_condor",
       "strategy: iron_condr",
       {"bots/spy-ic-01.yaml:7:11: unknown strategy template 'iron_condr' (did you mean "
        "'iron_condor'?)"}},
      {"TemplateClassMismatch",
       kBot,
       Edit::Replace,
       "underlying: SPY",
       "underlying: USDJPY",
       {"bots/spy-ic-01.yaml:7:11: strategy template 'iron_condor' is for equity_options, but "
        "underlying 'USDJPY' is fx"}},
      {"VenueDoesNotTradeClass",
       kBot,
       Edit::Replace,
       "venue: ibkr",
       "venue: oanda",
       {"bots/spy-ic-01.yaml:8:8: venue 'oanda' does not trade equity_options (underlying "
        "'SPY')"}},
      {"UnknownUniverse",
       kBot,
       Edit::Replace,
       "universe: calico-core",
       "universe: calico",
       {"bots/spy-ic-01.yaml:5:11: unknown universe 'calico' (expected one of: calico-core)"}},
      {"DuplicateBotId",
       "bots/spy-ic-02.yaml",
       Edit::Write,
       "",
       "id: spy-ic-01\nuniverse: calico-core\nunderlying: GLD\nstrategy: iron_condor\n"
       "venue: ibkr\nvenue_mode: paper\nrisk_pct: 1\n",
       {"bots/spy-ic-02.yaml:1:5: duplicate bot id 'spy-ic-01' (also in bots/spy-ic-01.yaml)"}},
      {"RiskAbovePolicy",
       kBot,
       Edit::Replace,
       "risk_pct: 2.0",
       "risk_pct: 3",
       {"bots/spy-ic-01.yaml:12:11: risk_pct (3) exceeds the risk policy's "
        "max_loss_per_trade_pct (2)"}},

      // ---- iron condor template ------------------------------------------------------
      {"PutDeltaPositive",
       kIc,
       Edit::Replace,
       "short_put: {delta: -0.16}",
       "short_put: {delta: 0.16}",
       {"strategies/iron_condor.yaml:24:22: short_put is a put: its delta must be negative, got "
        "0.16"}},
      {"CallDeltaNegative",
       kIc,
       Edit::Replace,
       "short_call: {delta: 0.16}",
       "short_call: {delta: -0.16}",
       {"strategies/iron_condor.yaml:26:23: short_call is a call: its delta must be positive, "
        "got -0.16"}},
      {"DeltaOutOfRange",
       kIc,
       Edit::Replace,
       "short_put: {delta: -0.16}",
       "short_put: {delta: -1.6}",
       {"strategies/iron_condor.yaml:24:22: delta must be between -1 and 1, got -1.6"}},
      {"DteRangeReversed",
       kIc,
       Edit::Replace,
       "dte_range: [30, 45]",
       "dte_range: [45, 30]",
       {"strategies/iron_condor.yaml:18:14: dte_range must be [min, max] with min <= max, got "
        "[45, 30]"}},
      {"DteRangeOneValue",
       kIc,
       Edit::Replace,
       "dte_range: [30, 45]",
       "dte_range: [30]",
       {"strategies/iron_condor.yaml:18:14: dte_range: expected [min, max], got a list"}},
      {"DteRangeNotWhole",
       kIc,
       Edit::Replace,
       "dte_range: [30, 45]",
       "dte_range: [30, 45.5]",
       {"strategies/iron_condor.yaml:18:19: dte_range: expected a whole number, got '45.5'"}},
      {"PreferDteOutsideRange",
       kIc,
       Edit::Replace,
       "prefer_dte: 38",
       "prefer_dte: 50",
       {"strategies/iron_condor.yaml:19:15: prefer_dte (50) must be within dte_range [30, 45]"}},
      {"MisspelledMacroRegime",
       kIc,
       Edit::Replace,
       "risk_on, recovery",
       "risk-on, recovery",
       {"strategies/iron_condor.yaml:15:31: unknown macro regime 'risk-on' (did you mean "
        "'risk_on'?)"}},
      {"FxRegimeInOptionsTemplate",
       kIc,
       Edit::Replace,
       "[goldilocks,",
       "[carry,",
       {"strategies/iron_condor.yaml:15:19: unknown macro regime 'carry' (expected one of: "
        "risk_on, goldilocks, transition, risk_off, crisis, recovery)"}},
      {
          "MacroRegimeInFxTemplate",
          kFx,
          Edit::Replace,
          "[momentum, carry]",
          "[goldilocks, carry]",
          {"strategies/fx_momentum.yaml:13:19: unknown fx regime 'goldilocks' (expected one of: "
           "carry, momentum, mean_reversion, risk_off_unwind)"},
      },
      {"CodeHookSet",
       kIc,
       Edit::Replace,
       "code_hook: null",
       "code_hook: hooks/ic.py",
       {"strategies/iron_condor.yaml:80:12: code_hook is not supported yet"}},
      {"ProfitTargetAbove100",
       kIc,
       Edit::Replace,
       "profit_target_pct: 50",
       "profit_target_pct: 150",
       {"strategies/iron_condor.yaml:48:22: profit_target_pct must be greater than 0 and at "
        "most 100, got 150"}},
      {"IvRankAbove100",
       kIc,
       Edit::Replace,
       "iv_rank_min: 30",
       "iv_rank_min: 130",
       {"strategies/iron_condor.yaml:34:20: iv_rank_min must be between 0 and 100, got 130"}},
      {"MissingLeg",
       kIc,
       Edit::Replace,
       "  long_call: {width: 5}\n",
       "",
       {"strategies/iron_condor.yaml:23:1: iron_condor needs a long_call leg"}},
      {"UnknownLegRole",
       kIc,
       Edit::Replace,
       "long_call: {width: 5}",
       "long_cal: {width: 5}",
       {"strategies/iron_condor.yaml:27:3: unknown key 'long_cal' in legs (did you mean "
        "'long_call'?)"}},
      {"ShortLegByWidth",
       kIc,
       Edit::Replace,
       "short_call: {delta: 0.16}",
       "short_call: {width: 5}",
       {"strategies/iron_condor.yaml:26:3: short_call needs a delta (short strikes are chosen "
        "by delta)"}},
      {"MissingKeyInNestedSection",
       kIc,
       Edit::Replace,
       "        lookback_days: 10\n",
       "",
       {"strategies/iron_condor.yaml:39:7: missing required key 'lookback_days'"}},
      {"DteExitNotBeforeEntry",
       kIc,
       Edit::Replace,
       "dte_exit: 21",
       "dte_exit: 35",
       {"strategies/iron_condor.yaml:50:13: dte_exit (35) must be less than the smallest "
        "entry DTE in dte_range (30)"}},
      {"MisspelledUnderlyingClass",
       kIc,
       Edit::Replace,
       "underlying_class: equity_options",
       "underlying_class: equity_option",
       {"strategies/iron_condor.yaml:10:19: invalid underlying_class 'equity_option' (did you "
        "mean 'equity_options'?)"}},
      {"StructureDoesNotFitClass",
       kFx,
       Edit::Replace,
       "structure: momentum",
       "structure: iron_condor",
       {"strategies/fx_momentum.yaml:10:12: structure 'iron_condor' does not fit "
        "underlying_class fx"}},

      // ---- regime overrides -----------------------------------------------------------
      {"OverrideUnknownKey",
       kIc,
       Edit::Replace,
       "short_put: {delta: -0.12}",
       "short_put: {delat: -0.12}",
       {"strategies/iron_condor.yaml:62:19: unknown key 'delat' (did you mean 'delta'?)"}},
      {"OverrideForRegimeNotAllowed",
       kIc,
       Edit::Replace,
       "  risk_off:\n    expiration",
       "  crisis:\n    expiration",
       {"strategies/iron_condor.yaml:67:3: regime override 'crisis' is for a regime not in "
        "regimes_allowed"}},
      {"OverrideUnknownRegime",
       kFx,
       Edit::Replace,
       "  carry:  ",
       "  carri:  ",
       {"strategies/fx_momentum.yaml:42:3: unknown fx regime 'carri' in regime_overrides (did "
        "you mean 'carry'?)"}},
      {"OverrideWrongSign",
       kIc,
       Edit::Replace,
       "short_call: {delta: 0.12}",
       "short_call: {delta: -0.12}",
       {"strategies/iron_condor.yaml:63:27: short_call is a call: its delta must be positive, "
        "got -0.12"}},
      {"OverrideMakesLegAmbiguous",
       kIc,
       Edit::Replace,
       "short_put: {delta: -0.12}",
       "short_put: {width: 3}",
       {"strategies/iron_condor.yaml:62:26: short_put has both delta and width; choose the "
        "strike by one of them"}},
      {"OverrideBreaksRangeOrder",
       kIc,
       Edit::Replace,
       "{dte_range: [35, 50], prefer_dte: 42}",
       "{dte_range: [35, 50], prefer_dte: 30}",
       {"strategies/iron_condor.yaml:68:51: prefer_dte (30) must be within dte_range [35, 50]"}},
      {"OverrideIdentityKey",
       kIc,
       Edit::Replace,
       "  transition:\n",
       "  transition:\n    name: x\n",
       {"strategies/iron_condor.yaml:61:5: 'name' cannot be overridden per regime"}},

      // ---- momentum templates -----------------------------------------------------------
      {"EmaFastNotBelowSlow",
       kFx,
       Edit::Replace,
       "ema_fast: 20",
       "ema_fast: 60",
       {"strategies/fx_momentum.yaml:17:13: ema_slow (50) must be greater than ema_fast (60)"}},
      {"TrailingStopIncomplete",
       kFx,
       Edit::Replace,
       "    trail_atr: 1.5\n",
       "",
       {"strategies/fx_momentum.yaml:31:3: missing required key 'trail_atr'"}},
      {"HurstExitAboveEntry",
       kCrypto,
       Edit::Replace,
       "hurst_exit_below: 0.45",
       "hurst_exit_below: 0.6",
       {"strategies/crypto_momentum.yaml:40:21: hurst_exit_below (0.6) must be less than "
        "hurst_entry_min (0.55)"}},
      {"CryptoCapAbovePolicy",
       kCrypto,
       Edit::Replace,
       "max_position_pct: 3 ",
       "max_position_pct: 5 ",
       {"strategies/crypto_momentum.yaml:45:21: max_position_pct (5) exceeds the risk policy's "
        "crypto_max_position_pct (3)"}},
      {"FundingBoundsReversed",
       kCrypto,
       Edit::Replace,
       "min_short_pct: -0.05",
       "min_short_pct: 0.08",
       {"strategies/crypto_momentum.yaml:24:19: max_long_pct (0.05) must be at least "
        "min_short_pct (0.08)"}},

      // ---- universe ----------------------------------------------------------------------
      {"UniverseVenueDoesNotTradeClass",
       "universe.yaml",
       Edit::Replace,
       "asset_class: equity_options\n      venue: ibkr",
       "asset_class: equity_options\n      venue: oanda",
       {"universe.yaml:19:14: venue 'oanda' does not trade equity_options"}},
      {"UniverseDuplicateSymbol",
       "universe.yaml",
       Edit::Replace,
       "symbol: TLT",
       "symbol: SPY",
       {"universe.yaml:24:15: duplicate symbol 'SPY' (first on line 17)"}},
      {"UniverseUnknownAssetClass",
       "universe.yaml",
       Edit::Replace,
       "asset_class: equity_options",
       "asset_class: options",
       {"universe.yaml:18:20: invalid asset_class 'options' (expected one of: equity_options, "
        "fx, crypto)"}},

      // ---- risk policy ----------------------------------------------------------------------
      {"BreakerActionTypo",
       kPolicy,
       Edit::Replace,
       "action: halt_new_trades",
       "action: halt_new_trade",
       {"risk_policy.yaml:32:13: invalid action 'halt_new_trade' (did you mean "
        "'halt_new_trades'?)"}},
      {"CrisisHaltUnknownRegime",
       kPolicy,
       Edit::Replace,
       "macro_regimes: [crisis]",
       "macro_regimes: [crash]",
       {"risk_policy.yaml:43:21: unknown macro regime 'crash' (expected one of: risk_on, "
        "goldilocks, transition, risk_off, crisis, recovery)"}},
      {"ApprovalTimeoutNotADuration",
       kPolicy,
       Edit::Replace,
       "timeout: 4h",
       "timeout: four hours",
       {"risk_policy.yaml:47:12: timeout: expected a duration such as 30m, 4h or 2d, got 'four "
        "hours'"}},
      {"HeatBelowSingleUnderlying",
       kPolicy,
       Edit::Replace,
       "max_heat_pct: 10",
       "max_heat_pct: 3",
       {"risk_policy.yaml:17:17: max_heat_pct (3) must be at least max_single_underlying_pct "
        "(4)"}},
      {"UnknownAssetClassLimit",
       kPolicy,
       Edit::Replace,
       "    crypto: 3\n",
       "    stocks: 3\n",
       {"risk_policy.yaml:22:5: unknown key 'stocks' in max_asset_class_pct (expected one of: "
        "equity_options, fx, crypto)"}},
      {"DeltaLimitsReversed",
       kPolicy,
       Edit::Replace,
       "[-30, 30]",
       "[30, -30]",
       {"risk_policy.yaml:26:24: net_delta_range_pct must be [min, max] with min <= max, got "
        "[30, -30]"}},
      {"LowercaseCurrency",
       kPolicy,
       Edit::Replace,
       "base_currency: USD",
       "base_currency: usd",
       {"risk_policy.yaml:7:18: base_currency must be a 3-letter ISO code such as USD, got "
        "'usd'"}},
      {"MissingPolicyFile", kPolicy, Edit::Remove, "", "", {"risk_policy.yaml: missing file"}},

      // ---- scoring weights, settings ---------------------------------------------------------
      {"WeightsDoNotSumToOne",
       "scoring_weights.yaml",
       Edit::Replace,
       "data_quality: 0.15 ",
       "data_quality: 0.20 ",
       {"scoring_weights.yaml:6:1: weights must sum to 1, got 1.05"}},
      {"DirectionalWeightsDoNotSumToOne",
       "scoring_weights.yaml",
       Edit::Replace,
       "trend_strength: 0.35",
       "trend_strength: 0.3",
       {"scoring_weights.yaml:21:1: directional_weights must sum to 1, got 0.95"}},
      {"WeightAboveOne",
       "scoring_weights.yaml",
       Edit::Replace,
       "sr_alignment: 0.20",
       "sr_alignment: 1.5",
       {"scoring_weights.yaml:9:17: sr_alignment must be between 0 and 1, got 1.5"}},
      {"UnsupportedStoreUrl",
       "dorado.yaml",
       Edit::Replace,
       "url: sqlite://data/dorado.db",
       "url: mysql://localhost/dorado",
       {"dorado.yaml:13:8: unsupported store url 'mysql://localhost/dorado' (expected "
        "sqlite://PATH or postgres://...)"}},
      {"UnsupportedCacheUrl",
       "dorado.yaml",
       Edit::Replace,
       "url: memory://",
       "url: memcached://x",
       {"dorado.yaml:18:8: unsupported cache url 'memcached://x' (expected "
        "memory:// or redis://host:port)"}},
  };
  return all;
}

class BrokenConfig : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenConfig, ReportsExactDiagnostics) {
  const BrokenCase& c = GetParam();
  ScratchFolder folder;
  switch (c.edit) {
    case Edit::Replace:
      folder.replace(c.file, c.from, c.to);
      break;
    case Edit::Append:
      folder.append(c.file, c.to);
      break;
    case Edit::Write:
      folder.write(c.file, c.to);
      break;
    case Edit::Remove:
      folder.remove(c.file);
      break;
  }
  const LoadResult result = load_config_folder(folder.path());
  std::vector<std::string> got;
  for (const auto& d : result.diagnostics) got.push_back(d.to_string());
  EXPECT_EQ(got, c.expected);
  EXPECT_FALSE(result.ok());
}

INSTANTIATE_TEST_SUITE_P(Cases, BrokenConfig, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<BrokenCase>& param) {
                           return std::string(param.param.name);
                         });

TEST(BrokenConfigSuite, HasAtLeastThirtyCases) {
  EXPECT_GE(cases().size(), 30u);
}

}  // namespace
}  // namespace dorado::config
