#pragma once

// The costs the title layout weighs (layout.cpp, line_measure.hpp,
// line_search.hpp), in "badness" points, and which breaks each search tier
// allows. Internal to src/card.

#include "card/line_break.hpp"

#include <limits>

namespace ogfeed::card::detail {

constexpr double k_infinity = std::numeric_limits<double>::infinity();
// Costs of the line-breaking search (in "badness" points).
constexpr double k_balance = 100;       // times the squared slack of each line
constexpr double k_inside_phrase = 400; // a break inside a BudouX phrase
// A space BudouX does not break at: below the cheapest inside-phrase break
// (k_inside_phrase * 0.75), so "Embedding 2 | 仕様" wins over "2 仕 | 様".
constexpr double k_word_space = 150;
constexpr double k_emergency = 100000; // a break inside a word
constexpr double k_short_last =
  1200; // a last line of three characters or fewer
// A designer's first choice: after ：！？ or a clause's closing bracket,
// before a subtitle's 〜 (a bonus, so worth a little imbalance).
constexpr double k_strong = -120; // less than a line costs
// Breaks a reader notices even at a phrase boundary: inside a bracket pair
// the title closes, and inside a katakana compound (but where a loanword
// likely ends: Measure::likely_word_end).
constexpr double k_in_brackets = 900;
constexpr double k_in_katakana = 2500;
constexpr double k_epsilon = 1e-6;     // em; widths are sums of floats
constexpr double k_overflow_slack = 2; // em; more than trims and spacing add
constexpr double k_per_line = 150;     // each line: fewer lines read better
// Shrinking the title below the largest size that fits costs this much per
// whole shrink (10% smaller = 200 points), and is tried down to the
// template's smallest size: smaller beats a split phrase or word, a stranded
// last line or, a little smaller, one more line.
constexpr double k_shrink = 2000;

enum class Tier {
  clean,     // phrase and space breaks only (word spaces included)
  legal,     // + breaks inside phrases
  emergency, // + breaks inside words
};

// The cost of a break inside a BudouX phrase between `a` and `b`.
double inside_phrase_cost(char32_t a, char32_t b);

// The cost of a break of kind `b` between `before` and `after`.
double break_cost(Break b, char32_t before, char32_t after);

// Whether `tier` may break at a break of kind `b`.
bool allowed(Break b, Tier tier);

} // namespace ogfeed::card::detail
