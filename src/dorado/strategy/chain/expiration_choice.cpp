#include "dorado/strategy/chain/expiration_choice.hpp"

#include <chrono>
#include <cmath>

namespace dorado::strategy {

std::optional<Date> choose_expiration(const OptionChain& chain,
                                      const config::ExpirationRule& rule) {
  const Date today = chain.as_of_date();
  const double target = rule.prefer_dte ? static_cast<double>(*rule.prefer_dte)
                                        : (rule.dte_range.min + rule.dte_range.max) / 2.0;
  std::optional<Date> best;
  double best_distance = 0.0;
  for (const Date expiration : chain.expirations()) {  // ascending: the earlier wins a tie
    const int dte = static_cast<int>(
        (std::chrono::sys_days{expiration} - std::chrono::sys_days{today}).count());
    if (dte < rule.dte_range.min || dte > rule.dte_range.max) continue;
    const double distance = std::abs(dte - target);
    if (!best || distance < best_distance) {
      best = expiration;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace dorado::strategy
