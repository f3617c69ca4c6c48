#pragma once
#include <iosfwd>

#include "dorado/config/configuration.hpp"

namespace dorado::cli {

// Universe, bots, templates and the content hash, a few lines for a human.
void print_configuration_summary(std::ostream& out, const config::Configuration& c);

}  // namespace dorado::cli
