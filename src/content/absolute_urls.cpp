#include "content/absolute_urls.hpp"

#include "util/url.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace ogfeed::content {

namespace {

constexpr std::array<std::string_view, 11> k_url_attributes = {"href",
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

bool
is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string
lower(std::string_view s)
{
  std::string out;
  for (const char c : s) {
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Copies one tag starting at `i` (just past '<' and the tag name) to `out`,
// rewriting URL attributes, and returns the index after its '>'.
std::size_t
copy_attributes(std::string_view html,
                std::size_t i,
                std::string_view base,
                std::string& out)
{
  while (i < html.size()) {
    const std::size_t ws = i;
    while (i < html.size() && is_space(html[i])) {
      ++i;
    }
    out.append(html.substr(ws, i - ws));
    if (i >= html.size()) {
      break;
    }
    if (html[i] == '>') {
      out += '>';
      return i + 1;
    }
    if (html[i] == '/') {
      out += '/';
      ++i;
      continue;
    }
    const std::size_t name_start = i;
    while (i < html.size() && !is_space(html[i]) && html[i] != '='
           && html[i] != '>' && html[i] != '/') {
      ++i;
    }
    if (i == name_start) {
      // A stray character such as '"': copy it so the scan always advances.
      out += html[i++];
      continue;
    }
    const std::string name = lower(html.substr(name_start, i - name_start));
    out.append(html.substr(name_start, i - name_start));
    std::size_t j = i;
    while (j < html.size() && is_space(html[j])) {
      ++j;
    }
    if (j >= html.size() || html[j] != '=') {
      continue;
    }
    ++j;
    while (j < html.size() && is_space(html[j])) {
      ++j;
    }
    out.append(html.substr(i, j - i));
    i = j;
    if (i >= html.size()) {
      break;
    }
    char quote = '\0';
    std::size_t value_start = i;
    std::size_t value_end;
    if (html[i] == '"' || html[i] == '\'') {
      quote = html[i];
      value_start = i + 1;
      value_end = html.find(quote, value_start);
      if (value_end == std::string_view::npos) {
        value_end = html.size();
      }
      i = std::min(value_end + 1, html.size());
    } else {
      while (i < html.size() && !is_space(html[i]) && html[i] != '>') {
        ++i;
      }
      value_end = i;
    }
    const std::string_view value =
      html.substr(value_start, value_end - value_start);
    std::string rewritten;
    const bool is_url =
      std::find(k_url_attributes.begin(), k_url_attributes.end(), name)
      != k_url_attributes.end();
    if (is_url) {
      rewritten = util::resolve_url(value, base);
    } else if (name == "srcset" || name == "imagesrcset") {
      rewritten = absolutize_srcset(value, base);
    } else {
      rewritten = std::string(value);
    }
    if (quote == '\0') {
      quote = '"';
      std::string escaped;
      for (const char c : rewritten) {
        escaped += c == '"' ? std::string("&quot;") : std::string(1, c);
      }
      rewritten = std::move(escaped);
    }
    out += quote;
    out += rewritten;
    if (value_end < html.size()) {
      out += quote;
    }
  }
  return html.size();
}

} // namespace

std::string
absolutize_srcset(std::string_view srcset, std::string_view base)
{
  std::string out;
  std::size_t i = 0;
  while (i < srcset.size()) {
    const std::size_t lead = i;
    while (i < srcset.size() && (is_space(srcset[i]) || srcset[i] == ',')) {
      ++i;
    }
    out.append(srcset.substr(lead, i - lead));
    if (i >= srcset.size()) {
      break;
    }
    const std::size_t url_start = i;
    while (i < srcset.size() && !is_space(srcset[i])) {
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
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      out.append(html.substr(i));
      break;
    }
    out.append(html.substr(i, lt - i));
    i = lt;
    if (html.substr(i).starts_with("<!--")) {
      const std::size_t end = html.find("-->", i + 4);
      const std::size_t stop =
        end == std::string_view::npos ? html.size() : end + 3;
      out.append(html.substr(i, stop - i));
      i = stop;
      continue;
    }
    if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
      const std::size_t end = html.find('>', i);
      const std::size_t stop =
        end == std::string_view::npos ? html.size() : end + 1;
      out.append(html.substr(i, stop - i));
      i = stop;
      continue;
    }
    if (i + 1 >= html.size()
        || !std::isalpha(static_cast<unsigned char>(html[i + 1]))) {
      out += '<';
      ++i;
      continue;
    }
    std::size_t name_end = i + 1;
    while (name_end < html.size() && !is_space(html[name_end])
           && html[name_end] != '>' && html[name_end] != '/') {
      ++name_end;
    }
    out.append(html.substr(i, name_end - i));
    i = copy_attributes(html, name_end, base, out);
  }
  return out;
}

} // namespace ogfeed::content
