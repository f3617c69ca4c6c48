// SqlStore: option chain snapshots (table option_quotes).
#include <cmath>
#include <set>
#include <tuple>

#include "dorado/store/batch_checks.hpp"
#include "dorado/store/sql_store.hpp"
#include "dorado/store/sql_time.hpp"

namespace dorado::store {

using ports::BatchWrite;

namespace {

std::optional<std::string> invalid_optional(std::string_view field,
                                            const std::optional<double>& v) {
  return v ? invalid_finite(field, *v) : std::nullopt;
}

std::optional<std::string> invalid_contract(const OptionContract& c,
                                            const std::string& underlying) {
  if (c.underlying != underlying)
    return "underlying is \"" + c.underlying + "\", not the chain's \"" + underlying + "\"";
  if (!c.expiration.ok()) return "expiration is not a calendar date";
  if (auto why = invalid_positive("strike", c.strike)) return why;
  for (const auto& [field, value] :
       {std::pair{"bid", c.bid}, std::pair{"ask", c.ask}, std::pair{"last", c.last}})
    if (auto why = invalid_non_negative(field, value)) return why;
  if (c.volume < 0) return "volume is " + std::to_string(c.volume) + ", not a non-negative count";
  if (c.open_interest < 0)
    return "open_interest is " + std::to_string(c.open_interest) + ", not a non-negative count";
  for (const auto& [field, value] :
       {std::pair{"implied_vol", c.implied_vol}, std::pair{"delta", c.delta},
        std::pair{"gamma", c.gamma}, std::pair{"theta", c.theta}, std::pair{"vega", c.vega}})
    if (auto why = invalid_optional(field, value)) return why;
  return std::nullopt;
}

std::string contract_label(const OptionContract& c) {
  return to_iso_date(c.expiration) + " " + number_text(c.strike) + " " +
         std::string(name_of(c.right));
}

std::optional<double> optional_real(const SqlRow& row, std::size_t i) {
  return row.is_null(i) ? std::nullopt : std::optional<double>(row.real(i));
}

}  // namespace

BatchWrite SqlStore::save_option_chain(const OptionChain& chain, const std::string& source) {
  if (chain.underlying.empty())
    return {0, ports::RejectedRow{0, "the chain's underlying is empty"}};
  if (source.empty()) return {0, ports::RejectedRow{0, "source is empty"}};
  const std::span<const OptionContract> contracts(chain.contracts);
  std::set<std::tuple<Date, double, OptionRight>> seen;
  if (auto rejected = first_invalid(
          contracts,
          [&](const OptionContract& c) -> std::optional<std::string> {
            if (auto why = invalid_contract(c, chain.underlying)) return why;
            if (!seen.emplace(c.expiration, c.strike, c.right).second)
              return std::string("the same contract appears twice in the chain");
            return std::nullopt;
          },
          contract_label))
    return {0, std::move(rejected)};
  const auto spot = std::isfinite(chain.spot) && chain.spot > 0
                        ? sql_optional(std::optional(chain.spot))
                        : sql_null();
  in_transaction([&] {
    ensure_partitions("option_quotes", distinct_months({utc_date(chain.as_of)}));
    for (const auto& c : contracts)
      connection_->query(
          "INSERT INTO option_quotes (user_id, underlying, as_of, expiration, strike, "
          "option_right, bid, ask, last_price, volume, open_interest, iv, delta, gamma, theta, "
          "vega, quote_time, underlying_price, source) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (user_id, underlying, as_of, expiration, strike, option_right) DO UPDATE "
          "SET bid = excluded.bid, ask = excluded.ask, last_price = excluded.last_price, "
          "volume = excluded.volume, open_interest = excluded.open_interest, iv = excluded.iv, "
          "delta = excluded.delta, gamma = excluded.gamma, theta = excluded.theta, "
          "vega = excluded.vega, quote_time = excluded.quote_time, "
          "underlying_price = excluded.underlying_price, source = excluded.source",
          {user_id_, chain.underlying, sql_timestamp(chain.as_of), sql_date(c.expiration), c.strike,
           std::string(name_of(c.right)), c.bid, c.ask, c.last, c.volume, c.open_interest,
           sql_optional(c.implied_vol), sql_optional(c.delta), sql_optional(c.gamma),
           sql_optional(c.theta), sql_optional(c.vega), sql_timestamp(c.quote_time), spot, source});
  });
  return {contracts.size(), std::nullopt};
}

std::optional<OptionChain> SqlStore::read_option_chain(const std::string& underlying,
                                                       Timestamp as_of) {
  const auto rows = connection_->query(
      "SELECT expiration, strike, option_right, bid, ask, last_price, volume, open_interest, iv, "
      "delta, gamma, theta, vega, quote_time, underlying_price FROM option_quotes "
      "WHERE user_id = ? AND underlying = ? AND as_of = ? "
      "ORDER BY expiration, strike, option_right",
      {user_id_, underlying, sql_timestamp(as_of)});
  if (rows.empty()) return std::nullopt;
  OptionChain chain{underlying, 0.0, as_of, {}};
  chain.contracts.reserve(rows.size());
  for (const auto& row : rows) {
    OptionContract c;
    c.underlying = underlying;
    c.expiration = parse_sql_date(row.text(0));
    c.strike = row.real(1);
    c.right = parse_name<OptionRight>(row.text(2)).value();
    c.bid = row.real(3);
    c.ask = row.real(4);
    c.last = row.real(5);
    c.volume = row.integer(6);
    c.open_interest = row.integer(7);
    c.implied_vol = optional_real(row, 8);
    c.delta = optional_real(row, 9);
    c.gamma = optional_real(row, 10);
    c.theta = optional_real(row, 11);
    c.vega = optional_real(row, 12);
    c.quote_time = parse_sql_timestamp(row.text(13));
    if (!row.is_null(14)) chain.spot = row.real(14);
    chain.contracts.push_back(std::move(c));
  }
  return chain;
}

std::vector<Timestamp> SqlStore::option_chain_times(const std::string& underlying,
                                                    ports::TimeRange range) {
  std::vector<Timestamp> out;
  for (const auto& row : connection_->query(
           "SELECT DISTINCT as_of FROM option_quotes WHERE user_id = ? AND underlying = ? "
           "AND as_of >= ? AND as_of <= ? ORDER BY as_of",
           {user_id_, underlying, sql_timestamp(range.first), sql_timestamp(range.last)}))
    out.push_back(parse_sql_timestamp(row.text(0)));
  return out;
}

}  // namespace dorado::store
