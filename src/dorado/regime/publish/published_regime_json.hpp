#pragma once
// PublishedRegime as the JSON the cache holds, so every reader (engine, CLI,
// web UI) parses the same shape:
//   {"model": "fx", "label": "carry", "confidence": 0.61,
//    "probabilities": {"carry": 0.61, ...}, "as_of": "2024-03-15T21:00:00.000000Z",
//    "model_version": "fx-xgb/..."}
// Per-instrument models (FX, crypto) publish one object keyed by instrument.
// Doubles are written so they read back bit for bit.
#include <map>
#include <string>
#include <string_view>

#include "dorado/domain/published_regime.hpp"

namespace dorado::regime {

std::string to_json(const PublishedRegime& regime);
std::string to_json(const std::map<std::string, PublishedRegime>& by_instrument);

// Throw std::invalid_argument naming the field for anything that is not the
// shape above (the cache is outside the process; a reader must not trust it).
PublishedRegime published_regime_from_json(std::string_view json);
std::map<std::string, PublishedRegime> published_regimes_from_json(std::string_view json);

// "2024-03-15T21:00:00.000000Z" (to_iso8601's form) back to the instant, and
// "2024-03-15" (to_iso_date's) back to the date; std::invalid_argument otherwise.
Timestamp parse_iso8601(std::string_view text);
Date parse_iso_date(std::string_view text);

}  // namespace dorado::regime
