#pragma once

namespace dorado::cli {

// Parses the command line and runs one subcommand; returns the exit code.
int run(int argc, char** argv);

}  // namespace dorado::cli
