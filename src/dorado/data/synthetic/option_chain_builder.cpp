#include "dorado/data/synthetic/option_chain_builder.hpp"

#include <algorithm>
#include <cmath>

#include "dorado/calendar/calendars.hpp"
#include "dorado/data/synthetic/listed_expirations.hpp"
#include "dorado/data/synthetic/random_stream.hpp"
#include "dorado/data/synthetic/volatility_surface.hpp"
#include "dorado/quant/options/black_scholes.hpp"

namespace dorado::data::synthetic {
namespace {

using std::chrono::sys_days;

constexpr double kTick = 0.01;

double base_open_interest(std::string_view underlying) {
  if (underlying == "SPY") return 20000.0;
  if (underlying == "TLT") return 4000.0;
  return 3000.0;
}

double minimum_spread(std::string_view underlying, double value) {
  if (underlying != "SPY" && value >= 3.0) return 0.05;
  return kTick;
}

double floor_tick(double x) {
  return std::max(0.0, std::floor(x * 100.0 + 1e-9) / 100.0);
}
double ceil_tick(double x) {
  return std::ceil(x * 100.0 - 1e-9) / 100.0;
}

struct Quote {
  double bid, ask;
};

Quote quote(std::string_view underlying, double value, double moneyness) {
  if (value < kTick / 2.0) return {0.0, kTick};
  const double m = std::min(std::fabs(moneyness), 4.0);
  const double minimum = minimum_spread(underlying, value);
  const double spread = std::max(minimum, 0.01 + 0.004 * (1.0 + 0.75 * m * m) * value);
  Quote q{floor_tick(value - spread / 2.0), std::max(kTick, ceil_tick(value + spread / 2.0))};
  if (q.ask - q.bid < minimum - 1e-9) q.ask = ceil_tick(q.bid + minimum);
  return q;
}

void set_greeks(OptionContract& c, const quant::BsmGreeks& g) {
  c.delta = g.delta;
  c.gamma = g.gamma;
  c.theta = g.theta_per_day();
  c.vega = g.vega_per_point();
}

// The draws of one contract, taken whether or not it is listed so the
// stream position never depends on the problem rates.
struct ContractDraws {
  double greeks, zero_bid, open_interest, volume;
};

struct ExpirationContext {
  Date expiration;
  int dte;
  double years;
  double forward;
  bool monthly;
};

OptionContract make_contract(const ChainInputs& in, const VolatilitySurface& surface,
                             const ExpirationContext& e, double strike, OptionRight right,
                             const ContractDraws& draws) {
  const double q = dividend_yield(in.underlying);
  const double vol = surface.vol(strike, e.forward, e.years);
  const double moneyness = surface.moneyness(strike, e.forward, e.years);
  const quant::BsmGreeks g =
      quant::bsm_greeks({in.spot, strike, e.years, in.risk_free_rate, q, vol, right});
  const Quote quoted = quote(in.underlying, g.price, moneyness);

  OptionContract c;
  c.underlying = std::string(in.underlying);
  c.expiration = e.expiration;
  c.strike = strike;
  c.right = right;
  c.bid = quoted.bid;
  c.ask = quoted.ask;
  c.implied_vol = vol;
  set_greeks(c, g);
  c.quote_time = in.as_of;

  const double whole = in.underlying == "SPY" ? 5.0 : 1.0;
  const bool round_strike = std::fmod(strike, whole) == 0.0;
  const double oi = base_open_interest(in.underlying) *
                    std::exp(-0.5 * std::pow(moneyness / 1.5, 2)) * (e.monthly ? 1.0 : 1.0 / 3.0) *
                    (round_strike ? 2.0 : 1.0) * std::exp(-std::max(0.0, e.years - 0.25) / 0.5) *
                    std::exp(0.5 * draws.open_interest - 0.125);
  c.open_interest = std::llround(oi);
  const double near_expiry = 1.0 + 2.0 * std::exp(-e.dte / 7.0);
  c.volume = std::llround(oi * 0.05 * near_expiry * std::exp(0.7 * draws.volume - 0.245));
  c.last = c.volume > 0 ? std::nearbyint(c.mid() * 100.0) / 100.0 : 0.0;
  return c;
}

void inject_contract_problems(const ChainInputs& in, const VolatilitySurface& surface,
                              const ExpirationContext& e, const ContractDraws& draws,
                              OptionContract& c, std::vector<InjectedChainProblem>& problems) {
  const ChainProblemRates& rates = in.problems;
  if (draws.greeks < rates.missing_greeks) {
    c.delta.reset();
    c.gamma.reset();
    c.theta.reset();
    c.vega.reset();
    c.implied_vol.reset();
    problems.push_back({ChainProblem::MissingGreeks, c.id()});
  } else if (draws.greeks < rates.missing_greeks + rates.stale_greeks && in.previous_spot) {
    const double q = dividend_yield(in.underlying);
    const double forward = *in.previous_spot * std::exp((in.risk_free_rate - q) * e.years);
    const double vol = surface.vol(c.strike, forward, e.years);
    set_greeks(c, quant::bsm_greeks(
                      {*in.previous_spot, c.strike, e.years, in.risk_free_rate, q, vol, c.right}));
    problems.push_back({ChainProblem::StaleGreeks, c.id()});
  }
  if (c.bid > 0.0 && draws.zero_bid < rates.zero_bids) {
    c.bid = 0.0;
    problems.push_back({ChainProblem::ZeroBid, c.id()});
  }
}

}  // namespace

double dividend_yield(std::string_view underlying) {
  if (underlying == "SPY") return 0.015;
  if (underlying == "TLT") return 0.025;
  return 0.0;
}

SyntheticChain build_option_chain(const ChainInputs& in) {
  const auto& nyse = calendar::calendar_named("nyse");
  const StrikeGrid grid = strike_grid(in.underlying);
  const VolatilitySurface surface(in.underlying, in.regime, in.vix, in.vix3m);
  const double q = dividend_yield(in.underlying);
  RandomStream stream(in.seed);

  SyntheticChain out;
  out.chain.underlying = std::string(in.underlying);
  out.chain.spot = in.spot;
  out.chain.as_of = in.as_of;
  out.regime = in.regime;
  for (const Date expiration : listed_expirations(in.day, nyse)) {
    ExpirationContext e;
    e.expiration = expiration;
    e.dte = static_cast<int>((sys_days{expiration} - sys_days{in.day}).count());
    e.years = e.dte / 365.0;
    e.forward = in.spot * std::exp((in.risk_free_rate - q) * e.years);
    e.monthly = is_monthly_expiration(expiration, nyse);
    const double sd = surface.atm(e.years) * std::sqrt(e.years);
    const std::vector<double> strikes =
        listed_strikes(grid, in.spot, in.spot * std::exp(-std::max(0.05, 4.0 * sd)),
                       in.spot * std::exp(std::max(0.05, 2.5 * sd)), e.dte);

    const double partial = stream.uniform();
    const double block_size = stream.uniform();
    const double block_start = stream.uniform();
    std::size_t drop_from = strikes.size();
    std::size_t drop_to = strikes.size();
    if (partial < in.problems.partial_expirations && !strikes.empty()) {
      const auto n = static_cast<double>(strikes.size());
      const auto count = std::max<std::size_t>(
          1, static_cast<std::size_t>(std::llround((0.3 + 0.4 * block_size) * n)));
      drop_from =
          static_cast<std::size_t>(block_start * static_cast<double>(strikes.size() - count + 1));
      drop_to = drop_from + count;
    }
    for (std::size_t i = 0; i < strikes.size(); ++i) {
      for (const OptionRight right : {OptionRight::Call, OptionRight::Put}) {
        const ContractDraws draws{stream.uniform(), stream.uniform(), stream.normal(),
                                  stream.normal()};
        ++out.listed_contracts;
        if (i >= drop_from && i < drop_to) {
          const OptionContractId id{std::string(in.underlying), expiration,
                                    Price::from_double(strikes[i]), right};
          out.problems.push_back({ChainProblem::PartialChain, id});
          continue;
        }
        OptionContract c = make_contract(in, surface, e, strikes[i], right, draws);
        inject_contract_problems(in, surface, e, draws, c, out.problems);
        out.chain.contracts.push_back(std::move(c));
      }
    }
  }
  return out;
}

}  // namespace dorado::data::synthetic
