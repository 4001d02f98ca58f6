#include "validate/atom_checker.hpp"

#include "util/ascii.hpp"
#include "util/url.hpp"
#include "validate/values.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace ogfeed::validate {

namespace {

constexpr const char* k_creative_commons_ns =
  "http://backend.userland.com/creativeCommonsRssModule";

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

// Atom elements whose content is a single value, never child elements.
const std::set<std::string>&
simple_elements()
{
  static const std::set<std::string> s = {"id",
                                          "updated",
                                          "published",
                                          "name",
                                          "email",
                                          "uri",
                                          "icon",
                                          "logo",
                                          "generator"};
  return s;
}

bool
is_atom(const XmlElement& e)
{
  return e.ns == k_atom_ns;
}

} // namespace

bool
AtomChecker::check_no_space(const XmlElement& at, const std::string& text)
{
  if (util::trim_xml_space(text).size() != text.size()) {
    error("atom-unexpected-whitespace",
          at,
          "<" + at.local + "> has white space around its value");
    return false;
  }
  return true;
}

void
AtomChecker::check_iri(const XmlElement& at,
                       const std::string& value,
                       const std::string& what,
                       bool absolute)
{
  const std::string& v = value;
  if (const std::string scheme = util::script_url_scheme(v); !scheme.empty()) {
    error("feed-script-url", at, script_url_message(what, v, scheme));
    return;
  }
  if (v.starts_with("tag:") && !is_tag_uri(v)) {
    error("atom-invalid-tag-uri",
          at,
          what + " \"" + v
            + "\" is not a valid tag: URI (RFC 4151: "
              "tag:example.com,2024-05-01:path)");
    return;
  }
  if ((v.starts_with("urn:") || v.starts_with("URN:")) && !is_urn(v)) {
    error(
      "atom-invalid-urn", at, what + " \"" + v + "\" is not a valid urn: URI");
    return;
  }
  if (!is_iri_reference(v)) {
    error("atom-invalid-iri", at, what + " \"" + v + "\" is not a valid IRI");
  } else if (absolute && !is_absolute_iri(v)) {
    error(
      "atom-relative-iri", at, what + " \"" + v + "\" must be an absolute IRI");
  }
}

// RFC 4287 allows foreign attributes only in a namespace: an unqualified
// one an Atom element does not define (Atom 0.3's mode="escaped") is an
// error.
void
AtomChecker::check_attributes(const XmlElement& e)
{
  static const std::map<std::string, std::set<std::string>, std::less<>>
    defined = {
      {"link", {"href", "rel", "type", "hreflang", "title", "length"}},
      {"category", {"term", "scheme", "label"}},
      {"content", {"type", "src"}},
      {"title", {"type"}},
      {"subtitle", {"type"}},
      {"summary", {"type"}},
      {"rights", {"type"}},
      {"generator", {"uri", "version"}},
    };
  const auto it = defined.find(e.local);
  for (const XmlAttribute& a : e.attributes) {
    if (a.ns.empty()
        && (it == defined.end() || !it->second.contains(a.local))) {
      error("atom-unexpected-attribute",
            e,
            "<" + e.local + "> has an attribute '" + a.local
              + "' Atom does not define (foreign attributes need a namespace)");
    }
  }
}

void
AtomChecker::opened(const Frame& f)
{
  const XmlElement& e = f.element;
  const Frame* up = parent();
  if (m_xhtml_depth > 0) {
    ++m_xhtml_depth;
    check_xhtml_element(e);
    if (e.ns.empty()) {
      error("atom-xhtml-missing-namespace",
            e,
            "<" + e.local
              + "> inside xhtml content has no namespace (xhtml elements need "
                "the XHTML namespace)");
    } else if (is_atom(e)) {
      error("atom-undefined-element",
            e,
            "<" + e.local + "> is an Atom element inside xhtml content");
    }
    return;
  }
  if (up != nullptr && is_atom(up->element) && e.ns == k_xhtml_ns
      && e.local == "div") {
    const XmlAttribute* type = up->element.attribute("type");
    if (type != nullptr && util::trim_xml_space(type->value) == "xhtml") {
      m_xhtml_depth = 1;
      return;
    }
  }
  if (up != nullptr && is_atom(up->element)
      && simple_elements().count(up->element.local) != 0) {
    error("atom-undefined-element",
          e,
          "<" + up->element.local + "> must hold a value, not a <" + e.local
            + "> element");
    return;
  }
  if (!is_atom(e)) {
    return;
  }
  check_attributes(e);
  if (e.local == "feed" || e.local == "entry" || e.local == "source") {
    m_containers.emplace_back();
  }
  if (up == nullptr || !is_atom(up->element)) {
    return;
  }
  check_placement(e, up->element.local);
}

// An Atom element `e` inside the Atom element `p`: one RFC 4287 allows
// there, and feed metadata before the first entry.
void
AtomChecker::check_placement(const XmlElement& e, const std::string& p)
{
  const std::set<std::string>* allowed = nullptr;
  if (p == "feed" || p == "source") {
    allowed = &feed_children();
  } else if (p == "entry") {
    allowed = &entry_children();
  } else if (p == "author" || p == "contributor") {
    static const std::set<std::string> person = {"name", "uri", "email"};
    allowed = &person;
  } else if (p == "content" || p == "title" || p == "subtitle" || p == "summary"
             || p == "rights") {
    error("atom-undefined-element",
          e,
          "<" + e.local + "> is an Atom element inside <" + p + ">");
    return;
  }
  if (allowed != nullptr
      && (allowed->count(e.local) == 0
          || (p == "source" && e.local == "entry"))) {
    error("atom-undefined-element",
          e,
          "<" + e.local + "> is not an Atom element allowed in <" + p + ">");
  }
  if (p == "feed") {
    if (e.local == "entry") {
      m_seen_entry = true;
    } else if (m_seen_entry) {
      error("atom-misplaced-metadata",
            e,
            "<" + e.local
              + "> comes after the entries; feed metadata goes before the "
                "first <entry>");
    }
  }
}

void
AtomChecker::check_container(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const std::string& kind = e.local;
  auto n = [&](const char* local) { return count(f, k_atom_ns, local); };
  const EntryState state =
    m_containers.empty() ? EntryState{} : m_containers.back();
  if (!m_containers.empty()) {
    m_containers.pop_back();
  }
  if (!util::trim_xml_space(text).empty()) {
    error("atom-unexpected-text",
          e,
          "<" + kind + "> holds text outside any element");
  }
  if (kind != "source") {
    if (n("id") == 0) {
      error("atom-missing-id", e, kind + " has no <id>");
    }
    if (n("title") == 0) {
      error("atom-missing-title", e, kind + " has no <title>");
    }
    if (n("updated") == 0) {
      error("atom-missing-updated", e, kind + " has no <updated>");
    }
  }
  static constexpr std::array<const char*, 12> k_once = {"id",
                                                         "title",
                                                         "updated",
                                                         "subtitle",
                                                         "rights",
                                                         "generator",
                                                         "icon",
                                                         "logo",
                                                         "published",
                                                         "summary",
                                                         "content",
                                                         "source"};
  for (const char* once : k_once) {
    if (n(once) > 1) {
      error("atom-duplicate-element",
            e,
            kind + " has " + std::to_string(n(once)) + " <" + once
              + "> elements; at most one is allowed");
    }
  }
  if (kind != "entry") {
    return;
  }
  if (n("content") == 0 && state.alternates.empty()) {
    error("atom-missing-content-or-alternate",
          e,
          "entry has neither <content> nor <link rel=\"alternate\">");
  }
  if (state.needs_summary && n("summary") == 0) {
    error(
      "atom-missing-summary",
      e,
      "entry's <content> is not inline text, so the entry needs a <summary>");
  }
  if (n("author") == 0) {
    m_authorless_entries.push_back(e);
  }
  check_entry_id(e);
}

// The id of the entry `e` that just closed against the entries before it:
// one id twice is one item twice to a reader.
void
AtomChecker::check_entry_id(const XmlElement& e)
{
  if (!m_id.empty()) {
    const auto it = m_updated_by_id.find(m_id);
    if (it != m_updated_by_id.end()) {
      warning(
        "feed-duplicate-item", e, "another entry has the id \"" + m_id + "\"");
      if (!m_updated.empty() && it->second == m_updated) {
        warning("atom-duplicate-updated",
                e,
                "two entries with the id \"" + m_id
                  + "\" have the same <updated>: a reader cannot tell which "
                    "is the newer (RFC 4287 4.1.1)");
      }
    }
    m_updated_by_id[m_id] = m_updated;
    m_entry_ids.push_back(m_id);
  }
  m_id.clear();
  m_updated.clear();
}

// What only the end of the document shows: entries without an author in an
// authorless feed, one id shared by every entry, no self link.
void
AtomChecker::check_feed_end(const Frame& f)
{
  const XmlElement& e = f.element;
  if (count(f, k_atom_ns, "author") == 0) {
    for (const auto& entry : m_authorless_entries) {
      error("atom-missing-author",
            entry,
            "entry has no <author> and neither does the feed");
    }
  }
  if (m_entry_ids.size() > 2
      && std::all_of(
        m_entry_ids.begin(), m_entry_ids.end(), [&](const std::string& id) {
          return id == m_entry_ids.front();
        })) {
    error("atom-duplicate-id",
          e,
          "every entry has the id \"" + m_entry_ids.front()
            + "\"; each entry needs its own");
  }
  if (!m_has_self) {
    warning(
      "atom-missing-self", e, "feed has no <link rel=\"self\"> (its own URL)");
  }
}

void
AtomChecker::check_person(const Frame& f)
{
  const XmlElement& e = f.element;
  if (count(f, k_atom_ns, "name") == 0) {
    error("atom-missing-name", e, "<" + e.local + "> has no <name>");
  }
  for (const char* once : {"name", "uri", "email"}) {
    if (count(f, k_atom_ns, once) > 1) {
      error("atom-duplicate-element",
            e,
            "<" + e.local + "> has more than one <" + once + ">");
    }
  }
}

void
AtomChecker::check_date(const XmlElement& e, const std::string& text)
{
  util::UtcSeconds when{};
  if (check_no_space(e, text) && is_rfc3339(text, &when)) {
    check_not_future(e, when);
  } else if (util::trim_xml_space(text).size() == text.size()) {
    error("atom-invalid-date",
          e,
          "<" + e.local + "> \"" + text
            + "\" is not an RFC 3339 date-time such as 2024-05-01T10:00:00Z");
  }
}

void
AtomChecker::closed(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  if (m_xhtml_depth > 0) {
    --m_xhtml_depth;
    return;
  }
  if (!is_atom(e)) {
    if (e.ns == k_creative_commons_ns && e.local == "license") {
      check_iri(e, std::string(util::trim_xml_space(text)), "license", true);
    } else if (e.ns == k_georss_ns) {
      check_georss(e, text);
    }
    return;
  }
  const std::string& k = e.local;
  const Frame* up = parent();
  const std::string p =
    up != nullptr && is_atom(up->element) ? up->element.local : "";
  if (k == "feed" || k == "entry" || k == "source") {
    check_container(f, text);
    if (k == "feed") {
      check_feed_end(f);
    }
    return;
  }
  if (k == "author" || k == "contributor") {
    check_person(f);
    return;
  }
  if (k == "title" || k == "subtitle" || k == "summary" || k == "rights") {
    check_text_construct(f, text);
    return;
  }
  if (k == "content") {
    check_content(f, text);
    return;
  }
  if (k == "link") {
    check_link(f);
    return;
  }
  check_value(e, p, text);
}

// The elements that hold one value: id, updated, published, category,
// uri, icon, logo, email, generator. `p` is the parent's Atom name.
void
AtomChecker::check_value(const XmlElement& e,
                         const std::string& p,
                         const std::string& text)
{
  const std::string& k = e.local;
  if (k == "id") {
    if (check_no_space(e, text)) {
      check_iri(e, text, "<id>", true);
    }
    if (p == "entry") {
      m_id = std::string(util::trim_xml_space(text));
    }
    return;
  }
  if (k == "updated" || k == "published") {
    check_date(e, text);
    if (k == "updated" && p == "entry") {
      m_updated = std::string(util::trim_xml_space(text));
    }
    return;
  }
  if (k == "category") {
    if (e.attribute("term") == nullptr) {
      error("atom-missing-term", e, "<category> has no term attribute");
    }
    if (const XmlAttribute* scheme = e.attribute("scheme")) {
      check_iri(e, scheme->value, "category scheme", true);
    }
    return;
  }
  if (k == "uri" || k == "icon" || k == "logo") {
    if (check_no_space(e, text)) {
      check_iri(e, text, "<" + k + ">", false);
    }
    return;
  }
  if (k == "email") {
    if (check_no_space(e, text) && !is_email(text)) {
      error("atom-invalid-email",
            e,
            "<email> \"" + text + "\" is not an e-mail address");
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
