#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::util {

// Returns the Levenshtein distance between `a` and `b` (bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);

// Returns the candidate closest to `word` when it is a plausible typo
// (distance at most a third of the word's length, and at least 1 edit away),
// for "did you mean" hints.
std::optional<std::string>
closest_match(std::string_view word,
              const std::vector<std::string>& candidates);

} // namespace ogfeed::util
