#pragma once

#include "content/post.hpp"
#include "util/error.hpp"
#include "util/time_zone.hpp"

#include <string>
#include <string_view>

namespace ogfeed::content {

// How a generator turns a pattern's path into the URL it publishes (Hugo:
// cleaned, lower case unless `disablePathToLower`, and a trailing slash
// unless `uglyURLs`). A generator that keeps paths as made sets none.
struct UrlRules
{
  // The path keeps only what sanitize_url_path() keeps (config/url_path).
  bool sanitized = false;
  // Each name token of a section's own pattern (:slug, :slugortitle,
  // :title, :filename) is cleaned by urlize_token() first, '+' a space:
  // Hugo's `permalinks`, where "C++入門" is /c-入門/ (its default URL keeps
  // the '+').
  bool urlized_section_tokens = false;
  bool lower_case = false; // letters lower-cased (Unicode)
  // A pattern's path ends in '/'; a URL written out too, unless its last
  // segment has a '.'.
  bool trailing_slash = false;
  // Jekyll: a post's own `permalink` is a pattern too (/:year/:title/).
  bool own_permalink_tokens = false;
  // Jekyll: the folders above a `_posts` folder are its posts' categories.
  bool folder_categories = false;
  // Jekyll: a file in a `_posts` folder is a post only when its name starts
  // with a date (YYYY-MM-DD-); it skips the rest (a README.md there).
  bool dated_post_names = false;
  // What a date a file's name starts with is: Hexo with `new_post_name:
  // :title.md` (its default) keeps it in the slug (2014-04-05-abc.md is
  // .../2014-04-05-abc/) and dates nothing (tried: hexo 7.3.0).
  NameDates name_dates = NameDates::fallback;
  // Hexo: a post's slug is its file name's, whatever its front matter's
  // `slug` says (its post processor sets it after reading the front
  // matter; tried: hexo 7.3.0).
  bool file_name_slugs = false;
  // Hexo with `timezone`: a date the front matter writes with an offset
  // is read as if that instant's UTC time were this zone's local time, as
  // Hexo reads every date (`2014-11-22 09:45:00+08:00` in Asia/Shanghai is
  // at /2014/11/21/ when built in UTC; tried: hexo 7.3.0). The zone's name,
  // or empty.
  std::string offset_dates_zone;
  // Hugo's uglyURLs: a pattern's path ends in ".html" (for its '/').
  bool ugly = false;
  // Astro, Gatsby: a relative image is an asset the generator processes
  // and publishes under a name it makes up (/_astro/x.HASH.webp,
  // /static/HASH/SIZE/x.png), so no URL can name it: a post whose front
  // matter names one gets a card, and its body's images are named as its
  // built page names them (when the built site is there).
  bool processed_images = false;
  // Hugo: a date written with an offset names the URL's date in that offset
  // (2024-06-01T20:00:00-05:00 is /2024/06/01/ whatever the site's zone).
  bool dates_as_written = false;
  // :category_path of a post without categories (Hexo's default_category).
  std::string default_category;
  // The ASCII characters besides RFC 3986's unreserved ones a generator
  // leaves unescaped in a path. Hexo (which makes a post's URL with
  // `new URL()`): what the WHATWG URL parser keeps, "!$&'()*+,;=:@[]|^"
  // (`kept%20(a),b's+c!`, `Linux[centos7]`); Jekyll (Addressable): RFC
  // 3986's pchar, "!$&'()*+,;=:@" (tried: hexo 7.3.0, jekyll 4.3.1).
  std::string path_keeps;
  // Jekyll: :slug (its :title) is the slug as Jekyll's slugify makes it in
  // its "pretty" mode, case kept (slugify_pretty()).
  bool pretty_slugs = false;
  // Astro: :path is the post's own `slug` as written, else its file path
  // with each segment made a slug as github-slugger makes it (the entry's
  // slug or id: "Mac 装机记录.md" is mac-装机记录).
  bool github_slugs = false;
  // Qiita CLI: a post is on the host only once the host gave it its `id`:
  // with an http(s) permalink that uses :id, a post without one is not
  // published yet, and left out as a draft is.
  bool unpublished_without_id = false;
};

// Every member, in order (util/fields.hpp).
template<typename Self, typename F>
requires util::is_a<Self, UrlRules>
void
for_each_field(Self& r, F&& f)
{
  f("sanitized", r.sanitized);
  f("urlized_section_tokens", r.urlized_section_tokens);
  f("lower_case", r.lower_case);
  f("trailing_slash", r.trailing_slash);
  f("own_permalink_tokens", r.own_permalink_tokens);
  f("folder_categories", r.folder_categories);
  f("dated_post_names", r.dated_post_names);
  f("name_dates", r.name_dates);
  f("file_name_slugs", r.file_name_slugs);
  f("offset_dates_zone", r.offset_dates_zone);
  f("ugly", r.ugly);
  f("processed_images", r.processed_images);
  f("dates_as_written", r.dates_as_written);
  f("default_category", r.default_category);
  f("path_keeps", r.path_keeps);
  f("pretty_slugs", r.pretty_slugs);
  f("github_slugs", r.github_slugs);
  f("unpublished_without_id", r.unpublished_without_id);
}

// Checks a permalink pattern: it starts with '/' (below the site), or is an
// http(s) URL (posts another host publishes: Zenn, Qiita), and uses only
// known tokens.
// An unknown token is an error that suggests the closest one.
//
// Tokens: :year :short_year :month :i_month :monthname :day :i_day :hour
// :minute :second (the date in the zone given, the site's or
// permalink_timezone); :slug (front-matter slug,
// else the file name without a Jekyll date); :slugortitle (Hugo's :slug:
// the slug, else the urlized title, its case kept for UrlRules to lower);
// :title (urlized title); :filename;
// :category (the first); :categories (Jekyll: all, lower case, '/'-joined);
// :category_path (Hexo's :category: Post::category_path, each name
// slugize_term()'d, '/'-joined; UrlRules::default_category without one);
// :section (first folder below the content folder); :sections (all of
// them); :path (folders and file name, Eleventy, Gatsby, Hexo); :id (Qiita's
// item id, else the slug); :output_ext (".html", Jekyll); :filedate
// (Docusaurus: YYYY/MM/DD from a date that starts the file's or its folder's
// name, empty when there is none or the post gives its own slug).
util::Expected<void> check_permalink_pattern(std::string_view pattern);

// Hugo's urlize: ASCII lower-cased (unless `lower` is false), spaces and
// runs of '-' as one '-', ASCII punctuation other than '_' and '.' dropped,
// other characters kept.
std::string urlize(std::string_view title, bool lower = true);

// Returns the absolute URL of `post` under `base_url` (which ends in '/'):
// the pattern's tokens replaced (dates in `zone`, slug and category
// percent-encoded; an empty category drops its segment). `section_pattern`:
// the pattern is a section's own (SiteConfig::section_permalinks).
std::string permalink_url(std::string_view pattern,
                          std::string_view base_url,
                          const Post& post,
                          const util::TimeZone& zone,
                          const UrlRules& rules = {},
                          bool section_pattern = false);

// The `id` a host gave the post (Qiita CLI writes it once Qiita has
// published the post: `id: null` before), or "".
std::string item_id(const Post& post);

// True when the post is not on the host its `pattern` names yet
// (UrlRules::unpublished_without_id).
bool unpublished_yet(std::string_view pattern,
                     const Post& post,
                     const UrlRules& rules);

// `path` (percent-encoded, below the site) as `rules` publish it. With
// `own` (a post's own `url:`), only the trailing slash applies: Hugo keeps
// the case of a URL written out.
std::string apply_url_rules(std::string path, const UrlRules& rules, bool own);

} // namespace ogfeed::content
