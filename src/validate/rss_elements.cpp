// The value rules of RSS 2.0's own elements (RSS 2.0.11,
// rssboard.org/rss-specification): contacts, language, ttl, enclosure, source,
// cloud, image, textInput, skipHours and skipDays.
#include "util/ascii.hpp"
#include "util/language_tag.hpp"
#include "validate/rss_checker.hpp"
#include "validate/values.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace ogfeed::validate {

namespace {

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
RssChecker::html_description(const Frame& f, const std::string& text)
{
  check_html_text(f.element, text);
}

void
RssChecker::url_text(const Frame& f, const std::string& text)
{
  check_url(f.element, text, ("<" + f.element.local + ">").c_str());
}

void
RssChecker::date_text(const Frame& f, const std::string& text)
{
  check_date(f.element, text);
}

void
RssChecker::contact(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const std::string v(util::trim_xml_space(text));
  switch (check_contact(text)) {
  case Contact::valid:
    break;
  case Contact::unusual:
    warning("rss-unusual-contact",
            e,
            "<" + e.local + "> \"" + v
              + "\" should be an e-mail address with the name in parentheses: "
                "hanako@example.com (Hanako)");
    break;
  case Contact::invalid:
    error("rss-invalid-contact",
          e,
          "<" + e.local + "> \"" + v
            + "\" must be an e-mail address, optionally with a name: "
              "hanako@example.com (Hanako)");
    break;
  }
}

void
RssChecker::language(const Frame& f, const std::string& text)
{
  const std::string_view lang = util::trim_xml_space(text);
  // RSS wants a language code: no i-/x- singletons.
  const std::size_t primary = std::min(lang.find('-'), lang.size());
  if (!util::is_language_tag(lang) || primary < 2 || primary > 3) {
    error("rss-invalid-language",
          f.element,
          "<language> \"" + std::string(lang)
            + "\" is not a language code such as ja or en-us");
  }
}

void
RssChecker::ttl(const Frame& f, const std::string& text)
{
  if (!is_unsigned_int(text, true)) {
    error("rss-invalid-ttl",
          f.element,
          "<ttl> \"" + std::string(util::trim_xml_space(text))
            + "\" must be a positive whole number of minutes");
  }
}

void
RssChecker::enclosure(const Frame& f, const std::string&)
{
  const XmlElement& e = f.element;
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
          "enclosure length \"" + len->value + "\" must be a number of bytes");
  }
  if (const XmlAttribute* type = e.attribute("type");
      type != nullptr && !is_mime_type(type->value)) {
    error("rss-invalid-enclosure-type",
          e,
          "enclosure type \"" + type->value
            + "\" is not a MIME type such as image/png");
  }
}

void
RssChecker::source(const Frame& f, const std::string&)
{
  const XmlElement& e = f.element;
  if (const XmlAttribute* url = e.attribute("url"); url == nullptr) {
    error("rss-source-missing-url", e, "<source> has no url attribute");
  } else {
    check_url(e, url->value, "source url");
  }
}

void
RssChecker::cloud(const Frame& f, const std::string&)
{
  const XmlElement& e = f.element;
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
      proto != nullptr && proto->value != "xml-rpc" && proto->value != "soap"
      && proto->value != "http-post") {
    error("rss-invalid-cloud-protocol",
          e,
          "cloud protocol \"" + proto->value
            + "\" must be xml-rpc, soap or http-post");
  }
}

void
RssChecker::image_or_text_input(const Frame& f, const std::string&)
{
  const XmlElement& e = f.element;
  const std::string& k = e.local;
  const std::vector<const char*> required =
    k == "image"
      ? std::vector<const char*>{"url", "title", "link"}
      : std::vector<const char*>{"title", "description", "name", "link"};
  for (const char* r : required) {
    if (n(f, r) == 0) {
      error("rss-missing-element", e, "<" + k + "> has no <" + r + ">");
    }
  }
  for (const char* once :
       {"url", "title", "link", "width", "height", "description", "name"}) {
    if (n(f, once) > 1) {
      error("rss-duplicate-element",
            e,
            "<" + k + "> has more than one <" + once + ">");
    }
  }
}

void
RssChecker::skip_list(const Frame& f, const std::string&)
{
  const std::string& k = f.element.local;
  if (n(f, k == "skipDays" ? "day" : "hour") == 0) {
    error("rss-missing-element",
          f.element,
          "<" + k + "> lists no " + (k == "skipDays" ? "<day>" : "<hour>"));
  }
  m_days.clear();
  m_hours.clear();
}

void
RssChecker::image_url(const Frame& f, const std::string& text)
{
  check_url(f.element, text, ("image <" + f.element.local + ">").c_str());
}

void
RssChecker::image_size(const Frame& f, const std::string& text)
{
  const std::string& k = f.element.local;
  const int max = k == "width" ? 144 : 400;
  const std::string v(util::trim_xml_space(text));
  if (!is_unsigned_int(text, true) || std::stoi(v) > max) {
    error(k == "width" ? "rss-invalid-image-width" : "rss-invalid-image-height",
          f.element,
          "image <" + k + "> \"" + v + "\" must be a number of pixels up to "
            + std::to_string(max));
  }
}

void
RssChecker::text_input_link(const Frame& f, const std::string& text)
{
  check_url(f.element, text, "textInput <link>");
}

void
RssChecker::text_input_name(const Frame& f, const std::string& text)
{
  if (!is_form_name(util::trim_xml_space(text))) {
    error("rss-invalid-textinput-name",
          f.element,
          "textInput <name> \"" + std::string(util::trim_xml_space(text))
            + "\" must be a form field name (letters, digits, _ - .)");
  }
}

void
RssChecker::hour(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const std::string h(util::trim_xml_space(text));
  if (is_unsigned_int(h, false) && std::stoi(h) == 24) {
    warning("rss-hour-24", e, "<hour> 24 is obsolete; midnight is 0");
  } else if (!is_unsigned_int(h, false) || std::stoi(h) > 23) {
    error("rss-invalid-hour", e, "<hour> \"" + h + "\" must be 0 to 23");
  } else if (!m_hours.insert(h).second) {
    error("rss-duplicate-hour", e, "<hour> " + h + " is listed twice");
  }
}

void
RssChecker::day(const Frame& f, const std::string& text)
{
  static const std::set<std::string> days = {"Monday",
                                             "Tuesday",
                                             "Wednesday",
                                             "Thursday",
                                             "Friday",
                                             "Saturday",
                                             "Sunday"};
  const std::string d(util::trim_xml_space(text));
  if (days.count(d) == 0) {
    error("rss-invalid-day",
          f.element,
          "<day> \"" + d + "\" must be Monday to Sunday");
  } else if (!m_days.insert(d).second) {
    error("rss-duplicate-day", f.element, "<day> " + d + " is listed twice");
  }
}

} // namespace ogfeed::validate
