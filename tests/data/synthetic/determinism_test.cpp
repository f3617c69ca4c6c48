// The synthetic market is a pure function of its config: the same seed gives
// byte-identical series and chains, in any order of requests; another seed
// gives another market.
#include <gtest/gtest.h>

#include <cstdio>

#include "data/synthetic/series_hash.hpp"
#include "dorado/data/synthetic/random_stream.hpp"
#include "dorado/data/synthetic/synthetic_market.hpp"

namespace dorado::data::synthetic {
namespace {

using namespace std::chrono;

constexpr Date kChainDay{year{2015}, March, day{18}};

TEST(SyntheticDeterminism, SameSeedGivesByteIdenticalSeriesAndChains) {
  const SyntheticMarket a;
  const SyntheticMarket b;
  EXPECT_EQ(testing::hash_series(a), testing::hash_series(b));
  EXPECT_EQ(testing::hash_chain(*a.option_chain("SPY", kChainDay)),
            testing::hash_chain(*b.option_chain("SPY", kChainDay)));
  EXPECT_EQ(a.bars("SPY"), b.bars("SPY"));
  EXPECT_EQ(a.option_chain("GLD", kChainDay)->chain, b.option_chain("GLD", kChainDay)->chain);
}

// Pinned values of the default market (seed 42, 2005-2024). A change here
// means the generator changed: every stored synthetic expectation downstream
// changes with it, so update them together and say so in the commit.
// The values assume an IEEE-754 platform with glibc's libm (see random_stream.hpp).
TEST(SyntheticDeterminism, DefaultMarketMatchesItsPinnedHashes) {
  const SyntheticMarket market;
  const std::uint64_t series = testing::hash_series(market);
  const std::uint64_t chain = testing::hash_chain(*market.option_chain("SPY", kChainDay));
  std::printf("series hash %llu, SPY chain hash %llu\n", static_cast<unsigned long long>(series),
              static_cast<unsigned long long>(chain));
  EXPECT_EQ(series, 9463949395916944696ULL);
  EXPECT_EQ(chain, 5722378130213434455ULL);
}

TEST(SyntheticDeterminism, ChainsDoNotDependOnRequestOrder) {
  const SyntheticMarket market;
  const auto first = market.option_chain("TLT", kChainDay);
  (void)market.option_chain("SPY", Date{year{2010}, June, day{1}});
  (void)market.option_chain("GLD", kChainDay);
  EXPECT_EQ(testing::hash_chain(*market.option_chain("TLT", kChainDay)),
            testing::hash_chain(*first));
}

TEST(SyntheticDeterminism, DifferentSeedsGiveDifferentMarkets) {
  SyntheticMarketConfig other;
  other.seed = 43;
  const SyntheticMarket a;
  const SyntheticMarket b(other);
  EXPECT_NE(testing::hash_series(a), testing::hash_series(b));
  EXPECT_NE(a.bars("SPY").back().close, b.bars("SPY").back().close);
  EXPECT_NE(a.regime_path(), b.regime_path());
  EXPECT_NE(testing::hash_chain(*a.option_chain("SPY", kChainDay)),
            testing::hash_chain(*b.option_chain("SPY", kChainDay)));
}

TEST(SyntheticDeterminism, ShorterRangeIsAPrefixOfTheLongerOne) {
  // Streams are drawn per calendar day from the first day, so ending earlier
  // must not change the days both markets share.
  SyntheticMarketConfig shorter;
  shorter.last_day = Date{year{2010}, December, day{31}};
  const SyntheticMarket a;
  const SyntheticMarket b(shorter);
  const auto& full = a.bars("SPY");
  const auto& part = b.bars("SPY");
  ASSERT_LT(part.size(), full.size());
  EXPECT_TRUE(std::equal(part.begin(), part.end(), full.begin()));
}

// std::mt19937_64's sequence is fixed by the standard: its 10000th output
// from the default seed 5489 is 9981545732273789042 ([rand.predef]).
TEST(SyntheticRandomStream, UsesTheStandardMersenneTwister) {
  RandomStream stream(5489);
  for (int i = 0; i < 9999; ++i) (void)stream.next_u64();
  EXPECT_EQ(stream.next_u64(), 9981545732273789042ULL);
}

// Reference quantiles: R's qnorm (which is AS241) and Abramowitz & Stegun.
TEST(SyntheticRandomStream, InverseNormalMatchesReferenceQuantiles) {
  EXPECT_EQ(inverse_normal_cdf(0.5), 0.0);
  EXPECT_NEAR(inverse_normal_cdf(0.975), 1.959963984540054, 1e-15);
  EXPECT_NEAR(inverse_normal_cdf(0.025), -1.959963984540054, 1e-15);
  EXPECT_NEAR(inverse_normal_cdf(0.8413447460685429), 1.0, 1e-14);
  EXPECT_NEAR(inverse_normal_cdf(1e-10), -6.361340902404056, 1e-13);
  EXPECT_NEAR(inverse_normal_cdf(1e-6), -4.753424308822899, 1e-13);
  EXPECT_THROW((void)inverse_normal_cdf(0.0), std::domain_error);
  EXPECT_THROW((void)inverse_normal_cdf(1.0), std::domain_error);
}

TEST(SyntheticRandomStream, NormalsHaveUnitMomentsAndUniformsStayInside) {
  RandomStream stream(derive_seed(7, "moments"));
  constexpr int n = 200000;
  double sum = 0.0, sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double z = stream.normal();
    sum += z;
    sum_sq += z * z;
  }
  // Standard errors: 1/sqrt(n) = 0.0022 for the mean, sqrt(2/n) = 0.0032 for the variance.
  EXPECT_NEAR(sum / n, 0.0, 0.009);
  EXPECT_NEAR(sum_sq / n, 1.0, 0.013);
  for (int i = 0; i < 1000; ++i) {
    const double u = stream.uniform();
    EXPECT_GT(u, 0.0);
    EXPECT_LT(u, 1.0);
  }
}

TEST(SyntheticRandomStream, DerivedSeedsDependOnSeedAndTag) {
  EXPECT_EQ(derive_seed(42, "returns"), derive_seed(42, "returns"));
  EXPECT_NE(derive_seed(42, "returns"), derive_seed(43, "returns"));
  EXPECT_NE(derive_seed(42, "returns"), derive_seed(42, "regimes"));
}

}  // namespace
}  // namespace dorado::data::synthetic
