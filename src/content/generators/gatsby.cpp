#include "content/generators/generators.hpp"
#include "util/beneath.hpp"

#include <regex>

namespace ogfeed::content::generators {

namespace {

// The folders gatsby-source-filesystem reads, in the order the config
// names them: each `path` of its options, written as `${__dirname}/a/b`,
// "./a/b", "a/b", or path.join(__dirname, "a", "b") (path.resolve too),
// relative to the site. A path outside the site is left out.
std::vector<std::string>
filesystem_sources(const std::string& config)
{
  const std::string js = without_js_comments(config);
  static const std::regex literal(
    R"re(^\s*path\s*:\s*[`'"](?:\$\{__dirname\}/|\./)?([^`'"$]*)[`'"])re");
  static const std::regex joined(
    R"re(^\s*path\s*:\s*path\.(?:join|resolve)\(\s*__dirname\s*((?:,\s*[`'"][^`'"$]*[`'"]\s*)+)\))re");
  static const std::regex part(R"re([`'"]([^`'"]*)[`'"])re");
  std::vector<std::string> out;
  const std::string plugin = "gatsby-source-filesystem";
  for (auto at = js.find(plugin); at != std::string::npos;
       at = js.find(plugin, at + plugin.size())) {
    // The options object that follows, up to the next plugin.
    const auto next = js.find("resolve", at + plugin.size());
    const std::string options =
      js.substr(at, next == std::string::npos ? std::string::npos : next - at);
    for (auto key = options.find("path"); key != std::string::npos;
         key = options.find("path", key + 4)) {
      const std::string rest = options.substr(key);
      std::smatch m;
      std::string dir;
      if (std::regex_search(rest, m, literal)) {
        dir = m[1];
      } else if (std::regex_search(rest, m, joined)) {
        const std::string parts = m[1];
        for (std::sregex_iterator it(parts.begin(), parts.end(), part), end;
             it != end;
             ++it) {
          dir += (dir.empty() ? "" : "/") + (*it)[1].str();
        }
      } else {
        continue;
      }
      const fs::path rel = fs::path(dir).lexically_normal();
      if (!dir.empty() && rel.is_relative() && !rel.empty()
          && *rel.begin() != "..") {
        out.push_back(without_slashes(rel.generic_string()));
      }
      break;
    }
  }
  return out;
}

// True when the folder `rel` below `root` holds a Markdown file; false
// when `rel` is reached through a link (a pull request's folder that
// points elsewhere is never looked into).
bool
holds_markdown(const fs::path& root, const std::string& rel)
{
  auto site = util::Dir::open(root, util::Create::no);
  if (!site || !site->sub(rel, util::Create::no)) {
    return false;
  }
  std::error_code ec;
  int seen = 0;
  for (fs::recursive_directory_iterator it(root / rel, ec), end;
       !ec && it != end && ++seen < 10000;
       it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    if (ext == ".md" || ext == ".mdx" || ext == ".markdown") {
      return true;
    }
  }
  return false;
}

bool
detect_gatsby(Detector& d)
{
  const auto file = first_file(
    d.root(), {"gatsby-config.js", "gatsby-config.ts", "gatsby-config.mjs"});
  if (!file) {
    return false;
  }
  d.found(*file);
  d.site_output(std::nullopt, "public");
  // gatsby-remark-images and gatsby-remark-copy-linked-files publish a
  // post's ./photo.png as /static/HASH/SIZE/photo.png.
  d.config().url_rules.processed_images = true;
  const std::string js = read_text(d.root(), *file);
  d.url(js_string(js, "siteUrl"), "", "siteUrl in " + *file);
  d.text(
    js_string(js, "title"), &SiteConfig::title, "title", "title in " + *file);
  d.text(js_string(js, "description"),
         &SiteConfig::subtitle,
         "subtitle",
         "description in " + *file);
  d.language(js_string(read_text(d.root(), "gatsby-ssr.js"), "lang"),
             "lang in gatsby-ssr.js");
  // createFilePath's URLs, as gatsby-starter-blog makes its pages.
  std::vector<std::string> dirs;
  for (const std::string& dir : filesystem_sources(js)) {
    if (is_dir(d.root() / dir) && holds_markdown(d.root(), dir)) {
      dirs.push_back(dir);
    }
  }
  if (!dirs.empty()) {
    d.permalink("/:path/", "", "gatsby-starter-blog's file-path URLs");
    d.posts(dirs, {}, "gatsby-source-filesystem in " + *file);
  } else if (const auto dir =
               first_dir(d.root(), {"content/blog", "content/posts", "blog"})) {
    d.permalink("/:path/", "", "gatsby-starter-blog's file-path URLs");
    d.posts({*dir}, {}, "Gatsby's " + *dir);
  }
  return true;
}

} // namespace

const Generator k_gatsby = {
  "Gatsby", MarkupDialects::only(false, false, false, false), &detect_gatsby};

} // namespace ogfeed::content::generators
