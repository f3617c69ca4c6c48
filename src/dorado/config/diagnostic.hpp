#pragma once
// One problem found in a configuration folder, located the way compilers do
// it so editors can jump to it: "bots/spy-ic-01.yaml:12:3: unknown key ...".
#include <string>
#include <vector>

namespace dorado::config {

struct Diagnostic {
  std::string file;  // relative to the configuration folder, '/'-separated
  int line = 0;      // 1-based; 0 when the problem concerns the whole file
  int column = 0;    // 1-based; 0 when the problem concerns the whole file
  std::string message;

  // "file:line:col: message", or "file: message" for whole-file problems.
  std::string to_string() const;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
  friend auto operator<=>(const Diagnostic&, const Diagnostic&) = default;
};

// Sorts by file, line, column and message and drops exact repeats (a regime
// override can surface the same problem once per effective template).
void sort_and_deduplicate(std::vector<Diagnostic>& diagnostics);

}  // namespace dorado::config
