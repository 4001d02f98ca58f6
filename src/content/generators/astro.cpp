#include "content/generators/generators.hpp"
#include "content/generators/js_modules.hpp"

#include <algorithm>
#include <regex>

namespace ogfeed::content::generators {

namespace {

// Astro's static endpoints: src/pages/rss.xml.js builds /rss.xml. Dynamic
// routes ([slug].json.ts) name no fixed URL and are left out.
std::map<std::string, std::string>
astro_endpoints(const fs::path& root)
{
  std::map<std::string, std::string> routes;
  const fs::path pages = root / "src/pages";
  std::error_code ec;
  fs::recursive_directory_iterator it(pages, fs::directory_options::none, ec);
  for (std::size_t seen = 0;
       !ec && it != fs::recursive_directory_iterator() && seen < 10000;
       it.increment(ec), ++seen) {
    if (it.depth() > 8 || !it->is_regular_file(ec) || it->is_symlink(ec)) {
      continue;
    }
    const fs::path rel = it->path().lexically_relative(pages);
    const std::string ext = rel.extension().string();
    const std::string route =
      rel.parent_path().empty()
        ? rel.stem().string()
        : (rel.parent_path() / rel.stem()).generic_string();
    if ((ext == ".js" || ext == ".ts" || ext == ".mjs" || ext == ".mts")
        && fs::path(route).has_extension()
        && route.find('[') == std::string::npos) {
      routes[route] = ("src/pages" / rel).generic_string();
    }
  }
  return routes;
}

// The language of the site's layouts: `<html lang="ko">`, or an
// expression of the modules a layout imports (`<html lang={SITE.locale}>`,
// AstroPaper's `lang={`${LOCALE.lang ?? "en"}`}` with its default when the
// name is empty or missing).
std::optional<std::string>
layout_language(const fs::path& root)
{
  if (auto lang = html_lang(root, "src/layouts")) {
    return lang;
  }
  static const std::regex expression(
    R"re(<html[^>]*\slang=(?:\{\s*`?|`)(?:\$\{)?\s*([A-Za-z_$][A-Za-z0-9_$.]*)\s*(?:\?\?\s*["']([A-Za-z-]*)["']\s*)?\}?`?\s*\}?)re");
  std::error_code ec;
  std::optional<std::string> found;
  int seen = 0;
  for (fs::directory_iterator it(root / "src/layouts", ec), end;
       !ec && it != end && ++seen < 64;
       it.increment(ec)) {
    const fs::path rel = it->path().lexically_relative(root);
    const std::string text = read_text(root, rel);
    std::smatch m;
    if (!std::regex_search(text, m, expression)) {
      continue;
    }
    auto lang = js_value(with_own_modules(root, text, rel), m[1].str());
    if ((!lang || lang->empty()) && m[2].matched) {
      lang = m[2].str(); // `?? "en"`: what an empty name gives
    }
    if (!lang || (found && *found != *lang)) {
      return std::nullopt; // unknown, or layouts that differ
    }
    found = lang;
  }
  return found;
}

// The page that renders collection `name`'s entries, and its URL folder:
// src/pages/posts/[slug]/index.astro (or [slug].astro, [...slug].astro,
// [id].astro) calling getCollection("blog") publishes them below /posts/
// (AstroPaper), whatever the collection's folder is named.
struct EntryRoute
{
  std::string folder;          // "posts"
  bool uses_post_slug = false; // the page names entries by `postSlug`
};

std::optional<EntryRoute>
astro_entry_route(const fs::path& root, const std::string& name)
{
  const fs::path pages = root / "src/pages";
  static const std::regex dynamic(R"(\[(\.\.\.)?(slug|id|post)\])");
  std::error_code ec;
  fs::recursive_directory_iterator it(pages, fs::directory_options::none, ec);
  for (std::size_t seen = 0;
       !ec && it != fs::recursive_directory_iterator() && seen < 2000;
       it.increment(ec), ++seen) {
    if (it.depth() > 4 || !it->is_regular_file(ec) || it->is_symlink(ec)
        || it->path().extension() != ".astro") {
      continue;
    }
    const std::string rel =
      it->path().lexically_relative(pages).generic_string();
    std::smatch m;
    if (!std::regex_search(rel, m, dynamic)) {
      continue;
    }
    const std::string after = m.suffix().str();
    if (after != ".astro" && after != "/index.astro") {
      continue;
    }
    const std::string text = read_text(root, "src/pages/" + rel);
    if (text.find("getCollection(\"" + name + "\"") == std::string::npos
        && text.find("getCollection('" + name + "'") == std::string::npos) {
      continue;
    }
    // The page's slug helper may live in a module of the site's own
    // (AstroPaper: @utils/slugify), which names the field.
    const bool post_slug =
      text.find("postSlug") != std::string::npos
      || (text.find("slugify(post.data)") != std::string::npos
          && read_text(root, "src/utils/slugify.ts").find("postSlug")
               != std::string::npos);
    std::string folder = without_slashes(m.prefix().str());
    if (const std::size_t param = folder.find('[');
        param != std::string::npos) {
      // More parameters before it: read only when the page makes them of
      // the entry's id, one segment each (`[category]/[slug]` from
      // `entry.id.split("/")`): the id is the path below the static part.
      if (text.find(".id.split(\"/\")") == std::string::npos
          && text.find(".id.split('/')") == std::string::npos) {
        continue;
      }
      folder = without_slashes(folder.substr(0, param));
    }
    return EntryRoute{folder, post_slug};
  }
  return std::nullopt;
}

// The site's title and description: SITE_TITLE and SITE_DESCRIPTION in
// src/consts.ts (Astro's blog starter), else those beside the URL in the
// object it comes from (`site: SITE.website` with SITE.title).
void
read_astro_titles(Detector& d, const std::string& js, const std::string& scope)
{
  const std::string consts = read_text(d.root(), "src/consts.ts");
  d.text(js_string(consts, "SITE_TITLE"),
         &SiteConfig::title,
         "title",
         "SITE_TITLE in src/consts.ts");
  d.text(js_string(consts, "SITE_DESCRIPTION"),
         &SiteConfig::subtitle,
         "subtitle",
         "SITE_DESCRIPTION in src/consts.ts");
  // Else the title beside the URL: `site: SITE.website` with SITE.title.
  const std::string site = js_expression(js, "site").value_or("");
  if (const std::size_t dot = site.rfind('.'); dot != std::string::npos
                                               && !site.starts_with("process.")
                                               && d.config().title.empty()) {
    const std::string owner = site.substr(0, dot);
    d.text(js_value(scope, owner + ".title"),
           &SiteConfig::title,
           "title",
           owner + ".title");
    auto about = js_value(scope, owner + ".description");
    d.text(about ? about : js_value(scope, owner + ".desc"),
           &SiteConfig::subtitle,
           "subtitle",
           owner + ".description");
  }
  // Else what the site's own feed page titles its feed: `title:
  // SITE.title` in src/pages/rss.xml.ts, from the modules it imports.
  for (const char* page : {"src/pages/rss.xml.ts",
                           "src/pages/rss.xml.js",
                           "src/pages/feed.xml.ts",
                           "src/pages/feed.xml.js"}) {
    const std::string feed = read_text(d.root(), page);
    if (feed.empty() || !d.config().title.empty()) {
      continue;
    }
    const std::string feed_scope = with_own_modules(d.root(), feed, page);
    const auto value = [&](const char* key) -> std::optional<std::string> {
      const auto expression = js_expression(feed, key);
      return expression ? js_value(feed_scope, *expression) : std::nullopt;
    };
    const std::string where = std::string(" in ") + page;
    d.text(value("title"), &SiteConfig::title, "title", "title" + where);
    if (d.config().subtitle.empty()) {
      d.text(value("description"),
             &SiteConfig::subtitle,
             "subtitle",
             "description" + where);
    }
  }
}

// The posts' folder: the collection's as its loader names it, else the
// usual ones.
std::optional<std::string>
astro_collection_dir(const fs::path& root)
{
  // The collection's folder as its loader names it:
  // glob({ base: "./src/content/blog", ... }) in src/content.config.ts.
  for (const char* name : {"src/content.config.ts",
                           "src/content.config.mjs",
                           "src/content.config.js",
                           "src/content/config.ts"}) {
    if (auto base = js_string(read_text(root, name), "base")) {
      const std::string folder =
        fs::path(*base).lexically_normal().generic_string();
      if (is_dir(root / folder) && !folder.starts_with("..")) {
        return folder;
      }
    }
  }
  return first_dir(root,
                   {"src/content/blog",
                    "src/content/posts",
                    "src/content/post",
                    "src/data/blog",
                    "src/data/posts",
                    "src/pages/blog",
                    "src/pages/posts"});
}

bool
detect_astro(Detector& d)
{
  const auto file = first_file(d.root(),
                               {"astro.config.mjs",
                                "astro.config.ts",
                                "astro.config.js",
                                "astro.config.mts",
                                "astro.config.cjs"});
  if (!file) {
    return false;
  }
  d.found(*file);
  const std::string js = read_text(d.root(), *file);
  // With a server adapter (Cloudflare, Node, Vercel...), the static site
  // is built into dist/client.
  d.site_output(std::nullopt,
                without_js_comments(js).find("adapter:") != std::string::npos
                  ? "dist/client"
                  : "dist");
  d.config().url_rules.processed_images = true; // image() assets
  d.config().url_rules.github_slugs = true;     // entry slugs and ids
  d.config().generator_routes = astro_endpoints(d.root());
  const std::string scope = with_own_modules(d.root(), js);
  d.url(js_string(js, "site", &scope),
        js_string(js, "base", &scope).value_or(""),
        "site in " + *file);
  d.language(layout_language(d.root()), "lang in src/layouts");
  read_astro_titles(d, js, scope);
  const std::optional<std::string> dir = astro_collection_dir(d.root());
  if (dir) {
    const std::string name = fs::path(*dir).filename().string();
    if (const auto route = astro_entry_route(d.root(), name)) {
      // AstroPaper 3 names an entry's page by its `postSlug`.
      const std::string last = route->uses_post_slug ? ":slug/" : ":path/";
      d.permalink(route->folder.empty() ? "/" + last
                                        : "/" + route->folder + "/" + last,
                  "",
                  "the page that renders the " + name + " collection");
    } else {
      d.permalink("/" + name + "/:path/", "", "the " + name + " collection");
    }
    d.posts({*dir}, {}, "the " + name + " collection");
  }
  return true;
}

} // namespace

const Generator k_astro = {
  "Astro", MarkupDialects::only(false, false, false, false), &detect_astro};

} // namespace ogfeed::content::generators
