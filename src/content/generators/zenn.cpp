#include "content/generators/generators.hpp"
#include "content/generators/hosted_account.hpp"

namespace ogfeed::content::generators {

namespace {

// zenn.dev's first path segments that are pages of its own, and its own
// account (its guides), not an author's.
const HostedSite k_zenn_dev = {
  "zenn.dev",
  "articles",
  {"zenn",         "articles", "books",     "scraps",       "topics", "p",
   "api",          "enter",    "dashboard", "search",       "faq",    "about",
   "terms",        "privacy",  "guideline", "tech-or-idea", "mypage", "events",
   "publications", "settings"},
  [](std::string_view name, std::string_view) {
    return std::string(name.substr(0, name.size() - 3)); // the slug: x.md
  }};

// The account the articles are published under, as their links to each
// other name it: their URLs, the feed's title and, when nothing says where
// the feeds go, its address.
void
read_account(Detector& d)
{
  const auto account = hosted_account(d.root(), "articles", k_zenn_dev);
  if (!account) {
    d.permalink("/articles/:filename", "", "Zenn's article URLs");
    d.hint("https://YOUR_NAME.github.io/zenn-feed/ (a site you publish to: the "
           "feeds and cards go there, zenn.dev takes no files) with permalink: "
           "https://zenn.dev/YOUR_NAME/articles/:filename (where Zenn "
           "publishes each article)");
    return;
  }
  const std::string page = "https://zenn.dev/" + account->name + "/";
  d.permalink(page + "articles/:filename", "", "Zenn's article URLs");
  d.guessed("Zenn's account '" + account->name + "' is read from "
            + account->source
            + "; set permalink in ogfeed.yaml if the "
              "articles are published under another");
  // As zenn.dev titles the author's own feed.
  d.text(account->name + "さんのフィード",
         &SiteConfig::title,
         "title",
         account->source);
  d.guessed("Zenn's files name no title; feeds are called '" + d.config().title
            + "', as Zenn titles an author's feed; set "
              "'title' in ogfeed.yaml");
  d.url_fallback(page);
}

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
  // The slug is the whole file name, a date at its start included.
  read_account(d);
  return true;
}

} // namespace

const Generator k_zenn = {
  "Zenn", MarkupDialects::only(false, false, false, true), &detect_zenn};

} // namespace ogfeed::content::generators
