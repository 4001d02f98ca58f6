// Atom's text constructs, content and links (RFC 4287 sections 3.1, 4.1.3
// and 4.2.7).
#include "util/ascii.hpp"
#include "util/html_scan.hpp"
#include "util/language_tag.hpp"
#include "util/url.hpp"
#include "validate/atom_checker.hpp"
#include "validate/values.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace ogfeed::validate {

namespace {

const std::set<std::string>&
registered_rels()
{
  static const std::set<std::string> s = {
    "alternate", "related",      "self",        "enclosure", "via",
    "first",     "last",         "previous",    "next",      "replies",
    "license",   "edit",         "edit-media",  "service",   "hub",
    "payment",   "current",      "describedby", "search",    "prev",
    "start",     "up",           "archives",    "icon",      "stylesheet",
    "author",    "help",         "index",       "contents",  "copyright",
    "glossary",  "appendix",     "chapter",     "section",   "subsection",
    "bookmark",  "prev-archive", "next-archive"};
  return s;
}

// True when plain text holds a common HTML tag ("<b>", "</a>", "<br/>") or
// an escaped entity; "<template>" in a title about templates is left alone.
bool
looks_like_html(std::string_view text)
{
  static const std::set<std::string> tags = {"a",
                                             "b",
                                             "i",
                                             "u",
                                             "s",
                                             "em",
                                             "strong",
                                             "br",
                                             "p",
                                             "span",
                                             "img",
                                             "code",
                                             "div",
                                             "sub",
                                             "sup",
                                             "small",
                                             "big",
                                             "font"};
  // Start and end tags as util's tokenizer reads them: quotes honoured,
  // comments skipped.
  bool tag = false;
  util::scan_html_tag_names(text, [&](std::string_view name, bool) {
    tag = tag || tags.contains(util::ascii_lower(name));
  });
  return tag || text.find("&amp;") != std::string_view::npos
         || text.find("&lt;") != std::string_view::npos;
}

bool
is_xml_mime(std::string_view t)
{
  return t.ends_with("+xml") || t.ends_with("/xml");
}

bool
is_base64(std::string_view s)
{
  std::size_t n = 0;
  for (const char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      continue;
    }
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '/'
        && c != '=') {
      return false;
    }
    ++n;
  }
  return n % 4 == 0;
}

} // namespace

void
AtomChecker::check_text_construct(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const XmlAttribute* type = e.attribute("type");
  const std::string t =
    type != nullptr ? std::string(util::trim_xml_space(type->value)) : "text";
  if (t != "text" && t != "html" && t != "xhtml") {
    error("atom-invalid-text-type",
          e,
          "<" + e.local + "> type \"" + t + "\" must be text, html or xhtml");
    return;
  }
  if (t == "xhtml") {
    if (count(f, k_xhtml_ns, "div") != 1 || f.child_elements != 1
        || !util::trim_xml_space(text).empty()) {
      error("atom-missing-xhtml-div",
            e,
            "<" + e.local
              + " type=\"xhtml\"> must hold exactly one xhtml <div>");
    }
  } else if (f.child_elements > 0) {
    error("atom-unexpected-element",
          e,
          "<" + e.local + " type=\"" + t
            + "\"> must hold text, not elements (escape the markup or use "
              "type=\"xhtml\")");
  } else if (t == "html") {
    check_html_text(e, text);
  } else if (t == "text" && e.local == "title" && looks_like_html(text)) {
    warning("feed-html-in-text-title",
            e,
            "<title> is plain text but holds what looks like HTML markup");
  }
}

void
AtomChecker::check_content(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const XmlAttribute* type = e.attribute("type");
  const std::string t =
    type != nullptr ? std::string(util::trim_xml_space(type->value)) : "text";
  const bool construct = t == "text" || t == "html" || t == "xhtml";
  if (!construct && (!is_mime_type(t) || t.starts_with("multipart/"))) {
    error("atom-invalid-mime-type",
          e,
          "<content> type \"" + t
            + "\" must be text, html, xhtml or a single-part MIME type");
    return;
  }
  if (const XmlAttribute* src = e.attribute("src")) {
    check_iri(e, src->value, "content src", false);
    if (construct && type != nullptr) {
      error("atom-invalid-mime-type",
            e,
            "<content src=...> needs a MIME type, not \"" + t + "\"");
    }
    if (!util::trim_xml_space(text).empty() || f.child_elements > 0) {
      error("atom-content-src-not-empty", e, "<content src=...> must be empty");
    }
    if (!m_containers.empty()) {
      m_containers.back().needs_summary = true;
    }
    return;
  }
  if (construct) {
    check_text_construct(f, text);
    return;
  }
  if (is_xml_mime(t)) {
    if (f.child_elements > 0 && !util::trim_xml_space(text).empty()) {
      error("atom-unexpected-text",
            e,
            "<content type=\"" + t + "\"> mixes text with its XML element");
    }
    return;
  }
  if (f.child_elements > 0) {
    error("atom-undefined-element",
          e,
          "<content type=\"" + t + "\"> must hold text, not elements");
    return;
  }
  if (t == "text/html") { // HTML as text, as type="html" holds it
    check_html_text(e, text);
  } else if (!t.starts_with("text/")) {
    if (!is_base64(text)) {
      error("atom-not-base64",
            e,
            "<content type=\"" + t + "\"> must hold base64-encoded data");
    }
    if (!m_containers.empty()) {
      m_containers.back().needs_summary = true;
    }
  }
}

void
AtomChecker::check_link(const Frame& f)
{
  const XmlElement& e = f.element;
  const XmlAttribute* rel = e.attribute("rel");
  const std::string r = rel != nullptr
                          ? std::string(util::trim_xml_space(rel->value))
                          : "alternate";
  const XmlAttribute* href = e.attribute("href");
  if (href == nullptr) {
    error("atom-missing-href", e, "<link> has no href attribute");
  } else {
    check_iri(e, href->value, "link href", r == "license" || r == "via");
  }
  if (r.empty() || (registered_rels().count(r) == 0 && !is_absolute_iri(r))) {
    if (r.find(':') == std::string::npos && !r.empty()) {
      warning("atom-unregistered-rel",
              e,
              "link rel \"" + r
                + "\" is not a registered relation or an absolute IRI");
    } else {
      error("atom-invalid-rel",
            e,
            "link rel \"" + r + "\" is not a valid relation");
    }
  }
  if (const XmlAttribute* type = e.attribute("type");
      type != nullptr && !is_mime_type(type->value)) {
    error("atom-invalid-mime-type",
          e,
          "link type \"" + type->value
            + "\" is not a MIME type such as text/html");
  }
  if (const XmlAttribute* len = e.attribute("length");
      len != nullptr && !is_unsigned_int(len->value, false)) {
    error("atom-invalid-length",
          e,
          "link length \"" + len->value + "\" must be a number of bytes");
  }
  if (const XmlAttribute* lang = e.attribute("hreflang");
      lang != nullptr
      && !util::is_language_tag(util::trim_xml_space(lang->value))) {
    error("atom-invalid-hreflang",
          e,
          "link hreflang \"" + lang->value + "\" is not a language tag");
  }
  const Frame* up = parent();
  if (r == "self" && up != nullptr && up->element.local == "feed") {
    m_has_self = true;
    if (href != nullptr && !is_absolute_iri(util::trim_xml_space(href->value))
        && !has_base()) {
      warning("atom-relative-self",
              e,
              "<link rel=\"self\"> href \"" + href->value
                + "\" is relative: a reader that fetched the feed elsewhere "
                  "cannot tell where it lives");
    }
  }
  if (r == "alternate" && !m_containers.empty()) {
    const XmlAttribute* type = e.attribute("type");
    const XmlAttribute* lang = e.attribute("hreflang");
    const auto key = std::make_pair(type != nullptr ? type->value : "",
                                    lang != nullptr ? lang->value : "");
    if (!m_containers.back().alternates.insert(key).second) {
      error(
        "atom-duplicate-alternate",
        e,
        "a second <link rel=\"alternate\"> with the same type and hreflang");
    }
  }
}

} // namespace ogfeed::validate
