#include "dorado/cli/app.hpp"

int main(int argc, char** argv) {
  return dorado::cli::run(argc, argv);
}
