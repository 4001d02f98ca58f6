#include "content/config/own_feed.hpp"

#include "content/generators/detector.hpp"
#include "util/ascii.hpp"

namespace ogfeed::content {

namespace {

bool
plain(std::string_view s)
{
  return !s.empty() && s.find_first_of("{}%<>\"") == std::string_view::npos;
}

// The first link to a page: `<link href="..."/>` (Atom, no rel or
// rel="alternate") or `<link>...</link>` (RSS).
std::string
first_link(const std::string& text)
{
  for (std::size_t at = text.find("<link"); at != std::string::npos;
       at = text.find("<link", at + 5)) {
    const std::size_t end = text.find('>', at);
    if (end == std::string::npos) {
      break;
    }
    const std::string_view tag(text.data() + at, end - at);
    std::string url;
    if (const std::size_t href = tag.find("href=\""); href != tag.npos) {
      if (tag.find("rel=") != tag.npos
          && tag.find("rel=\"alternate\"") == tag.npos) {
        continue; // self, hub...
      }
      const std::size_t from = href + 6;
      url = tag.substr(from, tag.find('"', from) - from);
    } else if (tag == "<link") {
      url = text.substr(end + 1, text.find('<', end) - end - 1);
    }
    url = std::string(util::trim_xml_space(url));
    const std::size_t scheme = url.find("://");
    if ((url.starts_with("http://") || url.starts_with("https://"))
        && plain(url) && url.find(' ') == std::string::npos
        && url.find('/', scheme + 3) != std::string::npos) {
      return url;
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
