#pragma once
// Regime labels published by the Regime Radar (PRD 3.5). Strategy templates
// name them in `regimes_allowed` and `regime_overrides`.
#include <optional>
#include <string>

#include "dorado/domain/enum_names.hpp"

namespace dorado {

enum class MacroRegime { RiskOn, Goldilocks, Transition, RiskOff, Crisis, Recovery };

template <>
struct EnumNames<MacroRegime> {
  static constexpr std::array<std::pair<MacroRegime, std::string_view>, 6> table{{
      {MacroRegime::RiskOn, "risk_on"},
      {MacroRegime::Goldilocks, "goldilocks"},
      {MacroRegime::Transition, "transition"},
      {MacroRegime::RiskOff, "risk_off"},
      {MacroRegime::Crisis, "crisis"},
      {MacroRegime::Recovery, "recovery"},
  }};
};

enum class FxRegime { Carry, Momentum, MeanReversion, RiskOffUnwind };

template <>
struct EnumNames<FxRegime> {
  static constexpr std::array<std::pair<FxRegime, std::string_view>, 4> table{{
      {FxRegime::Carry, "carry"},
      {FxRegime::Momentum, "momentum"},
      {FxRegime::MeanReversion, "mean_reversion"},
      {FxRegime::RiskOffUnwind, "risk_off_unwind"},
  }};
};

// Stage 1 of the crypto model says whether a tradeable trend exists; stage 2
// grades its strength.
enum class CryptoRegime { StrongTrend, WeakTrend, NoTrend };

template <>
struct EnumNames<CryptoRegime> {
  static constexpr std::array<std::pair<CryptoRegime, std::string_view>, 3> table{{
      {CryptoRegime::StrongTrend, "strong_trend"},
      {CryptoRegime::WeakTrend, "weak_trend"},
      {CryptoRegime::NoTrend, "no_trend"},
  }};
};

enum class CorrelationRegime { Concentrated, Diversified };

template <>
struct EnumNames<CorrelationRegime> {
  static constexpr std::array<std::pair<CorrelationRegime, std::string_view>, 2> table{{
      {CorrelationRegime::Concentrated, "concentrated"},
      {CorrelationRegime::Diversified, "diversified"},
  }};
};

}  // namespace dorado
