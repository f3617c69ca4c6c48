#include "dorado/strategy/chain/requote_drift.hpp"

#include <cmath>

#include "dorado/strategy/resolve/resolution_text.hpp"

namespace dorado::strategy {

RequoteDrift requote_drift(const ResolutionDetail& original, const ResolutionDetail& requoted,
                           const ChainQualityLimits& limits) {
  RequoteDrift out;
  for (const auto& before : original.legs) {
    const ResolvedLeg* after = requoted.leg(before.role);
    if (!after) {
      out.needs_reresolve = true;
      out.sentence = before.role + " is missing from the re-quote";
      continue;
    }
    LegDrift d{before.role,    before.strike(), after->strike(),
               before.delta(), after->delta(),  std::abs(after->delta() - before.delta())};
    const bool moved = d.moved > limits.requote_delta_move + 1e-12;
    const bool restruck = std::abs(d.strike_after - d.strike_before) > 1e-9;
    if ((moved || restruck) && !out.needs_reresolve)
      out.sentence = d.role + " " + number_text(d.strike_before) + ": delta " +
                     number_text(d.delta_before, 3) + " -> " + number_text(d.delta_after, 3) +
                     " (moved " + number_text(d.moved, 3) + " > " +
                     number_text(limits.requote_delta_move) + ")";
    out.needs_reresolve = out.needs_reresolve || moved || restruck;
    out.legs.push_back(d);
  }
  if (!out.needs_reresolve) out.sentence = "every leg's delta within the re-quote tolerance";
  return out;
}

}  // namespace dorado::strategy
