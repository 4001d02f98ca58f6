#include "content/generators/generators.hpp"
#include "content/generators/hosted_account.hpp"

namespace ogfeed::content::generators {

namespace {

// The `id:` Qiita CLI writes into a post's front matter once Qiita has
// published it (20 hex digits).
std::string
front_matter_id(std::string_view, std::string_view text)
{
  const std::size_t end = text.find("\n---", 3);
  const std::string_view head = text.substr(0, end);
  for (std::size_t at = head.find("\nid: "); at != std::string_view::npos;
       at = head.find("\nid: ", at + 1)) {
    std::string_view id = head.substr(at + 5, 20);
    if (id.size() == 20
        && id.find_first_not_of("0123456789abcdef") == std::string_view::npos) {
      return std::string(id);
    }
  }
  return {};
}

// qiita.com's first path segments that are pages of its own, and its own
// account (its guides), not an author's.
const HostedSite k_qiita_com = {"qiita.com",
                                "items",
                                {"Qiita",
                                 "qiita",
                                 "advent-calendar",
                                 "organizations",
                                 "tags",
                                 "items",
                                 "api",
                                 "settings",
                                 "search",
                                 "trend",
                                 "official-events",
                                 "official-columns",
                                 "question",
                                 "login",
                                 "signup",
                                 "about",
                                 "terms",
                                 "privacy",
                                 "drafts",
                                 "opportunities",
                                 "release-notes"},
                                &front_matter_id};

void
read_account(Detector& d)
{
  const auto account = hosted_account(d.root(), "public", k_qiita_com);
  if (!account) {
    d.permalink("/items/:id", "", "Qiita's item URLs");
    d.hint("https://YOUR_NAME.github.io/qiita-feed/ (a site you publish to: "
           "the feeds and cards go there, qiita.com takes no files) with "
           "permalink: https://qiita.com/YOUR_NAME/items/:id (where Qiita "
           "publishes each item)");
    return;
  }
  const std::string page = "https://qiita.com/" + account->name + "/";
  d.permalink(page + "items/:id", "", "Qiita's item URLs");
  d.guessed("Qiita's account '" + account->name + "' is read from "
            + account->source
            + "; set permalink in ogfeed.yaml if the "
              "items are published under another");
  d.text(account->name + "の記事 - Qiita",
         &SiteConfig::title,
         "title",
         account->source);
  d.guessed("Qiita CLI's files name no title; feeds are called '"
            + d.config().title + "'; set 'title' in ogfeed.yaml");
  d.url_fallback(page);
}

bool
detect_qiita(Detector& d)
{
  if (!is_dir(d.root() / "public")
      || !(package_uses(d.root(), "@qiita/qiita-cli")
           || is_file(d.root() / "qiita.config.json"))) {
    return false;
  }
  d.found(is_file(d.root() / "qiita.config.json") ? "qiita.config.json"
                                                  : "package.json");
  d.posts({"public"}, {"*/**"}, "Qiita CLI's public/");
  // A post gets its item id once Qiita publishes it (`id: null` before).
  d.config().url_rules.unpublished_without_id = true;
  read_account(d);
  return true;
}

} // namespace

const Generator k_qiita = {
  "Qiita CLI", MarkupDialects::only(false, false, false, true), &detect_qiita};

} // namespace ogfeed::content::generators
