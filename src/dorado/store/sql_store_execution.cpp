// SqlStore: orders of the execution path and their fill quality.
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "dorado/store/sql_store.hpp"
#include "dorado/store/sql_time.hpp"
#include "dorado/store/store_error.hpp"

namespace dorado::store {

namespace {

using nlohmann::json;

constexpr std::string_view kOrderColumns =
    "id, client_order_id, candidate_id, bot_id, approval_id, attempt, venue, order_json, "
    "expected_price_micros, state, venue_status, venue_order_id, created_at, updated_at";

template <typename E>
E enum_from(const std::string& name, std::string_view where) {
  const auto value = parse_name<E>(name);
  if (!value) throw StoreError(std::string(where) + " holds an unknown value '" + name + "'");
  return *value;
}

// The order exactly as sent. Prices and quantities as exact decimal strings,
// dates as days since the epoch: the same encoding as the paper venue's
// state file (venue/paper/paper_venue_state.cpp).
json instrument_json(const Instrument& i) {
  json out{{"symbol", i.symbol},
           {"asset_class", name_of(i.asset_class)},
           {"currency", i.currency.code()},
           {"multiplier", i.multiplier},
           {"tick_size", i.tick_size.to_storage()}};
  if (i.pip_size) out["pip_size"] = i.pip_size->to_storage();
  if (i.option)
    out["option"] = {
        {"underlying", i.option->underlying},
        {"expiration", std::chrono::sys_days{i.option->expiration}.time_since_epoch().count()},
        {"strike", i.option->strike.to_storage()},
        {"right", name_of(i.option->right)}};
  return out;
}

std::string order_json(const Order& o) {
  json legs = json::array();
  for (const Leg& leg : o.legs)
    legs.push_back({{"instrument", instrument_json(leg.instrument)},
                    {"side", name_of(leg.side)},
                    {"ratio", leg.ratio}});
  json out{{"client_order_id", o.client_order_id},      {"legs", legs},
           {"quantity", o.quantity.to_storage()},       {"type", name_of(o.type)},
           {"time_in_force", name_of(o.time_in_force)}, {"status", name_of(o.status)}};
  if (o.limit_price) out["limit_price"] = o.limit_price->to_storage();
  return out.dump();
}

Instrument instrument_from(const json& j) {
  Instrument i{.symbol = j.at("symbol").get<std::string>(),
               .asset_class = enum_from<AssetClass>(j.at("asset_class"), "orders.order_json"),
               .currency = Currency(j.at("currency").get<std::string>()),
               .multiplier = j.at("multiplier").get<std::int64_t>(),
               .tick_size = Price::parse(j.at("tick_size").get<std::string>()),
               .pip_size = std::nullopt,
               .option = std::nullopt};
  if (j.contains("pip_size")) i.pip_size = Price::parse(j.at("pip_size").get<std::string>());
  if (j.contains("option")) {
    const json& o = j.at("option");
    i.option = OptionContractId{
        .underlying = o.at("underlying").get<std::string>(),
        .expiration = Date{std::chrono::sys_days{std::chrono::days{o.at("expiration").get<int>()}}},
        .strike = Price::parse(o.at("strike").get<std::string>()),
        .right = enum_from<OptionRight>(o.at("right"), "orders.order_json")};
  }
  return i;
}

Order order_from(const std::string& text) {
  try {
    const json j = json::parse(text);
    Order o{.client_order_id = j.at("client_order_id").get<std::string>(),
            .legs = {},
            .quantity = Quantity::parse(j.at("quantity").get<std::string>()),
            .type = enum_from<OrderType>(j.at("type"), "orders.order_json"),
            .limit_price = std::nullopt,
            .time_in_force = enum_from<TimeInForce>(j.at("time_in_force"), "orders.order_json"),
            .status = enum_from<OrderStatus>(j.at("status"), "orders.order_json")};
    for (const json& leg : j.at("legs"))
      o.legs.push_back(Leg{instrument_from(leg.at("instrument")),
                           enum_from<Side>(leg.at("side"), "orders.order_json"),
                           leg.at("ratio").get<std::int64_t>()});
    if (j.contains("limit_price"))
      o.limit_price = Price::parse(j.at("limit_price").get<std::string>());
    return o;
  } catch (const json::exception& e) {
    throw StoreError(std::string("orders.order_json is malformed: ") + e.what());
  }
}

ports::OrderRecord order_record_from(const SqlRow& row) {
  ports::OrderRecord r;
  r.id = row.integer(0);
  auto& d = r.draft;
  d.order = order_from(row.text(7));
  if (d.order.client_order_id != row.text(1))
    throw StoreError("orders row " + std::to_string(r.id) + ": order_json names client id '" +
                     d.order.client_order_id + "', the row '" + row.text(1) + "'");
  d.candidate_id = row.integer(2);
  d.bot_id = row.text(3);
  d.approval_id = row.integer(4);
  d.attempt = static_cast<int>(row.integer(5));
  d.venue = enum_from<VenueId>(row.text(6), "orders.venue");
  d.expected_price = Price::from_micros(row.integer(8));
  r.state = enum_from<ports::ExecutionState>(row.text(9), "orders.state");
  if (!row.is_null(10))
    r.venue_status = enum_from<OrderStatus>(row.text(10), "orders.venue_status");
  r.venue_order_id = row.optional_text(11).value_or("");
  d.at = parse_sql_timestamp(row.text(12));
  r.updated_at = parse_sql_timestamp(row.text(13));
  return r;
}

void check_draft(const ports::OrderDraft& d) {
  if (d.order.client_order_id.empty())
    throw std::invalid_argument("order to persist has no client order id");
  const auto problems = d.order.problems();
  if (!problems.empty())
    throw std::invalid_argument("order '" + d.order.client_order_id +
                                "' is malformed: " + problems.front());
  if (d.candidate_id <= 0 || d.approval_id <= 0 || d.bot_id.empty() || d.attempt <= 0)
    throw std::invalid_argument("order '" + d.order.client_order_id +
                                "' needs a candidate, an approval, a bot and a positive attempt");
}

}  // namespace

ports::OrderRecord SqlStore::record_order(const ports::OrderDraft& draft) {
  check_draft(draft);
  ports::OrderRecord record{0,  draft,   ports::ExecutionState::PendingSend, std::nullopt,
                            "", draft.at};
  const auto& id = draft.order.client_order_id;
  in_transaction([&] {
    if (order_by_client_id(id)) throw ports::OrderExists("order '" + id + "' is already stored");
    const auto rows = connection_->query(
        "INSERT INTO orders (user_id, client_order_id, candidate_id, bot_id, approval_id, attempt, "
        "venue, order_json, expected_price_micros, state, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {user_id_, id, draft.candidate_id, draft.bot_id, draft.approval_id,
         std::int64_t{draft.attempt}, std::string(name_of(draft.venue)), order_json(draft.order),
         draft.expected_price.micros(), std::string(name_of(record.state)), sql_timestamp(draft.at),
         sql_timestamp(draft.at)});
    record.id = rows.at(0).integer(0);
    json detail{{"candidate_id", draft.candidate_id},
                {"approval_id", draft.approval_id},
                {"attempt", draft.attempt},
                {"venue", name_of(draft.venue)}};
    append_audit_in_transaction(
        {draft.at, "engine", "order.persisted", "order", id, detail.dump()});
  });
  return record;
}

std::optional<ports::OrderRecord> SqlStore::order_by_client_id(const std::string& client_order_id) {
  const auto rows = connection_->query("SELECT " + std::string(kOrderColumns) +
                                           " FROM orders WHERE user_id = ? AND client_order_id = ?",
                                       {user_id_, client_order_id});
  if (rows.empty()) return std::nullopt;
  return order_record_from(rows[0]);
}

std::vector<ports::OrderRecord> SqlStore::unsettled_orders() {
  std::vector<ports::OrderRecord> out;
  for (const auto& row :
       connection_->query("SELECT " + std::string(kOrderColumns) +
                              " FROM orders WHERE user_id = ? AND state IN ('pending_send', "
                              "'working') ORDER BY id",
                          {user_id_}))
    out.push_back(order_record_from(row));
  return out;
}

bool SqlStore::advance_order(const std::string& client_order_id,
                             const ports::OrderProgress& progress) {
  bool changed = false;
  in_transaction([&] {
    // A final state is never left: a late report cannot reopen a filled order.
    const auto rows = connection_->query(
        "UPDATE orders SET state = ?, venue_status = ?, venue_order_id = ?, updated_at = ? "
        "WHERE user_id = ? AND client_order_id = ? AND state IN ('pending_send', 'working') "
        "RETURNING id",
        {std::string(name_of(progress.state)),
         progress.venue_status ? SqlValue{std::string(name_of(*progress.venue_status))}
                               : sql_null(),
         progress.venue_order_id.empty() ? sql_null() : SqlValue{progress.venue_order_id},
         sql_timestamp(progress.at), user_id_, client_order_id});
    if (rows.empty()) return;
    changed = true;
    json detail{{"state", name_of(progress.state)}};
    if (progress.venue_status) detail["venue_status"] = name_of(*progress.venue_status);
    if (!progress.venue_order_id.empty()) detail["venue_order_id"] = progress.venue_order_id;
    append_audit_in_transaction(
        {progress.at, "engine", "order.advanced", "order", client_order_id, detail.dump()});
  });
  return changed;
}

void SqlStore::record_fill_quality(const ports::FillQualityRecord& fill) {
  if (fill.client_order_id.empty())
    throw std::invalid_argument("fill quality needs a client order id");
  connection_->query(
      "INSERT INTO fill_quality (user_id, client_order_id, symbol, expected_price_micros, "
      "fill_price_micros, slippage_per_contract_micros, quantity, currency, venue, filled_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {user_id_, fill.client_order_id, fill.symbol, fill.expected_price.micros(),
       fill.fill_price.micros(), fill.slippage_per_contract.micros(), fill.quantity.to_double(),
       std::string(fill.slippage_per_contract.currency().code()), std::string(name_of(fill.venue)),
       sql_timestamp(fill.filled_at)});
}

std::vector<ports::FillQualityRecord> SqlStore::fill_quality_for(
    const std::string& client_order_id) {
  std::vector<ports::FillQualityRecord> out;
  for (const auto& row : connection_->query(
           "SELECT client_order_id, symbol, expected_price_micros, fill_price_micros, "
           "slippage_per_contract_micros, quantity, currency, venue, filled_at FROM fill_quality "
           "WHERE user_id = ? AND client_order_id = ? ORDER BY id",
           {user_id_, client_order_id}))
    out.push_back({row.text(0), row.text(1), Price::from_micros(row.integer(2)),
                   Price::from_micros(row.integer(3)),
                   Money::from_micros(row.integer(4), Currency(row.text(6))),
                   Quantity::from_double(row.real(5)), enum_from<VenueId>(row.text(7), "venue"),
                   parse_sql_timestamp(row.text(8))});
  return out;
}

}  // namespace dorado::store
