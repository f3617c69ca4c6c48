#pragma once
// The chain-quality problems the synthetic market injects, one record per
// spoiled contract, so a test can check that chain validation finds exactly
// what was spoiled.
#include <vector>

#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/option_chain.hpp"
#include "dorado/domain/option_contract_id.hpp"
#include "dorado/domain/regime.hpp"

namespace dorado::data::synthetic {

enum class ChainProblem {
  MissingGreeks,  // delta, gamma, theta, vega and implied vol absent
  StaleGreeks,    // greeks computed at the previous session's close, quotes current
  ZeroBid,        // a contract with a real bid shows bid 0
  PartialChain,   // the contract is missing: part of its expiration was not delivered
};

struct InjectedChainProblem {
  ChainProblem problem;
  OptionContractId contract;

  friend bool operator==(const InjectedChainProblem&, const InjectedChainProblem&) = default;
};

// A chain as a venue would deliver it, with the record of what was spoiled.
struct SyntheticChain {
  OptionChain chain;
  MacroRegime regime = MacroRegime::Goldilocks;  // the true regime of the day
  // Contracts listed before any PartialChain removal.
  std::size_t listed_contracts = 0;
  std::vector<InjectedChainProblem> problems;

  std::vector<InjectedChainProblem> problems_of(ChainProblem kind) const {
    std::vector<InjectedChainProblem> out;
    for (const auto& p : problems) {
      if (p.problem == kind) out.push_back(p);
    }
    return out;
  }
};

}  // namespace dorado::data::synthetic

template <>
struct dorado::EnumNames<dorado::data::synthetic::ChainProblem> {
  using P = dorado::data::synthetic::ChainProblem;
  static constexpr std::array<std::pair<P, std::string_view>, 4> table{{
      {P::MissingGreeks, "missing_greeks"},
      {P::StaleGreeks, "stale_greeks"},
      {P::ZeroBid, "zero_bid"},
      {P::PartialChain, "partial_chain"},
  }};
};
