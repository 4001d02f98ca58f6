#include "card/accent.hpp"
#include "card/card_text.hpp"
#include "content/front_matter/post_parser.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

card::CardContext
site()
{
  card::CardContext context;
  context.titles.title = "技術ブログ";
  context.titles.language = "ja";
  context.author = "サイトの著者";
  return context;
}

card::CardTemplate
template_with_date_format()
{
  card::CardTemplate t;
  t.date.format = "%Y-%m-%d";
  return t;
}

} // namespace

TEST_CASE("card text: a post's card, with overrides from the command line",
          "[card]")
{
  content::Post post;
  post.title = "元のタイトル";
  post.date = util::UtcSeconds{std::chrono::seconds{1716000000}};
  post.tags = {"C++"};
  const card::CardTemplate t = template_with_date_format();

  auto plain = card::card_text_with(&post, site(), t, {});
  REQUIRE(plain);
  CHECK(plain->title == "元のタイトル");
  CHECK(plain->site == "技術ブログ");
  CHECK(plain->author == "サイトの著者");
  CHECK(plain->date == "2024-05-18");
  CHECK(plain->tags == std::vector<std::string>{"C++"});

  card::CardOverrides o;
  o.title = "新しいタイトル";
  o.date = "2020-01-02";
  o.tags = std::vector<std::string>{"a", "b"};
  o.site = "別のサイト";
  o.author = "田中";
  auto changed = card::card_text_with(&post, site(), t, o);
  REQUIRE(changed);
  CHECK(changed->title == "新しいタイトル");
  CHECK(changed->date == "2020-01-02");
  CHECK(changed->tags == std::vector<std::string>{"a", "b"});
  CHECK(changed->site == "別のサイト");
  CHECK(changed->author == "田中");
}

TEST_CASE("card text: without a post or --date the card has no date", "[card]")
{
  card::CardOverrides o;
  o.title = "タイトルだけ";
  auto text =
    card::card_text_with(nullptr, site(), template_with_date_format(), o);
  REQUIRE(text);
  CHECK(text->title == "タイトルだけ");
  CHECK(text->date.empty());
  o.date = "May 1";
  auto bad =
    card::card_text_with(nullptr, site(), template_with_date_format(), o);
  REQUIRE(!bad);
  CHECK(bad.error().message
        == "'--date' must be a date like 2019-05-27, 2019-05-27 10:00 or "
           "2019-05-27T10:00:00+09:00, got \"May 1\"");
}

TEST_CASE("issue 10: title white space (a YAML folded title's newline, tabs) "
          "folds to one space",
          "[card]")
{
  content::Post post;
  post.title = "  長いタイトルを\n折り返す\t\tとき\n";
  post.author.name = "田中\n健太郎";
  const card::CardText text =
    card::card_text_for(post, site(), template_with_date_format());
  CHECK(text.title == "長いタイトルを 折り返す とき");
  CHECK(text.author == "田中 健太郎");
}

TEST_CASE("issue 10: a card's emoji: card.emoji, else Zenn's emoji, else "
          "--emoji",
          "[card]")
{
  const card::CardTemplate t = template_with_date_format();
  auto parsed = content::parse_post("---\ntitle: t\ndate: 2024-05-01\nemoji: "
                                    "\"🐳\"\ncard:\n  emoji: \"🦀\"\n"
                                    "---\n",
                                    {"posts/a.md", "a"},
                                    *util::TimeZone::locate("Asia/Tokyo"));
  REQUIRE(parsed.post);
  CHECK(parsed.post->params.at("card.emoji") == "🦀");
  CHECK(card::card_text_for(*parsed.post, site(), t).emoji == "🦀");
  parsed.post->params.erase("card.emoji");
  CHECK(card::card_text_for(*parsed.post, site(), t).emoji == "🐳");
  card::CardOverrides o;
  o.emoji = "📝";
  CHECK(card::card_text_with(&*parsed.post, site(), t, o)->emoji == "📝");
}

TEST_CASE("card text: an author that is only the site's title again is not "
          "shown twice",
          "[card]")
{
  card::CardContext config = site();
  config.author = config.titles.title; // what a config without an author gets
  content::Post post;
  post.title = "t";
  const card::CardTemplate t = template_with_date_format();
  CHECK(card::card_text_for(post, config, t).author.empty());
  post.author.name = "山田";
  CHECK(card::card_text_for(post, config, t).author == "山田");
}

TEST_CASE("issue 10: the description goes on a card when the site or the "
          "post asks",
          "[card]")
{
  content::Post post;
  post.title = "題";
  post.description = "説明の\n一行目";
  const card::CardTemplate t = template_with_date_format();
  card::CardContext config = site();
  CHECK(card::card_text_for(post, config, t).description.empty());
  config.cards.description = true;
  CHECK(card::card_text_for(post, config, t).description == "説明の 一行目");
  post.params["card.description"] = "false";
  CHECK(card::card_text_for(post, config, t).description.empty());
  config.cards.description = false;
  post.params["card.description"] = "true";
  CHECK(card::card_text_for(post, config, t).description == "説明の 一行目");
  card::CardOverrides o;
  o.description = "上書き";
  post.params.clear();
  CHECK(card::card_text_with(&post, config, t, o)->description == "上書き");
}

TEST_CASE("issue 10: a post's accent colour comes from its category", "[card]")
{
  content::CardSettings settings;
  settings.accents = {{"Go", "#00add8"}, {"rust", "#dea584"}};
  content::Post post;
  CHECK(card::accent_for(post, settings).empty()); // the template's own
  post.tags = {"Rust"};
  CHECK(card::accent_for(post, settings) == "#dea584"); // tags, any case
  post.categories = {"go"};
  CHECK(card::accent_for(post, settings) == "#00add8"); // categories first
  // Unconfigured: one of eight colours by the first category's name, the
  // same on every build; posts of one category share it.
  post.categories = {"インフラ"};
  post.tags = {};
  const std::string infra = card::accent_for(post, settings);
  CHECK(infra.size() == 7);
  CHECK(infra.front() == '#');
  content::Post other;
  other.categories = {"インフラ", "ネットワーク"};
  CHECK(card::accent_for(other, settings) == infra);
  CHECK(card::accent_for(post, {}) == infra);
  // Only templates with an accent bar get one.
  card::CardTemplate t = template_with_date_format();
  CHECK(card::card_text_for(post, site(), t).accent.empty());
  t.accent.enabled = true;
  CHECK(card::card_text_for(post, site(), t).accent == infra);
}
