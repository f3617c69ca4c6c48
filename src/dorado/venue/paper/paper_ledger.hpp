#pragma once
// The paper account's books: cash in the account currency and one exact
// PositionLeg per instrument. A value type, so the venue can book an order's
// fills on a copy, look at the account it would leave, and keep or drop it.
//
// Cash follows the instrument:
// - options and shares are paid in full: cash moves by the fill's cash flow
//   (premium, share value, fee);
// - FX and crypto perpetuals are margined: opening moves no cash; cash moves
//   by the realized P&L and the fee, converted to the account currency at the
//   time of the fill (OANDA books a USD_JPY trade's JPY P&L in a USD account
//   this way).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dorado/domain/fill.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/position_leg.hpp"
#include "dorado/ports/venue_account.hpp"
#include "dorado/ports/venue_position.hpp"
#include "dorado/ports/venue_result.hpp"
#include "dorado/venue/paper/paper_market.hpp"
#include "dorado/venue/paper/paper_venue_config.hpp"

namespace dorado::venue::paper {

struct AccountFigures {
  ports::AccountState state;
  // Underlyings whose short calls or short shares lack cover.
  std::vector<std::string> uncovered;
};

class PaperLedger {
 public:
  PaperLedger(Currency account_currency, Money starting_cash);

  // Books the fill and returns the gross P&L it realized, in the
  // instrument's currency; quote_unavailable (nothing booked) when a margined
  // instrument's P&L cannot be converted to the account currency.
  ports::VenueResult<Money> book(const Fill& fill, const PaperMarket& market);

  // Adds `amount` (account currency; negative debits) to cash: carry
  // charges, which move cash but no position. Throws std::logic_error for
  // another currency.
  void credit(const Money& amount) { cash_ += amount; }

  // The account now, positions marked at their quote's mid (at cost when
  // unquoted); quote_unavailable when a currency cannot be converted.
  ports::VenueResult<AccountFigures> figures(const PaperMarket& market,
                                             const PaperVenueConfig& config, Timestamp now) const;

  // Open (non-flat) positions, sorted by symbol, with their marks.
  std::vector<ports::VenuePosition> positions(const PaperMarket& market) const;

  // The books as they were: `cash` and every fill booked, in booking order
  // (the open legs are rebuilt from the fills, exactly).
  static PaperLedger restore(Currency account_currency, Money cash,
                             const std::vector<Fill>& booked);

  Money cash() const { return cash_; }
  // The open leg of `symbol`; nullptr when flat. A leg that goes flat is
  // dropped (its realized P&L is in its fills), so a copy of the books
  // (taken per fill to check it) costs the open positions, not the history.
  const PositionLeg* leg(const std::string& symbol) const;

 private:
  Currency currency_;
  Money cash_;
  std::map<std::string, PositionLeg> legs_;
};

// Mid of a two-sided (or one-sided) quote as an exact price; nullopt without a market.
std::optional<Price> mark_of(const PaperMarket& market, const Instrument& instrument);

// FX and crypto positions are margined; options and shares are paid in full.
bool is_margined(const Instrument& instrument);

}  // namespace dorado::venue::paper
