#pragma once
// "Did you mean" support: the closest known name by edit distance.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dorado::config {

// Levenshtein distance (insertions, deletions, substitutions each cost 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if it is close enough to be a plausible
// typo: at most 2 edits, and at most half the word's length (rounded up).
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" when a close match exists, otherwise
// " (expected one of: a, b, c)"; empty when there are no candidates.
std::string suggestion_suffix(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace dorado::config
