#include "dorado/venue/paper/paper_venue.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <set>
#include <utility>

#include "dorado/calendar/calendars.hpp"
#include "dorado/domain/notional.hpp"
#include "dorado/venue/paper/commission_schedule.hpp"
#include "dorado/venue/paper/currency_conversion.hpp"
#include "dorado/venue/paper/fill_pricing.hpp"
#include "dorado/venue/us_stock.hpp"

namespace dorado::venue::paper {
namespace {

using ports::VenueError;

const calendar::ExchangeCalendar& calendar_of(const Order& order) {
  return calendar::calendar_for(order.legs.front().instrument.asset_class);
}

// Same order apart from its status: a resend of the same intent.
bool same_intent(const Order& a, const Order& b) {
  return a.client_order_id == b.client_order_id && a.legs == b.legs && a.quantity == b.quantity &&
         a.type == b.type && a.limit_price == b.limit_price && a.time_in_force == b.time_in_force;
}

std::string venue_order_id(std::int64_t number) {
  char text[16];
  std::snprintf(text, sizeof text, "P%06lld", static_cast<long long>(number));
  return text;
}

// The underlying a leg's cover is judged on.
const std::string& underlying_of(const Instrument& instrument) {
  return instrument.option ? instrument.option->underlying : instrument.symbol;
}

// Sells a call or sells shares: adds short upside on its underlying.
bool adds_short_upside(const Leg& leg) {
  if (leg.side != Side::Sell) return false;
  const Instrument& i = leg.instrument;
  if (i.option) return i.option->right == OptionRight::Call;
  return is_stock(i);
}

}  // namespace

// The saved books when the config names an existing state file, else fresh ones.
PaperVenueState PaperVenue::initial_state(const PaperVenueConfig& config) {
  if (config.state_file)
    if (auto saved = load_paper_state(*config.state_file)) return std::move(*saved);
  return PaperVenueState{.cash = config.starting_cash,
                         .booked = {},
                         .orders = {},
                         .settlements = {},
                         .carry = {},
                         .next_order_number = 1};
}

PaperVenue::PaperVenue(PaperVenueConfig config, const ports::Clock& clock,
                       const PaperMarket& market)
    : PaperVenue(config, clock, market, initial_state(config)) {
  if (config_.state_file && !std::filesystem::exists(*config_.state_file)) {
    changed_ = true;
    persist();  // the starting books, so a restart never silently starts over
  }
}

PaperVenue::PaperVenue(PaperVenueConfig config, const ports::Clock& clock,
                       const PaperMarket& market, PaperVenueState state)
    : config_(std::move(config)),
      clock_(clock),
      market_(market),
      ledger_(PaperLedger::restore(config_.account_currency, state.cash, state.booked)),
      booked_(std::move(state.booked)),
      settlements_(std::move(state.settlements)),
      carry_(std::move(state.carry)),
      next_order_number_(state.next_order_number) {
  for (PaperOrder& order : state.orders) {
    const std::string id = order.report.order.client_order_id;
    if (order.report.is_working()) working_.push_back(id);
    orders_.emplace(id, std::move(order));
  }
}

PaperVenueState PaperVenue::state() const {
  PaperVenueState out{.cash = ledger_.cash(),
                      .booked = booked_,
                      .orders = {},
                      .settlements = settlements_,
                      .carry = carry_,
                      .next_order_number = next_order_number_};
  for (const auto& [id, order] : orders_) out.orders.push_back(order);
  // Acceptance order: venue ids are numbered, zero-padded to at least 6 digits.
  std::sort(out.orders.begin(), out.orders.end(), [](const PaperOrder& a, const PaperOrder& b) {
    const auto& x = a.report.venue_order_id;
    const auto& y = b.report.venue_order_id;
    return x.size() != y.size() ? x.size() < y.size() : x < y;
  });
  return out;
}

void PaperVenue::persist() {
  if (!changed_ || !config_.state_file) return;
  save_paper_state(*config_.state_file, state());
  changed_ = false;
}

// --- call plumbing ---

std::optional<VenueError> PaperVenue::begin_call() {
  if (!reachable_)
    return VenueError{ReasonCode::VenueUnavailable, "the paper venue is unreachable"};
  match_working_orders();
  return std::nullopt;
}

std::optional<VenueError> PaperVenue::late(ports::CallTimeout timeout, const char* call) const {
  if (config_.response_latency <= timeout) return std::nullopt;
  return VenueError{ReasonCode::VenueTimeout,
                    std::string("paper venue ") + call + " answered after " +
                        std::to_string(config_.response_latency.count()) + " ms, past the " +
                        std::to_string(timeout.count()) + " ms timeout"};
}

// --- queries ---

ports::VenueResult<ports::AccountState> PaperVenue::fetch_account(ports::CallTimeout timeout) {
  if (auto error = begin_call()) return *error;
  auto figures = ledger_.figures(market_, config_, clock_.now());
  if (!figures) return respond<ports::AccountState>(figures.error(), timeout, "account");
  return answer(figures.value().state, timeout, "account");
}

ports::VenueResult<ports::OrderReport> PaperVenue::status(std::string_view client_order_id,
                                                          ports::CallTimeout timeout) {
  if (auto error = begin_call()) return *error;
  const auto it = orders_.find(client_order_id);
  if (it == orders_.end())
    return respond<ports::OrderReport>(
        VenueError{ReasonCode::UnknownOrder,
                   "the paper venue has no order '" + std::string(client_order_id) + "'"},
        timeout, "order status");
  return answer(it->second.report, timeout, "order status");
}

ports::VenueResult<std::vector<ports::OrderReport>> PaperVenue::working_orders(
    ports::CallTimeout timeout) {
  if (auto error = begin_call()) return *error;
  std::vector<ports::OrderReport> out;
  for (const auto& id : working_) out.push_back(orders_.find(id)->second.report);
  return answer(std::move(out), timeout, "open orders");
}

ports::VenueResult<std::vector<ports::VenuePosition>> PaperVenue::open_positions(
    ports::CallTimeout timeout) {
  if (auto error = begin_call()) return *error;
  return answer(ledger_.positions(market_), timeout, "positions");
}

ports::VenueResult<Quote> PaperVenue::fetch_quote(const Instrument& instrument,
                                                  ports::CallTimeout timeout) {
  if (auto error = begin_call()) return *error;
  auto quote = market_.quote(instrument);
  if (!quote)
    return respond<Quote>(VenueError{ReasonCode::QuoteUnavailable,
                                     "the paper market has no quote for " + instrument.symbol},
                          timeout, "quote");
  return answer(std::move(*quote), timeout, "quote");
}

ports::VenueResult<OptionChain> PaperVenue::fetch_chain(const ports::ChainRequest& request,
                                                        ports::CallTimeout timeout) {
  if (auto error = begin_call()) return *error;
  auto chain = market_.option_chain(request.underlying);
  if (!chain)
    return respond<OptionChain>(
        VenueError{ReasonCode::ChainUnavailable,
                   "the paper market has no option chain for " + request.underlying},
        timeout, "option chain");
  if (request.min_dte || request.max_dte)
    chain =
        chain->filter_by_dte(request.min_dte.value_or(INT_MIN), request.max_dte.value_or(INT_MAX));
  return answer(std::move(*chain), timeout, "option chain");
}

ports::VenueResult<ports::FinancingRates> PaperVenue::fetch_financing(std::string_view instrument,
                                                                      ports::CallTimeout timeout) {
  if (auto error = begin_call()) return *error;
  auto rates = market_.financing(instrument);
  if (!rates)
    return respond<ports::FinancingRates>(
        VenueError{ReasonCode::QuoteUnavailable,
                   "the paper market has no financing rates for " + std::string(instrument)},
        timeout, "financing rates");
  return answer(std::move(*rates), timeout, "financing rates");
}

ports::VenueResult<ports::PerpFunding> PaperVenue::fetch_funding(std::string_view symbol,
                                                                 ports::CallTimeout timeout) {
  if (auto error = begin_call()) return *error;
  auto funding = market_.funding(symbol);
  if (!funding)
    return respond<ports::PerpFunding>(
        VenueError{ReasonCode::QuoteUnavailable,
                   "the paper market has no funding rate for " + std::string(symbol)},
        timeout, "funding rate");
  return answer(std::move(*funding), timeout, "funding rate");
}

// --- orders ---

ports::VenueResult<ports::OrderReport> PaperVenue::submit(const Order& order,
                                                          ports::CallTimeout timeout) {
  if (auto error = begin_call()) return *error;
  return respond(accept(order), timeout, "place order");
}

ports::VenueResult<ports::OrderReport> PaperVenue::cancel(std::string_view client_order_id,
                                                          ports::CallTimeout timeout) {
  if (auto error = begin_call()) return *error;
  const auto it = orders_.find(client_order_id);
  if (it == orders_.end())
    return respond<ports::OrderReport>(
        VenueError{ReasonCode::UnknownOrder,
                   "the paper venue has no order '" + std::string(client_order_id) + "'"},
        timeout, "cancel order");
  PaperOrder& order = it->second;
  if (!order.report.is_working())
    return respond<ports::OrderReport>(
        VenueError{ReasonCode::OrderNotCancellable,
                   "order '" + std::string(client_order_id) + "' is already " +
                       std::string(name_of(order.report.status()))},
        timeout, "cancel order");
  finish(order, OrderStatus::Cancelled, std::nullopt, "cancelled on request");
  prune_working();
  persist();
  return answer(order.report, timeout, "cancel order");
}

std::optional<std::string> PaperVenue::untradeable(const Order& order) const {
  const Date today{std::chrono::floor<std::chrono::days>(clock_.now())};
  for (const Leg& leg : order.legs) {
    const Instrument& i = leg.instrument;
    if (i.asset_class != order.legs.front().instrument.asset_class)
      return "a combo trades one asset class; " + i.symbol + " is " +
             std::string(name_of(i.asset_class));
    if (i.multiplier <= 0) return i.symbol + " has multiplier " + std::to_string(i.multiplier);
    if (i.option && i.option->expiration < today)
      return i.symbol + " expired on " + to_iso_date(i.option->expiration);
  }
  const AssetClass asset = order.legs.front().instrument.asset_class;
  if (asset != AssetClass::Crypto && !order.quantity.is_whole())
    return "quantity " + order.quantity.to_string() + " must be whole for " +
           std::string(name_of(asset));
  return std::nullopt;
}

ports::VenueResult<ports::OrderReport> PaperVenue::accept(const Order& order) {
  if (const auto it = orders_.find(order.client_order_id); it != orders_.end()) {
    if (same_intent(it->second.report.order, order)) return it->second.report;
    return VenueError{ReasonCode::ClientOrderIdConflict,
                      "client order id '" + order.client_order_id +
                          "' already names a different order on the paper venue"};
  }
  if (auto problem = untradeable(order))
    return VenueError{ReasonCode::InvalidOrder,
                      "order '" + order.client_order_id + "' cannot trade: " + *problem};

  const Timestamp now = clock_.now();
  const auto& calendar = calendar_of(order);
  const auto session = calendar.session_at(now);
  const Currency currency = order.legs.front().instrument.currency;
  PaperOrder paper{.report = {.order = order,
                              .venue_order_id = venue_order_id(next_order_number_++),
                              .filled_quantity = Quantity{},
                              .average_price = std::nullopt,
                              .fills = {},
                              .commission = Money(currency),
                              .reason = std::nullopt,
                              .message = {},
                              .accepted_at = now,
                              .updated_at = now},
                   .good_for = session ? *session : *calendar.session_at(calendar.next_open(now)),
                   .fee_units = Quantity{},
                   .fee_value = Money(currency),
                   .net_value_micros = 0,
                   .last_fill = std::nullopt};
  paper.report.order.status = OrderStatus::Submitted;
  PaperOrder& stored = orders_.emplace(order.client_order_id, std::move(paper)).first->second;
  working_.push_back(order.client_order_id);
  changed_ = true;
  if (!session && order.time_in_force == TimeInForce::Ioc)
    finish(stored, OrderStatus::Rejected, ReasonCode::MarketClosed,
           "an IOC order cannot wait for the " + std::string(calendar.name()) + " session");
  else if (session)
    attempt(stored);
  prune_working();
  persist();
  return stored.report;
}

void PaperVenue::match_working_orders() {
  const Timestamp now = clock_.now();
  for (const std::string& id : std::vector<std::string>(working_)) {
    PaperOrder& order = orders_.find(id)->second;
    if (!order.report.is_working()) continue;
    const Order& o = order.report.order;
    if (o.time_in_force != TimeInForce::Gtc && now >= order.good_for.close) {
      finish(order, OrderStatus::Expired, ReasonCode::MarketClosed,
             "the day order expired at the session close");
      continue;
    }
    if (calendar_of(o).is_open(now)) attempt(order);
  }
  prune_working();
  persist();
}

void PaperVenue::attempt(PaperOrder& paper) {
  const Order& order = paper.report.order;
  if (paper.last_fill == clock_.now()) return;
  const bool immediate = order.type == OrderType::Market || order.time_in_force == TimeInForce::Ioc;
  std::vector<std::optional<Quote>> quotes;
  for (const Leg& leg : order.legs) quotes.push_back(market_.quote(leg.instrument));
  const PricingOutcome pricing = price_order(order, quotes, config_.market_slippage);
  const bool unfilled = paper.report.filled_quantity.is_zero();
  if (!pricing.match) {
    const bool no_market = pricing.no_match.reason.has_value();
    // No market at all rejects an order that cannot wait; an IOC whose limit
    // is not reached is simply cancelled, as brokers report it.
    if (immediate && (no_market || order.time_in_force == TimeInForce::Ioc))
      finish(paper, no_market && unfilled ? OrderStatus::Rejected : OrderStatus::Cancelled,
             pricing.no_match.reason, pricing.no_match.why);
    return;
  }
  const Quantity units = fillable(paper, quotes);
  if (!units.is_positive()) return;

  std::vector<Fill> fills;
  for (std::size_t i = 0; i < order.legs.size(); ++i) {
    const Leg& leg = order.legs[i];
    fills.push_back(Fill{.client_order_id = order.client_order_id,
                         .leg_index = i,
                         .instrument = leg.instrument,
                         .side = leg.side,
                         .quantity = units * leg.ratio,
                         .price = pricing.match->leg_prices[i],
                         .fee = Money(leg.instrument.currency),
                         .time = clock_.now()});
  }
  const Money charged_before = paper.report.commission;
  const PaperOrder before = paper;
  if (!charge(paper, fills)) {
    paper = before;
    finish(paper, unfilled ? OrderStatus::Rejected : OrderStatus::Cancelled,
           ReasonCode::QuoteUnavailable,
           "no quote to convert the commission minimum into " +
               std::string(charged_before.currency().code()));
    return;
  }
  if (const auto refused = book_checked(order, fills)) {
    paper = before;
    finish(paper, unfilled ? OrderStatus::Rejected : OrderStatus::Cancelled, refused->first,
           refused->second);
    return;
  }
  ports::OrderReport& r = paper.report;
  r.fills.insert(r.fills.end(), fills.begin(), fills.end());
  r.filled_quantity += units;
  paper.net_value_micros = micro_units::add(
      paper.net_value_micros, micro_units::multiply_divide(pricing.match->net.micros(),
                                                           units.micros(), micro_units::kPerUnit));
  r.average_price = Price::from_micros(micro_units::multiply_divide(
      paper.net_value_micros, micro_units::kPerUnit, r.filled_quantity.micros()));
  r.updated_at = clock_.now();
  paper.last_fill = clock_.now();
  changed_ = true;
  if (r.filled_quantity == order.quantity)
    r.order.status = OrderStatus::Filled;
  else if (order.time_in_force == TimeInForce::Ioc)
    finish(paper, OrderStatus::Cancelled, std::nullopt, "the IOC remainder was cancelled");
  else
    r.order.status = OrderStatus::PartiallyFilled;
}

Quantity PaperVenue::fillable(const PaperOrder& paper,
                              const std::vector<std::optional<Quote>>& quotes) const {
  const Order& order = paper.report.order;
  Quantity units = paper.report.remaining();
  const PartialFills& partial = config_.partial_fills;
  if (partial.max_units_per_match) units = std::min(units, *partial.max_units_per_match);
  if (partial.limit_to_displayed_size)
    for (std::size_t i = 0; i < order.legs.size(); ++i) {
      const double size =
          order.legs[i].side == Side::Buy ? quotes[i]->ask_size : quotes[i]->bid_size;
      if (!(size > 0.0)) continue;  // no size quoted: not a limit
      const Quantity shown = Quantity::from_double(size);
      units = std::min(units, Quantity::from_micros(shown.micros() / order.legs[i].ratio));
    }
  // Whole-unit orders fill in whole units.
  if (order.quantity.is_whole())
    units = Quantity::from_micros(units.micros() - units.micros() % micro_units::kPerUnit);
  return units;
}

bool PaperVenue::charge(PaperOrder& paper, std::vector<Fill>& fills) {
  const CommissionSchedule& schedule = config_.commissions;
  const ChargeKind kind = charge_kind(fills.front().instrument);
  const Currency currency = fills.front().instrument.currency;
  Quantity units;
  Money value(currency);
  for (const Fill& f : fills) {
    units += f.quantity;
    value += f.value();
  }
  std::optional<Money> minimum = schedule.minimum(kind);
  if (minimum) {
    minimum = convert(*minimum, currency, market_);
    if (!minimum) return false;
  }
  paper.fee_units += units;
  paper.fee_value += value;
  const Money owed = commission_owed(schedule, kind, paper.fee_units, paper.fee_value, minimum);
  Money due = owed - paper.report.commission;
  paper.report.commission = owed;
  // Each leg pays its own variable fee while the increase lasts; a minimum's
  // top-up goes to the first leg.
  for (Fill& f : fills) {
    const Money own = schedule.variable(kind, f.quantity, f.value());
    f.fee = std::min(own, due);
    due -= f.fee;
  }
  fills.front().fee += due;
  return true;
}

std::optional<std::pair<ReasonCode, std::string>> PaperVenue::book_checked(
    const Order& order, const std::vector<Fill>& fills) {
  PaperLedger trial = ledger_;
  for (const Fill& f : fills)
    if (auto booked = trial.book(f, market_); !booked)
      return std::pair{booked.error().reason, booked.error().message};
  const auto after = trial.figures(market_, config_, clock_.now());
  if (!after) return std::pair{after.error().reason, after.error().message};
  const auto& uncovered = after.value().uncovered;
  for (const Leg& leg : order.legs)
    if (adds_short_upside(leg) && std::find(uncovered.begin(), uncovered.end(),
                                            underlying_of(leg.instrument)) != uncovered.end())
      return std::pair{ReasonCode::UncoveredShort,
                       "selling " + leg.instrument.symbol + " would leave short " +
                           underlying_of(leg.instrument) +
                           " upside without cover, which a cash account does not allow"};
  const Money bp_after = after.value().state.buying_power;
  if (bp_after.is_negative()) {
    // Only then is the account before needed: a fill that frees buying power
    // (a closing trade) is allowed even in a deficit.
    const auto before = ledger_.figures(market_, config_, clock_.now());
    if (!before) return std::pair{before.error().reason, before.error().message};
    const Money bp_before = before.value().state.buying_power;
    if (bp_after < bp_before)
      return std::pair{ReasonCode::InsufficientBuyingPower,
                       "the fill would need " + (bp_before - bp_after).to_string() +
                           " of buying power; the account has " + bp_before.to_string()};
  }
  ledger_ = std::move(trial);
  booked_.insert(booked_.end(), fills.begin(), fills.end());
  return std::nullopt;
}

void PaperVenue::finish(PaperOrder& paper, OrderStatus status, std::optional<ReasonCode> reason,
                        std::string message) {
  changed_ = true;
  paper.report.order.status = status;
  paper.report.reason = reason;
  paper.report.message = std::move(message);
  paper.report.updated_at = clock_.now();
}

void PaperVenue::prune_working() {
  std::erase_if(working_, [&](const std::string& id) {
    return !orders_.find(id)->second.report.is_working();
  });
}

// --- expiration ---

ports::VenueResult<std::vector<Settlement>> PaperVenue::settle_expirations(Date expiration) {
  if (auto error = begin_call()) return *error;
  std::vector<const PositionLeg*> expiring;
  std::map<std::string, Price> underlying_prices;
  for (const auto& position : ledger_.positions(market_)) {
    const Instrument& i = position.leg.instrument();
    if (!i.option || i.option->expiration > expiration) continue;
    expiring.push_back(ledger_.leg(i.symbol));
    const std::string& underlying = i.option->underlying;
    if (underlying_prices.count(underlying)) continue;
    const auto price = mark_of(market_, us_stock(underlying));
    if (!price)
      return VenueError{ReasonCode::QuoteUnavailable,
                        "no quote for " + underlying + " to settle its expiring options"};
    underlying_prices.emplace(underlying, *price);
  }
  // Orders on contracts that no longer exist cannot fill.
  for (const std::string& id : working_) {
    PaperOrder& order = orders_.find(id)->second;
    for (const Leg& leg : order.report.order.legs)
      if (leg.instrument.option && leg.instrument.option->expiration <= expiration) {
        finish(order, OrderStatus::Expired, std::nullopt, leg.instrument.symbol + " expired");
        break;
      }
  }
  prune_working();

  // Booked on a copy and committed whole, so a failure books nothing.
  PaperLedger trial = ledger_;
  std::vector<Settlement> out;
  for (const PositionLeg* leg : expiring) {
    const OptionContractId& id = *leg->instrument().option;
    Settlement s = settle_option(*leg, underlying_prices.at(id.underlying), clock_.now(),
                                 config_.commissions.exercise_fee);
    for (std::size_t i = 0; i < s.fills.size(); ++i) {
      auto realized = trial.book(s.fills[i], market_);
      if (!realized) return realized.error();
      if (i == 0) s.option_realized_pnl = realized.value();
    }
    out.push_back(std::move(s));
  }
  ledger_ = std::move(trial);
  for (const Settlement& s : out) booked_.insert(booked_.end(), s.fills.begin(), s.fills.end());
  settlements_.insert(settlements_.end(), out.begin(), out.end());
  changed_ = true;
  persist();
  return out;
}

// --- carry ---

bool PaperVenue::carried(const std::string& symbol, const std::string& kind, Timestamp time) const {
  return std::any_of(carry_.begin(), carry_.end(), [&](const CarryCharge& c) {
    return c.symbol == symbol && c.kind == kind && c.time == time;
  });
}

ports::VenueResult<std::vector<CarryCharge>> PaperVenue::book_carry(
    std::vector<CarryCharge> charges) {
  PaperLedger trial = ledger_;
  for (CarryCharge& charge : charges) {
    const auto booked = convert(charge.amount, config_.account_currency, market_);
    if (!booked)
      return VenueError{ReasonCode::QuoteUnavailable,
                        "no quote to convert the " + charge.kind + " of " + charge.symbol + " (" +
                            charge.amount.to_string() + ") into " +
                            std::string(config_.account_currency.code())};
    charge.booked = *booked;
    trial.credit(*booked);
  }
  ledger_ = std::move(trial);
  carry_.insert(carry_.end(), charges.begin(), charges.end());
  if (!charges.empty()) {
    changed_ = true;
    persist();
  }
  return charges;
}

ports::VenueResult<std::vector<CarryCharge>> PaperVenue::book_funding() {
  if (auto error = begin_call()) return *error;
  std::vector<CarryCharge> charges;
  for (const auto& position : ledger_.positions(market_)) {
    const Instrument& i = position.leg.instrument();
    if (i.asset_class != AssetClass::Crypto) continue;
    const auto funding = market_.funding(i.symbol);
    if (!funding || !(funding->mark_price > 0.0) || carried(i.symbol, "funding", funding->as_of))
      continue;
    charges.push_back(CarryCharge{
        .symbol = i.symbol,
        .kind = "funding",
        .amount = funding_payment(position.leg, Price::from_double(funding->mark_price), *funding),
        .booked = Money(config_.account_currency),
        .time = funding->as_of});
  }
  return book_carry(std::move(charges));
}

ports::VenueResult<std::vector<CarryCharge>> PaperVenue::book_financing(Date day) {
  if (auto error = begin_call()) return *error;
  const Timestamp rollover{std::chrono::sys_days{day}};
  std::vector<CarryCharge> charges;
  for (const auto& position : ledger_.positions(market_)) {
    const Instrument& i = position.leg.instrument();
    if (i.asset_class != AssetClass::Fx || !position.mark) continue;
    const auto rates = market_.financing(i.symbol);
    if (!rates || carried(i.symbol, "financing", rollover)) continue;
    const int days = days_charged(*rates, day);
    if (days == 0) continue;
    charges.push_back(
        CarryCharge{.symbol = i.symbol,
                    .kind = "financing",
                    .amount = financing_charge(position.leg, *position.mark, *rates, days),
                    .booked = Money(config_.account_currency),
                    .time = rollover});
  }
  return book_carry(std::move(charges));
}

}  // namespace dorado::venue::paper
