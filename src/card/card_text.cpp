#include "card/card_text.hpp"

#include "card/accent.hpp"
#include "card/card_look.hpp"
#include "content/front_matter/date_parser.hpp"

namespace ogfeed::card {

namespace {

// A title as one line of words: newlines (a YAML folded `title: >` ends in
// one), tabs and runs of spaces become one space, none at either end.
std::string
fold_space(const std::string& text)
{
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') {
        out += ' ';
      }
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

} // namespace

std::string
all_text(const CardText& text)
{
  std::string all = text.title + text.site + text.author + text.date
                    + text.emoji + text.description;
  for (const auto& t : text.tags) {
    all += t;
  }
  return all;
}

CardText
card_text_for(const content::Post& post,
              const CardContext& context,
              const CardTemplate& tmpl)
{
  CardText text;
  text.title = fold_space(post.title);
  text.language =
    post.language.empty() ? context.titles.language : post.language;
  text.site = fold_space(context.titles.in(post.language));
  text.author =
    fold_space(post.author.name.empty() ? context.author : post.author.name);
  if (text.author == text.site
      || text.author == fold_space(context.titles.title)) {
    text.author.clear(); // the author defaults to the site's title: once
  }
  const util::CivilTime day =
    util::to_civil(post.date, context.timezone.offset_at(post.date));
  text.date = util::format_date(day, tmpl.date.format);
  text.tags = post.tags;
  if (tmpl.accent.enabled) {
    text.accent = accent_for(post, context.cards);
  }
  // The description: with `cards.description: true`, or the post's own
  // `card: {description: true}` (and `false` opts a post out).
  const auto shown = post.params.find("card.description");
  const bool describe = shown == post.params.end()
                          ? context.cards.description
                          : shown->second == "true" || shown->second == "yes";
  if (describe) {
    text.description = fold_space(post.description);
  }
  // `card: {emoji: ...}` wins over Zenn's own `emoji`.
  for (const char* key : {"card.emoji", "emoji"}) {
    if (const auto it = post.params.find(key);
        it != post.params.end() && text.emoji.empty()) {
      text.emoji = fold_space(it->second);
    }
  }
  return text;
}

util::Expected<CardText>
card_text_with(const content::Post* post,
               const CardContext& context,
               const CardTemplate& tmpl,
               const CardOverrides& overrides)
{
  content::Post p = post != nullptr ? *post : content::Post{};
  if (overrides.title) {
    p.title = *overrides.title;
  }
  if (overrides.date) {
    auto t = content::parse_date(*overrides.date, context.timezone);
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
  if (overrides.emoji) {
    p.params["card.emoji"] = *overrides.emoji;
  }
  if (overrides.description) {
    p.description = *overrides.description;
    p.params["card.description"] = "true";
  }
  CardContext site = context;
  if (overrides.site) {
    site.titles.title = *overrides.site;
    site.titles.others.clear(); // the title asked for, whatever the language
  }
  CardText text = card_text_for(p, site, tmpl);
  if (overrides.accent) {
    if (!parse_color(*overrides.accent)) {
      return tl::unexpected(
        util::make_error("'--accent' must be a colour like #00add8, got \""
                         + *overrides.accent + "\""));
    }
    text.accent = *overrides.accent;
  }
  if (post == nullptr && !overrides.date) {
    text.date.clear();
  }
  return text;
}

} // namespace ogfeed::card
