#include "dorado/engine/execution/fill_quality.hpp"

namespace dorado::engine {

namespace {

// A combo is recorded under its underlying (an iron condor on SPY is "SPY"),
// a single leg under its own symbol.
std::string symbol_of(const Order& order) {
  const Instrument& first = order.legs.at(0).instrument;
  if (order.is_combo() && first.option) return first.option->underlying;
  return first.symbol;
}

}  // namespace

Price adverse_signed(const Order& order, Price price) {
  if (order.is_combo() || order.legs.at(0).side == Side::Buy) return price;
  return -price;
}

std::optional<ports::FillQualityRecord> measure_fill_quality(const ports::OrderReport& report,
                                                             Price expected, VenueId venue) {
  if (!report.average_price || report.filled_quantity.micros() <= 0) return std::nullopt;
  const Order& order = report.order;
  const Instrument& first = order.legs.at(0).instrument;
  const Price slip_per_unit =
      adverse_signed(order, *report.average_price) - adverse_signed(order, expected);
  // Legs of a combo share the multiplier (100 for US equity options), so a
  // price per combo times it is money per combo.
  const Price per_contract = slip_per_unit * first.multiplier;
  const Timestamp filled_at = report.fills.empty() ? report.updated_at : report.fills.back().time;
  return ports::FillQualityRecord{
      .client_order_id = order.client_order_id,
      .symbol = symbol_of(order),
      .expected_price = expected,
      .fill_price = *report.average_price,
      .slippage_per_contract = Money::from_micros(per_contract.micros(), first.currency),
      .quantity = report.filled_quantity,
      .venue = venue,
      .filled_at = filled_at};
}

}  // namespace dorado::engine
