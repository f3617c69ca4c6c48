#pragma once
// Daily closes of CBOE indices from the CBOE CDN history files, and the VIX
// term structure built from them: VIX9D, VIX, VIX3M, VIX6M aligned by date.
// Each file is the whole history; the client keeps the dates asked for.
#include <optional>
#include <string>
#include <vector>

#include "dorado/data/sources/cboe_index_history.hpp"
#include "dorado/data/sources/http_client.hpp"
#include "dorado/ports/store_time_series.hpp"

namespace dorado::data {

struct CboeConfig {
  std::string base_url = "https://cdn.cboe.com/api/global/us_indices/daily_prices";
};

// One day of the VIX term structure; an index may be missing on a day (the
// files can lag each other by a day, and VIX6M/VIX9D start later than VIX).
struct VixTermPoint {
  Date date;
  std::optional<double> vix9d, vix, vix3m, vix6m;

  // VIX / VIX3M: above 1 the curve is inverted (backwardation), a stress sign.
  std::optional<double> front_to_three_month() const {
    if (!vix || !vix3m || *vix3m == 0.0) return std::nullopt;
    return *vix / *vix3m;
  }

  friend bool operator==(const VixTermPoint&, const VixTermPoint&) = default;
};

class CboeClient {
 public:
  CboeClient(CboeConfig config, HttpClient& http);

  // Closes of `index` ("VIX", "VIX3M", "VVIX", ...) dated within `dates`.
  std::vector<IndexClose> index_closes(const std::string& index, ports::DateRange dates);

  // Every date within `dates` on which at least one of the four indices closed, ascending.
  std::vector<VixTermPoint> vix_term_structure(ports::DateRange dates);

 private:
  CboeConfig config_;
  HttpClient& http_;
};

}  // namespace dorado::data
