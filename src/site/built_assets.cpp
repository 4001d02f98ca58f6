#include "site/built_assets.hpp"

#include "util/file_name.hpp"
#include "util/html_scan.hpp"
#include "util/url.hpp"

#include <algorithm>

namespace ogfeed::site {

namespace {

constexpr std::size_t k_max_page = 8 * 1024 * 1024;

// The file of the built site that serves `permalink`, relative to it.
std::string
page_file(const std::string& permalink, const std::string& base_url)
{
  if (!permalink.starts_with(base_url)) {
    return {};
  }
  std::string path = permalink.substr(base_url.size());
  path = path.substr(0, path.find_first_of("?#"));
  if (path.empty() || path.ends_with('/')) {
    path += "index.html";
  } else if (path.rfind('.') == std::string::npos
             || path.rfind('.') < path.rfind('/') + 1) {
    path += "/index.html";
  }
  return util::is_plain_relative(path) ? path : std::string();
}

// The last segment of a URL's path.
std::string_view
file_name(std::string_view url)
{
  url = url.substr(0, url.find_first_of("?#"));
  const std::size_t slash = url.rfind('/');
  return slash == std::string_view::npos ? url : url.substr(slash + 1);
}

// "photo" of "photo.Dk3j2_Z1.webp" (NAME.HASH.EXT): the name a built file
// was made from, without its extension; "" when it has no such form.
std::string_view
source_stem(std::string_view built)
{
  const std::size_t ext = built.rfind('.');
  if (ext == std::string_view::npos || ext == 0) {
    return {};
  }
  const std::size_t hash = built.rfind('.', ext - 1);
  if (hash == std::string_view::npos || hash == 0 || hash + 1 == ext) {
    return {};
  }
  return built.substr(0, hash);
}

// "photo" of "/static/<32 hex digits>/<size>/photo.jpg", as Gatsby's image
// plugins (gatsby-remark-images, gatsby-remark-copy-linked-files) publish
// ./photo.jpg; "" when the URL has no such form.
std::string_view
hashed_folder_stem(std::string_view url)
{
  const std::size_t at = url.find("/static/");
  if (at == std::string_view::npos || url.size() < at + 8 + 33) {
    return {};
  }
  const std::string_view hash = url.substr(at + 8, 32);
  const bool hex = std::all_of(hash.begin(), hash.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
  return hex && url[at + 8 + 32] == '/' ? util::stem_of(file_name(url))
                                        : std::string_view();
}

} // namespace

std::vector<BuiltAssets>
read_built_assets(const util::Dir& built,
                  const std::vector<content::Post>& posts,
                  const content::SiteConfig& config)
{
  std::vector<BuiltAssets> out(posts.size());
  if (!config.url_rules.processed_images) {
    return out;
  }
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const std::string file = page_file(posts[i].permalink, config.base_url);
    if (file.empty() || !built.is_file(file)) {
      continue;
    }
    auto page = built.read(file, k_max_page);
    if (!page) {
      continue;
    }
    util::scan_html_attributes(*page, [&](const util::HtmlAttribute& a) {
      if (util::ascii_lower(a.tag) != "img"
          || util::ascii_lower(a.name) != "src") {
        return;
      }
      std::string_view stem = source_stem(file_name(a.value));
      if (stem.empty()) {
        stem = hashed_folder_stem(a.value);
      }
      if (!stem.empty()
          && a.value.find_first_of("\"'<> \t\n") == std::string_view::npos) {
        out[i].emplace(std::string(stem),
                       util::resolve_url(a.value, posts[i].permalink));
      }
    });
  }
  return out;
}

std::string
with_built_assets(std::string_view html,
                  std::string_view base_url,
                  const BuiltAssets& assets)
{
  if (assets.empty()) {
    return std::string(html);
  }
  std::string out;
  std::size_t copied = 0;
  util::scan_html_attributes(html, [&](const util::HtmlAttribute& a) {
    if (util::ascii_lower(a.tag) != "img" || util::ascii_lower(a.name) != "src"
        || !a.value.starts_with(base_url)) {
      return;
    }
    const auto it = assets.find(util::stem_of(file_name(a.value)));
    if (it == assets.end()) {
      return;
    }
    out.append(html.substr(copied, a.value_begin - copied));
    out += it->second; // an URL from the built page: no quote in it
    copied = a.value_end;
  });
  out.append(html.substr(copied));
  return out;
}

} // namespace ogfeed::site
