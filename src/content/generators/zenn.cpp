#include "content/generators/generators.hpp"

namespace ogfeed::content::generators {

namespace {

bool
detect_zenn(Detector& d)
{
  if (!is_dir(d.root() / "articles")
      || !(package_uses(d.root(), "zenn-cli") || is_dir(d.root() / "books"))) {
    return false;
  }
  d.found(package_uses(d.root(), "zenn-cli") ? "package.json" : "articles");
  // The slug is the whole file name, a date at its start included.
  d.permalink("/articles/:filename", "", "Zenn's article URLs");
  // Zenn's renderer shows raw HTML as text (`Option<T>` stays visible).
  d.config().raw_html = RawHtml::escape;
  // Only articles/*.md are articles; books and sub-folders are not.
  d.posts({"articles"}, {"*/**"}, "Zenn's articles/");
  d.hint("https://YOUR_NAME.github.io/zenn-feed/ (a site you publish to: the "
         "feeds and cards go there, zenn.dev takes no files) with permalink: "
         "https://zenn.dev/YOUR_NAME/articles/:filename (where Zenn "
         "publishes each article)");
  return true;
}

} // namespace

const Generator k_zenn = {
  "Zenn", MarkupDialects::only(false, false, false, true), &detect_zenn};

} // namespace ogfeed::content::generators
