#pragma once
// How the paper venue (venue_mode "simulation") behaves. Every default is
// chosen to flatter paper results as little as possible, so the measured
// paper-to-live discount stays small.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>

#include "dorado/domain/currency.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/quantity.hpp"
#include "dorado/venue/paper/commission_schedule.hpp"

namespace dorado::venue::paper {

// Adverse ticks added to the far side for market orders (a buy pays ask +
// ticks x tick size). The displayed far side is the best case for a market
// order; one tick worse is what a market order in a thin option series
// typically gets. Limit orders never slip: they fill at the far side, which
// is at or better than their limit.
struct MarketSlippage {
  std::int64_t option_ticks = 1;
  std::int64_t stock_ticks = 1;
  std::int64_t fx_ticks = 1;
  std::int64_t crypto_ticks = 1;
};

// Partial fills, off by default (every match fills the whole remainder).
// Deterministic: a match fills at most `max_units_per_match` units of the
// order, and with `limit_to_displayed_size` at most the far side's displayed
// size (in combos, the smallest leg's size over its ratio) when the quote has
// a size. The remainder keeps working (an IOC's remainder is cancelled).
struct PartialFills {
  std::optional<Quantity> max_units_per_match;
  bool limit_to_displayed_size = false;
};

struct PaperVenueConfig {
  Currency account_currency = kUsd;
  Money starting_cash = Money::from_micros(100'000'000'000, kUsd);  // 100,000.00
  MarketSlippage market_slippage;
  PartialFills partial_fills;
  CommissionSchedule commissions;
  // Initial margin as a fraction of notional for margined positions.
  // FX 0.05 (20:1): OANDA's marginRate for a major in the v20 instruments
  // sample (../shared/ref/oanda-v20.md section 2). Crypto 0.2 (5x cross):
  // the leverage of the Hyperliquid clearinghouseState sample (ref section 2).
  double fx_margin_rate = 0.05;
  double crypto_margin_rate = 0.2;
  // How long the simulated venue takes to answer. A call whose timeout is
  // shorter returns venue_timeout, after the request took effect (as a real
  // order that reached the broker before the connection timed out).
  std::chrono::milliseconds response_latency{0};
  // Where the venue keeps its books between runs (paper_venue_state.hpp):
  // loaded at construction when the file exists, rewritten after every change.
  // None: in memory only (replay, tests).
  std::optional<std::filesystem::path> state_file;
};

}  // namespace dorado::venue::paper
