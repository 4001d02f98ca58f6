#include "content/config/site_detect.hpp"

#include "content/config/pages_url.hpp"
#include "content/generators/generators.hpp"
#include "util/large_stack.hpp"

#include <algorithm>

namespace ogfeed::content {

namespace fs = std::filesystem;

namespace {

using generators::Detector;

// A generator's site with a URL but no title (some generators need none)
// is named as its own feed template names it, else by its host (as
// jekyll-feed falls back to it), with a warning.
void
name_untitled_site(Detector& d,
                   const DetectedSite& site,
                   const OwnFeedTemplate* own)
{
  const std::string& url = site.config.base_url;
  if (!site.config.title.empty() || url.empty()) {
    return;
  }
  const std::size_t start = url.find("://");
  if (start == std::string::npos) {
    return;
  }
  std::string name =
    url.substr(start + 3, url.find('/', start + 3) - start - 3);
  std::string source = "the host of its URL";
  if (own != nullptr && !own->title.empty()) {
    name = own->title;
    source = "the title of its own feed template " + own->file;
  }
  d.text(name, &SiteConfig::title, "title", source);
  d.guessed(site.generator + "'s files name no title; feeds call the site '"
            + name + "' (" + source + "; set 'title' in " + site.marker
            + " or in ogfeed.yaml)");
}

// A generator's site whose files name no URL: the one it is published at
// (GitHub Pages, its own feed template), if anything tells, as a guess the
// build warns about; else the fallback the generator gives (a hosted blog's
// account page). Not when the generator gave a hint instead (Zenn, Qiita
// with no account found: the URL of the posts needs a name no file holds).
void
url_from_published_site(Detector& d,
                        const DetectedSite& site,
                        const OwnFeedTemplate* own)
{
  if (!site.config.base_url.empty() || site.generator.empty()
      || !site.url_hint.empty()) {
    return;
  }
  if (const auto pages = published_url(d.root(), own)) {
    d.url(pages->url, "", pages->source);
    d.guessed(site.generator + "'s files name no URL; feeds use " + pages->url
              + " (" + pages->source + "); set "
              + (site.url_fallback.empty() ? "it in " + site.marker + " or "
                                           : std::string())
              + "base_url in ogfeed.yaml");
  } else if (!site.url_fallback.empty()) {
    const std::string url = site.url_fallback;
    d.url(url, "", "the author's page on " + site.generator);
    d.guessed("nothing says where the feeds are published: their own links "
              "and the cards' URLs use "
              + url
              + ", where the feed files are not; set base_url in ogfeed.yaml "
                "to the site you publish them to");
  }
}

} // namespace

namespace {

DetectedSite
detect_site_here(const fs::path& root)
{
  DetectedSite site;
  site.config = default_site_config();
  Detector d(root, site);
  for (const generators::Generator* g : generators::all_generators()) {
    d.trying(*g);
    if (g->detect(d)) {
      // Read only when the config lacks what it may give.
      std::optional<OwnFeedTemplate> own;
      if (site.config.base_url.empty() || site.config.title.empty()) {
        own = read_own_feed(root);
      }
      url_from_published_site(d, site, own ? &*own : nullptr);
      name_untitled_site(d, site, own ? &*own : nullptr);
      break;
    }
    site = DetectedSite{};
    site.config = default_site_config();
  }
  return site;
}

// The stack detection may use: the generators' config files (at most 1 MiB
// each) are scanned with std::regex, which recurses once per character it
// matches, some hundreds of bytes a character.
constexpr std::size_t k_detect_stack = std::size_t{1} << 30;

} // namespace

DetectedSite
detect_site(const fs::path& root)
{
  return util::on_large_stack(k_detect_stack,
                              [&] { return detect_site_here(root); });
}

std::vector<std::string>
sites_below(const fs::path& root)
{
  const auto is_site = [](const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "ogfeed.yaml", ec)
           || !detect_site(dir).generator.empty();
  };
  if (is_site(root)) {
    return {};
  }
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    const std::string name = e.path().filename().string();
    std::error_code type_ec;
    if (name.starts_with('.') || name.starts_with('_') || name == "node_modules"
        || e.is_symlink(type_ec) || !e.is_directory(type_ec)) {
      continue;
    }
    if (is_site(e.path())) {
      found.push_back(name);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::string
detection_summary(const DetectedSite& site)
{
  if (site.generator.empty()) {
    return {};
  }
  std::string keys;
  for (const auto& s : site.settings) {
    if (keys.find(s.key) == std::string::npos) {
      keys += (keys.empty() ? "" : ", ") + s.key;
    }
  }
  return site.generator + " site (" + site.marker + ")"
         + (keys.empty() ? "" : ": read " + keys);
}

} // namespace ogfeed::content
