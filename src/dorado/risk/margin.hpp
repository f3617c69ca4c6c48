#pragma once
// Buying power a position ties up, in the account currency.
// Dorado's rules (a cash or Reg-T style account; a portfolio-margin account
// needs less, so these are conservative):
//
//   defined-risk spreads (iron condor, put vertical): the widest vertical's
//     width x multiplier x ratio, minus the net credit. An iron condor can
//     lose on one side only, so the wider side counts, not both. A debit
//     spread ties up its debit.
//   cash-secured put (short put, the wheel's put phase): strike x multiplier
//     x ratio, minus the credit.
//   covered call (covered call, the wheel's call phase): no cash; the call
//     needs multiplier x ratio shares of the underlying per unit as cover,
//     which the portfolio must hold free (portfolio_checks.hpp).
//   FX and crypto momentum: notional / leverage. Leverage is the template's
//     max_leverage (FX 3 means a third of the notional as margin), not the
//     venue's (OANDA grants up to 50:1): the book is margined as if it used
//     no more leverage than the trader allows, which keeps cash in reserve.
//     Sizing also caps the notional at max_leverage x equity. With no
//     leverage configured (or one below 1) the position is unlevered and
//     ties up its whole notional.
//     Crypto templates carry no leverage in the shipped config, so a BTC
//     position commits its notional, which the 3 % cap keeps small.
#include <optional>
#include <string>

#include "dorado/domain/money.hpp"
#include "dorado/domain/quantity.hpp"
#include "dorado/risk/trade_proposal.hpp"

namespace dorado::risk {

struct MarginRequirement {
  Money buying_power;
  Quantity shares_required;  // cover for short calls
  std::string rule;  // "defined_risk_spread", "cash_secured_put", "covered_call", "leverage"
};

// For `quantity` units of the proposal's structure. Exact for whole
// quantities; the leverage rule divides the whole notional once (rounded half
// to even to a micro-unit) so the rounding does not grow with the size.
// Throws std::invalid_argument when the legs do not match the structure (the
// structure check in trade_checks.hpp reports that as a value first).
MarginRequirement margin_for(const TradeProposal& proposal, std::optional<double> leverage,
                             Quantity quantity);

}  // namespace dorado::risk
