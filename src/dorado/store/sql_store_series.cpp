// SqlStore: IV history, funding rates and the extents of every stored series.
#include <cmath>
#include <limits>
#include <stdexcept>

#include "dorado/store/batch_checks.hpp"
#include "dorado/store/sql_store.hpp"
#include "dorado/store/sql_time.hpp"

namespace dorado::store {

using ports::BatchWrite;

namespace {

std::optional<std::string> invalid_iv(const ports::IvObservation& o) {
  if (o.symbol.empty()) return "symbol is empty";
  if (!o.obs_date.ok()) return "obs_date is not a calendar date";
  if (!std::isfinite(o.iv30) || o.iv30 <= 0)
    return "iv30 is " + number_text(o.iv30) + ", not a positive volatility";
  return std::nullopt;
}

std::optional<std::string> invalid_funding(const ports::FundingRate& f) {
  if (f.venue.empty()) return "venue is empty";
  if (f.symbol.empty()) return "symbol is empty";
  return invalid_finite("rate", f.rate);
}

// The statement listing a kind's series; table and columns come from this
// binary, the user only as a parameter.
std::string_view extents_sql(ports::SeriesKind kind) {
  switch (kind) {
    case ports::SeriesKind::Ohlcv:
      return "SELECT symbol, min(bar_date), max(bar_date), count(*) FROM ohlcv "
             "WHERE user_id = ? GROUP BY symbol ORDER BY symbol";
    case ports::SeriesKind::Macro:
      return "SELECT series, min(obs_date), max(obs_date), count(*) FROM macro_features "
             "WHERE user_id = ? GROUP BY series ORDER BY series";
    case ports::SeriesKind::IvHistory:
      return "SELECT symbol, min(obs_date), max(obs_date), count(*) FROM iv_history "
             "WHERE user_id = ? GROUP BY symbol ORDER BY symbol";
    case ports::SeriesKind::Funding:
      return "SELECT venue || ':' || symbol, min(funding_time), max(funding_time), count(*) "
             "FROM funding_rates WHERE user_id = ? GROUP BY venue, symbol ORDER BY venue, symbol";
    case ports::SeriesKind::OptionChain:
      return "SELECT underlying, min(as_of), max(as_of), count(*) FROM option_quotes "
             "WHERE user_id = ? GROUP BY underlying ORDER BY underlying";
  }
  throw std::logic_error("unknown series kind");
}

bool timestamped(ports::SeriesKind kind) {
  return kind == ports::SeriesKind::Funding || kind == ports::SeriesKind::OptionChain;
}

}  // namespace

BatchWrite SqlStore::upsert_iv_history(std::span<const ports::IvObservation> observations) {
  if (auto rejected = first_invalid(observations, invalid_iv, [](const ports::IvObservation& o) {
        return o.symbol + " " + sql_date(o.obs_date);
      }))
    return {0, std::move(rejected)};
  in_transaction([&] {
    ensure_partitions("iv_history",
                      months_of(observations, [](const auto& o) { return o.obs_date; }));
    for (const auto& o : observations)
      connection_->query(
          "INSERT INTO iv_history (user_id, symbol, obs_date, iv30) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (user_id, symbol, obs_date) DO UPDATE SET iv30 = excluded.iv30",
          {user_id_, o.symbol, sql_date(o.obs_date), o.iv30});
  });
  return {observations.size(), std::nullopt};
}

std::vector<ports::IvObservation> SqlStore::read_iv_history(const std::string& symbol,
                                                            ports::DateRange range) {
  std::vector<ports::IvObservation> out;
  for (const auto& row :
       connection_->query("SELECT symbol, obs_date, iv30 FROM iv_history "
                          "WHERE user_id = ? AND symbol = ? AND obs_date >= ? AND obs_date <= ? "
                          "ORDER BY obs_date",
                          {user_id_, symbol, sql_date(range.first), sql_date(range.last)}))
    out.push_back({row.text(0), parse_sql_date(row.text(1)), row.real(2)});
  return out;
}

BatchWrite SqlStore::upsert_funding_rates(std::span<const ports::FundingRate> rates) {
  if (auto rejected = first_invalid(rates, invalid_funding, [](const ports::FundingRate& f) {
        return f.venue + ":" + f.symbol + " " + sql_timestamp(f.funding_time);
      }))
    return {0, std::move(rejected)};
  in_transaction([&] {
    ensure_partitions("funding_rates",
                      months_of(rates, [](const auto& f) { return utc_date(f.funding_time); }));
    for (const auto& f : rates)
      connection_->query(
          "INSERT INTO funding_rates (user_id, venue, symbol, funding_time, rate) "
          "VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, venue, symbol, funding_time) "
          "DO UPDATE SET rate = excluded.rate",
          {user_id_, f.venue, f.symbol, sql_timestamp(f.funding_time), f.rate});
  });
  return {rates.size(), std::nullopt};
}

std::vector<ports::FundingRate> SqlStore::read_funding_rates(const std::string& venue,
                                                             const std::string& symbol,
                                                             ports::TimeRange range) {
  std::vector<ports::FundingRate> out;
  for (const auto& row : connection_->query(
           "SELECT venue, symbol, funding_time, rate FROM funding_rates WHERE user_id = ? "
           "AND venue = ? AND symbol = ? AND funding_time >= ? AND funding_time <= ? "
           "ORDER BY funding_time",
           {user_id_, venue, symbol, sql_timestamp(range.first), sql_timestamp(range.last)}))
    out.push_back({row.text(0), row.text(1), parse_sql_timestamp(row.text(2)), row.real(3)});
  return out;
}

std::vector<ports::SeriesExtent> SqlStore::series_extents(ports::SeriesKind kind) {
  const bool stamped = timestamped(kind);
  auto day = [&](const SqlRow& row, std::size_t i) {
    return stamped ? utc_date(parse_sql_timestamp(row.text(i))) : parse_sql_date(row.text(i));
  };
  std::vector<ports::SeriesExtent> out;
  for (const auto& row : connection_->query(extents_sql(kind), {user_id_}))
    out.push_back({kind, row.text(0), day(row, 1), day(row, 2), row.integer(3)});
  return out;
}

}  // namespace dorado::store
