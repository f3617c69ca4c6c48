#pragma once
// Which expiration a template trades: among the chain's expirations whose
// DTE lies in the template's dte_range, the one closest to prefer_dte (to the
// middle of the range when the template prefers none); on a tie the earlier
// one, whose theta decays faster.
#include <optional>

#include "dorado/config/strategy_template.hpp"
#include "dorado/domain/option_chain.hpp"

namespace dorado::strategy {

std::optional<Date> choose_expiration(const OptionChain& chain, const config::ExpirationRule& rule);

}  // namespace dorado::strategy
