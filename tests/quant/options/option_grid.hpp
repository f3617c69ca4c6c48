#pragma once
// The deterministic grid of contracts the option-math tests sweep: 3 spots
// (an FX rate, a stock, an index) x 13 strikes from 0.3x to 3x spot x 8
// expiries from one hour to three years x 7 vols from 1% to 300% x 5
// rate/yield pairs (positive, negative rates; dividend yields; a negative
// foreign rate for FX) x call and put = 21,840 contracts.
#include <vector>

#include "dorado/quant/options/black_scholes.hpp"

namespace dorado::quant::testing {

inline std::vector<BsmInputs> option_grid() {
  const double spots[] = {1.25, 100.0, 4500.0};
  const double moneyness[] = {0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.25, 1.5, 2.0, 3.0};
  const double hour = 1.0 / 8760.0, day = 1.0 / 365.0;
  const double years[] = {hour, 6 * hour, day, 7 * day, 30 * day, 0.25, 1.0, 3.0};
  const double vols[] = {0.01, 0.05, 0.15, 0.30, 0.60, 1.20, 3.00};
  const double rate_yield[][2] = {
      {0.05, 0.0}, {-0.005, 0.0}, {0.03, 0.015}, {0.0525, -0.001}, {-0.0075, 0.04}};
  std::vector<BsmInputs> grid;
  for (double spot : spots)
    for (double m : moneyness)
      for (double t : years)
        for (double vol : vols)
          for (const auto& ry : rate_yield)
            for (OptionRight right : {OptionRight::Call, OptionRight::Put})
              grid.push_back({spot, spot * m, t, ry[0], ry[1], vol, right});
  return grid;
}

}  // namespace dorado::quant::testing
