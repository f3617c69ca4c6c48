#pragma once
// dorado.yaml: where Dorado keeps its data and which store and cache it uses.
#include <cstdint>
#include <filesystem>
#include <string>

#include "dorado/domain/enum_names.hpp"

namespace dorado::config {

// Where `dorado scan` reads the market: the seeded synthetic market (the
// default, so a fresh `dorado init` folder scans offline), or what `dorado
// data` stored (OHLCV, iv_history, option chain snapshots, funding).
enum class MarketDataSource { Synthetic, Store };

struct MarketDataSettings {
  MarketDataSource source = MarketDataSource::Synthetic;
  std::uint64_t seed = 42;  // the synthetic market's seed
};

struct Settings {
  std::string user_id = "default";
  // Absolute: a relative data_dir is resolved against the configuration folder.
  std::filesystem::path data_dir;
  // "sqlite://PATH" (PATH made absolute against the configuration folder) or
  // "postgres://..." / "postgresql://..." as written.
  std::string store_url;
  // "memory://" or "redis://host:port".
  std::string cache_url = "memory://";
  MarketDataSettings market_data;
};

}  // namespace dorado::config

namespace dorado {

template <>
struct EnumNames<config::MarketDataSource> {
  static constexpr std::array<std::pair<config::MarketDataSource, std::string_view>, 2> table{{
      {config::MarketDataSource::Synthetic, "synthetic"},
      {config::MarketDataSource::Store, "store"},
  }};
};

}  // namespace dorado
