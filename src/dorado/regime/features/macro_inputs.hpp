#pragma once
// The raw series the macro features are built from, under one canonical name
// each, with the publication rule that says when each observation is known
// (publication.hpp). Gathered from the store (or any reader of store rows,
// such as the synthetic market) by the names the data commands store them
// under:
//
//   input        read from                                 rule
//   SPY XLK XLU LQD TLT   OHLCV close                      AtClose
//   VIX          OHLCV "VIX" or "^VIX" close               AtClose
//   VIX3M        OHLCV "VIX3M" or "^VIX3M" close           AtClose
//   T10Y2Y       macro "T10Y2Y"                            NextDay
//   BAA_AAA      macro "BAA_AAA", else DBAA - DAAA per day NextDay
//   T10YIE       macro "T10YIE"                            NextDay
//   NFCI         macro "NFCI"                              NfciWednesday
//   ICSA         macro "ICSA"                              ClaimsThursday
//   COT_ES_NET   macro "COT:ES:lev_money_net" divided by
//                "COT:ES:open_interest" (share of OI)      CotFriday
//
// The trading days are SPY's bar dates: features exist on the days the
// equity market closed.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dorado/domain/time.hpp"
#include "dorado/ports/store.hpp"
#include "dorado/regime/features/publication.hpp"

namespace dorado::regime::features {

struct Observation {
  Date observed;
  double value = 0.0;
};

struct InputSeries {
  Publication publication = Publication::AtClose;
  std::vector<Observation> observations;  // ascending by observed date
};

struct MacroInputs {
  std::vector<Date> trading_days;  // ascending
  std::map<std::string, InputSeries, std::less<>> series;

  // nullptr when the input is absent (no rows were found for it).
  const InputSeries* find(std::string_view name) const;
};

using BarReader = std::function<std::vector<ports::OhlcvBar>(const std::string& symbol)>;
using MacroReader = std::function<std::vector<ports::MacroObservation>(const std::string& series)>;

// Reads every input through the readers (rows in any order); an input with no
// rows is left out. Throws std::invalid_argument when SPY has no bars.
MacroInputs gather_macro_inputs(const BarReader& bars, const MacroReader& macro);

// The same from the store, rows within `range`.
MacroInputs read_macro_inputs(ports::Store& store, ports::DateRange range);

}  // namespace dorado::regime::features
