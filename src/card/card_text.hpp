#pragma once

#include "card/card_template.hpp"
#include "card/render.hpp"
#include "content/post.hpp"
#include "content/site_config.hpp"

namespace ogfeed::card {

// What a post's card says: its title, the site's title, the post's (or the
// site's) author, the date in the site's time zone in the template's
// format, and its tags.
CardText card_text_for(const content::Post& post,
                       const content::SiteConfig& config,
                       const CardTemplate& tmpl);

} // namespace ogfeed::card
