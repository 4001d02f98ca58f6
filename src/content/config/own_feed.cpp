#include "content/config/own_feed.hpp"

#include "content/generators/detector.hpp"
#include "util/ascii.hpp"
#include "util/html_scan.hpp"

#include <map>

namespace ogfeed::content {

namespace {

bool
plain(std::string_view s)
{
  return !s.empty() && s.find_first_of("{}%<>\"") == std::string_view::npos;
}

// The first link to a page: `<link href="..."/>` (Atom, no rel or
// rel="alternate"), else `<link>...</link>` (RSS), absolute http(s) and
// free of template tags.
std::string
first_link(const std::string& text)
{
  const auto usable = [](std::string_view url) {
    const std::size_t scheme = url.find("://");
    return (url.starts_with("http://") || url.starts_with("https://"))
           && plain(url) && url.find(' ') == std::string_view::npos
           && url.find('/', scheme + 3) != std::string_view::npos;
  };
  // Each <link>'s href and rel, by the tag they are in.
  std::map<std::size_t, std::pair<std::string_view, std::string_view>> links;
  util::scan_html_attributes(text, [&](const util::HtmlAttribute& a) {
    if (util::ascii_lower(a.tag) == "link") {
      const std::string name = util::ascii_lower(a.name);
      auto& [href, rel] = links[a.tag_begin];
      if (name == "href") {
        href = a.value;
      } else if (name == "rel") {
        rel = a.value;
      }
    }
  });
  for (const auto& [at, link] : links) {
    const auto& [href, rel] = link;
    if ((rel.empty() || rel == "alternate") && usable(href)) {
      return std::string(href);
    }
  }
  // RSS writes the link as the element's text.
  for (std::size_t at = text.find("<link>"); at != std::string::npos;
       at = text.find("<link>", at + 6)) {
    const std::string_view url = util::trim_xml_space(
      std::string_view(text).substr(at + 6, text.find('<', at + 6) - at - 6));
    if (usable(url)) {
      return std::string(url);
    }
  }
  return {};
}

std::string
first_title(const std::string& text)
{
  const std::size_t at = text.find("<title>");
  if (at == std::string::npos) {
    return {};
  }
  const std::size_t from = at + 7;
  const std::size_t end = text.find("</title>", from);
  if (end == std::string::npos) {
    return {};
  }
  const std::string title(util::trim_xml_space(text.substr(from, end - from)));
  return plain(title) && title.find('&') == std::string::npos ? title : "";
}

} // namespace

std::optional<OwnFeedTemplate>
read_own_feed(const std::filesystem::path& root)
{
  for (const char* rel : {"atom.xml", "feed.xml", "rss.xml"}) {
    const std::string text = generators::read_text(root, rel);
    if (text.find("{{") == std::string::npos
        && text.find("{%") == std::string::npos) {
      continue;
    }
    OwnFeedTemplate own{rel, first_link(text), first_title(text)};
    if (!own.url.empty() || !own.title.empty()) {
      return own;
    }
  }
  return std::nullopt;
}

} // namespace ogfeed::content
