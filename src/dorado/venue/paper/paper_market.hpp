#pragma once
// Where the paper venue sees the market: the quotes it fills against and the
// chains, financing and funding it reports. The engine wires the source (the
// stored quotes of the day in replay, the synthetic chain of the day in the
// demo); SnapshotMarket is the implementation over a quote map and chains.
// Answers are for "now" as the engine has set the source; the venue never
// caches them.
#include <optional>
#include <string_view>

#include "dorado/domain/instrument.hpp"
#include "dorado/domain/option_chain.hpp"
#include "dorado/domain/quote.hpp"
#include "dorado/ports/venue_crypto.hpp"
#include "dorado/ports/venue_fx.hpp"

namespace dorado::venue::paper {

class PaperMarket {
 public:
  virtual ~PaperMarket() = default;

  // Top of book of `instrument`; for an option, found by its contract id.
  virtual std::optional<Quote> quote(const Instrument& instrument) const = 0;
  virtual std::optional<OptionChain> option_chain(std::string_view underlying) const = 0;
  virtual std::optional<ports::FinancingRates> financing(std::string_view instrument) const = 0;
  virtual std::optional<ports::PerpFunding> funding(std::string_view symbol) const = 0;
};

}  // namespace dorado::venue::paper
