#include "dorado/venue/paper/paper_venue_state.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace dorado::venue::paper {
namespace {

using nlohmann::json;

// --- writing ---

json time_json(Timestamp t) {
  return t.time_since_epoch().count();
}
json date_json(Date d) {
  return std::chrono::sys_days{d}.time_since_epoch().count();
}

json instrument_json(const Instrument& i) {
  json out{{"symbol", i.symbol},
           {"asset_class", name_of(i.asset_class)},
           {"currency", i.currency.code()},
           {"multiplier", i.multiplier},
           {"tick_size", i.tick_size.to_storage()}};
  if (i.pip_size) out["pip_size"] = i.pip_size->to_storage();
  if (i.option)
    out["option"] = {{"underlying", i.option->underlying},
                     {"expiration", date_json(i.option->expiration)},
                     {"strike", i.option->strike.to_storage()},
                     {"right", name_of(i.option->right)}};
  return out;
}

json fill_json(const Fill& f) {
  return {{"client_order_id", f.client_order_id},
          {"leg_index", f.leg_index},
          {"instrument", instrument_json(f.instrument)},
          {"side", name_of(f.side)},
          {"quantity", f.quantity.to_storage()},
          {"price", f.price.to_storage()},
          {"fee", f.fee.to_string()},
          {"time", time_json(f.time)}};
}

json order_json(const Order& o) {
  json legs = json::array();
  for (const Leg& leg : o.legs)
    legs.push_back({{"instrument", instrument_json(leg.instrument)},
                    {"side", name_of(leg.side)},
                    {"ratio", leg.ratio}});
  json out{{"client_order_id", o.client_order_id},      {"legs", legs},
           {"quantity", o.quantity.to_storage()},       {"type", name_of(o.type)},
           {"time_in_force", name_of(o.time_in_force)}, {"status", name_of(o.status)}};
  if (o.limit_price) out["limit_price"] = o.limit_price->to_storage();
  return out;
}

json fills_json(const std::vector<Fill>& fills) {
  json out = json::array();
  for (const Fill& f : fills) out.push_back(fill_json(f));
  return out;
}

json paper_order_json(const PaperOrder& p) {
  const ports::OrderReport& r = p.report;
  json out{{"order", order_json(r.order)},
           {"venue_order_id", r.venue_order_id},
           {"filled_quantity", r.filled_quantity.to_storage()},
           {"fills", fills_json(r.fills)},
           {"commission", r.commission.to_string()},
           {"message", r.message},
           {"accepted_at", time_json(r.accepted_at)},
           {"updated_at", time_json(r.updated_at)},
           {"good_for",
            {time_json(p.good_for.open), time_json(p.good_for.close), p.good_for.early_close}},
           {"fee_units", p.fee_units.to_storage()},
           {"fee_value", p.fee_value.to_string()},
           {"net_value_micros", p.net_value_micros}};
  if (r.average_price) out["average_price"] = r.average_price->to_storage();
  if (r.reason) out["reason"] = name_of(*r.reason);
  if (p.last_fill) out["last_fill"] = time_json(*p.last_fill);
  return out;
}

json settlement_json(const Settlement& s) {
  return {{"option", instrument_json(s.option)},
          {"quantity", s.quantity.to_storage()},
          {"outcome", name_of(s.outcome)},
          {"underlying_price", s.underlying_price.to_storage()},
          {"fills", fills_json(s.fills)},
          {"option_realized_pnl", s.option_realized_pnl.to_string()}};
}

// --- reading: every accessor names the field it failed on ---

const json& field(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key))
    throw std::invalid_argument(std::string("paper venue state: missing field '") + key + "'");
  return j.at(key);
}
template <typename T>
T get(const json& j, const char* key) {
  try {
    return field(j, key).get<T>();
  } catch (const json::exception& e) {
    throw std::invalid_argument(std::string("paper venue state: field '") + key + "': " + e.what());
  }
}
template <typename E>
E enum_field(const json& j, const char* key) {
  const auto text = get<std::string>(j, key);
  const auto value = parse_name<E>(text);
  if (!value)
    throw std::invalid_argument(std::string("paper venue state: field '") + key +
                                "' has unknown value '" + text + "'");
  return *value;
}
Timestamp time_field(const json& j, const char* key) {
  return Timestamp{std::chrono::microseconds{get<std::int64_t>(j, key)}};
}
Price price_field(const json& j, const char* key) {
  return Price::parse(get<std::string>(j, key));
}
Quantity quantity_field(const json& j, const char* key) {
  return Quantity::parse(get<std::string>(j, key));
}
Money money_field(const json& j, const char* key) {
  return Money::parse(get<std::string>(j, key));
}

Instrument instrument_from(const json& j) {
  Instrument i{.symbol = get<std::string>(j, "symbol"),
               .asset_class = enum_field<AssetClass>(j, "asset_class"),
               .currency = Currency(get<std::string>(j, "currency")),
               .multiplier = get<std::int64_t>(j, "multiplier"),
               .tick_size = price_field(j, "tick_size"),
               .pip_size = std::nullopt,
               .option = std::nullopt};
  if (j.contains("pip_size")) i.pip_size = price_field(j, "pip_size");
  if (j.contains("option")) {
    const json& o = j.at("option");
    i.option = OptionContractId{
        .underlying = get<std::string>(o, "underlying"),
        .expiration = Date{std::chrono::sys_days{std::chrono::days{get<int>(o, "expiration")}}},
        .strike = price_field(o, "strike"),
        .right = enum_field<OptionRight>(o, "right")};
  }
  return i;
}

Fill fill_from(const json& j) {
  return Fill{.client_order_id = get<std::string>(j, "client_order_id"),
              .leg_index = get<std::size_t>(j, "leg_index"),
              .instrument = instrument_from(field(j, "instrument")),
              .side = enum_field<Side>(j, "side"),
              .quantity = quantity_field(j, "quantity"),
              .price = price_field(j, "price"),
              .fee = money_field(j, "fee"),
              .time = time_field(j, "time")};
}

std::vector<Fill> fills_from(const json& j) {
  std::vector<Fill> out;
  for (const json& f : j) out.push_back(fill_from(f));
  return out;
}

Order order_from(const json& j) {
  Order o{.client_order_id = get<std::string>(j, "client_order_id"),
          .legs = {},
          .quantity = quantity_field(j, "quantity"),
          .type = enum_field<OrderType>(j, "type"),
          .limit_price = std::nullopt,
          .time_in_force = enum_field<TimeInForce>(j, "time_in_force"),
          .status = enum_field<OrderStatus>(j, "status")};
  for (const json& leg : field(j, "legs"))
    o.legs.push_back(Leg{instrument_from(field(leg, "instrument")), enum_field<Side>(leg, "side"),
                         get<std::int64_t>(leg, "ratio")});
  if (j.contains("limit_price")) o.limit_price = price_field(j, "limit_price");
  return o;
}

PaperOrder paper_order_from(const json& j) {
  const json& session = field(j, "good_for");
  PaperOrder p{.report = {.order = order_from(field(j, "order")),
                          .venue_order_id = get<std::string>(j, "venue_order_id"),
                          .filled_quantity = quantity_field(j, "filled_quantity"),
                          .average_price = std::nullopt,
                          .fills = fills_from(field(j, "fills")),
                          .commission = money_field(j, "commission"),
                          .reason = std::nullopt,
                          .message = get<std::string>(j, "message"),
                          .accepted_at = time_field(j, "accepted_at"),
                          .updated_at = time_field(j, "updated_at")},
               .good_for = {Timestamp{std::chrono::microseconds{session.at(0).get<std::int64_t>()}},
                            Timestamp{std::chrono::microseconds{session.at(1).get<std::int64_t>()}},
                            session.at(2).get<bool>()},
               .fee_units = quantity_field(j, "fee_units"),
               .fee_value = money_field(j, "fee_value"),
               .net_value_micros = get<std::int64_t>(j, "net_value_micros"),
               .last_fill = std::nullopt};
  if (j.contains("average_price")) p.report.average_price = price_field(j, "average_price");
  if (j.contains("reason")) p.report.reason = enum_field<ReasonCode>(j, "reason");
  if (j.contains("last_fill")) p.last_fill = time_field(j, "last_fill");
  return p;
}

Settlement settlement_from(const json& j) {
  return Settlement{.option = instrument_from(field(j, "option")),
                    .quantity = quantity_field(j, "quantity"),
                    .outcome = enum_field<ExpirationOutcome>(j, "outcome"),
                    .underlying_price = price_field(j, "underlying_price"),
                    .fills = fills_from(field(j, "fills")),
                    .option_realized_pnl = money_field(j, "option_realized_pnl")};
}

json carry_json(const CarryCharge& c) {
  return {{"symbol", c.symbol},
          {"kind", c.kind},
          {"amount", c.amount.to_string()},
          {"booked", c.booked.to_string()},
          {"time", time_json(c.time)}};
}

CarryCharge carry_from(const json& j) {
  return CarryCharge{.symbol = get<std::string>(j, "symbol"),
                     .kind = get<std::string>(j, "kind"),
                     .amount = money_field(j, "amount"),
                     .booked = money_field(j, "booked"),
                     .time = time_field(j, "time")};
}

}  // namespace

std::string to_json(const PaperVenueState& state) {
  json orders = json::array();
  for (const auto& o : state.orders) orders.push_back(paper_order_json(o));
  json settlements = json::array();
  for (const auto& s : state.settlements) settlements.push_back(settlement_json(s));
  json carry = json::array();
  for (const auto& c : state.carry) carry.push_back(carry_json(c));
  return json{{"version", 1},
              {"cash", state.cash.to_string()},
              {"next_order_number", state.next_order_number},
              {"booked", fills_json(state.booked)},
              {"orders", orders},
              {"settlements", settlements},
              {"carry", carry}}
      .dump();
}

PaperVenueState paper_state_from_json(std::string_view text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    throw std::invalid_argument(std::string("paper venue state is not JSON: ") + e.what());
  }
  if (get<int>(j, "version") != 1)
    throw std::invalid_argument("paper venue state: unsupported version " +
                                field(j, "version").dump());
  PaperVenueState state{.cash = money_field(j, "cash"),
                        .booked = fills_from(field(j, "booked")),
                        .orders = {},
                        .settlements = {},
                        .carry = {},
                        .next_order_number = get<std::int64_t>(j, "next_order_number")};
  for (const json& c : field(j, "carry")) state.carry.push_back(carry_from(c));
  for (const json& o : field(j, "orders")) state.orders.push_back(paper_order_from(o));
  for (const json& s : field(j, "settlements")) state.settlements.push_back(settlement_from(s));
  return state;
}

std::optional<PaperVenueState> load_paper_state(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the paper venue state " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return paper_state_from_json(text.str());
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(file.string() + ": " + e.what());
  }
}

void save_paper_state(const std::filesystem::path& file, const PaperVenueState& state) {
  const std::filesystem::path temporary = file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << to_json(state);
    out.flush();
    if (!out) throw std::runtime_error("cannot write the paper venue state " + temporary.string());
  }
  std::error_code error;
  std::filesystem::rename(temporary, file, error);
  if (error)
    throw std::runtime_error("cannot replace the paper venue state " + file.string() + ": " +
                             error.message());
}

}  // namespace dorado::venue::paper
