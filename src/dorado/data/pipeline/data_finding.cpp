#include "dorado/data/pipeline/data_finding.hpp"

namespace dorado::data {

void journal_findings(ports::Store& store, const std::vector<DataFinding>& findings, Timestamp at,
                      const std::optional<std::string>& config_hash) {
  for (const auto& f : findings) {
    auto detail = f.detail;
    if (f.date) detail["date"] = to_iso_date(*f.date);
    store.append_journal(
        {at, "data", f.subject, f.reason_code, f.message, detail.dump(), config_hash});
  }
}

}  // namespace dorado::data
