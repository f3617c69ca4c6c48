#include "dorado/cli/app.hpp"

#include <CLI/CLI.hpp>

namespace dorado::cli {

int run(int argc, char** argv) {
  CLI::App app{"Dorado: systematic trading orchestration"};
  CLI11_PARSE(app, argc, argv);
  return 0;
}

}  // namespace dorado::cli
