#pragma once
// A line of a file that cannot be imported, and why.
#include <cstddef>
#include <string>
#include <vector>

namespace dorado::data {

struct ImportProblem {
  std::size_t line = 0;  // 1-based; 0 for the file as a whole
  std::string message;

  bool operator==(const ImportProblem&) const = default;
};

// "spy.csv:12: high 99.5 is below low 100" (without a line number for line 0).
std::string format_problem(const std::string& file, const ImportProblem& problem);

}  // namespace dorado::data
