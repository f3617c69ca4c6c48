#include "dorado/risk/structure_shape.hpp"

#include <algorithm>
#include <chrono>

namespace dorado::risk {
namespace {

struct OptionLeg {
  OptionRight right;
  Side side;
  Price strike;
  Date expiration;
  std::string underlying;
  std::int64_t multiplier;
  std::int64_t ratio;
};

ShapeReading fail(std::string problem) {
  return ShapeReading{std::nullopt, std::move(problem)};
}

std::optional<std::vector<OptionLeg>> option_legs(const Candidate& c) {
  std::vector<OptionLeg> out;
  for (const auto& leg : c.legs) {
    if (!leg.instrument.option) return std::nullopt;
    const auto& id = *leg.instrument.option;
    out.push_back({id.right, leg.side, id.strike, id.expiration, id.underlying,
                   leg.instrument.multiplier, leg.ratio});
  }
  return out;
}

bool same_series(const std::vector<OptionLeg>& legs) {
  return std::all_of(legs.begin(), legs.end(), [&](const OptionLeg& l) {
    return l.expiration == legs.front().expiration && l.underlying == legs.front().underlying &&
           l.ratio == legs.front().ratio && l.multiplier == legs.front().multiplier;
  });
}

const OptionLeg* find_leg(const std::vector<OptionLeg>& legs, OptionRight right, Side side) {
  const auto it = std::find_if(legs.begin(), legs.end(), [&](const OptionLeg& l) {
    return l.right == right && l.side == side;
  });
  return it == legs.end() ? nullptr : &*it;
}

// A credit vertical of `right`: the long strike further out of the money.
std::optional<Vertical> credit_vertical(const std::vector<OptionLeg>& legs, OptionRight right) {
  const OptionLeg* s = find_leg(legs, right, Side::Sell);
  const OptionLeg* l = find_leg(legs, right, Side::Buy);
  if (!s || !l) return std::nullopt;
  const bool wing_outside =
      right == OptionRight::Put ? l->strike < s->strike : l->strike > s->strike;
  if (!wing_outside) return std::nullopt;
  return Vertical{right, s->strike, l->strike, s->multiplier, s->ratio};
}

ShapeReading read_spread(const std::vector<OptionLeg>& legs, bool condor) {
  const std::size_t want = condor ? 4 : 2;
  const char* name = condor ? "iron condor" : "put vertical";
  if (legs.size() != want || !same_series(legs))
    return fail(std::string(name) + " needs " + std::to_string(want) +
                " option legs of one underlying, expiration and ratio");
  StructureShape shape;
  const auto put = credit_vertical(legs, OptionRight::Put);
  if (!put) return fail(std::string(name) + " needs a short put above a long put");
  shape.verticals.push_back(*put);
  if (condor) {
    const auto call = credit_vertical(legs, OptionRight::Call);
    if (!call) return fail("iron condor needs a short call below a long call");
    if (!(put->short_strike < call->short_strike))
      return fail("iron condor's short put must be below its short call");
    shape.verticals.push_back(*call);
  }
  shape.multiplier = legs.front().multiplier;
  shape.ratio = legs.front().ratio;
  return {shape, ""};
}

ShapeReading read_single_short(const std::vector<OptionLeg>& legs, config::Structure structure) {
  const bool put_ok =
      structure == config::Structure::ShortPut || structure == config::Structure::Wheel;
  const bool call_ok =
      structure == config::Structure::CoveredCall || structure == config::Structure::Wheel;
  const std::string name(name_of(structure));
  if (legs.size() != 1 || legs.front().side != Side::Sell)
    return fail(name + " needs exactly one short option leg");
  const auto& leg = legs.front();
  if ((leg.right == OptionRight::Put && !put_ok) || (leg.right == OptionRight::Call && !call_ok))
    return fail(name + " cannot be a short " + std::string(name_of(leg.right)));
  StructureShape shape;
  shape.short_strike = leg.strike;
  shape.short_right = leg.right;
  shape.multiplier = leg.multiplier;
  shape.ratio = leg.ratio;
  return {shape, ""};
}

}  // namespace

ShapeReading read_structure(config::Structure structure, const Candidate& candidate) {
  if (structure == config::Structure::Momentum) {
    if (candidate.legs.size() != 1 || candidate.legs.front().instrument.is_option())
      return fail("momentum needs exactly one leg in the underlying itself");
    StructureShape shape;
    shape.multiplier = candidate.legs.front().instrument.multiplier;
    shape.ratio = candidate.legs.front().ratio;
    return {shape, ""};
  }
  const auto legs = option_legs(candidate);
  if (!legs || legs->empty())
    return fail(std::string(name_of(structure)) + " needs option legs only");
  switch (structure) {
    case config::Structure::IronCondor:
      return read_spread(*legs, true);
    case config::Structure::PutVertical:
      return read_spread(*legs, false);
    default:
      return read_single_short(*legs, structure);
  }
}

std::optional<int> days_to_expiration(const Candidate& candidate) {
  using namespace std::chrono;
  std::optional<int> nearest;
  const sys_days today = floor<days>(candidate.as_of);
  for (const auto& leg : candidate.legs) {
    if (!leg.instrument.option) continue;
    const int dte = static_cast<int>((sys_days{leg.instrument.option->expiration} - today).count());
    if (!nearest || dte < *nearest) nearest = dte;
  }
  return nearest;
}

}  // namespace dorado::risk
