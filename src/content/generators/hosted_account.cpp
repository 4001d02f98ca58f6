#include "content/generators/hosted_account.hpp"

#include "content/generators/detector.hpp"
#include "util/tree_walk.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace ogfeed::content::generators {

namespace {

constexpr std::size_t k_max_posts = 2000;
// At most this much of the posts is read in all (each post at most 1 MiB).
constexpr std::size_t k_max_bytes = 64 * 1024 * 1024;

bool
is_name_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
         || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// The run of name characters at `at`.
std::string_view
name_at(std::string_view text, std::size_t at)
{
  std::size_t end = at;
  while (end < text.size() && is_name_char(text[end])) {
    ++end;
  }
  return text.substr(at, end - at);
}

// The name with the most votes, the first in byte order on a tie.
std::optional<std::pair<std::string, int>>
most_voted(const std::map<std::string, int>& votes)
{
  std::optional<std::pair<std::string, int>> best;
  for (const auto& [name, n] : votes) {
    if (!best || n > best->second) {
      best = {name, n};
    }
  }
  return best;
}

} // namespace

std::vector<std::pair<std::string, std::string>>
hosted_links(std::string_view text, const HostedSite& site)
{
  std::vector<std::pair<std::string, std::string>> links;
  const std::string prefix = "//" + std::string(site.host) + "/";
  const std::string kind = "/" + std::string(site.kind) + "/";
  for (std::size_t at = text.find(prefix); at != std::string_view::npos;
       at = text.find(prefix, at + 1)) {
    const std::size_t start = at + prefix.size();
    const std::string_view name = name_at(text, start);
    if (name.empty()
        || std::find(site.kept.begin(), site.kept.end(), name)
             != site.kept.end()) {
      continue;
    }
    std::string id;
    const std::size_t after = start + name.size();
    if (text.substr(after, kind.size()) == kind) {
      id = name_at(text, after + kind.size());
    }
    links.emplace_back(name, std::move(id));
  }
  return links;
}

std::optional<HostedAccount>
hosted_account(const std::filesystem::path& root,
               const std::string& dir,
               const HostedSite& site)
{
  std::vector<std::string> names;
  (void)util::walk_tree(root / dir, [&](const util::WalkEntry& e) {
    if (e.kind == util::FileKind::file && e.rel == e.name
        && e.name.ends_with(".md") && names.size() < k_max_posts) {
      names.emplace_back(e.name);
    }
    return e.kind == util::FileKind::folder ? util::WalkStep::skip
                                            : util::WalkStep::go_on;
  });
  std::sort(names.begin(), names.end());
  std::set<std::string> ids;
  std::vector<std::pair<std::string, std::string>> links;
  std::size_t read = 0;
  for (const std::string& name : names) {
    if (read >= k_max_bytes) {
      break;
    }
    const std::string text = read_text(root, dir + "/" + name);
    read += text.size();
    if (std::string id = site.id_of(name, text); !id.empty()) {
      ids.insert(std::move(id));
    }
    auto found = hosted_links(text, site);
    links.insert(links.end(), found.begin(), found.end());
  }
  std::map<std::string, int> votes;
  for (const auto& [name, id] : links) {
    if (ids.count(id) != 0) {
      ++votes[name];
    }
  }
  if (auto best = most_voted(votes)) {
    return HostedAccount{best->first,
                         std::to_string(best->second) + " link"
                           + (best->second == 1 ? "" : "s") + " in " + dir
                           + "/ to its own posts"};
  }
  for (const char* readme : {"README.md", "README", "readme.md"}) {
    for (const auto& [name, id] : hosted_links(read_text(root, readme), site)) {
      ++votes[name];
    }
    if (auto best = most_voted(votes)) {
      return HostedAccount{best->first, "the links in " + std::string(readme)};
    }
  }
  return std::nullopt;
}

void
read_hosted_account(Detector& d, const HostedSite& site)
{
  const std::string kind(site.kind);
  const std::string token(site.id_token);
  const std::string urls = std::string(site.name) + "'s " + kind + " URLs";
  const auto account = hosted_account(d.root(), std::string(site.dir), site);
  if (!account) {
    d.permalink("/" + kind + "/" + token, "", urls);
    d.hint("https://YOUR_NAME.github.io/feed/ (a site you publish to: the "
           "feeds and cards go there, "
           + std::string(site.host)
           + " takes no files) with permalink: https://"
           + std::string(site.host) + "/YOUR_NAME/" + kind + "/" + token
           + " (where " + std::string(site.name) + " publishes each post)");
    return;
  }
  const std::string page =
    "https://" + std::string(site.host) + "/" + account->name + "/";
  d.permalink(page + kind + "/" + token, "", urls);
  d.guessed(std::string(site.name) + "'s account '" + account->name
            + "' is read from " + account->source
            + "; set permalink in ogfeed.yaml if the posts are published "
              "under another");
  d.text(account->name + std::string(site.title_suffix),
         &SiteConfig::title,
         "title",
         account->source);
  d.guessed(std::string(site.name)
            + "'s files name no title; feeds are "
              "called '"
            + d.config().title
            + "' after the account; set "
              "'title' in ogfeed.yaml");
  d.url_fallback(page);
}

} // namespace ogfeed::content::generators
