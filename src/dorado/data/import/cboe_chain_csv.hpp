#pragma once
// The CBOE delayed-quote option-chain export ("Download CSV" on cboe.com):
//
//   line 1  SPDR S&P 500 ETF Trust,Last: 388.67,Change:  -0.32
//   line 2  "Date: July 9, 2022 at 5:28 p.m. EDT",Bid: 388.68,Ask: 388.8,...
//   line 3  Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,
//           Open Interest,Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,
//           Gamma,Open Interest
//   then    one line per expiration and strike, the call and the put side by side.
//
// The chain's as_of is the export time (New York time converted to UTC), its
// spot the "Last" of line 1. Every row is checked: the expiration (not before
// the export's date), the OCC symbols (their expiration, strike and right
// must agree with the row), and every number (prices, volume and open
// interest non-negative, strike positive). CBOE writes an IV of 0 where it has
// none: that is read as a missing IV, while delta and gamma are kept as given
// (0 is a real delta far from the money).
#include <string>
#include <string_view>
#include <vector>

#include "dorado/data/import/import_problem.hpp"
#include "dorado/domain/option_chain.hpp"

namespace dorado::data {

struct ChainFile {
  OptionChain chain;
  std::vector<ImportProblem> problems;

  bool ok() const { return problems.empty(); }
};

ChainFile parse_cboe_chain_csv(std::string_view text, const std::string& underlying);

// "Date: July 9, 2022 at 5:28 p.m. EDT" (also "5:28 PM"), New York time -> UTC.
std::optional<Timestamp> parse_cboe_export_time(std::string_view text);

}  // namespace dorado::data
