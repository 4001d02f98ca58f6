#include "content/generators/generators.hpp"

namespace ogfeed::content::generators {

namespace {

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
  if (const auto dir =
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
