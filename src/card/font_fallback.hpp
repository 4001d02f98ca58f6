#pragma once

#include "card/render.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::card {

// Adds to `fonts` the system fonts that cover the characters of `chars` the
// template's fonts lack: Debian's Noto Color Emoji first ("(system emoji)",
// unless the template names an emoji font); then, through fontconfig, for
// each character still missing, the best match for the site's `language`
// that has it, in a regular and a bold weight ("(fallback regular)",
// "(fallback bold)" specs). When `language` is Chinese or Korean and the
// system has a face for it (Noto Sans CJK SC/TC/KR), that face comes first in
// every stack ("(language regular)", "(language bold)"), so shared Han
// characters take that language's forms. Returns the characters no installed
// font covers. Without fontconfig's configuration (an empty system) nothing
// is added.
std::vector<char32_t> add_fallback_fonts(TemplateFonts& fonts,
                                         const std::u32string& chars,
                                         std::string_view language);

} // namespace ogfeed::card
