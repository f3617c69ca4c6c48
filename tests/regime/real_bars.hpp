#pragma once
// Daily bars of one instrument of the real history in ../shared/data
// (Date,Open,High,Low,Close[,Volume] CSV), through `last` inclusive.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "dorado/data/import/ohlcv_csv.hpp"
#include "dorado/domain/bar.hpp"
#include "support/real_data.hpp"

namespace dorado::regime::testing {

inline std::vector<Bar> real_bars(const std::filesystem::path& dir, const std::string& symbol,
                                  Date last) {
  const auto file =
      data::parse_ohlcv_csv(dorado::testing::read_text(dir / (symbol + ".csv")), symbol, "real");
  std::vector<Bar> out;
  for (const auto& row : file.bars) {
    if (std::chrono::sys_days{row.bar_date} > std::chrono::sys_days{last}) continue;
    Bar b;
    b.time = Timestamp{std::chrono::sys_days{row.bar_date}};
    b.open = row.open;
    b.high = row.high;
    b.low = row.low;
    b.close = row.close;
    b.volume = row.volume;
    out.push_back(b);
  }
  return out;
}

}  // namespace dorado::regime::testing
