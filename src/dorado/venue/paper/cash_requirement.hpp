#pragma once
// The cash an account must keep against the options and shares of one
// underlying, in a cash account (no naked calls; IBKR's cash and IRA
// accounts allow only covered and defined-risk option positions).
//
// Rule: the group's worst value at expiration. V(S) is what the group's
// shares and options are worth if the underlying ends at S, options at their
// intrinsic value (a later-dated long is worth at least that, so holding it
// to a calendar is never under-reserved). The requirement is max(0, -min V).
// V is piecewise linear with kinks at the strikes, so its minimum over S >= 0
// is at S = 0, at a strike, or unbounded when V falls without end as S
// rises (more short calls and short shares than long calls and shares).
//
// This reproduces the brokers' strategy rules:
//   short put K (cash-secured)       -> K x 100 per contract
//   put or call credit spread        -> width x 100
//   iron condor                      -> the wider side's width x 100
//   covered call, long options/stock -> 0
// The premium received is in the cash already, so buying power falls by the
// requirement minus the premium, as the risk layer's margin_for computes.
#include <optional>
#include <vector>

#include "dorado/domain/money.hpp"
#include "dorado/domain/position_leg.hpp"
#include "dorado/domain/price.hpp"

namespace dorado::venue::paper {

struct GroupRequirement {
  Money cash;
  // More short upside than cover: unlimited loss. `cash` then holds the
  // loss if the underlying rose to 150 % of max(highest strike, mark) (the
  // Reg T short-sale figure), so an account already holding such a position
  // (after an assignment) still has a finite requirement.
  bool uncovered = false;
};

// `legs`: the options and shares of one underlying (USD), any of them flat.
// `underlying_mark`: the underlying's price now, if known.
GroupRequirement group_requirement(const std::vector<const PositionLeg*>& legs,
                                   std::optional<Price> underlying_mark);

}  // namespace dorado::venue::paper
