#include "dorado/cli/regime_update.hpp"

#include <chrono>
#include <stdexcept>

#include "dorado/regime/features/macro_features.hpp"
#include "dorado/regime/publish/regime_publisher.hpp"
#include "dorado/regime/publish/stored_models.hpp"
#include "dorado/regime/walk_forward.hpp"

namespace dorado::cli {
namespace {

using namespace std::chrono;

void say(const RegimeUpdateRequest& r, const std::string& line) {
  if (r.progress) r.progress(line);
}

// The last trading day before the month of the market's last day: the
// training end the monthly schedule asks for.
Date scheduled_train_last(const std::vector<Date>& days) {
  const year_month last_month{days.back().year(), days.back().month()};
  for (auto it = days.rbegin(); it != days.rend(); ++it)
    if (year_month{it->year(), it->month()} != last_month) return *it;
  return days.front();
}

std::optional<Timestamp> newest_published(ports::Store& store, const std::string& model,
                                          Timestamp from) {
  const auto rows = store.read_regime_history(
      {model, std::nullopt, from, Timestamp{sys_days{year{2100} / 1 / 1}}});
  if (rows.empty()) return std::nullopt;
  return rows.back().regime.as_of;
}

struct TrainingChoice {
  std::optional<Date> train_last;  // nothing: keep the stored model
  std::string reason;
};

TrainingChoice choose_training(const std::optional<regime::MacroRegimeModel>& stored,
                               const RegimeUpdateRequest& request, const std::vector<Date>& days) {
  if (request.train_to)
    return {request.train_to, "asked for data up to " + to_iso_date(*request.train_to)};
  const Date due = scheduled_train_last(days);
  if (!stored) return {due, "no stored model yet"};
  if (stored->window.last < due)
    return {due, "monthly retrain due (model trained to " + to_iso_date(stored->window.last) + ")"};
  return {std::nullopt, "model " + stored->version + " is current"};
}

std::optional<PublishedRegime> latest_correlation(const RegimeMarket& market) {
  std::map<std::string, std::span<const Bar>> bars;
  for (const auto& [symbol, rows] : market.universe_bars) bars[symbol] = rows;
  if (bars.size() < 2) return std::nullopt;
  const regime::CorrelationRegimeConfig config;
  const auto readings = regime::correlation_regimes(regime::universe_returns(bars), config);
  if (readings.empty()) return std::nullopt;
  const auto& last = readings.back();
  return regime::to_published(last, reading_time(last.structure.date), config);
}

}  // namespace

Timestamp reading_time(Date day) {
  return Timestamp{sys_days{day} + hours{21}};
}

regime::FeatureHistory macro_feature_history(const RegimeMarket& market, Date train_last) {
  const auto frame = regime::features::build_macro_features(market.macro);
  return regime::features::model_history(
      frame, {regime::features::default_model_features(), train_last, 756});
}

PublishedRegime to_published(const regime::MacroRegimeReading& reading,
                             const std::string& model_version) {
  PublishedRegime p;
  p.model = "macro";
  p.label = std::string(name_of(reading.regime));
  p.confidence = reading.confidence;
  for (std::size_t r = 0; r < reading.probabilities.size(); ++r)
    p.probabilities[std::string(name_of(static_cast<MacroRegime>(r)))] = reading.probabilities[r];
  p.as_of = reading_time(reading.date);
  p.model_version = model_version;
  return p;
}

RegimeUpdateReport update_regimes(Workspace& ws, const RegimeUpdateRequest& request) {
  RegimeUpdateReport report;
  say(request, "reading the market");
  const RegimeMarket market = load_regime_market(ws);
  report.market = market.description;
  const auto stored = regime::load_latest_macro_model(*ws.store);
  const TrainingChoice choice = choose_training(stored, request, market.macro.trading_days);
  report.training_reason = choice.reason;

  say(request, "building the macro features");
  const Date train_last = choice.train_last ? *choice.train_last : stored->window.last;
  const regime::FeatureHistory history = macro_feature_history(market, train_last);
  if (choice.train_last) {
    const std::size_t days = history.days_through(train_last);
    regime::MacroModelConfig config;
    config.hmm.states = static_cast<Eigen::Index>(request.states);
    say(request, "training the " + std::to_string(request.states) + "-state macro HMM on " +
                     std::to_string(days) + " days");
    const regime::MacroRegimeModel* previous =
        stored && stored->feature_names == history.names ? &*stored : nullptr;
    report.model = regime::train_macro_model(history.head(days), config, previous);
    report.trained = true;
    regime::save_model(*ws.store, report.model, request.now);
  } else {
    if (stored->feature_names != history.names)
      throw std::invalid_argument("the stored macro model " + stored->version +
                                  " uses features this market cannot supply; retrain with "
                                  "`dorado regime update --train-to DATE`");
    report.model = *stored;
  }

  say(request, "filtering the days after " + to_iso_date(report.model.window.last));
  const auto readings = regime::readings_after_training(report.model, history);
  report.inferred_days = readings.size();
  if (!readings.empty()) report.latest = readings.back();

  const auto newest =
      newest_published(*ws.store, "macro", Timestamp{sys_days{report.model.window.first}});
  regime::RegimePublisher publisher(*ws.cache, *ws.store);
  ws.store->transaction([&](ports::Store&) {
    for (const auto& r : readings) {
      const auto published = to_published(r, report.model.version);
      if (newest && published.as_of <= *newest) continue;
      publisher.publish_macro(published);
      ++report.published_days;
    }
  });
  say(request, "published " + std::to_string(report.published_days) + " macro reading(s)");

  report.correlation = latest_correlation(market);
  if (report.correlation) {
    const auto last = newest_published(*ws.store, "correlation", report.correlation->as_of);
    if (!last) publisher.publish_correlation(*report.correlation);
  }
  return report;
}

}  // namespace dorado::cli
