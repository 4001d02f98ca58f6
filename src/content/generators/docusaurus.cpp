#include "content/generators/generators.hpp"

namespace ogfeed::content::generators {

namespace {

bool
detect_docusaurus(Detector& d)
{
  const auto file = first_file(
    d.root(),
    {"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"});
  if (!file) {
    return false;
  }
  const std::string js = read_text(d.root(), *file);
  // The blog's options (the classic preset's `blog: {...}`): its folder and
  // route, never the docs' (`docs: { routeBasePath: "/" }` comes first in
  // most configs).
  const std::string blog = js_object(js, "blog").value_or("");
  const std::string folder =
    without_slashes(js_string(blog, "path", &js).value_or("blog"));
  if (!is_dir(d.root() / folder)) {
    return false;
  }
  d.found(*file);
  d.site_output(std::nullopt, "build");
  d.url(js_string(js, "url"),
        js_string(js, "baseUrl").value_or(""),
        "url and baseUrl in " + *file);
  d.text(
    js_string(js, "title"), &SiteConfig::title, "title", "title in " + *file);
  d.text(js_string(js, "tagline"),
         &SiteConfig::subtitle,
         "subtitle",
         "tagline in " + *file);
  d.language(js_string(js, "defaultLocale"), "i18n.defaultLocale in " + *file);
  // The blog's URL: its route, then the date a file's name starts with
  // (not one from front matter), then its slug; a `slug:` drops the date.
  std::string route = js_string(blog, "routeBasePath", &js).value_or("blog");
  while (route.starts_with('/')) {
    route.erase(0, 1);
  }
  while (route.ends_with('/')) {
    route.pop_back();
  }
  d.permalink(route.empty() ? "/:filedate/:slug"
                            : "/" + route + "/:filedate/:slug",
              "",
              "Docusaurus's blog URLs");
  d.posts({folder}, {}, "Docusaurus's " + folder + "/");
  // Docusaurus writes a post's URL as its name has it (`Vite+Vue3使用...`):
  // a reader's URL parser (WHATWG's) escapes what it must and keeps the
  // rest, as Hexo's `new URL()` does (tried: docusaurus 3, timelic).
  d.config().url_rules.path_keeps = "!$&'()*+,;=:@[]|^";
  // Docusaurus reads every Markdown file as MDX unless `markdown.format`
  // says otherwise ('detect': only .mdx files; 'md': none).
  const std::string markdown = js_object(js, "markdown").value_or("");
  d.config().markup.mdx =
    js_string(markdown, "format", &js).value_or("mdx") == "mdx";
  return true;
}

} // namespace

const Generator k_docusaurus = {"Docusaurus",
                                MarkupDialects::only(false, false, false, true),
                                &detect_docusaurus};

} // namespace ogfeed::content::generators
