#include "card/card_text.hpp"

namespace ogfeed::card {

CardText
card_text_for(const content::Post& post,
              const content::SiteConfig& config,
              const CardTemplate& tmpl)
{
  CardText text;
  text.title = post.title;
  text.site = config.title;
  text.author =
    post.author.name.empty() ? config.author.name : post.author.name;
  const util::CivilTime day =
    util::to_civil(post.date, config.timezone.offset_at(post.date));
  text.date = util::format_date(day, tmpl.date.format);
  text.tags = post.tags;
  return text;
}

} // namespace ogfeed::card
