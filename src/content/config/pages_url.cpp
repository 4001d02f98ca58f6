#include "content/config/pages_url.hpp"

#include "content/generators/generators.hpp"
#include "util/ascii.hpp"
#include "util/split.hpp"

#include <cstdlib>

namespace ogfeed::content {

namespace fs = std::filesystem;

namespace {

bool
is_name(std::string_view s, std::string_view extra)
{
  if (s.empty() || s.size() > 253 || s.front() == '.' || s.front() == '-') {
    return false;
  }
  for (const char c : s) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                       || (c >= '0' && c <= '9');
    if (!alnum && extra.find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// The URL of the Pages site of repository `owner`/`repo`.
std::optional<std::string>
repository_url(std::string_view owner, std::string repo)
{
  if (repo.ends_with(".git")) {
    repo.resize(repo.size() - 4);
  }
  if (!is_name(owner, "-") || !is_name(repo, "-_.")) {
    return std::nullopt;
  }
  const std::string host = util::ascii_lower(owner) + ".github.io";
  if (util::ascii_lower(repo) == host) {
    return "https://" + host + "/";
  }
  return "https://" + host + "/" + repo + "/";
}

std::optional<std::string>
owner_repo_url(const std::string& owner_repo)
{
  std::string s(util::trim_xml_space(owner_repo));
  while (s.ends_with('/')) {
    s.pop_back();
  }
  const std::size_t slash = s.find('/');
  if (slash == std::string::npos
      || s.find('/', slash + 1) != std::string::npos) {
    return std::nullopt;
  }
  return repository_url(s.substr(0, slash), s.substr(slash + 1));
}

std::optional<PagesUrl>
from_cname(const fs::path& root)
{
  for (const char* rel :
       {"CNAME", "static/CNAME", "source/CNAME", "public/CNAME"}) {
    const std::string text = generators::read_text(root, rel);
    const std::string host(
      util::trim_xml_space(text.substr(0, text.find('\n'))));
    if (is_name(host, ".-") && host.find('.') != std::string::npos) {
      return PagesUrl{"https://" + host + "/",
                      "GitHub Pages, from " + std::string(rel)};
    }
  }
  return std::nullopt;
}

// OWNER/REPO of a GitHub remote URL: https://github.com/OWNER/REPO(.git),
// with a user before the host or not, git@github.com:OWNER/REPO.git,
// ssh:// and git:// forms.
std::optional<std::string>
github_owner_repo(std::string_view url)
{
  for (std::string_view scheme : {"https://", "http://", "ssh://", "git://"}) {
    if (url.starts_with(scheme)) {
      url.remove_prefix(scheme.size());
      const std::size_t slash = url.find('/');
      const std::size_t at = url.substr(0, slash).rfind('@');
      if (at != std::string_view::npos) {
        url.remove_prefix(at + 1);
      }
      if (!url.starts_with("github.com/")) {
        return std::nullopt;
      }
      return std::string(url.substr(11));
    }
  }
  if (url.starts_with("git@github.com:")) {
    return std::string(url.substr(15));
  }
  return std::nullopt;
}

// The URL of remote "origin" in a git config's text.
std::string
origin_url(std::string_view config)
{
  bool in_origin = false;
  for (const std::string_view raw : util::split(config, '\n')) {
    const std::string_view line = util::trim_xml_space(raw);
    if (line.starts_with('[')) {
      in_origin = line == "[remote \"origin\"]";
    } else if (in_origin && line.starts_with("url")) {
      const std::size_t eq = line.find('=');
      if (eq != std::string_view::npos
          && util::trim_xml_space(line.substr(3, eq - 3)).empty()) {
        return std::string(util::trim_xml_space(line.substr(eq + 1)));
      }
    }
  }
  return {};
}

// The Pages site of the GitHub repository the site's clone came from (its
// remote "origin"), the site's folder or the one above being the clone's
// top: what GITHUB_REPOSITORY names when Actions builds the same clone.
std::optional<PagesUrl>
from_git_origin(const fs::path& root)
{
  std::error_code ec;
  const fs::path top = fs::weakly_canonical(root, ec);
  if (ec) {
    return std::nullopt;
  }
  for (const fs::path& dir : {top, top.parent_path()}) {
    const std::string url =
      origin_url(generators::read_text(dir, ".git/config"));
    if (url.empty()) {
      continue;
    }
    if (auto repo = github_owner_repo(url)) {
      if (auto pages = owner_repo_url(*repo)) {
        return PagesUrl{*pages, "GitHub Pages, from the clone's remote origin"};
      }
    }
    return std::nullopt; // the clone's top, of another host
  }
  return std::nullopt;
}

} // namespace

std::optional<PagesUrl>
published_url(const fs::path& root, const OwnFeedTemplate* own)
{
  if (auto cname = from_cname(root)) {
    return cname;
  }
  if (own != nullptr && !own->url.empty()) {
    return PagesUrl{own->url, "the site's own feed template " + own->file};
  }
  if (const char* env = std::getenv("GITHUB_REPOSITORY")) {
    if (auto url = owner_repo_url(env)) {
      return PagesUrl{*url, "GitHub Pages, from GITHUB_REPOSITORY"};
    }
  }
  if (auto origin = from_git_origin(root)) {
    return origin;
  }
  std::error_code ec;
  const std::string name = fs::weakly_canonical(root, ec).filename().string();
  if (!ec && util::ascii_lower(name).ends_with(".github.io")) {
    if (auto url = repository_url(name.substr(0, name.size() - 10), name)) {
      return PagesUrl{*url, "GitHub Pages, from the site's folder name"};
    }
  }
  return std::nullopt;
}

} // namespace ogfeed::content
