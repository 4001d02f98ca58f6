#include "validate/rss_checker.hpp"

#include "util/ascii.hpp"
#include "util/language_tag.hpp"
#include "validate/values.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>

namespace ogfeed::validate {

namespace {

constexpr const char* k_content_ns = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* k_dc_ns = "http://purl.org/dc/elements/1.1/";

const std::set<std::string>&
channel_children()
{
  static const std::set<std::string> s = {
    "title",          "link",      "description", "language",      "copyright",
    "managingEditor", "webMaster", "pubDate",     "lastBuildDate", "category",
    "generator",      "docs",      "cloud",       "ttl",           "image",
    "rating",         "textInput", "skipHours",   "skipDays",      "item"};
  return s;
}

const std::set<std::string>&
item_children()
{
  static const std::set<std::string> s = {"title",
                                          "link",
                                          "description",
                                          "author",
                                          "category",
                                          "comments",
                                          "enclosure",
                                          "guid",
                                          "pubDate",
                                          "source"};
  return s;
}

bool
is_web_url(const std::string& v)
{
  const std::string_view t = util::trim_xml_space(v);
  return is_absolute_iri(t)
         && (t.starts_with("http://") || t.starts_with("https://")
             || t.starts_with("ftp://"));
}

// RSS 2.0's contacts are "email (Name)"; how far a value is from that.
enum class Contact {
  valid,
  unusual, // an address is in there, in another form
  invalid,
};

Contact
check_contact(const std::string& value)
{
  const std::string_view v = util::trim_xml_space(value);
  if (is_rss_contact(v)) {
    return Contact::valid;
  }
  // The address must lead: "Name (a@b)" and "(mailto:a@b)" are wrong.
  const std::size_t paren = v.find('(');
  const std::size_t at = v.find('@');
  if (v.find("(mailto:") != std::string_view::npos
      || (paren != std::string_view::npos && at != std::string_view::npos
          && at > paren)) {
    return Contact::invalid;
  }
  return v.find('@') != std::string_view::npos
             || v.find("%40") != std::string_view::npos
           ? Contact::unusual
           : Contact::invalid;
}

bool
is_form_name(std::string_view s)
{
  if (s.empty()
      || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'
           || c == '.' || c == ':';
  });
}

} // namespace

void
RssChecker::check_url(const XmlElement& at,
                      const std::string& value,
                      const char* what)
{
  const std::string v(util::trim_xml_space(value));
  if (std::any_of(v.begin(), v.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80;
      })) {
    error("rss-url-not-ascii",
          at,
          std::string(what) + " \"" + v
            + "\" has characters a URI does not allow; percent-encode them");
    return;
  }
  if (!is_absolute_iri(v)) {
    error("rss-invalid-url",
          at,
          std::string(what) + " \"" + v
            + "\" must be an absolute URL such as https://example.com/");
  } else if (!is_web_url(v)) {
    warning("rss-unusual-url",
            at,
            std::string(what) + " \"" + v + "\" is not a web URL");
  }
}

void
RssChecker::check_date(const XmlElement& at, const std::string& value)
{
  util::UtcSeconds when{};
  const Rfc822 status = check_rfc822(value, &when);
  if (status == Rfc822::valid || status == Rfc822::short_year) {
    check_not_future(at, when);
  }
  switch (status) {
  case Rfc822::valid:
    break;
  case Rfc822::invalid:
    error(
      "rss-invalid-date",
      at,
      "<" + at.local + "> \"" + std::string(util::trim_xml_space(value))
        + "\" is not an RFC 822 date such as Mon, 27 May 2019 10:00:00 +0900");
    break;
  case Rfc822::wrong_weekday:
    error("rss-wrong-weekday",
          at,
          "<" + at.local + "> \"" + std::string(util::trim_xml_space(value))
            + "\" names the wrong day of the week");
    break;
  case Rfc822::short_year:
    warning("rss-two-digit-year",
            at,
            "<" + at.local + "> \"" + std::string(util::trim_xml_space(value))
              + "\" has a two-digit year; use four digits");
    break;
  }
}

void
RssChecker::opened(const Frame& f)
{
  const XmlElement& e = f.element;
  const Frame* up = parent();
  if (up == nullptr || !e.ns.empty() || !up->element.ns.empty()) {
    if (up == nullptr && e.ns.empty()) {
      for (const XmlAttribute& a : e.attributes) {
        if (a.ns.empty() && a.local != "version") {
          error("rss-unexpected-attribute",
                e,
                "<rss> has an attribute '" + a.local
                  + "' RSS 2.0 does not define");
        }
      }
    }
    return;
  }
  const std::string& p = up->element.local;
  const std::set<std::string>* allowed = nullptr;
  if (p == "channel") {
    allowed = &channel_children();
  } else if (p == "item") {
    allowed = &item_children();
  } else if (p == "rss") {
    static const std::set<std::string> root = {"channel"};
    allowed = &root;
  }
  static const std::set<std::string> image = {
    "url", "title", "link", "width", "height", "description"};
  static const std::set<std::string> text_input = {
    "title", "description", "name", "link"};
  static const std::set<std::string> hours = {"hour"};
  static const std::set<std::string> days = {"day"};
  static const std::set<std::string> none;
  if (allowed == nullptr) {
    allowed = p == "image"       ? &image
              : p == "textInput" ? &text_input
              : p == "skipHours" ? &hours
              : p == "skipDays"  ? &days
                                 : &none;
  }
  if (allowed->count(e.local) == 0) {
    error("rss-undefined-element",
          e,
          "<" + e.local + "> is not an RSS 2.0 element of <" + p
            + "> (put extensions in a namespace, escape markup in text)");
  }
  // Attributes RSS 2.0 defines; any other needs a namespace.
  static const std::map<std::string, std::set<std::string>> attrs = {
    {"guid", {"isPermaLink"}},
    {"enclosure", {"url", "length", "type"}},
    {"source", {"url"}},
    {"category", {"domain"}},
    {"cloud", {"domain", "port", "path", "registerProcedure", "protocol"}}};
  const auto it = attrs.find(e.local);
  for (const XmlAttribute& a : e.attributes) {
    if (a.ns.empty() && (it == attrs.end() || it->second.count(a.local) == 0)) {
      error("rss-unexpected-attribute",
            e,
            "<" + e.local + "> has an attribute '" + a.local
              + "' RSS 2.0 does not define");
    }
  }
}

void
RssChecker::closed(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const Frame* up = parent();
  const std::string p =
    up != nullptr && up->element.ns.empty() ? up->element.local : "";
  auto n = [&](const char* local) { return count(f, "", local); };

  if (e.ns == k_atom_ns && e.local == "link") {
    if (e.attribute("href") == nullptr) {
      error(
        "rss-atom-link-missing-href", e, "<atom:link> has no href attribute");
    } else {
      check_url(e, e.attribute("href")->value, "atom:link href");
    }
    if (const XmlAttribute* rel = e.attribute("rel");
        rel != nullptr && util::trim_xml_space(rel->value) == "self") {
      m_has_self = true;
    }
    return;
  }
  if (e.ns == "http://purl.org/rss/1.0/modules/slash/"
      && e.local == "hit_parade") {
    const std::string v(util::trim_xml_space(text));
    bool ok = !v.empty();
    for (std::size_t start = 0; ok && start <= v.size();) {
      const std::size_t comma = std::min(v.find(',', start), v.size());
      ok = is_unsigned_int(std::string_view(v).substr(start, comma - start),
                           false);
      start = comma + 1;
    }
    if (!ok) {
      error("rss-invalid-integer-list",
            e,
            "<slash:hit_parade> \"" + v
              + "\" must be comma-separated whole numbers");
    }
    return;
  }
  if (e.ns == "http://madskills.com/public/xml/rss/module/trackback/"
      && (e.local == "ping" || e.local == "about")) {
    if (!e.attributes.empty()) {
      error("rss-unexpected-attribute",
            e,
            "<trackback:" + e.local
              + "> takes its URL as text in RSS 2.0, not as an attribute");
    }
    check_url(e, text, ("<trackback:" + e.local + ">").c_str());
    return;
  }
  if (e.ns == k_content_ns && e.local == "encoded") {
    check_html_text(e, text);
    return;
  }
  if (e.ns == k_dc_ns && e.local == "language") {
    if (!util::is_language_tag(util::trim_xml_space(text))) {
      error("rss-invalid-language",
            e,
            "<dc:language> \"" + std::string(util::trim_xml_space(text))
              + "\" is not a language tag such as ja or en-us");
    }
    return;
  }
  if ((e.ns == "http://www.w3.org/2003/01/geo/wgs84_pos#"
       && (e.local == "lat" || e.local == "long"))
      || ((e.ns == "http://geourl.org/rss/module/"
           || e.ns == "http://postneo.com/icbm/"
           || e.ns == "http://postneo.com/icbm")
          && (e.local == "latitude" || e.local == "longitude"))) {
    const double limit = e.local.starts_with("lat") ? 90 : 180;
    const std::string v(util::trim_xml_space(text));
    char* end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || x < -limit || x > limit) {
      error("rss-invalid-coordinate",
            e,
            "<" + e.local + "> \"" + v + "\" must be a number from -"
              + std::to_string(static_cast<int>(limit)) + " to "
              + std::to_string(static_cast<int>(limit)));
    }
    return;
  }
  if (e.ns == k_dc_ns && e.local == "date") {
    if (!is_w3cdtf(util::trim_xml_space(text))) {
      error("rss-invalid-dc-date",
            e,
            "<dc:date> \"" + std::string(util::trim_xml_space(text))
              + "\" is not a W3C-DTF date such as 2024-05-01T10:00:00Z");
    }
    return;
  }
  if (!e.ns.empty()) {
    return;
  }
  const std::string& k = e.local;
  if ((k == "rss" || k == "channel" || k == "item" || k == "image"
       || k == "textInput" || k == "skipHours" || k == "skipDays")
      && (p.empty() || p == "rss" || p == "channel" || p == "item")
      && !util::trim_xml_space(text).empty()) {
    error(
      "rss-unexpected-text", e, "<" + k + "> holds text outside any element");
  }
  if (k == "rss") {
    if (const XmlAttribute* v = e.attribute("version"); v == nullptr) {
      error("rss-missing-version", e, "<rss> has no version attribute");
    } else if (v->value != "2.0" && v->value != "0.91" && v->value != "0.92"
               && v->value != "0.93" && v->value != "0.94") {
      error("rss-invalid-version",
            e,
            "<rss version=\"" + v->value + "\"> is not 2.0 (or 0.91/0.92)");
    }
    if (n("channel") != 1) {
      error("rss-missing-channel", e, "<rss> must hold exactly one <channel>");
    }
    return;
  }
  if (k == "channel") {
    for (const char* required : {"title", "link", "description"}) {
      if (n(required) == 0) {
        error(required == std::string("title")  ? "rss-missing-title"
              : required == std::string("link") ? "rss-missing-link"
                                                : "rss-missing-description",
              e,
              std::string("<channel> has no <") + required + ">");
      }
    }
    static constexpr std::array<const char*, 17> k_once = {"title",
                                                           "link",
                                                           "description",
                                                           "language",
                                                           "copyright",
                                                           "managingEditor",
                                                           "webMaster",
                                                           "pubDate",
                                                           "lastBuildDate",
                                                           "generator",
                                                           "docs",
                                                           "cloud",
                                                           "ttl",
                                                           "image",
                                                           "rating",
                                                           "textInput",
                                                           "skipHours"};
    for (const char* once : k_once) {
      if (n(once) > 1) {
        error("rss-duplicate-element",
              e,
              std::string("<channel> has more than one <") + once + ">");
      }
    }
    if (n("skipDays") > 1) {
      error(
        "rss-duplicate-element", e, "<channel> has more than one <skipDays>");
    }
    if (!m_has_self) {
      warning("rss-missing-atom-self",
              e,
              "<channel> has no <atom:link rel=\"self\"> (the feed's own URL)");
    }
    return;
  }
  if (k == "item") {
    if (n("title") == 0 && n("description") == 0) {
      error("rss-item-without-title-or-description",
            e,
            "<item> needs a <title> or a <description>");
    }
    for (const char* once : {"title",
                             "link",
                             "description",
                             "author",
                             "comments",
                             "guid",
                             "pubDate",
                             "source"}) {
      if (n(once) > 1) {
        error("rss-duplicate-element",
              e,
              std::string("<item> has more than one <") + once + ">");
      }
    }
    if (n("enclosure") > 1) {
      warning("rss-several-enclosures",
              e,
              "<item> has several <enclosure> elements; most readers use only "
              "the first");
    }
    return;
  }
  if (p == "item" && k == "description") {
    check_html_text(e, text);
  }
  if (p == "channel" || p == "item") {
    if (k == "link" || k == "docs" || k == "comments") {
      check_url(e, text, ("<" + k + ">").c_str());
    } else if (k == "pubDate" || k == "lastBuildDate") {
      check_date(e, text);
    } else if (k == "managingEditor" || k == "webMaster" || k == "author") {
      switch (check_contact(text)) {
      case Contact::valid:
        break;
      case Contact::unusual:
        warning(
          "rss-unusual-contact",
          e,
          "<" + k + "> \"" + std::string(util::trim_xml_space(text))
            + "\" should be an e-mail address with the name in parentheses: "
              "hanako@example.com (Hanako)");
        break;
      case Contact::invalid:
        error("rss-invalid-contact",
              e,
              "<" + k + "> \"" + std::string(util::trim_xml_space(text))
                + "\" must be an e-mail address, optionally with a name: "
                  "hanako@example.com (Hanako)");
        break;
      }
    } else if (k == "language") {
      const std::string_view lang = util::trim_xml_space(text);
      const std::size_t primary = std::min(lang.find('-'), lang.size());
      if (!util::is_language_tag(lang) || primary < 2 || primary > 3) {
        error("rss-invalid-language",
              e,
              "<language> \"" + std::string(lang)
                + "\" is not a language code such as ja or en-us");
      }
    } else if (k == "ttl") {
      if (!is_unsigned_int(text, true)) {
        error("rss-invalid-ttl",
              e,
              "<ttl> \"" + std::string(util::trim_xml_space(text))
                + "\" must be a positive whole number of minutes");
      }
    } else if (k == "guid") {
      const XmlAttribute* perma = e.attribute("isPermaLink");
      if (perma != nullptr && perma->value != "true"
          && perma->value != "false") {
        error("rss-invalid-ispermalink",
              e,
              "guid isPermaLink \"" + perma->value
                + "\" must be true or false");
      }
      if ((perma == nullptr || perma->value == "true") && !is_web_url(text)) {
        error("rss-invalid-permalink",
              e,
              "<guid> \"" + std::string(util::trim_xml_space(text))
                + "\" is a permalink (isPermaLink is true by default) but not "
                  "an absolute URL");
      }
      if (!m_guids.insert(std::string(util::trim_xml_space(text))).second) {
        error("rss-duplicate-guid",
              e,
              "another item has the guid \""
                + std::string(util::trim_xml_space(text))
                + "\"; each item needs its own");
      }
    } else if (k == "enclosure") {
      for (const char* attr : {"url", "length", "type"}) {
        if (e.attribute(attr) == nullptr) {
          error("rss-enclosure-missing-attribute",
                e,
                std::string("<enclosure> has no ") + attr + " attribute");
        }
      }
      if (const XmlAttribute* url = e.attribute("url")) {
        check_url(e, url->value, "enclosure url");
      }
      if (const XmlAttribute* len = e.attribute("length");
          len != nullptr && !is_unsigned_int(len->value, false)) {
        error("rss-invalid-enclosure-length",
              e,
              "enclosure length \"" + len->value
                + "\" must be a number of bytes");
      }
      if (const XmlAttribute* type = e.attribute("type");
          type != nullptr && !is_mime_type(type->value)) {
        error("rss-invalid-enclosure-type",
              e,
              "enclosure type \"" + type->value
                + "\" is not a MIME type such as image/png");
      }
    } else if (k == "source") {
      if (const XmlAttribute* url = e.attribute("url"); url == nullptr) {
        error("rss-source-missing-url", e, "<source> has no url attribute");
      } else {
        check_url(e, url->value, "source url");
      }
    } else if (k == "cloud") {
      for (const char* attr :
           {"domain", "port", "path", "registerProcedure", "protocol"}) {
        if (e.attribute(attr) == nullptr) {
          error("rss-cloud-missing-attribute",
                e,
                std::string("<cloud> has no ") + attr + " attribute");
        }
      }
      if (const XmlAttribute* port = e.attribute("port");
          port != nullptr && !is_unsigned_int(port->value, true)) {
        error("rss-invalid-cloud-port",
              e,
              "cloud port \"" + port->value + "\" must be a port number");
      }
      if (const XmlAttribute* proto = e.attribute("protocol");
          proto != nullptr && proto->value != "xml-rpc"
          && proto->value != "soap" && proto->value != "http-post") {
        error("rss-invalid-cloud-protocol",
              e,
              "cloud protocol \"" + proto->value
                + "\" must be xml-rpc, soap or http-post");
      }
    } else if (k == "image" || k == "textInput") {
      const std::vector<const char*> required =
        k == "image"
          ? std::vector<const char*>{"url", "title", "link"}
          : std::vector<const char*>{"title", "description", "name", "link"};
      for (const char* r : required) {
        if (n(r) == 0) {
          error("rss-missing-element", e, "<" + k + "> has no <" + r + ">");
        }
      }
      for (const char* once :
           {"url", "title", "link", "width", "height", "description", "name"}) {
        if (n(once) > 1) {
          error("rss-duplicate-element",
                e,
                "<" + k + "> has more than one <" + once + ">");
        }
      }
    } else if (k == "skipDays" || k == "skipHours") {
      if (n(k == "skipDays" ? "day" : "hour") == 0) {
        error("rss-missing-element",
              e,
              "<" + k + "> lists no " + (k == "skipDays" ? "<day>" : "<hour>"));
      }
      m_days.clear();
      m_hours.clear();
    }
    return;
  }
  if (p == "image") {
    if (k == "url" || k == "link") {
      check_url(e, text, ("image <" + k + ">").c_str());
    } else if (k == "width" || k == "height") {
      const int max = k == "width" ? 144 : 400;
      if (!is_unsigned_int(text, true)
          || std::stoi(std::string(util::trim_xml_space(text))) > max) {
        error(k == "width" ? "rss-invalid-image-width"
                           : "rss-invalid-image-height",
              e,
              "image <" + k + "> \"" + std::string(util::trim_xml_space(text))
                + "\" must be a number of pixels up to " + std::to_string(max));
      }
    }
    return;
  }
  if (p == "textInput" && k == "link") {
    check_url(e, text, "textInput <link>");
    return;
  }
  if (p == "textInput" && k == "name"
      && !is_form_name(util::trim_xml_space(text))) {
    error("rss-invalid-textinput-name",
          e,
          "textInput <name> \"" + std::string(util::trim_xml_space(text))
            + "\" must be a form field name (letters, digits, _ - .)");
    return;
  }
  if (p == "textInput" && k == "name"
      && !is_form_name(util::trim_xml_space(text))) {
    error("rss-invalid-textinput-name",
          e,
          "textInput <name> \"" + std::string(util::trim_xml_space(text))
            + "\" must be a form field name (letters, digits, _ - .)");
    return;
  }
  if (p == "skipHours" && k == "hour") {
    const std::string h(util::trim_xml_space(text));
    if (is_unsigned_int(h, false) && std::stoi(h) == 24) {
      warning("rss-hour-24", e, "<hour> 24 is obsolete; midnight is 0");
    } else if (!is_unsigned_int(h, false) || std::stoi(h) > 23) {
      error("rss-invalid-hour", e, "<hour> \"" + h + "\" must be 0 to 23");
    } else if (!m_hours.insert(h == "24" ? std::string("0") : h).second) {
      error("rss-duplicate-hour", e, "<hour> " + h + " is listed twice");
    }
    return;
  }
  if (p == "skipDays" && k == "day") {
    static const std::set<std::string> days = {"Monday",
                                               "Tuesday",
                                               "Wednesday",
                                               "Thursday",
                                               "Friday",
                                               "Saturday",
                                               "Sunday"};
    const std::string d(util::trim_xml_space(text));
    if (days.count(d) == 0) {
      error(
        "rss-invalid-day", e, "<day> \"" + d + "\" must be Monday to Sunday");
    } else if (!m_days.insert(d).second) {
      error("rss-duplicate-day", e, "<day> " + d + " is listed twice");
    }
    return;
  }
}

} // namespace ogfeed::validate
