#pragma once
// The market exposure of a position or of the whole book, in the account
// currency. Analytics, hence double (DESIGN.md section 4).
//
//   delta_dollars  beta-weighted delta dollars: the P&L for a 1 % move of SPY,
//                  times 100 (delta x multiplier x quantity x underlying price
//                  x beta to SPY); the policy's net_delta_range_pct bounds it
//                  as a percent of equity.
//   gamma_dollars  change of delta_dollars for a 1 % move.
//   vega           P&L for +1 implied-vol point; net_vega_range_pct bounds it.
//   theta          P&L per calendar day from time decay.
//   carry          P&L per day from holding: FX swap points, crypto funding
//                  (positive received, negative paid).
namespace dorado::risk {

struct Exposure {
  double delta_dollars = 0;
  double gamma_dollars = 0;
  double vega = 0;
  double theta = 0;
  double carry = 0;

  Exposure& operator+=(const Exposure& o) {
    delta_dollars += o.delta_dollars;
    gamma_dollars += o.gamma_dollars;
    vega += o.vega;
    theta += o.theta;
    carry += o.carry;
    return *this;
  }
  friend Exposure operator+(Exposure a, const Exposure& b) { return a += b; }
  // Per-unit exposure times a (possibly fractional) quantity.
  Exposure times(double quantity) const {
    return {delta_dollars * quantity, gamma_dollars * quantity, vega * quantity, theta * quantity,
            carry * quantity};
  }
  friend bool operator==(const Exposure&, const Exposure&) = default;
};

}  // namespace dorado::risk
