#include "site/head_json.hpp"

#include "feed/feed_plan.hpp"
#include "feed/formats.hpp"
#include "util/html_scan.hpp"
#include "util/json.hpp"
#include "util/parallel.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <filesystem>

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

void
meta(std::string& html, std::string_view property, const std::string& value)
{
  html += "<meta property=\"";
  html += property;
  html += "\" content=\"";
  util::append_html_escaped(html, value);
  html += "\">\n";
}

// The <link rel="alternate"> tags of the feed a post is in: the site's
// main feeds, or its language's.
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
  return html;
}

// The value of a post's member: {"html": "..."}, the tags of its <head>.
std::string
head_value(const content::Post& p,
           const std::optional<feed::CardRef>& card,
           const std::string& summary_found,
           const content::SiteConfig& config)
{
  std::string html;
  meta(html, "og:title", p.title);
  const std::string& summary =
    p.description.empty() ? summary_found : p.description;
  const std::string& description = summary.empty() ? config.subtitle : summary;
  if (!description.empty()) {
    meta(html, "og:description", description);
  }
  meta(html, "og:url", p.permalink);
  meta(html, "og:type", "article");
  meta(html, "og:site_name", content::site_title_in(config, p.language));
  const std::string image = card ? card->url : post_image_url(p, config);
  if (!image.empty()) {
    meta(html, "og:image", image);
    if (card && card->width > 0) {
      meta(html, "og:image:width", std::to_string(card->width));
      meta(html, "og:image:height", std::to_string(card->height));
    }
    meta(html, "og:image:alt", p.title);
    meta(html, "twitter:card", "summary_large_image");
  } else {
    meta(html, "twitter:card", "summary");
  }
  html += feed_links(feed::home_feed(p, config), config);
  util::JsonWriter value;
  value.begin_object().key("html").string(html).end_object();
  return std::move(value).take();
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
  // By permalink; of two posts with one permalink, the later one.
  std::vector<std::size_t> order(posts.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
    return posts[a].permalink < posts[b].permalink;
  });
  std::vector<std::size_t> kept;
  kept.reserve(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k + 1 == order.size()
        || posts[order[k + 1]].permalink != posts[order[k]].permalink) {
      kept.push_back(order[k]);
    }
  }
  order = std::move(kept);
  // A block of posts' values is made on every core, then written in
  // order: a block's worth is all that is held.
  constexpr std::size_t k_block = 512;
  constexpr std::size_t k_piece = 64 * 1024;
  util::JsonWriter json(util::JsonWriter::Style::one_member_per_line);
  json.reserve(k_piece + 4096);
  json.begin_object();
  std::vector<std::string> values(std::min(k_block, order.size()));
  for (std::size_t start = 0; start < order.size(); start += k_block) {
    const std::size_t n = std::min(k_block, order.size() - start);
    util::parallel_for(n, jobs, [&](std::size_t k) {
      const std::size_t i = order[start + k];
      values[k] = head_value(posts[i], cards[i], summaries[i], config);
    });
    for (std::size_t k = 0; k < n; ++k) {
      json.key(posts[order[start + k]].permalink).raw(values[k]);
      if (json.str().size() >= k_piece && !json.flush_to(write)) {
        return false;
      }
    }
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
