#include "dorado/data/import/import_problem.hpp"

namespace dorado::data {

std::string format_problem(const std::string& file, const ImportProblem& problem) {
  if (problem.line == 0) return file + ": " + problem.message;
  return file + ":" + std::to_string(problem.line) + ": " + problem.message;
}

}  // namespace dorado::data
