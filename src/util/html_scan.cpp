#include "util/html_scan.hpp"

#include "util/ascii.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace ogfeed::util {

namespace {

// One start tag at html[lt] ('<' then a letter): its name, every attribute
// (with a value or not) with its byte range, and where the tag ends (past
// its '>', or the end of `html`). Quotes are honoured: a '>' inside a
// quoted value does not end the tag.
struct StartTag
{
  std::string_view name;
  struct Attribute
  {
    HtmlAttribute attr;
    bool has_value = false;
    std::size_t begin = 0; // the attribute's name
    std::size_t end = 0;   // past its value (and closing quote)
  };
  std::vector<Attribute> attributes;
  std::size_t end = 0;
};

StartTag
read_start_tag(std::string_view html, std::size_t lt)
{
  StartTag t;
  std::size_t i = lt + 1;
  while (i < html.size() && !is_html_space(html[i]) && html[i] != '>'
         && html[i] != '/') {
    ++i;
  }
  t.name = html.substr(lt + 1, i - lt - 1);
  while (i < html.size()) {
    while (i < html.size() && (is_html_space(html[i]) || html[i] == '/')) {
      ++i;
    }
    if (i >= html.size() || html[i] == '>') {
      t.end = std::min(i + 1, html.size());
      return t;
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
    StartTag::Attribute a;
    a.begin = name_start;
    a.attr.tag = t.name;
    a.attr.tag_begin = lt;
    a.attr.name = html.substr(name_start, i - name_start);
    a.end = i;
    std::size_t j = i;
    while (j < html.size() && is_html_space(html[j])) {
      ++j;
    }
    if (j < html.size() && html[j] == '=') {
      ++j;
      while (j < html.size() && is_html_space(html[j])) {
        ++j;
      }
      i = j;
      if (i >= html.size()) {
        break; // "name=" at the very end: no value
      }
      a.has_value = true;
      if (html[i] == '"' || html[i] == '\'') {
        a.attr.quote = html[i];
        a.attr.value_begin = i + 1;
        const std::size_t close = html.find(a.attr.quote, a.attr.value_begin);
        a.attr.value_end =
          close == std::string_view::npos ? html.size() : close;
        i = close == std::string_view::npos ? html.size() : close + 1;
      } else {
        a.attr.value_begin = i;
        while (i < html.size() && !is_html_space(html[i]) && html[i] != '>') {
          ++i;
        }
        a.attr.value_end = i;
      }
      a.attr.value =
        html.substr(a.attr.value_begin, a.attr.value_end - a.attr.value_begin);
      a.end = i;
    }
    t.attributes.push_back(a);
  }
  t.end = html.size();
  return t;
}

// Where the markup at html[lt] ('<') that is no start tag ends: a comment,
// a doctype or processing instruction, an end tag, or a lone '<' (lt + 1).
std::size_t
skip_other_markup(std::string_view html, std::size_t lt)
{
  if (html.substr(lt).starts_with("<!--")) {
    const std::size_t end = html.find("-->", lt + 4);
    return end == std::string_view::npos ? html.size() : end + 3;
  }
  if (lt + 1 < html.size()
      && (html[lt + 1] == '!' || html[lt + 1] == '?' || html[lt + 1] == '/')) {
    const std::size_t end = html.find('>', lt);
    return end == std::string_view::npos ? html.size() : end + 1;
  }
  return lt + 1;
}

bool
starts_tag(std::string_view html, std::size_t lt)
{
  return lt + 1 < html.size()
         && std::isalpha(static_cast<unsigned char>(html[lt + 1]));
}

// Walks every start tag, calling `on_tag` with its name and `on_attr` for
// each attribute with a value, and every end tag, calling `on_end_tag`
// with its name.
void
walk(std::string_view html,
     const std::function<void(std::string_view)>* on_tag,
     const std::function<void(const HtmlAttribute&)>* on_attr,
     const std::function<void(std::string_view)>* on_end_tag = nullptr)
{
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      return;
    }
    if (!starts_tag(html, lt)) {
      if (on_end_tag != nullptr && html.substr(lt).starts_with("</")
          && starts_tag(html, lt + 1)) {
        std::size_t e = lt + 2;
        while (e < html.size() && !is_html_space(html[e]) && html[e] != '>'
               && html[e] != '/') {
          ++e;
        }
        (*on_end_tag)(html.substr(lt + 2, e - lt - 2));
      }
      i = skip_other_markup(html, lt);
      continue;
    }
    const StartTag t = read_start_tag(html, lt);
    if (on_tag != nullptr) {
      (*on_tag)(t.name);
    }
    if (on_attr != nullptr) {
      for (const auto& a : t.attributes) {
        if (a.has_value) {
          (*on_attr)(a.attr);
        }
      }
    }
    i = t.end;
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

void
scan_html_tag_names(
  std::string_view html,
  const std::function<void(std::string_view name, bool end_tag)>& visit)
{
  const std::function<void(std::string_view)> start =
    [&](std::string_view name) { visit(name, false); };
  const std::function<void(std::string_view)> end = [&](std::string_view name) {
    visit(name, true);
  };
  walk(html, &start, nullptr, &end);
}

void
append_html_escaped(std::string& out, std::string_view text)
{
  out.reserve(out.size() + text.size());
  std::size_t run = 0; // start of the text not yet appended
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
    case '&':
      entity = "&amp;";
      break;
    case '<':
      entity = "&lt;";
      break;
    case '>':
      entity = "&gt;";
      break;
    case '"':
      entity = "&quot;";
      break;
    default:
      continue;
    }
    out.append(text.data() + run, i - run);
    out += entity;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

std::string
html_escape(std::string_view text)
{
  std::string out;
  append_html_escaped(out, text);
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

SanitizedHtml
drop_active_content(std::string_view html)
{
  SanitizedHtml result;
  std::string& out = result.html;
  out.reserve(html.size());
  auto note = [&](std::string what) {
    if (std::find(result.removed.begin(), result.removed.end(), what)
        == result.removed.end()) {
      result.removed.push_back(std::move(what));
    }
  };
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      break;
    }
    out.append(html.substr(i, lt - i));
    if (!starts_tag(html, lt)) {
      const std::size_t end = skip_other_markup(html, lt);
      out.append(html.substr(lt, end - lt));
      i = end;
      continue;
    }
    const StartTag t = read_start_tag(html, lt);
    const std::string name = ascii_lower(t.name);
    if (name == "script" || name == "style") {
      // Raw text up to its end tag (quotes mean nothing there), or the end.
      std::size_t end = html.size();
      for (std::size_t c = html.find("</", t.end); c != std::string_view::npos;
           c = html.find("</", c + 2)) {
        if (tag_at(html, c + 2) == name) {
          const std::size_t gt = html.find('>', c);
          end = gt == std::string_view::npos ? html.size() : gt + 1;
          break;
        }
      }
      note("<" + name + "> elements");
      i = end;
      continue;
    }
    const bool disarm = name == "title" || name == "textarea" || name == "xmp"
                        || name == "noembed" || name == "noframes"
                        || name == "plaintext";
    if (disarm) {
      out += "&lt;";
      i = lt + 1;
      continue;
    }
    // The tag as written, without event handlers and script URLs.
    std::size_t from = lt;
    for (const auto& a : t.attributes) {
      const std::string attr = ascii_lower(a.attr.name);
      std::string why;
      if (attr.size() > 2 && attr.starts_with("on")) {
        why = attr + " event handlers";
      } else if (a.has_value && (is_url_attribute(attr) || attr == "srcset")) {
        const std::string scheme = script_url_scheme(a.attr.value);
        if (!scheme.empty()) {
          why = scheme + ": URLs";
        }
      }
      if (!why.empty()) {
        out.append(html.substr(from, a.begin - from));
        while (!out.empty() && is_html_space(out.back())) {
          out.pop_back();
        }
        from = a.end;
        note(std::move(why));
      }
    }
    out.append(html.substr(from, t.end - from));
    i = t.end;
  }
  out.append(html.substr(std::min(i, html.size())));
  return result;
}

} // namespace ogfeed::util
