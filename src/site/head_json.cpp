#include "site/head_json.hpp"

#include "feed/feed_plan.hpp"
#include "feed/formats.hpp"
#include "util/html_scan.hpp"
#include "util/json.hpp"
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

void
meta(std::string& html, std::string_view property, const std::string& value)
{
  html += "<meta property=\"";
  html += property;
  html += "\" content=\"";
  html += util::html_escape(value);
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

} // namespace

bool
write_head_json(const std::vector<content::Post>& posts,
                const std::vector<std::optional<feed::CardRef>>& cards,
                const std::vector<std::string>& summaries,
                const content::SiteConfig& config,
                const std::function<bool(std::string_view)>& write)
{
  constexpr std::size_t k_piece = 64 * 1024;
  // By permalink; of two posts with one permalink, the later one.
  std::vector<std::size_t> order(posts.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
    return posts[a].permalink < posts[b].permalink;
  });
  std::map<std::string, std::string> links; // by feed folder
  util::JsonWriter json(util::JsonWriter::Style::one_member_per_line);
  json.reserve(k_piece + 4096);
  json.begin_object();
  std::string html;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t i = order[k];
    const content::Post& p = posts[i];
    if (k + 1 < order.size() && posts[order[k + 1]].permalink == p.permalink) {
      continue;
    }
    html.clear();
    meta(html, "og:title", p.title);
    const std::string& summary =
      p.description.empty() ? summaries[i] : p.description;
    const std::string& description =
      summary.empty() ? config.subtitle : summary;
    if (!description.empty()) {
      meta(html, "og:description", description);
    }
    meta(html, "og:url", p.permalink);
    meta(html, "og:type", "article");
    meta(html, "og:site_name", content::site_title_in(config, p.language));
    const std::string image =
      cards[i] ? cards[i]->url : post_image_url(p, config);
    if (!image.empty()) {
      meta(html, "og:image", image);
      if (cards[i] && cards[i]->width > 0) {
        meta(html, "og:image:width", std::to_string(cards[i]->width));
        meta(html, "og:image:height", std::to_string(cards[i]->height));
      }
      meta(html, "og:image:alt", p.title);
      meta(html, "twitter:card", "summary_large_image");
    } else {
      meta(html, "twitter:card", "summary");
    }
    const feed::HomeFeed home = feed::home_feed(p, config);
    auto it = links.find(home.dir);
    if (it == links.end()) {
      it = links.emplace(home.dir, feed_links(home, config)).first;
    }
    html += it->second;
    json.key(p.permalink).begin_object().key("html").string(html).end_object();
    if (json.str().size() >= k_piece && !json.flush_to(write)) {
      return false;
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
