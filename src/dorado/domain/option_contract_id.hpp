#pragma once
// The identity of a listed option: underlying, expiration, strike, right.
// Strike is exact (Price) so that two legs naming "the 470 call" compare
// equal, and so the OCC symbol round-trips.
#include <compare>
#include <string>
#include <string_view>

#include "dorado/domain/option_right.hpp"
#include "dorado/domain/price.hpp"
#include "dorado/domain/time.hpp"

namespace dorado {

struct OptionContractId {
  std::string underlying;
  Date expiration;
  Price strike;
  OptionRight right = OptionRight::Call;

  // OCC symbology, 21 characters: root padded to 6 with spaces, YYMMDD, C/P,
  // strike x 1000 in 8 digits. {"SPY", 2024-01-19, 470, call} ->
  // "SPY   240119C00470000". Throws std::invalid_argument if the contract cannot
  // be written that way (root empty or longer than 6, year outside
  // 2000-2099, strike not positive, finer than 0.001 or above 99999.999).
  std::string occ_symbol() const;

  // Reads the padded form above and also the unpadded one
  // ("SPY240119C00470000"). Throws std::invalid_argument quoting the text.
  static OptionContractId parse_occ(std::string_view symbol);

  friend bool operator==(const OptionContractId&, const OptionContractId&) = default;
  friend auto operator<=>(const OptionContractId&, const OptionContractId&) = default;
};

}  // namespace dorado
