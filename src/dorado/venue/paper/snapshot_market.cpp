#include "dorado/venue/paper/snapshot_market.hpp"

#include <stdexcept>
#include <utility>

namespace dorado::venue::paper {

void SnapshotMarket::set_quote(Quote quote) {
  if (quote.symbol.empty()) throw std::invalid_argument("SnapshotMarket: quote without a symbol");
  if (quote.is_crossed())
    throw std::invalid_argument("SnapshotMarket: crossed quote for " + quote.symbol + " (bid " +
                                std::to_string(quote.bid) + " above ask " +
                                std::to_string(quote.ask) + ")");
  std::string symbol = quote.symbol;
  quotes_.insert_or_assign(std::move(symbol), std::move(quote));
}

void SnapshotMarket::set_chain(OptionChain chain) {
  if (chain.underlying.empty())
    throw std::invalid_argument("SnapshotMarket: chain without underlying");
  std::erase_if(rows_, [&](const auto& row) { return row.first.underlying == chain.underlying; });
  for (std::size_t i = 0; i < chain.contracts.size(); ++i) rows_[chain.contracts[i].id()] = i;
  std::string underlying = chain.underlying;
  chains_.insert_or_assign(std::move(underlying), std::move(chain));
}

void SnapshotMarket::set_financing(ports::FinancingRates rates) {
  std::string name = rates.instrument;
  financing_.insert_or_assign(std::move(name), std::move(rates));
}

void SnapshotMarket::set_funding(ports::PerpFunding funding) {
  std::string name = funding.symbol;
  funding_.insert_or_assign(std::move(name), std::move(funding));
}

void SnapshotMarket::remove_quote(std::string_view symbol) {
  if (const auto it = quotes_.find(symbol); it != quotes_.end()) quotes_.erase(it);
}

void SnapshotMarket::clear() {
  quotes_.clear();
  chains_.clear();
  rows_.clear();
  financing_.clear();
  funding_.clear();
}

std::optional<Quote> SnapshotMarket::quote(const Instrument& instrument) const {
  // A quote set by symbol (an option's OCC symbol) wins over the chain row.
  if (const auto it = quotes_.find(instrument.symbol); it != quotes_.end()) return it->second;
  if (instrument.option) return option_quote(*instrument.option);
  return spot_quote(instrument.symbol);
}

std::optional<Quote> SnapshotMarket::option_quote(const OptionContractId& id) const {
  const auto row = rows_.find(id);
  if (row == rows_.end()) return std::nullopt;
  const OptionChain& chain = chains_.find(id.underlying)->second;
  const OptionContract& c = chain.contracts[row->second];
  const Timestamp time = c.quote_time == Timestamp{} ? chain.as_of : c.quote_time;
  return Quote{.symbol = id.occ_symbol(),
               .bid = c.bid,
               .ask = c.ask,
               .last = c.last,
               .bid_size = 0.0,
               .ask_size = 0.0,
               .time = time};
}

std::optional<Quote> SnapshotMarket::spot_quote(std::string_view underlying) const {
  const auto it = chains_.find(underlying);
  if (it == chains_.end() || !(it->second.spot > 0.0)) return std::nullopt;
  const double spot = it->second.spot;
  return Quote{.symbol = std::string(underlying),
               .bid = spot,
               .ask = spot,
               .last = spot,
               .bid_size = 0.0,
               .ask_size = 0.0,
               .time = it->second.as_of};
}

std::optional<OptionChain> SnapshotMarket::option_chain(std::string_view underlying) const {
  const auto it = chains_.find(underlying);
  if (it == chains_.end()) return std::nullopt;
  return it->second;
}

std::optional<ports::FinancingRates> SnapshotMarket::financing(std::string_view instrument) const {
  const auto it = financing_.find(instrument);
  if (it == financing_.end()) return std::nullopt;
  return it->second;
}

std::optional<ports::PerpFunding> SnapshotMarket::funding(std::string_view symbol) const {
  const auto it = funding_.find(symbol);
  if (it == funding_.end()) return std::nullopt;
  return it->second;
}

}  // namespace dorado::venue::paper
