#pragma once

#include "util/fields.hpp"

#include <map>
#include <string>

namespace ogfeed::content {

// The `cards` settings of a site, apart from SiteConfig so that the card
// code need not see the rest (card/card_context.hpp).

// OGP cards: one image per post.
struct CardSettings
{
  bool enabled = true;
  std::string template_name =
    "default";           // a name in templates/, or a .yaml path
  int template_line = 0; // where ogfeed.yaml names it (0: it does not)
  int template_column = 0;
  std::string dir = "cards";  // below the output folder
  std::string format = "png"; // png, jpeg or webp
  int png_compression =
    3; // deflate 0..12 (libdeflate): 3 is about as fast as 1, smaller
  int quality = 85; // JPEG and WebP
  // The site's logo for the template's logo box: a file as the site serves
  // it ("/images/logo.png") or below the site folder; empty: none.
  std::string logo;
  bool description = false; // a line of each post's description under its
                            // title, in templates with a description box
  // Accent colours ("#00add8") by category or tag name, for templates with
  // an accent bar; others take one of a fixed palette by name.
  std::map<std::string, std::string> accents;
};

template<typename Self, typename F>
requires util::is_a<Self, CardSettings>
void
for_each_field(Self& s, F&& f)
{
  f("enabled", s.enabled);
  f("template", s.template_name);
  f("template_line", s.template_line); // messages point at it
  f("template_column", s.template_column);
  f("dir", s.dir);
  f("format", s.format);
  f("png_compression", s.png_compression);
  f("quality", s.quality);
  f("logo", s.logo);
  f("description", s.description);
  f("accents", s.accents);
}

} // namespace ogfeed::content
