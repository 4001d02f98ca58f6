#include "validate/html_content.hpp"

#include "util/html_scan.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace ogfeed::validate {

namespace {

void
check_url(std::string_view attr,
          std::string_view url,
          bool has_base,
          std::vector<HtmlProblem>& out)
{
  std::string_view u = url;
  while (!u.empty()
         && (u.front() == ' ' || u.front() == '\n' || u.front() == '\t')) {
    u.remove_prefix(1);
  }
  const std::string quoted = std::string(attr) + "=\"" + std::string(u) + "\"";
  if (util::ascii_lower(u.substr(0, 11)) == "javascript:") {
    out.push_back({"feed-script-in-content",
                   "content has a javascript: URL (" + quoted
                     + "); readers strip or block it"});
  } else if (u.starts_with("//")) {
    out.push_back(
      {"feed-protocol-relative-url",
       "content has a protocol-relative URL (" + quoted + "); write https://"});
  } else if (has_base || u.empty() || util::has_scheme(u)) {
    return;
  } else if (u.starts_with("#")) {
    out.push_back({"feed-fragment-url",
                   "content links to a fragment only (" + quoted
                     + "); readers cannot resolve it, use the full URL"});
  } else {
    out.push_back({"feed-relative-url",
                   "content has a relative URL (" + quoted
                     + "); readers resolve it differently, make it absolute"});
  }
}

} // namespace

std::vector<HtmlProblem>
check_html_attribute(std::string_view name,
                     std::string_view value,
                     bool has_base)
{
  std::vector<HtmlProblem> out;
  const std::string n = util::ascii_lower(name);
  if (util::is_url_attribute(n)) {
    check_url(n, value, has_base, out);
  } else if (n == "srcset") {
    std::size_t i = 0;
    while (i < value.size()) {
      while (i < value.size()
             && (value[i] == ' ' || value[i] == ',' || value[i] == '\n')) {
        ++i;
      }
      const std::size_t start = i;
      while (i < value.size() && value[i] != ' ' && value[i] != '\n') {
        ++i;
      }
      std::string_view candidate = value.substr(start, i - start);
      while (!candidate.empty() && candidate.back() == ',') {
        candidate.remove_suffix(1);
      }
      if (!candidate.empty()) {
        check_url("srcset", candidate, has_base, out);
      }
      while (i < value.size() && value[i] != ',') {
        ++i;
      }
    }
  } else if (n.size() > 2 && n.starts_with("on")) {
    out.push_back(
      {"feed-script-in-content",
       "content has an event handler attribute (" + n + "); readers strip it"});
  }
  return out;
}

bool
is_known_html_element(const std::string& t)
{
  // clang-format off
  static const std::set<std::string> k_known = {
    // HTML, current and obsolete
    "a", "abbr", "acronym", "address", "area", "article", "aside", "audio",
    "b", "base", "bdi", "bdo", "big", "blockquote", "body", "br", "button",
    "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data",
    "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl",
    "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
    "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label",
    "legend", "li", "link", "main", "map", "mark", "menu", "meta", "meter",
    "nav", "nobr", "noscript", "object", "ol", "optgroup", "option", "output",
    "p", "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s",
    "samp", "script", "search", "section", "select", "small", "source",
    "span", "strike", "strong", "style", "sub", "summary", "sup", "table",
    "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time",
    "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr",
    "applet", "basefont", "blink", "frame", "frameset", "isindex", "keygen",
    "listing", "marquee", "menuitem", "nextid", "noframes", "plaintext", "rb",
    "rtc", "xmp",
    // SVG and MathML, when inlined
    "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon",
    "rect", "text", "tspan", "defs", "use", "symbol", "lineargradient",
    "radialgradient", "stop", "clippath", "mask", "pattern", "image",
    "foreignobject", "desc", "marker", "filter", "math", "mi", "mn", "mo",
    "mrow", "msup", "msub", "mfrac", "msqrt", "mroot", "mtext", "mspace",
    "mtable", "mtr", "mtd", "semantics", "annotation",
  };
  // clang-format on
  return k_known.count(t) > 0 || t.find('-') != std::string::npos
         || t.find(':') != std::string::npos;
}

std::vector<HtmlProblem>
check_html(std::string_view html, bool has_base)
{
  std::vector<HtmlProblem> out;
  std::set<std::string> unknown;
  bool unclosed = false;
  util::scan_html_tags(html, [&](std::string_view tag) {
    const std::string t = util::ascii_lower(tag);
    const auto at = static_cast<std::size_t>(tag.data() - html.data()) - 1;
    if (t == "script" || t == "iframe" || t == "object" || t == "embed") {
      out.push_back({"feed-script-in-content",
                     "content has a <" + t + "> element; readers strip it",
                     at});
    }
    // "List<DBObject>" written as text into HTML: readers see a tag.
    if (!is_known_html_element(t) && unknown.insert(t).second) {
      out.push_back(
        {"feed-not-html",
         "content has <" + std::string(tag)
           + ">, which is no HTML element: a reader drops it as a tag (text "
             "must escape '<' as &lt;)",
         at});
    }
    if (!unclosed && html.find('>', at) == std::string_view::npos) {
      unclosed = true;
      out.push_back({"feed-not-html",
                     "content ends inside the tag <" + std::string(tag)
                       + ": a reader drops the rest as a broken tag",
                     at});
    }
  });
  util::scan_html_attributes(html, [&](const util::HtmlAttribute& a) {
    for (auto& p : check_html_attribute(a.name, a.value, has_base)) {
      p.offset = static_cast<std::size_t>(a.name.data() - html.data());
      out.push_back(std::move(p));
    }
  });
  return out;
}

} // namespace ogfeed::validate
