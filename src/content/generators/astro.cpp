#include "content/generators/generators.hpp"

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
  d.config().generator_routes = astro_endpoints(d.root());
  d.url(js_string(js, "site"),
        js_string(js, "base").value_or(""),
        "site in " + *file);
  d.language(html_lang(d.root(), "src/layouts"), "lang in src/layouts");
  const std::string consts = read_text(d.root(), "src/consts.ts");
  d.text(js_string(consts, "SITE_TITLE"),
         &SiteConfig::title,
         "title",
         "SITE_TITLE in src/consts.ts");
  d.text(js_string(consts, "SITE_DESCRIPTION"),
         &SiteConfig::subtitle,
         "subtitle",
         "SITE_DESCRIPTION in src/consts.ts");
  // The collection's folder as its loader names it:
  // glob({ base: "./src/content/blog", ... }) in src/content.config.ts.
  std::optional<std::string> dir;
  for (const char* name : {"src/content.config.ts",
                           "src/content.config.mjs",
                           "src/content.config.js",
                           "src/content/config.ts"}) {
    if (auto base = js_string(read_text(d.root(), name), "base")) {
      const std::string folder =
        fs::path(*base).lexically_normal().generic_string();
      if (is_dir(d.root() / folder) && !folder.starts_with("..")) {
        dir = folder;
        break;
      }
    }
  }
  if (!dir) {
    dir = first_dir(d.root(),
                    {"src/content/blog",
                     "src/content/posts",
                     "src/content/post",
                     "src/data/blog",
                     "src/data/posts",
                     "src/pages/blog",
                     "src/pages/posts"});
  }
  if (dir) {
    const std::string name = fs::path(*dir).filename().string();
    d.permalink("/" + name + "/:path/", "", "the " + name + " collection");
    d.posts({*dir}, {}, "the " + name + " collection");
  }
  return true;
}

} // namespace

const Generator k_astro = {
  "Astro", MarkupDialects::only(false, false, false, false), &detect_astro};

} // namespace ogfeed::content::generators
