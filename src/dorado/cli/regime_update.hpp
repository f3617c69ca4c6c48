#pragma once
// `dorado regime update`: train the macro model when it is due (or on data
// up to a given day), infer every later day out of sample with the filtered
// (forward-only) probabilities, publish the readings not published before
// (cache key and regime_history, regime/publish/regime_publisher.hpp), and
// publish the universe's current correlation regime.
//
// Monthly schedule: the model is retrained on the first run in a month that
// is later than the month after its training window, on every trading day
// before the month of the market's last day. So `update` run daily retrains
// once a month (the expanding window of regime/walk_forward.hpp) and
// otherwise only filters the new days.
//
// A reading is published as of 21:00 UTC of its day, after the NYSE close in
// both EST and EDT (16:00 ET is 21:00 or 20:00 UTC).
#include <functional>
#include <optional>
#include <string>

#include "dorado/cli/regime_market.hpp"
#include "dorado/cli/workspace.hpp"
#include "dorado/domain/published_regime.hpp"
#include "dorado/regime/correlation/correlation_regime.hpp"
#include "dorado/regime/features/feature_frame.hpp"
#include "dorado/regime/macro_regime_model.hpp"
#include "dorado/regime/macro_regime_reading.hpp"

namespace dorado::cli {

struct RegimeUpdateRequest {
  std::optional<Date> train_to;  // train on data up to this day, due or not
  std::size_t states = 6;
  Timestamp now{};
  std::function<void(const std::string&)> progress;  // a line per long step
};

struct RegimeUpdateReport {
  std::string market;
  bool trained = false;
  std::string training_reason;  // why it trained or not
  regime::MacroRegimeModel model;
  std::size_t inferred_days = 0;   // out-of-sample readings after the training window
  std::size_t published_days = 0;  // of those, new in regime_history
  std::optional<regime::MacroRegimeReading> latest;
  std::optional<PublishedRegime> correlation;
};

// The instant a reading of `day` is published as.
Timestamp reading_time(Date day);

// The features a macro model trains and filters on, over the whole market.
regime::FeatureHistory macro_feature_history(const RegimeMarket& market, Date train_last);

// Throws std::invalid_argument for a --train-to day before enough history,
// or a stored model whose features the market cannot supply.
RegimeUpdateReport update_regimes(Workspace& ws, const RegimeUpdateRequest& request);

// The published form of a reading.
PublishedRegime to_published(const regime::MacroRegimeReading& reading,
                             const std::string& model_version);

}  // namespace dorado::cli
