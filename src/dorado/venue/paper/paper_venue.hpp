#pragma once
// The paper venue (the PRD's PaperAdapter, venue_mode "simulation"): a
// simulated broker that fills orders against the market the engine supplies
// (PaperMarket), books them exactly (PaperLedger) and settles expiring
// options. Deterministic: time comes from the injected clock, prices from the
// injected market, ids from a counter; the same calls give the same books.
//
// Matching. Every call first matches the working orders against the market
// now (match_working_orders), in the order they were accepted; the engine
// also calls it after moving the market. Prices: fill_pricing.hpp.
// Commissions: commission_schedule.hpp. Partial fills: PaperVenueConfig; an
// order fills at most once per clock instant, so a remainder fills as time
// passes, however often the venue is asked at one instant.
//
// Market hours (calendar area: NYSE for options and shares, FX 24/5, crypto
// 24/7). An order placed while its market is closed is accepted and queued,
// as IBKR holds orders sent outside regular hours: a DAY order is good for
// the next session and expires at its close; GTC waits for the next open. An
// IOC order outside the session is rejected (market_closed): it cannot be
// immediate. Nothing fills while the market is closed.
//
// Checks at each fill, on a copy of the books: the fill must leave buying
// power non-negative unless it reduces risk (buying power rises), else the
// order is rejected (or its remainder cancelled) with insufficient_buying_power;
// it must not add short calls or sell shares where the underlying's short
// upside would lack cover (uncovered_short): a cash account.
//
// Expiration is explicit: settle_expirations(day) after the close of the
// expiration day, while the market still shows that day's close, settles
// every option expiring that day or earlier (option_expiration.hpp). So is
// carry (carry.hpp): book_funding() per funding print, book_financing(day)
// per FX rollover, each booked once however often it is called.
//
// Rejections by the venue (buying power, cover, no market, market closed)
// are reports with status `rejected` and a reason, kept under the client id;
// a resend of that id returns the same rejection, so a retry needs a new
// attempt id.
//
// Simulated connectivity for the engine's failure paths: set_reachable(false)
// makes every call fail with venue_unavailable and change nothing; a
// response_latency above a call's timeout returns venue_timeout after the
// call took effect.
//
// Durable when PaperVenueConfig::state_file is set: the books are rewritten
// atomically after every change, so a killed process restarts where it was
// and reconciliation finds its orders (a failed write throws
// std::runtime_error: the books could no longer be trusted to survive).
//
// Not thread-safe: the engine calls a venue from one thread.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dorado/calendar/session.hpp"
#include "dorado/ports/clock.hpp"
#include "dorado/ports/venue_adapter.hpp"
#include "dorado/ports/venue_crypto.hpp"
#include "dorado/ports/venue_fx.hpp"
#include "dorado/ports/venue_options.hpp"
#include "dorado/venue/paper/option_expiration.hpp"
#include "dorado/venue/paper/paper_ledger.hpp"
#include "dorado/venue/paper/paper_market.hpp"
#include "dorado/venue/paper/paper_order.hpp"
#include "dorado/venue/paper/paper_venue_config.hpp"
#include "dorado/venue/paper/paper_venue_state.hpp"

namespace dorado::venue::paper {

class PaperVenue final : public ports::VenueAdapter,
                         public ports::OptionsVenue,
                         public ports::FxVenue,
                         public ports::CryptoVenue {
 public:
  // `clock` and `market` must outlive the venue. Starts from the state file
  // when the config names one that exists, else from the starting cash.
  // Throws std::invalid_argument if the starting cash is not in the account
  // currency or the state file is malformed (std::runtime_error if unreadable).
  PaperVenue(PaperVenueConfig config, const ports::Clock& clock, const PaperMarket& market);
  // Continues from `state` (e.g. kept by the engine in its own store).
  PaperVenue(PaperVenueConfig config, const ports::Clock& clock, const PaperMarket& market,
             PaperVenueState state);

  // Everything needed to continue after a restart (paper_venue_state.hpp).
  PaperVenueState state() const;

  VenueId venue() const override { return VenueId::Paper; }
  VenueMode mode() const override { return VenueMode::Simulation; }
  ports::OptionsVenue* options() override { return this; }
  ports::FxVenue* fx() override { return this; }
  ports::CryptoVenue* crypto() override { return this; }

  // Fills what the market now reaches and expires day orders past their session.
  void match_working_orders();

  // Settles every non-flat option expiring on or before `expiration` at its
  // underlying's mid now; quote_unavailable (nothing settled) when an
  // underlying has no quote. Working orders on those options are expired.
  ports::VenueResult<std::vector<Settlement>> settle_expirations(Date expiration);

  // Books one funding interval on every open crypto perpetual, at the
  // funding the market shows now (ports::PerpFunding: rate and mark). A
  // funding print is booked once per symbol (by its as_of), so calling again
  // before the next print books nothing. Positions without a funding print
  // are skipped.
  ports::VenueResult<std::vector<CarryCharge>> book_funding();
  // Books the rollover at the end of `day` on every open FX position at the
  // market's financing rates and mid, once per instrument and day; positions
  // without rates or a quote are skipped. quote_unavailable (nothing booked)
  // when a charge cannot be converted to the account currency.
  ports::VenueResult<std::vector<CarryCharge>> book_financing(Date day);
  // Every carry charge booked so far, in order.
  const std::vector<CarryCharge>& carry() const { return carry_; }

  // Every settlement booked so far, in order.
  const std::vector<Settlement>& settlements() const { return settlements_; }

  void set_reachable(bool reachable) { reachable_ = reachable; }
  const PaperVenueConfig& config() const { return config_; }

 private:
  ports::VenueResult<ports::AccountState> fetch_account(ports::CallTimeout timeout) override;
  ports::VenueResult<ports::OrderReport> submit(const Order& order,
                                                ports::CallTimeout timeout) override;
  ports::VenueResult<ports::OrderReport> cancel(std::string_view client_order_id,
                                                ports::CallTimeout timeout) override;
  ports::VenueResult<ports::OrderReport> status(std::string_view client_order_id,
                                                ports::CallTimeout timeout) override;
  ports::VenueResult<std::vector<ports::OrderReport>> working_orders(
      ports::CallTimeout timeout) override;
  ports::VenueResult<std::vector<ports::VenuePosition>> open_positions(
      ports::CallTimeout timeout) override;
  ports::VenueResult<Quote> fetch_quote(const Instrument& instrument,
                                        ports::CallTimeout timeout) override;
  ports::VenueResult<OptionChain> fetch_chain(const ports::ChainRequest& request,
                                              ports::CallTimeout timeout) override;
  ports::VenueResult<ports::FinancingRates> fetch_financing(std::string_view instrument,
                                                            ports::CallTimeout timeout) override;
  ports::VenueResult<ports::PerpFunding> fetch_funding(std::string_view symbol,
                                                       ports::CallTimeout timeout) override;

  // venue_unavailable while unreachable; otherwise matches working orders.
  std::optional<ports::VenueError> begin_call();
  // venue_timeout when the simulated answer comes after `timeout`.
  std::optional<ports::VenueError> late(ports::CallTimeout timeout, const char* call) const;
  // The result as the caller sees it: venue_timeout instead when the
  // simulated answer comes too late (errors included: a slow venue is slow
  // to say no as well).
  template <typename T>
  ports::VenueResult<T> respond(ports::VenueResult<T> result, ports::CallTimeout timeout,
                                const char* call) const {
    if (auto error = late(timeout, call)) return *error;
    return result;
  }
  template <typename T>
  ports::VenueResult<T> answer(T value, ports::CallTimeout timeout, const char* call) const {
    return respond(ports::VenueResult<T>(std::move(value)), timeout, call);
  }

  ports::VenueResult<ports::OrderReport> accept(const Order& order);
  std::optional<std::string> untradeable(const Order& order) const;
  void attempt(PaperOrder& order);
  Quantity fillable(const PaperOrder& order, const std::vector<std::optional<Quote>>& quotes) const;
  // Books `fills` on a copy and keeps it if the account allows; the reason when it does not.
  std::optional<std::pair<ReasonCode, std::string>> book_checked(const Order& order,
                                                                 const std::vector<Fill>& fills);
  bool charge(PaperOrder& order, std::vector<Fill>& fills);
  void finish(PaperOrder& order, OrderStatus status, std::optional<ReasonCode> reason,
              std::string message);
  void prune_working();
  static PaperVenueState initial_state(const PaperVenueConfig& config);
  // Books `charges` (amount set) to cash on a copy; all or none.
  ports::VenueResult<std::vector<CarryCharge>> book_carry(std::vector<CarryCharge> charges);
  bool carried(const std::string& symbol, const std::string& kind, Timestamp time) const;
  // Rewrites the state file when something changed since the last write.
  void persist();

  PaperVenueConfig config_;
  const ports::Clock& clock_;
  const PaperMarket& market_;
  PaperLedger ledger_;
  std::vector<Fill> booked_;  // every fill the ledger took, in order (for the state file)
  std::map<std::string, PaperOrder, std::less<>> orders_;
  std::vector<std::string> working_;  // client ids of working orders, acceptance order
  std::vector<Settlement> settlements_;
  std::vector<CarryCharge> carry_;
  std::int64_t next_order_number_ = 1;
  bool reachable_ = true;
  bool changed_ = false;
};

}  // namespace dorado::venue::paper
