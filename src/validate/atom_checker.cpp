#include "validate/atom_checker.hpp"

#include "validate/values.hpp"

#include <array>
#include <cctype>

namespace ogfeed::validate {

namespace {

const std::set<std::string>&
feed_children()
{
  static const std::set<std::string> s = {"author",
                                          "category",
                                          "contributor",
                                          "generator",
                                          "icon",
                                          "id",
                                          "link",
                                          "logo",
                                          "rights",
                                          "subtitle",
                                          "title",
                                          "updated",
                                          "entry"};
  return s;
}

const std::set<std::string>&
entry_children()
{
  static const std::set<std::string> s = {"author",
                                          "category",
                                          "content",
                                          "contributor",
                                          "id",
                                          "link",
                                          "published",
                                          "rights",
                                          "source",
                                          "summary",
                                          "title",
                                          "updated"};
  return s;
}

const std::set<std::string>&
registered_rels()
{
  static const std::set<std::string> s = {
    "alternate", "related",  "self",        "enclosure", "via",
    "first",     "last",     "previous",    "next",      "replies",
    "license",   "edit",     "edit-media",  "service",   "hub",
    "payment",   "current",  "describedby", "search",    "prev",
    "start",     "up",       "archives",    "icon",      "stylesheet",
    "author",    "help",     "index",       "contents",  "copyright",
    "glossary",  "appendix", "chapter",     "section",   "subsection",
    "bookmark",  "alternate"};
  return s;
}

// True when plain text holds a common HTML tag ("<b>", "</a>", "<br/>") or an
// escaped entity; "<template>" in a title about templates is left alone.
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
  for (std::size_t lt = text.find('<'); lt != std::string_view::npos;
       lt = text.find('<', lt + 1)) {
    std::size_t i = lt + 1;
    if (i < text.size() && text[i] == '/') {
      ++i;
    }
    std::string name;
    while (i < text.size()
           && std::isalpha(static_cast<unsigned char>(text[i]))) {
      name +=
        static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
      ++i;
    }
    if (i < text.size() && (text[i] == '>' || text[i] == ' ' || text[i] == '/')
        && tags.count(name) != 0) {
      return true;
    }
  }
  return text.find("&amp;") != std::string_view::npos
         || text.find("&lt;") != std::string_view::npos;
}

bool
is_atom(const XmlElement& e)
{
  return e.ns == k_atom_ns;
}

} // namespace

void
AtomChecker::opened(const Frame& f)
{
  const XmlElement& e = f.element;
  if (!is_atom(e)) {
    return;
  }
  const Frame* up = parent();
  if (e.local == "feed" || e.local == "entry" || e.local == "source") {
    m_alternate_stack.emplace_back();
  }
  if (up == nullptr || !is_atom(up->element)) {
    return;
  }
  const std::string& p = up->element.local;
  const std::set<std::string>* allowed = nullptr;
  if (p == "feed") {
    allowed = &feed_children();
  } else if (p == "entry") {
    allowed = &entry_children();
  } else if (p == "source") {
    allowed = &feed_children();
  } else if (p == "author" || p == "contributor") {
    static const std::set<std::string> person = {"name", "uri", "email"};
    allowed = &person;
  }
  if (allowed != nullptr
      && (allowed->count(e.local) == 0
          || (p == "source" && e.local == "entry"))) {
    error("atom-undefined-element",
          e,
          "<" + e.local + "> is not an Atom element allowed in <" + p + ">");
  }
}

void
AtomChecker::check_iri(const XmlElement& at,
                       const std::string& value,
                       const char* what,
                       bool absolute)
{
  const std::string v(trim(value));
  if (v.starts_with("tag:") && !is_tag_uri(v)) {
    error("atom-invalid-tag-uri",
          at,
          std::string(what) + " \"" + v
            + "\" is not a valid tag: URI (RFC 4151: "
              "tag:example.com,2024-05-01:path)");
    return;
  }
  if ((v.starts_with("urn:") || v.starts_with("URN:")) && !is_urn(v)) {
    error("atom-invalid-urn",
          at,
          std::string(what) + " \"" + v + "\" is not a valid urn: URI");
    return;
  }
  if (v.empty() || !is_iri_reference(v)) {
    error("atom-invalid-iri",
          at,
          std::string(what) + " \"" + v + "\" is not a valid IRI");
  } else if (absolute && !is_absolute_iri(v)) {
    error("atom-relative-iri",
          at,
          std::string(what) + " \"" + v + "\" must be an absolute IRI");
  }
}

void
AtomChecker::check_text_construct(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const XmlAttribute* type = e.attribute("type");
  const std::string t =
    type != nullptr ? std::string(trim(type->value)) : "text";
  if (t != "text" && t != "html" && t != "xhtml") {
    error("atom-invalid-text-type",
          e,
          "<" + e.local + "> type \"" + t + "\" must be text, html or xhtml");
    return;
  }
  if (t == "xhtml") {
    if (count(f, k_xhtml_ns, "div") != 1 || f.child_elements != 1
        || !trim(text).empty()) {
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
  } else if (t == "text" && e.local == "title" && looks_like_html(text)) {
    warning("feed-html-in-text-title",
            e,
            "<title> is plain text but holds what looks like HTML markup");
  }
}

void
AtomChecker::check_link(const Frame& f)
{
  const XmlElement& e = f.element;
  const XmlAttribute* href = e.attribute("href");
  if (href == nullptr) {
    error("atom-missing-href", e, "<link> has no href attribute");
  } else {
    check_iri(e, href->value, "link href", false);
  }
  const XmlAttribute* rel = e.attribute("rel");
  const std::string r =
    rel != nullptr ? std::string(trim(rel->value)) : "alternate";
  if (r.empty() || (registered_rels().count(r) == 0 && !is_absolute_iri(r))) {
    if (r.find(':') == std::string::npos) {
      warning("atom-unregistered-rel",
              e,
              "link rel \"" + r
                + "\" is not a registered relation or an absolute IRI");
    } else {
      error("atom-invalid-rel", e, "link rel \"" + r + "\" is not a valid IRI");
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
      lang != nullptr && !is_language_tag(trim(lang->value))) {
    error("atom-invalid-hreflang",
          e,
          "link hreflang \"" + lang->value + "\" is not a language tag");
  }
  if (r == "self" && parent() != nullptr && parent()->element.local == "feed") {
    m_has_self = true;
  }
  if (r == "alternate" && !m_alternate_stack.empty()) {
    const XmlAttribute* type = e.attribute("type");
    const XmlAttribute* lang = e.attribute("hreflang");
    const auto key = std::make_pair(type != nullptr ? type->value : "",
                                    lang != nullptr ? lang->value : "");
    if (!m_alternate_stack.back().insert(key).second) {
      error(
        "atom-duplicate-alternate",
        e,
        "a second <link rel=\"alternate\"> with the same type and hreflang");
    }
  }
}

void
AtomChecker::check_container(const Frame& f)
{
  const XmlElement& e = f.element;
  const std::string& kind = e.local;
  auto n = [&](const char* local) { return count(f, k_atom_ns, local); };
  if (kind != "source") {
    for (const char* required : {"id", "title", "updated"}) {
      if (n(required) == 0) {
        const std::string rule = std::string("atom-missing-") + required;
        error(rule == "atom-missing-id"      ? "atom-missing-id"
              : rule == "atom-missing-title" ? "atom-missing-title"
                                             : "atom-missing-updated",
              e,
              kind + " has no <" + required + ">");
      }
    }
  }
  static constexpr std::array<const char*, 11> k_once = {"id",
                                                         "title",
                                                         "updated",
                                                         "subtitle",
                                                         "rights",
                                                         "generator",
                                                         "icon",
                                                         "logo",
                                                         "published",
                                                         "summary",
                                                         "content"};
  for (const char* once : k_once) {
    if (n(once) > 1) {
      error("atom-duplicate-element",
            e,
            kind + " has " + std::to_string(n(once)) + " <" + once
              + "> elements; at most one is allowed");
    }
  }
  if (kind == "entry") {
    if (n("source") > 1) {
      error("atom-duplicate-element", e, "entry has more than one <source>");
    }
    if (n("content") == 0 && m_alternate_stack.back().empty()) {
      error("atom-missing-content-or-alternate",
            e,
            "entry has neither <content> nor <link rel=\"alternate\">");
    }
    if (n("id") == 1) {
      // Remembered in closed() for the id.
    }
    m_entries.push_back({e, n("author") > 0});
  }
}

void
AtomChecker::closed(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  if (!is_atom(e)) {
    return;
  }
  const std::string& k = e.local;
  const Frame* up = parent();
  const std::string p =
    up != nullptr && is_atom(up->element) ? up->element.local : "";
  if (k == "feed" || k == "entry" || k == "source") {
    if (k == "entry" || k == "feed") {
      for (const auto& [key, cnt] : f.children) {
        (void)cnt;
        (void)key;
      }
    }
    // Non-white text directly in a container is an error.
    if (!trim(text).empty()) {
      error("atom-unexpected-text",
            e,
            "<" + k + "> holds text outside any element");
    }
    check_container(f);
    if (k == "entry") {
      if (m_entry_updated.count(m_id) != 0 && m_entry_updated[m_id] == m_updated
          && !m_id.empty()) {
        error("atom-duplicate-id",
              e,
              "two entries have the id \"" + m_id
                + "\" and the same <updated>");
      } else if (m_entry_updated.count(m_id) != 0 && !m_id.empty()) {
        warning("feed-duplicate-item",
                e,
                "another entry has the id \"" + m_id
                  + "\" (an older version?)");
      }
      m_entry_updated[m_id] = m_updated;
    }
    if (k == "feed") {
      if (count(f, k_atom_ns, "author") == 0) {
        for (const auto& entry : m_entries) {
          if (!entry.has_author) {
            error("atom-missing-author",
                  entry.element,
                  "entry has no <author> and neither does the feed");
          }
        }
      }
      if (!m_has_self) {
        warning("atom-missing-self",
                e,
                "feed has no <link rel=\"self\"> (its own URL)");
      }
    }
    if (!m_alternate_stack.empty()) {
      m_alternate_stack.pop_back();
    }
    return;
  }
  if (k == "author" || k == "contributor") {
    if (count(f, k_atom_ns, "name") == 0) {
      error("atom-missing-name", e, "<" + k + "> has no <name>");
    }
    for (const char* once : {"name", "uri", "email"}) {
      if (count(f, k_atom_ns, once) > 1) {
        error("atom-duplicate-element",
              e,
              "<" + k + "> has more than one <" + once + ">");
      }
    }
    if (k == "author" && p == "source" && !m_entries.empty()) {
      // handled via the entry's own author count
    }
    return;
  }
  if (k == "id") {
    check_iri(e, text, "<id>", true);
    if (p == "entry") {
      m_id = std::string(trim(text));
    }
    return;
  }
  if (k == "updated" || k == "published") {
    if (!is_rfc3339(trim(text))) {
      error("atom-invalid-date",
            e,
            "<" + k + "> \"" + std::string(trim(text))
              + "\" is not an RFC 3339 date-time such as 2024-05-01T10:00:00Z");
    }
    if (k == "updated" && p == "entry") {
      m_updated = std::string(trim(text));
    }
    return;
  }
  if (k == "title" || k == "subtitle" || k == "summary" || k == "rights") {
    check_text_construct(f, text);
    return;
  }
  if (k == "content") {
    const XmlAttribute* type = e.attribute("type");
    const std::string t =
      type != nullptr ? std::string(trim(type->value)) : "text";
    if (t != "text" && t != "html" && t != "xhtml" && !is_mime_type(t)) {
      error("atom-invalid-mime-type",
            e,
            "<content> type \"" + t
              + "\" must be text, html, xhtml or a MIME type");
    }
    if (const XmlAttribute* src = e.attribute("src")) {
      check_iri(e, src->value, "content src", false);
      if (!trim(text).empty() || f.child_elements > 0) {
        error(
          "atom-content-src-not-empty", e, "<content src=...> must be empty");
      }
      if (up != nullptr && count(*up, k_atom_ns, "summary") == 0) {
        // The entry's summary count is complete only at its end; checked there.
      }
    } else if (t == "xhtml" || t == "text" || t == "html") {
      check_text_construct(f, text);
    }
    return;
  }
  if (k == "link") {
    check_link(f);
    return;
  }
  if (k == "category") {
    if (e.attribute("term") == nullptr) {
      error("atom-missing-term", e, "<category> has no term attribute");
    }
    if (const XmlAttribute* scheme = e.attribute("scheme")) {
      check_iri(e, scheme->value, "category scheme", false);
    }
    return;
  }
  if (k == "uri" || k == "icon" || k == "logo") {
    check_iri(e, text, ("<" + k + ">").c_str(), false);
    return;
  }
  if (k == "email") {
    if (!is_email(trim(text))) {
      error("atom-invalid-email",
            e,
            "<email> \"" + std::string(trim(text))
              + "\" is not an e-mail address");
    }
    return;
  }
  if (k == "generator") {
    if (const XmlAttribute* uri = e.attribute("uri")) {
      check_iri(e, uri->value, "generator uri", false);
    }
    return;
  }
}

} // namespace ogfeed::validate
