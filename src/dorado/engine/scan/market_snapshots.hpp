#pragma once
// Where the daily scan gets its view of the market: one UnderlyingSnapshot
// per universe underlying as of a trade date. Two sources implement it: the
// seeded synthetic market (the default of a fresh `dorado init` folder, so a
// scan works offline) and the store (what `dorado data` fetched or imported).
// dorado.yaml's market_data.source picks one.
#include <string>

#include "dorado/config/universe.hpp"
#include "dorado/domain/time.hpp"
#include "dorado/strategy/chain/model_greeks.hpp"
#include "dorado/strategy/underlying_snapshot.hpp"

namespace dorado::engine {

class MarketSnapshots {
 public:
  virtual ~MarketSnapshots() = default;

  // "synthetic (seed 42)", "store": said on the screen and in the journal.
  virtual std::string description() const = 0;
  // The scan date when none is given: the latest trade date the source has
  // complete data for. Deterministic for a given source and store content.
  virtual Date default_as_of() const = 0;
  // The underlying as of the close of `as_of`. What the source lacks is left
  // empty (no bars, no chain): the gates and the resolver say what is missing.
  virtual strategy::UnderlyingSnapshot snapshot(const config::UniverseMember& member,
                                                Date as_of) const = 0;
  // The rates the chain's IV and greeks are recomputed with.
  virtual strategy::PricingAssumptions pricing(const config::UniverseMember& member) const = 0;
  // Whether snapshot() may be called from several threads at once.
  virtual bool concurrent() const = 0;
};

}  // namespace dorado::engine
