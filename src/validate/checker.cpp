#include "validate/checker.hpp"

#include "util/ascii.hpp"
#include "util/language_tag.hpp"
#include "validate/html_content.hpp"
#include "validate/value_scan.hpp"
#include "validate/values.hpp"

#include <algorithm>

namespace ogfeed::validate {

namespace {

// The extension namespace `ns` nearly names (the same but for letter case
// or a final slash, as in "http://www.itunes.com/DTDs/Podcast-1.0.dtd" or
// "http://purl.org/dc/elements/1.1"), or null when it names one exactly or
// none. Lenient readers (Python's feedparser) match these; exact ones don't.
const char*
near_namespace(std::string_view ns)
{
  static constexpr const char* k_known[] = {
    k_itunes_ns,
    k_dc_elements_ns,
    k_dcterms_ns,
    k_media_rss_ns,
    k_podcast_ns,
    k_georss_ns,
    k_wfw_ns,
    "http://purl.org/rss/1.0/modules/content/",
    "http://purl.org/rss/1.0/modules/slash/"};
  const auto bare = [](std::string_view s) {
    return s.ends_with('/') ? s.substr(0, s.size() - 1) : s;
  };
  if (ns.empty()) {
    return nullptr;
  }
  for (const char* k : k_known) {
    if (ns != k && detail::iequals(bare(ns), bare(k))) {
      return k;
    }
  }
  return nullptr;
}

} // namespace

Checker::Checker(std::vector<Finding>& findings,
                 std::optional<util::UtcSeconds> now)
  : m_findings(findings),
    m_now(now)
{
}

void
Checker::check_not_future(const XmlElement& at, util::UtcSeconds t)
{
  if (m_now && t > *m_now + std::chrono::hours(24)) {
    warning("feed-future-date",
            at,
            "<" + at.local
              + "> is a date in the future; readers may hide or misorder it");
  }
}

void
Checker::start(const XmlElement& element)
{
  const char* known = near_namespace(element.ns);
  if (!m_stack.empty()) {
    Frame& p = m_stack.back();
    ++p.children["{" + (known != nullptr ? std::string(known) : element.ns)
                 + "}" + element.local];
    ++p.child_elements;
  }
  if (const XmlAttribute* lang = element.attribute(k_xml_ns, "lang");
      lang != nullptr && !lang->value.empty()
      && !util::is_language_tag(lang->value)) {
    error("xml-invalid-lang",
          element,
          "xml:lang \"" + lang->value
            + "\" is not a language tag such as 'en' or 'ja-JP'");
  }
  if (const XmlAttribute* base = element.attribute(k_xml_ns, "base");
      base != nullptr && !is_iri_reference(base->value)) {
    error("xml-invalid-base",
          element,
          "xml:base \"" + base->value + "\" is not a valid IRI reference");
  }
  auto bad_ns = [](const std::string& ns) {
    return ns.find_first_of(" \t\r\n") != std::string::npos;
  };
  if (bad_ns(element.ns)
      || std::any_of(element.attributes.begin(),
                     element.attributes.end(),
                     [&](const XmlAttribute& a) { return bad_ns(a.ns); })) {
    error("xml-invalid-namespace",
          element,
          "a namespace name has white space in it");
  }
  m_stack.push_back(Frame{element, {}, 0});
  if (known != nullptr) {
    if (m_near_namespaces.insert(element.ns).second) {
      warning("xml-namespace-near-miss",
              element,
              "namespace \"" + element.ns + "\" differs from \"" + known
                + "\" only in letter case or a final slash: names are"
                  " compared exactly, so strict readers ignore these"
                  " elements (checked here as if it were the right one)");
    }
    m_stack.back().element.ns = known;
  }
  opened(m_stack.back());
}

void
Checker::end(const XmlElement& element, const std::string& text)
{
  m_stack.back().element.text_marks = element.text_marks;
  closed(m_stack.back(), text);
  m_stack.pop_back();
}

const Checker::Frame*
Checker::parent(std::size_t up) const
{
  if (m_stack.size() < up + 1) {
    return nullptr;
  }
  return &m_stack[m_stack.size() - 1 - up];
}

int
Checker::count(const Frame& f, const std::string& ns, const std::string& local)
{
  const auto it = f.children.find("{" + ns + "}" + local);
  return it == f.children.end() ? 0 : it->second;
}

bool
Checker::has_base() const
{
  return std::any_of(m_stack.begin(), m_stack.end(), [](const Frame& f) {
    return f.element.attribute(k_xml_ns, "base") != nullptr;
  });
}

void
Checker::check_html_text(const XmlElement& at, const std::string& html)
{
  for (auto& p : check_html(html, has_base())) {
    // At the offending markup, not at the element holding it.
    XmlElement where;
    at.text_position(html, p.offset, where.line, where.column);
    warning(p.rule, where, std::move(p.message));
  }
}

void
Checker::check_xhtml_element(const XmlElement& e)
{
  if (e.ns == k_xhtml_ns
      && !is_known_html_element(util::ascii_lower(e.local))) {
    warning("feed-not-html",
            e,
            "XHTML content has <" + e.local
              + ">, which is no XHTML element: readers drop it");
  }
  if (e.local == "script" || e.local == "iframe" || e.local == "object"
      || e.local == "embed") {
    warning("feed-script-in-content",
            e,
            "content has a <" + e.local + "> element; readers strip it");
  }
  for (const XmlAttribute& a : e.attributes) {
    if (a.ns.empty()) {
      for (auto& p : check_html_attribute(a.local, a.value, has_base())) {
        warning(p.rule, e, std::move(p.message));
      }
    }
  }
}

void
Checker::report(util::Severity severity,
                const char* rule,
                const XmlElement& at,
                std::string message)
{
  if (m_findings.size() >= k_max_findings) {
    ++m_dropped;
    return;
  }
  m_findings.push_back(
    Finding{severity, rule, at.line, at.column, std::move(message)});
}

void
Checker::error(const char* rule, const XmlElement& at, std::string message)
{
  report(util::Severity::error, rule, at, std::move(message));
}

void
Checker::warning(const char* rule, const XmlElement& at, std::string message)
{
  report(util::Severity::warning, rule, at, std::move(message));
}

} // namespace ogfeed::validate
