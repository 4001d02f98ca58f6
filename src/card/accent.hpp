#pragma once

#include "content/config/card_settings.hpp"
#include "content/post.hpp"

#include <string>

namespace ogfeed::card {

// A post's accent colour ("#rrggbb"), for templates with an accent bar:
// the colour `cards.accents` gives the first of its categories, then of its
// tags, that has one (names compared case-insensitively); else one of eight
// fixed colours chosen by its first category's name (or first tag's), the
// same for every post of that category on every build; empty for a post
// with neither (the template's own colour).
std::string accent_for(const content::Post& post,
                       const content::CardSettings& settings);

} // namespace ogfeed::card
