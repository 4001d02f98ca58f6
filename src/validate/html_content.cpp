#include "validate/html_content.hpp"

#include "util/html_scan.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <array>
#include <cctype>

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

std::vector<HtmlProblem>
check_html(std::string_view html, bool has_base)
{
  std::vector<HtmlProblem> out;
  util::scan_html_tags(html, [&](std::string_view tag) {
    const std::string t = util::ascii_lower(tag);
    if (t == "script" || t == "iframe" || t == "object" || t == "embed") {
      out.push_back({"feed-script-in-content",
                     "content has a <" + t + "> element; readers strip it"});
    }
  });
  util::scan_html_attributes(html, [&](const util::HtmlAttribute& a) {
    for (auto& p : check_html_attribute(a.name, a.value, has_base)) {
      out.push_back(std::move(p));
    }
  });
  return out;
}

} // namespace ogfeed::validate
