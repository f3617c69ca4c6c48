#pragma once
// The account as the venue reports it, in the account's base currency. Exact
// money (DESIGN.md section 4).
//
// - cash: the settled cash balance (premiums received and paid, fees,
//   realized P&L of margined FX and crypto positions).
// - margin_used: what the open positions tie up (the broker's initial margin
//   requirement; for a cash-secured short put, the strike value).
// - equity: net liquidation value, cash plus the marked value of the positions.
// - buying_power: what a new order may still commit: for a cash account
//   cash plus the open P&L of margined positions minus margin used (long
//   options and stock are paid in full, so they never add to it).
#include "dorado/domain/currency.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::ports {

struct AccountState {
  Currency currency{"USD"};
  Money cash{currency};
  Money buying_power{currency};
  Money margin_used{currency};
  Money equity{currency};
  Timestamp as_of{};

  friend bool operator==(const AccountState&, const AccountState&) = default;
};

}  // namespace dorado::ports
