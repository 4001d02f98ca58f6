#include "content/render/absolute_urls.hpp"

#include "util/ascii.hpp"
#include "util/html_scan.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace ogfeed::content {

std::string
absolutize_srcset(std::string_view srcset, std::string_view base)
{
  std::string out;
  std::size_t i = 0;
  while (i < srcset.size()) {
    const std::size_t lead = i;
    while (i < srcset.size()
           && (util::is_html_space(srcset[i]) || srcset[i] == ',')) {
      ++i;
    }
    out.append(srcset.substr(lead, i - lead));
    if (i >= srcset.size()) {
      break;
    }
    const std::size_t url_start = i;
    while (i < srcset.size() && !util::is_html_space(srcset[i])) {
      ++i;
    }
    std::size_t url_end = i;
    // "a.png,b.png 2x": a trailing comma ends the candidate, not the URL.
    while (url_end > url_start && srcset[url_end - 1] == ',') {
      --url_end;
    }
    out +=
      util::resolve_url(srcset.substr(url_start, url_end - url_start), base);
    out.append(srcset.substr(url_end, i - url_end));
    if (url_end < i) {
      continue;
    }
    const std::size_t descriptor = i;
    while (i < srcset.size() && srcset[i] != ',') {
      ++i;
    }
    out.append(srcset.substr(descriptor, i - descriptor));
  }
  return out;
}

std::string
absolutize_html(std::string_view html, std::string_view base)
{
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  std::size_t copied = 0;
  util::scan_html_attributes(html, [&](const util::HtmlAttribute& a) {
    const std::string name = util::ascii_lower(a.name);
    std::string rewritten;
    if (util::is_url_attribute(name)) {
      rewritten = util::resolve_url(a.value, base);
    } else if (name == "srcset" || name == "imagesrcset") {
      rewritten = absolutize_srcset(a.value, base);
    } else {
      return;
    }
    out.append(html.substr(copied, a.value_begin - copied));
    if (a.quote == '\0') {
      // An unquoted value may now hold characters that need quotes.
      out += '"';
      for (const char c : rewritten) {
        out += c == '"' ? std::string("&quot;") : std::string(1, c);
      }
      out += '"';
    } else {
      out += rewritten;
    }
    copied = a.value_end;
  });
  out.append(html.substr(copied));
  return out;
}

} // namespace ogfeed::content
