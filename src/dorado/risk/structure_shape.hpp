#pragma once
// Whether a candidate's legs are the structure its template names: the
// sanity check behind "strategy constraints", and the reading margin.cpp
// needs (the verticals' widths, the put's strike). A resolver bug that
// produced a naked call labelled "iron condor" must not reach the venue.
#include <optional>
#include <string>
#include <vector>

#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/candidate.hpp"
#include "dorado/domain/option_right.hpp"
#include "dorado/domain/price.hpp"

namespace dorado::risk {

// One vertical: a short and a long option of one right and expiration.
struct Vertical {
  OptionRight right = OptionRight::Put;
  Price short_strike;
  Price long_strike;
  std::int64_t multiplier = 100;
  std::int64_t ratio = 1;
  Price width() const { return (short_strike - long_strike).abs(); }
};

struct StructureShape {
  std::vector<Vertical> verticals;  // iron condor: put then call; put vertical: one
  // The single short option of a short put, covered call or wheel.
  std::optional<Price> short_strike;
  std::optional<OptionRight> short_right;
  std::int64_t multiplier = 1;
  std::int64_t ratio = 1;
};

struct ShapeReading {
  std::optional<StructureShape> shape;  // set when the legs fit
  std::string problem;                  // why not, for a human
};

ShapeReading read_structure(config::Structure structure, const Candidate& candidate);

// Calendar days from the candidate's as-of date (UTC) to its nearest leg
// expiration; nullopt when no leg is an option.
std::optional<int> days_to_expiration(const Candidate& candidate);

}  // namespace dorado::risk
