#include "site/head_json.hpp"

#include "feed/feed_planner.hpp"
#include "feed/formats.hpp"
#include "util/escape_scan.hpp"
#include "util/html_scan.hpp"
#include "util/json.hpp"
#include "util/parallel.hpp"
#include "util/text_order.hpp"
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
  if (util::first_escaped(value, util::Escapes::json_and_html)
      == std::string_view::npos) {
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

// The end of a post's value, by home feed: twitter:card and the feed
// links (one for a post with an image, one without).
struct Tails
{
  std::string with_image;
  std::string without_image;
};

// What a post's member reads, gathered in one pass through the posts in
// their own order: members are made in permalink order, and read this
// small table then, not posts scattered over megabytes (750 bytes each).
struct MemberInputs
{
  std::string_view permalink;
  std::string_view title;
  // The post's description, else its summary, else the site's subtitle.
  std::string_view description;
  const content::Post* with_image = nullptr; // when it names its own image
  const feed::CardRef* card = nullptr;
  const std::string* middle = nullptr;
  const Tails* tails = nullptr;
};

// What every post's value shares, made once and JSON-escaped: by language,
// og:type and og:site_name; by home feed, the tails. And what each post's
// member reads.
struct Shared
{
  std::map<std::string, std::string> middle_by_name; // by og:site_name
  std::map<std::string, Tails> tails_by_dir;         // "" : the main feeds'
  std::vector<MemberInputs> members;                 // by post
};

Shared
shared_parts(const std::vector<content::Post>& posts,
             const std::vector<std::optional<feed::CardRef>>& cards,
             const std::vector<std::string>& summaries,
             const content::SiteConfig& config)
{
  Shared shared;
  shared.members.resize(posts.size());
  const content::SiteTitles titles = content::site_titles(config);
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const content::Post& p = posts[i];
    MemberInputs& m = shared.members[i];
    m.permalink = p.permalink;
    m.title = p.title;
    const std::string& summary =
      p.description.empty() ? summaries[i] : p.description;
    m.description = summary.empty() ? config.subtitle : summary;
    m.with_image = p.image.empty() ? nullptr : &p;
    m.card = cards[i] ? &*cards[i] : nullptr;
    // Both parts depend on the post's language alone.
    if (i > 0 && p.language == posts[i - 1].language) {
      m.middle = shared.members[i - 1].middle;
      m.tails = shared.members[i - 1].tails;
      continue;
    }
    const std::string& name = titles.in(p.language);
    auto middle = shared.middle_by_name.find(name);
    if (middle == shared.middle_by_name.end()) {
      std::string json;
      meta(json, "og:type", "article");
      meta(json, "og:site_name", name);
      middle = shared.middle_by_name.emplace(name, std::move(json)).first;
    }
    const feed::HomeFeed home = feed::home_feed(p, config);
    auto tails = shared.tails_by_dir.find(home.dir);
    if (tails == shared.tails_by_dir.end()) {
      const std::string links = feed_links(home, config) + R"("})";
      Tails made;
      meta(made.with_image, "twitter:card", "summary_large_image");
      made.with_image += links;
      meta(made.without_image, "twitter:card", "summary");
      made.without_image += links;
      tails = shared.tails_by_dir.emplace(home.dir, std::move(made)).first;
    }
    m.middle = &middle->second;
    m.tails = &tails->second;
  }
  return shared;
}

// Appends a post's member, "permalink": {"html": "..."}, the tags of its
// <head>.
void
append_member(std::string& json,
              const MemberInputs& m,
              const content::SiteConfig& config)
{
  util::append_json_string(json, m.permalink);
  json += R"(: {"html": ")";
  meta(json, "og:title", m.title);
  if (!m.description.empty()) {
    meta(json, "og:description", m.description);
  }
  meta(json, "og:url", m.permalink);
  json += *m.middle;
  const std::string image = m.card != nullptr ? m.card->url
                            : m.with_image != nullptr
                              ? post_image_url(*m.with_image, config)
                              : std::string();
  if (image.empty()) {
    json += m.tails->without_image;
    return;
  }
  meta(json, "og:image", image);
  if (m.card != nullptr && m.card->width > 0) {
    meta(json, "og:image:width", std::to_string(m.card->width));
    meta(json, "og:image:height", std::to_string(m.card->height));
  }
  meta(json, "og:image:alt", m.title);
  json += m.tails->with_image;
}

// Posts whose members are made into one piece, and pieces made ahead of
// the writing (about 1,000 posts' worth).
constexpr std::size_t k_group = 64;
constexpr std::size_t k_window_groups = 16;

// Posts in permalink order; of two with one permalink, the later one.
std::vector<std::size_t>
permalink_order(const std::vector<content::Post>& posts)
{
  const std::vector<std::size_t> by_url =
    util::order_by_text(posts.size(), [&](std::size_t i) -> std::string_view {
      return posts[i].permalink;
    });
  std::vector<std::size_t> order;
  order.reserve(by_url.size());
  for (std::size_t k = 0; k < by_url.size(); ++k) {
    if (k + 1 == by_url.size()
        || posts[by_url[k + 1]].permalink != posts[by_url[k]].permalink) {
      order.push_back(by_url[k]);
    }
  }
  return order;
}

} // namespace

bool
write_head_json(const std::vector<content::Post>& posts,
                const std::vector<std::optional<feed::CardRef>>& cards,
                const std::vector<std::string>& summaries,
                const content::SiteConfig& config,
                unsigned jobs,
                const std::function<bool(std::string_view)>& write,
                const std::vector<std::size_t>* by_permalink)
{
  const std::vector<std::size_t> found = by_permalink == nullptr
                                           ? permalink_order(posts)
                                           : std::vector<std::size_t>();
  const std::vector<std::size_t>& order =
    by_permalink == nullptr ? found : *by_permalink;
  if (order.empty()) {
    return write("{}\n");
  }
  const Shared shared = shared_parts(posts, cards, summaries, config);
  // A group's members, one a line as util::JsonWriter's one member a line
  // writes them, are made on every core and written in order as they come.
  const std::size_t groups = (order.size() + k_group - 1) / k_group;
  return util::parallel_in_order<std::string>(
    groups,
    jobs,
    k_window_groups,
    [&](std::size_t g) {
      std::string json;
      const std::size_t end = std::min(order.size(), (g + 1) * k_group);
      json.reserve((end - g * k_group) * 1024);
      for (std::size_t k = g * k_group; k < end; ++k) {
        const std::size_t i = order[k];
        json += k == 0 ? "{\n  " : ",\n  ";
        append_member(json, shared.members[i], config);
      }
      if (end == order.size()) {
        json += "\n}\n";
      }
      return json;
    },
    [&](std::size_t, std::string&& piece) { return write(piece); });
}

std::string
post_image_url(const content::Post& p, const content::SiteConfig& config)
{
  return own_image_url(p, config);
}

} // namespace ogfeed::site
