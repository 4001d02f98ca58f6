#include "content/config/pages_url.hpp"

#include "content/generators/generators.hpp"
#include "util/ascii.hpp"

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
