// The paper venue's cost per call, for the replay budget (20 years of the
// pipeline in seconds): a book of `held` open option positions (the paper
// cap is 30 structures), then
//   BM_PlaceCondor        place and fill one 4-leg iron condor (the per-fill
//                         checks copy the open books and value them twice);
//   BM_MatchWorking       one match pass over 30 working condors that do not fill;
//   BM_Account            account state (every position marked, requirements);
//   BM_SettleExpiration   settle 30 expiring condors (120 legs).
#include <benchmark/benchmark.h>

#include <chrono>
#include <string>

#include "dorado/calendar/simulated_clock.hpp"
#include "dorado/venue/paper/paper_venue.hpp"
#include "dorado/venue/paper/snapshot_market.hpp"
#include "dorado/venue/us_stock.hpp"

namespace {

using namespace dorado;
using namespace dorado::venue::paper;
using namespace std::chrono;

const Timestamp kWednesday = sys_days{year{2024} / March / 13} + hours{15};
constexpr year_month_day kExpiry{year{2024} / March / 15};

Instrument option(int strike, OptionRight right) {
  return us_equity_option(
      OptionContractId{"SPY", kExpiry, Price::from_micros(strike * 1'000'000LL), right});
}

// The condor with short strikes 300 + 2i (put) and 700 + 2i (call), 5 wide.
Order condor(int i, std::string id, std::optional<Price> limit) {
  return Order{.client_order_id = std::move(id),
               .legs = {Leg{option(295 + 2 * i, OptionRight::Put), Side::Buy, 1},
                        Leg{option(300 + 2 * i, OptionRight::Put), Side::Sell, 1},
                        Leg{option(700 + 2 * i, OptionRight::Call), Side::Sell, 1},
                        Leg{option(705 + 2 * i, OptionRight::Call), Side::Buy, 1}},
               .quantity = Quantity::units(1),
               .type = OrderType::Limit,
               .limit_price = limit,
               .time_in_force = TimeInForce::Gtc,
               .status = OrderStatus::New};
}

struct Book {
  calendar::SimulatedClock clock{kWednesday};
  SnapshotMarket market;
  PaperVenue venue;

  explicit Book(int held) : venue(PaperVenueConfig{}, clock, market) {
    market.set_quote(Quote{.symbol = "SPY", .bid = 500, .ask = 500, .time = kWednesday});
    for (int i = 0; i < 200; ++i)
      for (const auto& leg : condor(i, "q", std::nullopt).legs)
        market.set_quote(Quote{.symbol = leg.instrument.symbol, .bid = 1.00, .ask = 1.10});
    for (int i = 0; i < held; ++i)
      venue.place_order(condor(i, "held-" + std::to_string(i), Price::parse("0.20")));
  }
};

void BM_PlaceCondor(benchmark::State& state) {
  Book book(static_cast<int>(state.range(0)));
  int n = 0;
  for (auto _ : state) {
    auto report =
        book.venue.place_order(condor(100, "new-" + std::to_string(n++), Price::parse("0.20")));
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_PlaceCondor)->Arg(0)->Arg(30);

void BM_MatchWorking(benchmark::State& state) {
  Book book(30);
  for (int i = 0; i < 30; ++i)
    book.venue.place_order(condor(40 + i, "working-" + std::to_string(i), Price::parse("-5.00")));
  for (auto _ : state) {
    book.clock.advance(seconds{1});
    book.venue.match_working_orders();
  }
}
BENCHMARK(BM_MatchWorking);

void BM_Account(benchmark::State& state) {
  Book book(30);
  for (auto _ : state) {
    auto account = book.venue.account();
    benchmark::DoNotOptimize(account);
  }
}
BENCHMARK(BM_Account);

void BM_SettleExpiration(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    Book book(30);
    book.clock.set(sys_days{kExpiry} + hours{21});
    state.ResumeTiming();
    auto settled = book.venue.settle_expirations(kExpiry);
    benchmark::DoNotOptimize(settled);
  }
}
BENCHMARK(BM_SettleExpiration);

}  // namespace
BENCHMARK_MAIN();
