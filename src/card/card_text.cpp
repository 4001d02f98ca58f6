#include "card/card_text.hpp"

#include "content/date_parser.hpp"

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

util::Expected<CardText>
card_text_with(const content::Post* post,
               const content::SiteConfig& config,
               const CardTemplate& tmpl,
               const CardOverrides& overrides)
{
  content::Post p = post != nullptr ? *post : content::Post{};
  if (overrides.title) {
    p.title = *overrides.title;
  }
  if (overrides.date) {
    auto t = content::parse_date(*overrides.date, config.timezone);
    if (!t) {
      return tl::unexpected(util::make_error("'--date' " + t.error().message));
    }
    p.date = *t;
  }
  if (overrides.tags) {
    p.tags = *overrides.tags;
  }
  if (overrides.author) {
    p.author.name = *overrides.author;
  }
  content::SiteConfig site = config;
  if (overrides.site) {
    site.title = *overrides.site;
  }
  CardText text = card_text_for(p, site, tmpl);
  if (post == nullptr && !overrides.date) {
    text.date.clear();
  }
  return text;
}

} // namespace ogfeed::card
