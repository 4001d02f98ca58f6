#include "content/generators/generators.hpp"
#include "content/generators/hosted_account.hpp"

namespace ogfeed::content::generators {

namespace {

// zenn.dev: an article is https://zenn.dev/NAME/articles/SLUG, SLUG its file
// name whole (a date at its start included); the feed's title is the one
// zenn.dev gives an author's feed. The first path segments that are pages
// of zenn.dev's own, or its own account (its guides), name no author.
const HostedSite k_zenn_dev = {
  "Zenn",
  "zenn.dev",
  "articles",
  "articles",
  ":filename",
  "さんのフィード",
  {"zenn",         "articles", "books",     "scraps",       "topics", "p",
   "api",          "enter",    "dashboard", "search",       "faq",    "about",
   "terms",        "privacy",  "guideline", "tech-or-idea", "mypage", "events",
   "publications", "settings"},
  [](std::string_view name, std::string_view) {
    return std::string(name.substr(0, name.size() - 3)); // the slug: x.md
  }};

bool
detect_zenn(Detector& d)
{
  if (!is_dir(d.root() / "articles")
      || !(package_uses(d.root(), "zenn-cli") || is_dir(d.root() / "books"))) {
    return false;
  }
  d.found(package_uses(d.root(), "zenn-cli") ? "package.json" : "articles");
  // Zenn's renderer shows raw HTML as text (`Option<T>` stays visible).
  d.config().raw_html = RawHtml::escape;
  // Only articles/*.md are articles; books and sub-folders are not.
  d.posts({"articles"}, {"*/**"}, "Zenn's articles/");
  read_hosted_account(d, k_zenn_dev);
  return true;
}

} // namespace

const Generator k_zenn = {
  "Zenn", MarkupDialects::only(false, false, false, true), &detect_zenn};

} // namespace ogfeed::content::generators
