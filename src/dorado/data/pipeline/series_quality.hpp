#pragma once
// The data-quality checks run on every imported or fetched series; each
// returns findings (see data_finding.hpp), never throws on bad data.
#include <span>
#include <string>
#include <vector>

#include "dorado/calendar/exchange_calendar.hpp"
#include "dorado/data/pipeline/data_finding.hpp"
#include "dorado/data/pipeline/return_outliers.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

// Daily bars (ascending by date): broken bars (Bar::problems()), gaps and
// off-calendar days against `calendar`, return outliers and spikes on the
// adjusted close when there is one (a split must not look like a crash),
// else the close.
std::vector<DataFinding> check_bars(const std::string& subject,
                                    std::span<const ports::OhlcvBar> bars,
                                    const calendar::ExchangeCalendar& calendar,
                                    const OutlierThresholds& thresholds = {});

// A macro series (ascending): days listed without a value, and, for a daily
// series, gaps against `calendar` counting those days as present (they are
// reported once, as missing values). Weekly and monthly series are not
// checked for gaps here (see series_status.hpp for their cadence).
std::vector<DataFinding> check_macro(const std::string& subject,
                                     std::span<const ports::MacroObservation> observations,
                                     std::span<const Date> missing_values,
                                     const calendar::ExchangeCalendar& calendar);

// An option chain: quotes whose bid is above a positive ask.
std::vector<DataFinding> check_chain(const OptionChain& chain);

}  // namespace dorado::data
