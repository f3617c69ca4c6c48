#include "dorado/regime/features/publication.hpp"

#include <chrono>

namespace dorado::regime::features {

Date release_date(Publication rule, Date observed) {
  using std::chrono::days;
  using std::chrono::sys_days;
  switch (rule) {
    case Publication::AtClose:
      return observed;
    case Publication::NextDay:
      return Date{sys_days{observed} + days{1}};
    case Publication::ClaimsThursday:  // Saturday + 5 = Thursday
    case Publication::NfciWednesday:   // Friday + 5 = Wednesday
      return Date{sys_days{observed} + days{5}};
    case Publication::CotFriday:  // Tuesday + 3 = Friday
      return Date{sys_days{observed} + days{3}};
  }
  return observed;
}

}  // namespace dorado::regime::features
