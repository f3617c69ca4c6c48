#pragma once
// When an observation of an input series becomes known, so the feature
// pipeline can use it strictly as of each trading day's close. A value enters
// the features of trading day t only when release_date(...) <= t.
//
//   rule             observation date          known from          series
//   AtClose          the trading day            that day's close    ETF closes, VIX, VIX3M
//   NextDay          the business day           the next day        FRED daily: T10Y2Y, DGS2,
//                                                                    DGS10, DBAA, DAAA, T10YIE
//   ClaimsThursday   the week ending Saturday   Thursday after (+5) ICSA (8:30 ET release)
//   NfciWednesday    the week ending Friday     Wednesday after (+5) NFCI (8:30 ET release)
//   CotFriday        the Tuesday positions      Friday after (+3)   CFTC TFF (15:30 ET release)
//
// FRED posts a daily series' value for day d on the morning of the next
// business day (Treasury and Moody's yields are end-of-day figures), so a
// day-d value is used from day d + 1 on: a feature of day t sees FRED values
// of days before t only. Weekly releases land before the close of their
// release day, so that day's features may use them. A holiday on a release
// day only delays use to the next trading day, which this rule gives for
// free (features exist on trading days only).
#include "dorado/domain/enum_names.hpp"
#include "dorado/domain/time.hpp"

namespace dorado::regime::features {

enum class Publication { AtClose, NextDay, ClaimsThursday, NfciWednesday, CotFriday };

// The first day on which the observation of `observed` may be used.
Date release_date(Publication rule, Date observed);

}  // namespace dorado::regime::features

template <>
struct dorado::EnumNames<dorado::regime::features::Publication> {
  using P = dorado::regime::features::Publication;
  static constexpr std::array table{
      std::pair{P::AtClose, std::string_view{"at_close"}},
      std::pair{P::NextDay, std::string_view{"next_day"}},
      std::pair{P::ClaimsThursday, std::string_view{"claims_thursday"}},
      std::pair{P::NfciWednesday, std::string_view{"nfci_wednesday"}},
      std::pair{P::CotFriday, std::string_view{"cot_friday"}},
  };
};
