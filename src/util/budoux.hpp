#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ogfeed::util {

// Returns where BudouX's Japanese model (npm budoux 0.9.2) puts phrase
// boundaries in `text`: sorted code point indices i, 0 < i < size, each a
// break before text[i]. Like upstream, features are read over UTF-16 code
// units, so results match the JavaScript library exactly; a boundary that
// upstream would put inside a surrogate pair is dropped. Thread-safe.
std::vector<std::size_t> budoux_boundaries(const std::u32string& text);

} // namespace ogfeed::util
