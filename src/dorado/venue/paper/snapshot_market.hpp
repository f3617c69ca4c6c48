#pragma once
// A PaperMarket over what the engine last put in it: quotes by symbol and
// option chains by underlying. A quote set for a symbol (an option's OCC
// symbol included) wins; otherwise an option is quoted from its chain row's
// bid and ask, and an underlying at its chain's spot.
// Setting a chain replaces that underlying's previous chain whole, so a day's
// replay sees only that day's contracts.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "dorado/venue/paper/paper_market.hpp"

namespace dorado::venue::paper {

class SnapshotMarket final : public PaperMarket {
 public:
  // Replaces the quote of quote.symbol. Throws std::invalid_argument for an
  // empty symbol or a crossed quote (bid above ask), which no venue fills against.
  void set_quote(Quote quote);
  void set_chain(OptionChain chain);
  void set_financing(ports::FinancingRates rates);
  void set_funding(ports::PerpFunding funding);
  void remove_quote(std::string_view symbol);
  // Forgets everything.
  void clear();

  std::optional<Quote> quote(const Instrument& instrument) const override;
  std::optional<OptionChain> option_chain(std::string_view underlying) const override;
  std::optional<ports::FinancingRates> financing(std::string_view instrument) const override;
  std::optional<ports::PerpFunding> funding(std::string_view symbol) const override;

 private:
  std::optional<Quote> option_quote(const OptionContractId& id) const;
  std::optional<Quote> spot_quote(std::string_view underlying) const;

  std::map<std::string, Quote, std::less<>> quotes_;
  std::map<std::string, OptionChain, std::less<>> chains_;
  // Contract id -> row of its underlying's chain.
  std::map<OptionContractId, std::size_t> rows_;
  std::map<std::string, ports::FinancingRates, std::less<>> financing_;
  std::map<std::string, ports::PerpFunding, std::less<>> funding_;
};

}  // namespace dorado::venue::paper
