#pragma once

// The account a hosted blog (Zenn, Qiita) publishes a repository's posts
// under: no file of the repository names it, but the posts link to each
// other by their published URLs, and READMEs link the author's page.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::content::generators {

struct HostedAccount
{
  std::string name;   // "termoshtt"
  std::string source; // for the warning: "12 links in articles/ to its own
                      // articles"
};

// Where a host publishes posts: https://HOST/NAME/KIND/ID.
struct HostedSite
{
  std::string_view name;              // "Zenn", as messages give it
  std::string_view host;              // "zenn.dev"
  std::string_view kind;              // "articles"
  std::string_view dir;               // the posts' folder: "articles"
  std::string_view id_token;          // the ID's permalink token: ":filename"
  std::string_view title_suffix;      // the feed's title after the account
  std::vector<std::string_view> kept; // first segments that name no account
  // The ID the host gives a post, from its file name and text ("" if none).
  std::function<std::string(std::string_view name, std::string_view text)>
    id_of;
};

class Detector;

// Reads the account a hosted blog's posts are published under into the
// site's settings (with a warning each): the permalink
// https://HOST/NAME/KIND/ID, the feed's title (NAME + title_suffix) and,
// for when nothing else says where the feeds go, the account's page as
// the base URL. Without an account: the relative permalink /KIND/ID and a
// hint of what to write.
void read_hosted_account(Detector& d, const HostedSite& site);

// In order: the NAME most links in the posts of `dir` (below `root`, not
// its sub-folders) use to reach a post of that folder by its ID; else the
// NAME the README's links to https://HOST/NAME use most. Ties go to the
// first name in byte order. At most 2,000 posts and 64 MiB are read; no
// link is followed.
std::optional<HostedAccount> hosted_account(const std::filesystem::path& root,
                                            const std::string& dir,
                                            const HostedSite& site);

// Every NAME of a link to https://HOST/NAME[/KIND/ID] in `text`, with the
// ID ("" when the link goes no further than NAME), in order.
std::vector<std::pair<std::string, std::string>>
hosted_links(std::string_view text, const HostedSite& site);

} // namespace ogfeed::content::generators
