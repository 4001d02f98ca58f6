#include "util/html_scan.hpp"

#include "util/ascii.hpp"

#include <cctype>

namespace ogfeed::util {

namespace {

// Walks every start tag; for each attribute with a value calls `attr`.
void
walk(std::string_view html,
     const std::function<void(std::string_view)>* on_tag,
     const std::function<void(const HtmlAttribute&)>* on_attr)
{
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      return;
    }
    i = lt;
    if (html.substr(i).starts_with("<!--")) {
      const std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
      const std::size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    if (i + 1 >= html.size()
        || !std::isalpha(static_cast<unsigned char>(html[i + 1]))) {
      ++i;
      continue;
    }
    std::size_t name_end = i + 1;
    while (name_end < html.size() && !is_html_space(html[name_end])
           && html[name_end] != '>' && html[name_end] != '/') {
      ++name_end;
    }
    const std::string_view tag = html.substr(i + 1, name_end - i - 1);
    if (on_tag != nullptr) {
      (*on_tag)(tag);
    }
    i = name_end;
    while (i < html.size()) {
      while (i < html.size() && (is_html_space(html[i]) || html[i] == '/')) {
        ++i;
      }
      if (i >= html.size() || html[i] == '>') {
        ++i;
        break;
      }
      const std::size_t name_start = i;
      while (i < html.size() && !is_html_space(html[i]) && html[i] != '='
             && html[i] != '>' && html[i] != '/') {
        ++i;
      }
      if (i == name_start) {
        ++i; // a stray character such as '"': step over it
        continue;
      }
      const std::string_view name = html.substr(name_start, i - name_start);
      std::size_t j = i;
      while (j < html.size() && is_html_space(html[j])) {
        ++j;
      }
      if (j >= html.size() || html[j] != '=') {
        continue;
      }
      ++j;
      while (j < html.size() && is_html_space(html[j])) {
        ++j;
      }
      i = j;
      if (i >= html.size()) {
        break;
      }
      HtmlAttribute a;
      a.tag = tag;
      a.name = name;
      if (html[i] == '"' || html[i] == '\'') {
        a.quote = html[i];
        a.value_begin = i + 1;
        const std::size_t close = html.find(a.quote, a.value_begin);
        a.value_end = close == std::string_view::npos ? html.size() : close;
        i = close == std::string_view::npos ? html.size() : close + 1;
      } else {
        a.value_begin = i;
        while (i < html.size() && !is_html_space(html[i]) && html[i] != '>') {
          ++i;
        }
        a.value_end = i;
      }
      a.value = html.substr(a.value_begin, a.value_end - a.value_begin);
      if (on_attr != nullptr) {
        (*on_attr)(a);
      }
    }
  }
}

} // namespace

bool
is_url_attribute(std::string_view name)
{
  static constexpr std::string_view k_url_attributes[] = {"href",
                                                          "src",
                                                          "poster",
                                                          "cite",
                                                          "action",
                                                          "formaction",
                                                          "data",
                                                          "longdesc",
                                                          "background",
                                                          "icon",
                                                          "manifest"};
  const std::string lower = ascii_lower(name);
  for (const std::string_view a : k_url_attributes) {
    if (lower == a) {
      return true;
    }
  }
  return false;
}

void
scan_html_attributes(std::string_view html,
                     const std::function<void(const HtmlAttribute&)>& visit)
{
  walk(html, nullptr, &visit);
}

void
scan_html_tags(std::string_view html,
               const std::function<void(std::string_view tag)>& visit)
{
  walk(html, &visit, nullptr);
}

std::string
html_escape(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

namespace {

// The tag name at html[i] ('<' or "</" before it), in lower case.
std::string
tag_at(std::string_view html, std::size_t i)
{
  std::string name;
  while (i < html.size() && std::isalpha(static_cast<unsigned char>(html[i]))) {
    name +=
      static_cast<char>(std::tolower(static_cast<unsigned char>(html[i])));
    ++i;
  }
  return name;
}

} // namespace

std::string
drop_active_elements(std::string_view html)
{
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      break;
    }
    out.append(html.substr(i, lt - i));
    const std::string name = tag_at(html, lt + 1);
    if (name == "script" || name == "style") {
      // Up to and past the matching end tag, or to the end.
      std::size_t end = html.size();
      for (std::size_t c = html.find("</", lt); c != std::string_view::npos;
           c = html.find("</", c + 2)) {
        if (tag_at(html, c + 2) == name) {
          const std::size_t gt = html.find('>', c);
          end = gt == std::string_view::npos ? html.size() : gt + 1;
          break;
        }
      }
      i = end;
      continue;
    }
    const bool disarm = name == "title" || name == "textarea" || name == "xmp"
                        || name == "noembed" || name == "noframes"
                        || name == "plaintext";
    out += disarm ? "&lt;" : "<";
    i = lt + 1;
  }
  out.append(html.substr(std::min(i, html.size())));
  return out;
}

} // namespace ogfeed::util
