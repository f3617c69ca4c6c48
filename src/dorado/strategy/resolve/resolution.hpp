#pragma once
// What the template resolver produces: either a fully resolved candidate
// (the domain Candidate plus every figure that went into it, for scoring,
// risk and the approval payload) or a rejection with its reason code and a
// sentence. Prices are per share (per unit for momentum); Money figures are
// per unit of the structure with the multiplier applied, as in Candidate.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/candidate.hpp"
#include "dorado/domain/money.hpp"
#include "dorado/domain/reason_code.hpp"
#include "dorado/domain/side.hpp"
#include "dorado/domain/time.hpp"
#include "dorado/strategy/chain/priced_contract.hpp"
#include "dorado/strategy/resolve/pipeline_figures.hpp"

namespace dorado::strategy {

// One option leg as chosen: its role in the template, the contract with the
// venue's quote and greeks beside Dorado's, and how it was chosen.
struct ResolvedLeg {
  std::string role;  // short_put, long_put, short_call, long_call
  Side side = Side::Sell;
  int quantity = 1;  // per unit of the structure (the template's leg quantity)
  PricedContract contract;
  std::optional<double> target_delta;  // short legs: the template's delta
  std::optional<double> target_width;  // long legs: the template's width

  double strike() const { return contract.quote.strike; }
  double delta() const { return contract.delta().value_or(0.0); }

  friend bool operator==(const ResolvedLeg&, const ResolvedLeg&) = default;
};

// When the delta target and the support/resistance level disagree on a short
// strike, both choices travel to the approval payload. The candidate itself
// is built on the delta strike (the template's rule); the S/R strike is the
// nearest listed strike at least the template's sr_buffer_atr beyond the
// level (below support for a put, above resistance for a call).
struct StrikeAlternative {
  std::string role;  // short_put or short_call
  double delta_strike = 0.0;
  double delta_strike_delta = 0.0;
  double sr_strike = 0.0;
  std::optional<double> sr_strike_delta;
  double level = 0.0;   // the support or resistance price
  double buffer = 0.0;  // sr_buffer_atr x ATR, in price
  std::string sentence;

  friend bool operator==(const StrikeAlternative&, const StrikeAlternative&) = default;
};

// Tier 2: what the option legs add up to. Credits are per share, positive
// when received.
struct OptionFigures {
  Date expiration{};
  int dte = 0;
  double spot = 0.0;
  std::optional<double> put_width;   // strike points between the put legs
  std::optional<double> call_width;  // between the call legs
  double width = 0.0;                // the wider vertical (the one that can lose); 0 without wings
  double credit_mid = 0.0;           // sum of sold mids - sum of bought mids
  double credit_natural = 0.0;       // sold at the bid, bought at the ask
  std::optional<double> credit_to_width;  // credit_mid / width
  Money max_loss{kUsd};                   // per unit, from credit_mid (see resolver.hpp)
  Money max_loss_natural{kUsd};           // the same from credit_natural
  std::vector<double> breakevens;         // ascending, at expiration, from credit_mid
  double probability_of_profit = 0.0;     // from the short deltas (see resolver.hpp)
  std::int64_t multiplier = 100;
  std::optional<double> cost_basis;  // covered call / wheel call phase: per share

  friend bool operator==(const OptionFigures&, const OptionFigures&) = default;
};

// FX and crypto momentum: an entry order and its exits, in price.
struct MomentumFigures {
  config::TradeDirection direction = config::TradeDirection::Long;  // Long or Short
  config::EntryOrderType order_type = config::EntryOrderType::Limit;
  double close = 0.0;            // the last close the levels are measured from
  double atr = 0.0;              // ATR(entry.atr_period)
  double entry = 0.0;            // limit price (close -/+ limit_offset_atr x ATR), or close
  double stop = 0.0;             // entry -/+ stop_atr x ATR
  std::optional<double> target;  // entry +/- target_atr x ATR
  std::optional<double> trailing_activation;  // price at which the trail starts
  std::optional<double> trailing_distance;    // trail_atr x ATR
  std::optional<Timestamp> entry_expires;     // at + expire_after_hours
  std::optional<Date> time_exit;              // as_of + time_exit_days
  std::optional<double> reward_to_risk;       // target distance / stop distance
  std::optional<double> ema_fast, ema_slow;   // the trend reading behind direction `both`

  friend bool operator==(const MomentumFigures&, const MomentumFigures&) = default;
};

// The wheel's step, decided by the bot's holding in the underlying.
enum class WheelPhase {
  SellPut,   // no shares: sell a cash-secured put
  SellCall,  // assigned (or holding) shares: sell a covered call against them
};

struct ResolutionDetail {
  std::string strategy;  // template name
  config::Structure structure = config::Structure::IronCondor;
  std::optional<std::string> regime;    // the regime whose effective template was used
  PipelineFigures pipeline;             // tier 3
  std::vector<ResolvedLeg> legs;        // options: in the template's role order
  std::optional<OptionFigures> option;  // tier 2 (options)
  std::optional<MomentumFigures> momentum;
  std::vector<StrikeAlternative> strike_alternatives;  // delta vs S/R disagreements
  std::optional<WheelPhase> wheel_phase;
  // Data-quality marks for the screen and the score: "short_put: spread 17.2 %",
  // "long_call: stale venue greeks (venue delta 0.21, ours 0.15)".
  std::vector<std::string> quality_marks;

  const ResolvedLeg* leg(std::string_view role) const {
    for (const auto& l : legs)
      if (l.role == role) return &l;
    return nullptr;
  }

  friend bool operator==(const ResolutionDetail&, const ResolutionDetail&) = default;
};

struct ResolvedCandidate {
  Candidate candidate;
  ResolutionDetail detail;

  friend bool operator==(const ResolvedCandidate&, const ResolvedCandidate&) = default;
};

struct ResolveRejection {
  ReasonCode reason = ReasonCode::InternalError;
  std::string sentence;
  std::map<std::string, double> measured;  // the numbers behind the sentence

  friend bool operator==(const ResolveRejection&, const ResolveRejection&) = default;
};

// Exactly one of the two is set.
class Resolution {
 public:
  static Resolution resolved(ResolvedCandidate c) { return Resolution(std::move(c)); }
  static Resolution rejected(ResolveRejection r) { return Resolution(std::move(r)); }

  bool ok() const { return resolved_.has_value(); }
  // Precondition: ok().
  const ResolvedCandidate& candidate() const { return *resolved_; }
  // Precondition: !ok().
  const ResolveRejection& rejection() const { return *rejection_; }

 private:
  explicit Resolution(ResolvedCandidate c) : resolved_(std::move(c)) {}
  explicit Resolution(ResolveRejection r) : rejection_(std::move(r)) {}
  std::optional<ResolvedCandidate> resolved_;
  std::optional<ResolveRejection> rejection_;
};

}  // namespace dorado::strategy

template <>
struct dorado::EnumNames<dorado::strategy::WheelPhase> {
  using P = dorado::strategy::WheelPhase;
  static constexpr std::array<std::pair<P, std::string_view>, 2> table{{
      {P::SellPut, "sell_put"},
      {P::SellCall, "sell_call"},
  }};
};
