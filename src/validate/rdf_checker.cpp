#include "validate/rdf_checker.hpp"

#include "util/ascii.hpp"
#include "util/language_tag.hpp"
#include "validate/values.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace ogfeed::validate {

namespace {

constexpr const char* k_rss1_ns = "http://purl.org/rss/1.0/";
constexpr const char* k_rss090_ns = "http://my.netscape.com/rdf/simple/0.9/";
constexpr const char* k_dc_ns = "http://purl.org/dc/elements/1.1/";
constexpr const char* k_content_ns = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* k_trackback_ns =
  "http://madskills.com/public/xml/rss/module/trackback/";

// What each RSS 1.0 element may hold in RSS 1.0's own namespace.
const std::map<std::string, std::set<std::string>, std::less<>>&
allowed_children()
{
  static const std::map<std::string, std::set<std::string>, std::less<>> m = {
    {"RDF", {"channel", "image", "item", "textinput"}},
    {"channel",
     {"title", "link", "description", "image", "items", "textinput"}},
    {"item", {"title", "link", "description"}},
    {"image", {"title", "url", "link"}},
    {"textinput", {"title", "description", "name", "link"}},
  };
  return m;
}

// An http(s) URL needs a host: "http:///x" is a path, not a link.
bool
has_host(std::string_view v)
{
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (v.starts_with(scheme)) {
      return v.size() > scheme.size() && v[scheme.size()] != '/';
    }
  }
  return true;
}

// An element's name as a reader of the feed wrote it, near enough.
std::string
name(const XmlElement& e)
{
  return e.ns == k_rdf_ns ? "rdf:" + e.local : e.local;
}

} // namespace

bool
RdfChecker::is_rss(const XmlElement& e) const
{
  return e.ns == k_rss1_ns || e.ns == k_rss090_ns;
}

int
RdfChecker::n(const Frame& f, const char* local) const
{
  return count(f, k_rss1_ns, local) + count(f, k_rss090_ns, local);
}

void
RdfChecker::require(const Frame& f, std::initializer_list<const char*> children)
{
  for (const char* child : children) {
    if (n(f, child) == 0) {
      error(("rss1-missing-" + std::string(child)).c_str(),
            f.element,
            "<" + f.element.local + "> has no <" + child + ">");
    }
  }
}

void
RdfChecker::once(const Frame& f, std::initializer_list<const char*> children)
{
  for (const char* child : children) {
    if (n(f, child) > 1) {
      error("rss1-duplicate-element",
            f.element,
            "<" + name(f.element) + "> has more than one <" + child + ">");
    }
  }
}

std::string
RdfChecker::about(const Frame& f)
{
  const XmlAttribute* a = f.element.attribute(k_rdf_ns, "about");
  if (a == nullptr) {
    if (f.element.ns == k_rss1_ns) { // RSS 0.90 has no rdf:about
      error("rss1-missing-about",
            f.element,
            "<" + f.element.local
              + "> has no rdf:about (its URI: the page, or the feed itself "
                "for the channel)");
    }
    return "";
  }
  check_uri(f.element, a->value, "rdf:about");
  return std::string(util::trim_xml_space(a->value));
}

void
RdfChecker::check_uri(const XmlElement& at,
                      std::string_view value,
                      const char* what)
{
  const std::string_view v = util::trim_xml_space(value);
  if (!is_absolute_iri(v) || !has_host(v)) {
    error("rss1-invalid-url",
          at,
          "<" + at.local + "> " + what + " \"" + std::string(v)
            + "\" is not an absolute URL such as https://example.com/");
  }
}

std::string
RdfChecker::resource(const XmlElement& e)
{
  const XmlAttribute* a = e.attribute(k_rdf_ns, "resource");
  if (a == nullptr) {
    a = e.attribute("resource"); // RDF reads unqualified attributes so
  }
  return a == nullptr ? "" : std::string(util::trim_xml_space(a->value));
}

void
RdfChecker::opened(const Frame& f)
{
  const XmlElement& e = f.element;
  const Frame* up = parent();
  if (up == nullptr || !is_rss(e)) {
    return;
  }
  const XmlElement& p = up->element;
  const bool under_rdf = p.ns == k_rdf_ns && p.local == "RDF";
  if (!under_rdf && !is_rss(p)) {
    return; // inside a module's element: RDF of its own
  }
  const auto allowed = allowed_children().find(under_rdf ? "RDF" : p.local);
  if (allowed == allowed_children().end()) {
    return; // markup in a text element: said when that closes
  }
  if (allowed->second.count(e.local) == 0) {
    error("rss1-undefined-element",
          e,
          "<" + e.local + "> is not an RSS 1.0 element of <" + name(p)
            + "> (items go after the channel, in <rdf:RDF>)");
  }
}

void
RdfChecker::closed(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const Frame* up = parent();
  if (up == nullptr) {
    root(f);
    return;
  }
  const XmlElement& p = up->element;
  const Frame* list = parent(2);
  if (e.ns == k_rdf_ns && e.local == "li" && p.ns == k_rdf_ns
      && p.local == "Seq" && list != nullptr && is_rss(list->element)
      && list->element.local == "items") {
    seq_item(f);
    return;
  }
  if (!is_rss(e)) {
    module(f, text);
    return;
  }
  const bool under_rdf = p.ns == k_rdf_ns && p.local == "RDF";
  if (under_rdf && e.local == "channel") {
    channel(f);
  } else if (under_rdf) {
    top_level(f);
  } else if (e.local == "items") {
    if (f.child_elements > 0
        && (count(f, k_rdf_ns, "Seq") != 1 || f.child_elements != 1)) {
      error("rss1-invalid-items",
            e,
            "<items> must hold one <rdf:Seq> of <rdf:li resource=\"...\">");
    }
    m_has_seq = m_has_seq || count(f, k_rdf_ns, "Seq") > 0;
  } else if (p.local == "channel"
             && (e.local == "image" || e.local == "textinput")) {
    if (resource(e).empty()) {
      error("rss1-missing-resource",
            e,
            "the channel's <" + e.local
              + "> must name the top-level one by rdf:resource");
    } else if (e.local == "image") {
      m_channel_image = {resource(e), e};
    }
  } else {
    text_element(f, text);
  }
}

void
RdfChecker::root(const Frame& f)
{
  if (n(f, "channel") == 0) {
    error("rss1-missing-channel",
          f.element,
          "<rdf:RDF> has no <channel> in RSS 1.0's namespace "
            + std::string(k_rss1_ns));
  }
  once(f, {"channel", "image", "textinput"});
}

void
RdfChecker::channel(const Frame& f)
{
  about(f);
  require(f, {"title", "link", "description"});
  if (f.element.ns == k_rss1_ns) {
    require(f, {"items"});
  }
  once(f, {"title", "link", "description", "image", "items", "textinput"});
}

void
RdfChecker::top_level(const Frame& f)
{
  const std::string& k = f.element.local;
  if (k != "item" && k != "image" && k != "textinput") {
    return; // said when it opened
  }
  const std::string uri = about(f);
  if (k == "item") {
    require(f, {"title", "link"});
    once(f, {"title", "link", "description"});
    if (!uri.empty()) {
      m_items.push_back({uri, f.element});
    }
  } else if (k == "image") {
    require(f, {"title", "url", "link"});
    once(f, {"title", "url", "link"});
    m_image = {uri, f.element};
  } else if (k == "textinput") {
    require(f, {"title", "description", "name", "link"});
    once(f, {"title", "description", "name", "link"});
  }
}

void
RdfChecker::text_element(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const XmlAttribute* parse_type = e.attribute(k_rdf_ns, "parseType");
  if (f.child_elements > 0
      && (parse_type == nullptr || parse_type->value != "Literal")) {
    error("rss1-invalid-rdf",
          e,
          "<" + e.local
            + "> holds elements: escape the markup, or mark it "
              "rdf:parseType=\"Literal\"");
  }
  if (e.local == "link" || e.local == "url") {
    check_uri(e, text, "");
  } else if (e.local == "description" && parent()->element.local == "item") {
    check_html_text(e, text);
  }
}

void
RdfChecker::seq_item(const Frame& f)
{
  const XmlElement& e = f.element;
  for (const XmlAttribute& a : e.attributes) {
    const bool known =
      (a.ns == k_rdf_ns || a.ns.empty()) && a.local == "resource";
    if (!known && a.ns != k_xml_ns) {
      error("rss1-unexpected-attribute",
            e,
            "<rdf:li> has an attribute '" + a.local
              + "'; it names an item by rdf:resource");
    }
  }
  const std::string uri = resource(e);
  if (uri.empty()) {
    error("rss1-missing-resource",
          e,
          "<rdf:li> has no rdf:resource naming an <item rdf:about>");
    return;
  }
  check_uri(e, uri, "rdf:resource");
  m_listed.push_back({uri, e});
}

void
RdfChecker::module(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const std::string v(util::trim_xml_space(text));
  if (e.ns == k_dc_ns && e.local == "date") {
    if (!is_w3cdtf(v)) {
      error("rss1-invalid-dc-date",
            e,
            "<dc:date> \"" + v
              + "\" is not a W3C-DTF date such as 2024-05-01T10:00:00+09:00");
    }
  } else if (e.ns == k_dc_ns && e.local == "language") {
    if (!util::is_language_tag(v)) {
      error("rss1-invalid-language",
            e,
            "<dc:language> \"" + v + "\" is not a language tag such as ja");
    }
  } else if (e.ns == k_content_ns && e.local == "encoded") {
    check_html_text(e, text);
  } else if (e.ns == k_trackback_ns
             && (e.local == "ping" || e.local == "about")) {
    if (resource(e).empty()) {
      error("rss1-missing-resource",
            e,
            "<trackback:" + e.local
              + "> names its URL by rdf:resource in RSS 1.0");
    } else {
      check_uri(e, resource(e), "rdf:resource");
    }
  }
}

void
RdfChecker::finish()
{
  std::set<std::string> items;
  for (const Named& i : m_items) {
    items.insert(i.uri);
  }
  std::set<std::string> listed;
  for (const Named& l : m_listed) {
    listed.insert(l.uri);
    if (!items.contains(l.uri)) {
      warning("rss1-listed-item-missing",
              l.at,
              "<rdf:li> names \"" + l.uri
                + "\" but no <item rdf:about> has that URI");
    }
  }
  for (const Named& i : m_items) {
    if (m_has_seq && !listed.contains(i.uri)) {
      warning("rss1-item-not-listed",
              i.at,
              "<item rdf:about=\"" + i.uri
                + "\"> is not in the channel's <items>; readers that follow "
                  "the list miss it");
    }
  }
  if (!m_channel_image.uri.empty() && !m_image.uri.empty()
      && m_channel_image.uri != m_image.uri) {
    warning("rss1-image-mismatch",
            m_image.at,
            "<image rdf:about=\"" + m_image.uri
              + "\"> is not the image the channel names, \""
              + m_channel_image.uri + "\"");
  }
}

} // namespace ogfeed::validate
