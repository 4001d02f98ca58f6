#pragma once

#include "content/config/card_settings.hpp"
#include "content/config/feed_settings.hpp"
#include "content/config/permalink.hpp"
#include "content/config/site_titles.hpp"
#include "content/post.hpp"
#include "content/render/generator_markup.hpp"
#include "content/render/markdown.hpp"
#include "util/error.hpp"
#include "util/time_zone.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::content {

// Every member of CardSettings, ContentLanguage and SiteConfig, in order
// (util/fields.hpp), as FeedSettings' (feed_settings.hpp): the config
// fingerprint (the rebuild key) and the build report write them all, and a
// test checks none is missing.

// Hugo multilingual: the language of a content folder's posts, the folder
// their URLs (and their feeds) start with, and the site's title in it
// ("content/en" -> "en-US", "en/", "My blog").
struct ContentLanguage
{
  std::string language;
  std::string url_prefix;
  std::string title;
};

template<typename Self, typename F>
requires util::is_a<Self, ContentLanguage>
void
for_each_field(Self& l, F&& f)
{
  f("language", l.language);
  f("url_prefix", l.url_prefix);
  f("title", l.title);
}

// `ogfeed.yaml` at a site's root.
struct SiteConfig
{
  std::string title;
  std::string subtitle;
  std::string base_url; // absolute, always ends with '/'
  std::string language = "ja";
  util::TimeZone timezone;
  Person author;
  std::string websub_hub; // a WebSub hub's URL: rel="hub" links, no network
  // The site's images for feed readers, as written (relative to the site):
  // a small square icon and a wider logo.
  std::string icon;
  std::string logo;
  // head.json: each post's OGP and feed-discovery tags, for any generator.
  bool head_json = true;
  std::string permalink = "/posts/:slug/";
  // Per first folder below the content folder (Hugo's `permalinks`):
  // "posts" -> "/:year/:slug/"; other posts take `permalink`.
  std::map<std::string, std::string> section_permalinks;
  // How the generator publishes a pattern's path (detected, not in
  // ogfeed.yaml): Hugo lower-cases it and ends it in '/'.
  UrlRules url_rules;
  // The zone a pattern's date tokens are read in when it is not the site's
  // (`permalink_timezone` in ogfeed.yaml; Hexo: the build machine's).
  std::optional<util::TimeZone> permalink_timezone;
  // Folders of posts, relative to the site root (Jekyll may have several
  // `_posts` folders).
  std::vector<std::string> content_dirs{"posts"};
  // Content folders of other languages than the site's, as Hugo's
  // `languages.<key>.contentDir` give them (detected, not in ogfeed.yaml).
  std::map<std::string, ContentLanguage> content_languages;
  // Hugo's languages by key ("en"), for translations named by file suffix
  // (`post.en.md`, `index.en.md` beside `post.md`): detected, like the above.
  std::map<std::string, ContentLanguage> file_languages;
  // Globs for files below content_dir that are not posts ("drafts/**",
  // "*/README.md"): `*` and `?` match any character, '/' too; a trailing
  // "/**" takes a whole folder.
  std::vector<std::string> exclude;
  // Files in HTML (.html) anywhere in the content folders are posts too,
  // their front matter read and their body kept as HTML (Hugo; detected).
  // Jekyll's are, in a `_posts` folder, without it.
  bool html_posts = false;
  std::string output_dir = "public";
  // The generator markup posts hold (`markup: [liquid, hexo, shortcodes,
  // zenn]`); all of it when no generator is known.
  MarkupDialects markup;
  // What the generator does with raw HTML in posts (detected).
  RawHtml raw_html = RawHtml::keep;
  // A post without a title or front matter (detected: a generator's site
  // publishes it).
  PostQuirks post_quirks = PostQuirks::are_errors;
  // A front-matter flag a plugin of the generator keeps posts out of every
  // list by (Hexo's hexo-hide-posts: `hidden: true`): such a post is in no
  // feed, as a draft (detected).
  std::string unlisted_flag;
  // A content folder's own permalink pattern, by the folder as
  // `content_dirs` names it (Eleventy's directory data files; detected).
  std::map<std::string, std::string> dir_permalinks;
  // Files the generator builds into a URL of their own (Astro's endpoint
  // src/pages/rss.xml.js makes /rss.xml), by that URL's path below the
  // site ("rss.xml"): an output of ogfeed's at the same path collides.
  std::map<std::string, std::string> generator_routes;
  FeedSettings feeds;
  CardSettings cards;
};

template<typename Self, typename F>
requires util::is_a<Self, SiteConfig>
void
for_each_field(Self& c, F&& f)
{
  f("title", c.title);
  f("subtitle", c.subtitle);
  f("base_url", c.base_url);
  f("language", c.language);
  f("timezone", c.timezone);
  f("author", c.author);
  f("websub_hub", c.websub_hub);
  f("icon", c.icon);
  f("logo", c.logo);
  f("head", c.head_json);
  f("permalink", c.permalink);
  f("permalinks", c.section_permalinks);
  f("url_rules", c.url_rules);
  f("permalink_timezone", c.permalink_timezone);
  f("content_dirs", c.content_dirs);
  f("content_languages", c.content_languages);
  f("file_languages", c.file_languages);
  f("exclude", c.exclude);
  f("html_posts", c.html_posts);
  f("output_dir", c.output_dir);
  f("markup", c.markup);
  f("raw_html", c.raw_html);
  f("post_quirks", c.post_quirks);
  f("unlisted_flag", c.unlisted_flag);
  f("dir_permalinks", c.dir_permalinks);
  f("generator_routes", c.generator_routes);
  f("feeds", c.feeds);
  f("cards", c.cards);
}

// The settings every site starts from (time zone Asia/Tokyo, the rest as
// the member defaults above); parse_site_config() applies ogfeed.yaml on top.
SiteConfig default_site_config();

// Parses the text of `ogfeed.yaml` on top of `base` (the defaults, or what
// was detected from the site's generator). Fails at the line and column of
// the first bad value; an unknown key names the closest known one. Without
// a title or base URL in either, says how to give one. The author name
// defaults to the site title.
util::Expected<SiteConfig>
parse_site_config(std::string_view yaml_text,
                  SiteConfig base = default_site_config());

// The checks parse_site_config() ends with, for a configuration made
// without ogfeed.yaml: title and base URL present, author name defaulted.
util::Expected<void> finish_site_config(SiteConfig& config);

// The site's title for a post in `language`: a Hugo language's own title
// when the site has one for it, else the site's title.
std::string site_title_in(const SiteConfig& config,
                          const std::string& language);

// The site's titles, by language (SiteTitles).
SiteTitles site_titles(const SiteConfig& config);

// `url` (icon, logo) as an absolute URL below the site's base URL
// (util::site_url).
std::string site_url(const SiteConfig& config, const std::string& url);

// Every setting as bytes: equal for two configurations exactly when they
// are the same, so caches of what a configuration made can key on it.
std::string config_fingerprint(const SiteConfig& config);

// The pattern of the section `post` is in, if it has its own.
const std::string* section_permalink(const SiteConfig& config,
                                     const Post& post);

} // namespace ogfeed::content
