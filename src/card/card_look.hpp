#pragma once

#include "card/card_template.hpp"
#include "card/file_scope.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::card {

// A colour as templates and front matter write it: #rgb, #rgba, #rrggbb or
// #rrggbbaa. Nothing for anything else.
std::optional<Color> parse_color(std::string_view text);

// An image a site names as written ("/images/me.png", "me.png",
// "static/me.png"): the first of `dirs` that holds it (a leading '/' is
// below each dir, as a site serves it). Nothing for a URL (ogfeed fetches
// nothing), a file no dir holds, or one `scope` does not allow (outside the
// site, or reached through a link).
std::optional<std::filesystem::path>
find_site_image(std::string_view written,
                const std::vector<std::filesystem::path>& dirs,
                const FileScope& scope);

// True when `written` is a URL, not a file ("https://...", "//host/...").
bool is_remote_image(std::string_view written);

// Puts a post's own background (`card: {background: ...}`) in place of the
// template's: one colour (solid), two or more separated by commas (a
// gradient at the template's angle), or an image found in `dirs` under a
// scrim just dark enough for the template's text to pass its contrast
// check (at least the template's own, or 45%; at most 85%). Errors say what
// was not understood or not found.
util::Expected<void>
apply_background(CardTemplate& t,
                 std::string_view spec,
                 const std::vector<std::filesystem::path>& dirs,
                 const FileScope& scope);

} // namespace ogfeed::card
