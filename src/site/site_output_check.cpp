#include "site/site_output_check.hpp"

#include "util/ascii.hpp"

#include <set>

namespace ogfeed::site {

namespace {

int
hex_value(char c)
{
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  c = static_cast<char>(c | 0x20);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// The path a URL names below the site, as a file name: its fragment and
// query dropped, %XX decoded.
std::string
url_path(std::string_view rel)
{
  rel = rel.substr(0, rel.find_first_of("?#"));
  std::string out;
  for (std::size_t i = 0; i < rel.size(); ++i) {
    if (rel[i] == '%' && i + 2 < rel.size() && hex_value(rel[i + 1]) >= 0
        && hex_value(rel[i + 2]) >= 0) {
      out +=
        static_cast<char>(hex_value(rel[i + 1]) * 16 + hex_value(rel[i + 2]));
      i += 2;
    } else {
      out += rel[i];
    }
  }
  return out;
}

// The file a path names in a built site ("a/" is a/index.html).
std::string
file_of(const std::string& path)
{
  return path.empty() || path.ends_with('/') ? path + "index.html" : path;
}

bool
exists(const util::Dir& built, const std::string& path)
{
  const std::string file = file_of(path);
  if (util::is_plain_relative(file) && built.is_file(file)) {
    return true;
  }
  // "a/b" for a folder with its index.html: what every static host
  // redirects to "a/b/"; or for "a/b.html" (Docusaurus without
  // trailingSlash writes its pages so): GitHub Pages, Netlify and
  // Cloudflare Pages serve it at "a/b".
  if (path.empty() || path.ends_with('/')) {
    return false;
  }
  for (const std::string& page : {path + "/index.html", path + ".html"}) {
    if (util::is_plain_relative(page) && built.is_file(page)) {
      return true;
    }
  }
  return false;
}

// The same path in another case, segment by segment, if the site has one.
std::optional<std::string>
other_case(const util::Dir& built, const std::string& path)
{
  std::string found;
  std::string_view rest = path;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view part = rest.substr(0, slash);
    std::error_code ec;
    std::string match;
    for (const auto& e : std::filesystem::directory_iterator(
           built.path() / std::filesystem::u8path(found), ec)) {
      const std::string name = e.path().filename().string();
      if (util::ascii_lower(name) == util::ascii_lower(part)) {
        match = name;
        break;
      }
    }
    if (match.empty()) {
      return std::nullopt;
    }
    found += match;
    if (slash == std::string_view::npos) {
      break;
    }
    found += '/';
    rest.remove_prefix(slash + 1);
  }
  return exists(built, found) ? std::optional<std::string>(found)
                              : std::nullopt;
}

// The nearest path to `path` that the built site has, if any.
std::optional<std::string>
nearest(const util::Dir& built, const std::string& path)
{
  std::vector<std::string> tries;
  if (path.ends_with('/')) {
    tries.push_back(path.substr(0, path.size() - 1));
    tries.push_back(path.substr(0, path.size() - 1) + ".html");
  } else {
    tries.push_back(path + ".html");
    if (path.ends_with(".html")) {
      tries.push_back(path.substr(0, path.size() - 5) + "/");
    }
  }
  for (const auto& t : tries) {
    if (exists(built, t)) {
      return t;
    }
  }
  for (const auto& t : {path, tries.front()}) {
    if (auto found = other_case(built, t)) {
      return found;
    }
  }
  return std::nullopt;
}

} // namespace

util::Diagnostics
check_against_built_site(const std::vector<PublishedUrl>& urls,
                         const std::string& base_url,
                         const util::Dir& built,
                         bool strict)
{
  util::Diagnostics out;
  std::set<std::pair<std::string, std::string>> said;
  for (const PublishedUrl& u : urls) {
    if (!u.url.starts_with(base_url) || !said.emplace(u.post, u.url).second) {
      continue;
    }
    const std::string path = url_path(u.url.substr(base_url.size()));
    if (exists(built, path)) {
      continue;
    }
    std::string message = u.what + " " + u.url
                          + " names no file of the built site in '"
                          + built.path().string() + "'";
    if (const auto near = nearest(built, path)) {
      message += "; it has " + base_url + *near;
    }
    util::Diagnostic d =
      strict ? util::make_error(message) : util::make_warning(message);
    out.push_back(util::with_path(std::move(d), u.post));
  }
  return out;
}

} // namespace ogfeed::site
