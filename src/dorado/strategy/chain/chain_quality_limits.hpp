#pragma once
// The thresholds of chain validation (PRD 3.1 "Chain Data Quality
// Handling"). One struct so the engine, the resolver and the tests agree on
// the numbers; the defaults are the PRD's.
namespace dorado::strategy {

struct ChainQualityLimits {
  // Reject the expiration when more than this share of its contracts lack greeks.
  double max_missing_greeks_share = 0.10;
  // (ask - bid) / mid above this marks a contract's quote as poor ...
  double spread_flag_pct = 0.15;
  // ... and above this the contract is not traded at all.
  double spread_exclude_pct = 0.20;
  // The venue's delta and Dorado's delta recomputed from the mid differ by
  // more than this: the venue's greeks were computed at another spot.
  double stale_delta_tolerance = 0.03;
  // Reject the expiration when more than this share of its priced contracts
  // carries stale venue greeks (a venue that stopped updating its model).
  double max_stale_greeks_share = 0.10;
  // After a re-quote, a chosen leg whose delta moved more than this needs a
  // fresh resolution.
  double requote_delta_move = 0.02;
  // The chosen short strike may miss the target delta by at most this.
  double max_delta_miss = 0.05;
};

}  // namespace dorado::strategy
