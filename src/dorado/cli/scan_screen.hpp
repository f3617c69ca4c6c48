#pragma once
// The candidate screen of `dorado scan` (PRD): per underlying its template
// and every gate with its measured value; the candidates numbered across the
// portfolio with expiry, strikes, credit, data-quality marks and risk
// confidence, and what selection decided; the skipped underlyings with
// their reasons; the portfolio budget and the correlation regime.
#include <iosfwd>

#include "dorado/engine/scan/daily_scan.hpp"

namespace dorado::cli {

void print_scan_screen(std::ostream& out, const engine::DailyScan& scan);

}  // namespace dorado::cli
