#pragma once
#include "dorado/domain/asset_class.hpp"

namespace dorado {

// Where orders go. `paper` is Dorado's own simulated venue; the others are
// the brokers and exchanges of PRD 3.1.
enum class VenueId { Paper, Ibkr, Oanda, Hyperliquid };

template <>
struct EnumNames<VenueId> {
  static constexpr std::array<std::pair<VenueId, std::string_view>, 4> table{{
      {VenueId::Paper, "paper"},
      {VenueId::Ibkr, "ibkr"},
      {VenueId::Oanda, "oanda"},
      {VenueId::Hyperliquid, "hyperliquid"},
  }};
};

// simulation: Dorado's paper venue fills against market data.
// paper: the venue's own paper account (IBKR paper, OANDA practice, HL testnet).
// live: real money.
enum class VenueMode { Simulation, Paper, Live };

template <>
struct EnumNames<VenueMode> {
  static constexpr std::array<std::pair<VenueMode, std::string_view>, 3> table{{
      {VenueMode::Simulation, "simulation"},
      {VenueMode::Paper, "paper"},
      {VenueMode::Live, "live"},
  }};
};

// Which asset classes a venue can trade. The paper venue simulates them all.
constexpr bool venue_trades(VenueId venue, AssetClass asset) {
  switch (venue) {
    case VenueId::Paper:
      return true;
    case VenueId::Ibkr:
      return asset == AssetClass::EquityOptions || asset == AssetClass::Fx;
    case VenueId::Oanda:
      return asset == AssetClass::Fx;
    case VenueId::Hyperliquid:
      return asset == AssetClass::Crypto;
  }
  return false;
}

}  // namespace dorado
