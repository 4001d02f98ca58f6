#pragma once

#include "card/card_template.hpp"
#include "util/error.hpp"

namespace ogfeed::card {

// WCAG 2 contrast ratio of two opaque colours, 1 to 21.
double contrast_ratio(Color a, Color b);

// The least contrast, at any corner or the centre of each drawn text (title,
// site, author, date, tags on their pills), against the background under
// it (a gradient at that point; an image as its darkest-case scrim, white
// darkened by `darken`). Warns, with the measured ratio, where the title
// has less than 3:1 or small text less than 4.5:1 (WCAG 2.2 AA).
util::Diagnostics check_contrast(const CardTemplate& t);

} // namespace ogfeed::card
