#include "dorado/cli/configuration_summary.hpp"

#include <fmt/format.h>

#include <ostream>

namespace dorado::cli {

void print_configuration_summary(std::ostream& out, const config::Configuration& c) {
  out << fmt::format("  universe  {} ({} underlyings)\n", c.universe.name,
                     c.universe.underlyings.size());
  for (const auto& u : c.universe.underlyings)
    out << fmt::format("            {:<7} {:<15} {}\n", u.symbol, name_of(u.asset_class),
                       name_of(u.venue));
  out << fmt::format("  bots      {}\n", c.bots.size());
  for (const auto& b : c.bots)
    out << fmt::format("            {:<15} {:<7} {:<16} {:<12} {:<11} {} {}\n", b.id, b.underlying,
                       b.strategy, name_of(b.venue), name_of(b.venue_mode),
                       name_of(b.approval_mode), b.enabled ? "" : "(disabled)");
  out << fmt::format("  templates {}\n", c.strategies.size());
  for (const auto& s : c.strategies) {
    std::string variants;
    for (const auto& v : s.regime_variants) variants += (variants.empty() ? "" : ", ") + v.regime;
    out << fmt::format("            {:<16} {:<15} overrides: {}\n", s.name,
                       name_of(s.underlying_class), variants.empty() ? "none" : variants);
  }
  out << fmt::format("  hash      {}\n", c.content_hash);
}

}  // namespace dorado::cli
