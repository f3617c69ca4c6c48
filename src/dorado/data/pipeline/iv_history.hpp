#pragma once
// The daily 30-day at-the-money implied volatility of an options underlying,
// from one option chain snapshot: the figure iv_history stores and IV rank
// and IV percentile (quant/ta/iv_rank.hpp) read.
//
// Method, per snapshot:
// 1. Trading day and valuation instant. The snapshot belongs to the New York
//    trading day whose session has opened at as_of (a chain exported on
//    Saturday belongs to Friday). Time is measured from the valuation
//    instant: as_of, or that day's close when as_of is later (the quotes do
//    not move after the close). An expiration expires at its day's close
//    (16:00 New York; 13:00 on early-close days). T = seconds / (365 x 86400).
// 2. Per expiration, from mid prices (bid and ask both positive, ask >= bid):
//    the forward by put-call parity at the strike where |C - P| is smallest,
//    F = K + e^{rT} (C - P) (as CBOE's VIX method does), then the listed
//    strike nearest F (the lower one on a tie). There, the call's and the
//    put's implied vols are solved from their mids with quant::implied_vol
//    (spot F e^{-rT}, yield 0, so the forward is the parity forward and no
//    dividend estimate is needed), and averaged; if one side does not solve,
//    the other is used alone. An expiration whose nearest quoted strike lies
//    more than 0.25 standard deviations (|ln(K/F)| / (vol sqrt T)) from the
//    forward is not used: its at-the-money strikes are missing (a partial
//    chain) and the vol there is a point on the smile, not the ATM vol.
// 3. Between the two usable expirations bracketing 30 calendar days,
//    T1 <= T30 < T2, interpolate linearly in total variance w = sigma^2 T:
//      w30 = w1 + (w2 - w1) (T30 - T1) / (T2 - T1),  iv30 = sqrt(w30 / T30).
//    Total variance rather than vol, because variance is what adds up over
//    time (an expiration's variance is the sum of the daily ones), and a
//    calendar spread is arbitrage-free only if w rises with T. When every
//    usable expiration lies on one side of 30 days, the nearest one's vol is
//    used and the result is marked extrapolated.
// The rate r is an input (the CLI passes the latest stored 3-month or 2-year
// Treasury yield, or 0): it moves a 30-day ATM vol by about (r error) x T / 2
// relative, 0.04 % for a 1 % error.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dorado/calendar/exchange_calendar.hpp"
#include "dorado/domain/option_chain.hpp"

namespace dorado::data {

struct IvHistoryOptions {
  double rate = 0.0;      // continuously compounded, 0.02 = 2 %
  int target_days = 30;   // calendar days
  double min_days = 1.0;  // expirations closer than this are not used
};

// One expiration's at-the-money point.
struct AtmVol {
  Date expiration;
  double years = 0;    // from the valuation instant to the expiration's close
  double forward = 0;  // by put-call parity
  double strike = 0;   // the listed strike nearest the forward
  std::optional<double> call_iv, put_iv;
  double atm_iv = 0;  // their average (or the one that solved)
};

struct Iv30 {
  std::string underlying;
  Date obs_date;        // the trading day the snapshot belongs to
  Timestamp valuation;  // the instant times are measured from
  double iv30 = 0;
  bool extrapolated = false;
  std::vector<AtmVol> used;  // the one or two expirations it rests on, nearer first
};

// Every expiration's ATM point that could be computed, by expiration.
std::vector<AtmVol> atm_vols(const OptionChain& chain, Timestamp valuation,
                             const calendar::ExchangeCalendar& calendar,
                             const IvHistoryOptions& options = {});

// The 30-day ATM IV of the snapshot, or a sentence saying why there is none
// (no two-sided quotes near the money, the calendar does not cover the day ...).
std::variant<Iv30, std::string> thirty_day_atm_iv(const OptionChain& chain,
                                                  const calendar::ExchangeCalendar& calendar,
                                                  const IvHistoryOptions& options = {});

// The trading day a snapshot taken at `as_of` belongs to, and the valuation instant.
std::optional<std::pair<Date, Timestamp>> snapshot_day(const calendar::ExchangeCalendar& calendar,
                                                       Timestamp as_of);

}  // namespace dorado::data
