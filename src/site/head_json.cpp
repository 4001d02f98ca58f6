#include "site/head_json.hpp"

#include "feed/feed_planner.hpp"
#include "feed/formats.hpp"
#include "util/html_scan.hpp"
#include "util/json.hpp"
#include "util/parallel.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace ogfeed::site {

namespace {

std::string
own_image_url(const content::Post& p, const content::SiteConfig& config)
{
  if (p.image.empty()) {
    return {};
  }
  const std::string_view image = p.image;
  if (image.starts_with('/') || image.find("://") != std::string_view::npos
      || image.starts_with("data:")) {
    return util::resolve_url(p.image, p.permalink);
  }
  if (config.url_rules.processed_images) {
    return {}; // an asset the generator renames as it builds
  }
  std::error_code ec;
  const bool beside = !p.file.empty()
                      && std::filesystem::is_regular_file(
                        std::filesystem::path(p.file).parent_path()
                          / std::filesystem::u8path(p.image),
                        ec);
  return util::resolve_url(p.image, beside ? p.permalink : config.base_url);
}

// A post's value is written as JSON as it is made: {"html": "..."} with
// the tags' text escaped for HTML, then for JSON (each value once; the
// tags' own quotes, newlines and the feed links are escaped as written).

// Appends `value` HTML-escaped, then JSON-escaped.
void
append_value(std::string& json, std::string_view value)
{
  // Most values need neither: they are copied as they are.
  if (std::none_of(value.begin(), value.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"'
               || c == '\\';
      })) {
    json += value;
    return;
  }
  thread_local std::string html;
  html.clear();
  util::append_html_escaped(html, value);
  util::append_json_escaped(json, html);
}

void
meta(std::string& json, std::string_view property, std::string_view value)
{
  json += R"(<meta property=\")";
  json += property;
  json += R"(\" content=\")";
  append_value(json, value);
  json += R"(\">\n)";
}

// The <link rel="alternate"> tags of the feed a post is in (the site's
// main feeds, or its language's), JSON-escaped.
std::string
feed_links(const feed::HomeFeed& home, const content::SiteConfig& config)
{
  std::string html;
  for (const auto& format : feed::feed_formats()) {
    const auto& wanted = config.feeds.formats;
    if (std::find(wanted.begin(), wanted.end(), format.name) == wanted.end()) {
      continue;
    }
    html += "<link rel=\"alternate\" type=\"";
    html += format.mime;
    html += "\" title=\"" + util::html_escape(home.title) + "\" href=\""
            + util::html_escape(config.base_url + home.dir
                                + config.feeds.*format.file_name)
            + "\">\n";
  }
  std::string json;
  util::append_json_escaped(json, html);
  return json;
}

// What every post's value shares: each home feed's links, made once per
// feed, and the site's titles by language.
struct Shared
{
  std::map<std::string, std::string> links_by_dir; // "" : the main feeds'
  std::vector<const std::string*> links;           // by post
  content::SiteTitles titles;
};

Shared
shared_parts(const std::vector<content::Post>& posts,
             const content::SiteConfig& config)
{
  Shared shared{{}, std::vector<const std::string*>(posts.size()), {}};
  shared.titles = content::site_titles(config);
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const feed::HomeFeed home = feed::home_feed(posts[i], config);
    auto it = shared.links_by_dir.find(home.dir);
    if (it == shared.links_by_dir.end()) {
      it =
        shared.links_by_dir.emplace(home.dir, feed_links(home, config)).first;
    }
    shared.links[i] = &it->second;
  }
  return shared;
}

// A post's member, "permalink": {"html": "..."}, the tags of its <head>.
std::string
head_member(const content::Post& p,
            const std::optional<feed::CardRef>& card,
            const std::string& summary_found,
            const content::SiteConfig& config,
            const content::SiteTitles& titles,
            const std::string& links)
{
  std::string json;
  json.reserve(1024);
  util::append_json_string(json, p.permalink);
  json += R"(: {"html": ")";
  meta(json, "og:title", p.title);
  const std::string& summary =
    p.description.empty() ? summary_found : p.description;
  const std::string& description = summary.empty() ? config.subtitle : summary;
  if (!description.empty()) {
    meta(json, "og:description", description);
  }
  meta(json, "og:url", p.permalink);
  meta(json, "og:type", "article");
  meta(json, "og:site_name", titles.in(p.language));
  const std::string image = card ? card->url : post_image_url(p, config);
  if (!image.empty()) {
    meta(json, "og:image", image);
    if (card && card->width > 0) {
      meta(json, "og:image:width", std::to_string(card->width));
      meta(json, "og:image:height", std::to_string(card->height));
    }
    meta(json, "og:image:alt", p.title);
    meta(json, "twitter:card", "summary_large_image");
  } else {
    meta(json, "twitter:card", "summary");
  }
  json += links;
  json += R"("})";
  return json;
}

} // namespace

bool
write_head_json(const std::vector<content::Post>& posts,
                const std::vector<std::optional<feed::CardRef>>& cards,
                const std::vector<std::string>& summaries,
                const content::SiteConfig& config,
                unsigned jobs,
                const std::function<bool(std::string_view)>& write)
{
  // By permalink; of two posts with one permalink, the later one. Sorted
  // beside their indices, so the sort touches no post.
  std::vector<std::pair<std::string_view, std::size_t>> by_url(posts.size());
  for (std::size_t i = 0; i < by_url.size(); ++i) {
    by_url[i] = {posts[i].permalink, i};
  }
  std::sort(by_url.begin(), by_url.end());
  std::vector<std::size_t> order;
  order.reserve(by_url.size());
  for (std::size_t k = 0; k < by_url.size(); ++k) {
    if (k + 1 == by_url.size() || by_url[k + 1].first != by_url[k].first) {
      order.push_back(by_url[k].second);
    }
  }
  // Posts' values are made on every core and written in order as they
  // come: a window's worth is all that is held.
  constexpr std::size_t k_window = 1024;
  const Shared shared = shared_parts(posts, config);
  constexpr std::size_t k_piece = 64 * 1024;
  util::JsonWriter json(util::JsonWriter::Style::one_member_per_line);
  json.reserve(k_piece + 4096);
  json.begin_object();
  const bool written = util::parallel_in_order<std::string>(
    order.size(),
    jobs,
    k_window,
    [&](std::size_t k) {
      const std::size_t i = order[k];
      return head_member(posts[i],
                         cards[i],
                         summaries[i],
                         config,
                         shared.titles,
                         *shared.links[i]);
    },
    [&](std::size_t, std::string&& member) {
      json.raw(member); // its key made with it, on a making thread
      return json.str().size() < k_piece || json.flush_to(write);
    });
  if (!written) {
    return false;
  }
  json.end_object();
  return json.flush_to(write) && write("\n");
}

std::string
post_image_url(const content::Post& p, const content::SiteConfig& config)
{
  return own_image_url(p, config);
}

} // namespace ogfeed::site
