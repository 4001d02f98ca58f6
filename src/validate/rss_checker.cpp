#include "validate/rss_checker.hpp"

#include "util/ascii.hpp"
#include "util/language_tag.hpp"
#include "util/url.hpp"
#include "validate/values.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <map>

namespace ogfeed::validate {

namespace {

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
  if (const std::string scheme = util::script_url_scheme(v); !scheme.empty()) {
    error("feed-script-url", at, script_url_message(what, v, scheme));
    return;
  }
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
  if (status == Rfc822::valid || status == Rfc822::short_year
      || (status == Rfc822::zone && !rfc822_zone_fix(value).second.empty())) {
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
  case Rfc822::zone: {
    const auto [zone, fix] = rfc822_zone_fix(value);
    error("rss-invalid-date",
          at,
          "<" + at.local + "> \"" + std::string(util::trim_xml_space(value))
            + "\" ends in \"" + zone
            + "\", a zone RFC 822 does not name; write "
            + (fix.empty() ? std::string("its offset, such as +0900")
                           : fix + (fix == "+0000" ? " (or GMT)" : ""))
            + " instead");
    break;
  }
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

int
RssChecker::n(const Frame& f, const char* local) const
{
  return count(f, "", local);
}

RssChecker::Rule
RssChecker::core_rule(std::string_view parent, std::string_view local)
{
  using Key = std::pair<std::string_view, std::string_view>;
  static const std::map<Key, Rule> rules = [] {
    std::map<Key, Rule> r = {
      {{"*", "rss"}, &RssChecker::rss},
      {{"*", "channel"}, &RssChecker::channel},
      {{"*", "item"}, &RssChecker::item},
      {{"item", "description"}, &RssChecker::html_description},
      {{"image", "url"}, &RssChecker::image_url},
      {{"image", "link"}, &RssChecker::image_url},
      {{"image", "width"}, &RssChecker::image_size},
      {{"image", "height"}, &RssChecker::image_size},
      {{"textInput", "link"}, &RssChecker::text_input_link},
      {{"textInput", "name"}, &RssChecker::text_input_name},
      {{"skipHours", "hour"}, &RssChecker::hour},
      {{"skipDays", "day"}, &RssChecker::day},
    };
    // What channel and item share: each rule applies under either.
    const std::pair<const char*, Rule> shared[] = {
      {"link", &RssChecker::url_text},
      {"docs", &RssChecker::url_text},
      {"comments", &RssChecker::url_text},
      {"pubDate", &RssChecker::date_text},
      {"lastBuildDate", &RssChecker::date_text},
      {"managingEditor", &RssChecker::contact},
      {"webMaster", &RssChecker::contact},
      {"author", &RssChecker::contact},
      {"language", &RssChecker::language},
      {"ttl", &RssChecker::ttl},
      {"guid", &RssChecker::guid},
      {"enclosure", &RssChecker::enclosure},
      {"source", &RssChecker::source},
      {"cloud", &RssChecker::cloud},
      {"image", &RssChecker::image_or_text_input},
      {"textInput", &RssChecker::image_or_text_input},
      {"skipDays", &RssChecker::skip_list},
      {"skipHours", &RssChecker::skip_list},
    };
    for (const auto& [name, rule] : shared) {
      r.emplace(Key{"channel", name}, rule);
      r.emplace(Key{"item", name}, rule);
    }
    return r;
  }();
  if (const auto it = rules.find({parent, local}); it != rules.end()) {
    return it->second;
  }
  const auto any = rules.find({"*", local});
  return any == rules.end() ? nullptr : any->second;
}

void
RssChecker::closed(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  if (!e.ns.empty()) {
    if (const Rule rule = extension_rule(e.ns, e.local)) {
      (this->*rule)(f, text);
    }
    return;
  }
  const Frame* up = parent();
  const std::string p =
    up != nullptr && up->element.ns.empty() ? up->element.local : "";
  const std::string& k = e.local;
  if ((k == "rss" || k == "channel" || k == "item" || k == "image"
       || k == "textInput" || k == "skipHours" || k == "skipDays")
      && (p.empty() || p == "rss" || p == "channel" || p == "item")
      && !util::trim_xml_space(text).empty()) {
    error(
      "rss-unexpected-text", e, "<" + k + "> holds text outside any element");
  }
  if (const Rule rule = core_rule(p, k)) {
    (this->*rule)(f, text);
  }
}

void
RssChecker::rss(const Frame& f, const std::string&)
{
  const XmlElement& e = f.element;
  if (const XmlAttribute* v = e.attribute("version"); v == nullptr) {
    error("rss-missing-version", e, "<rss> has no version attribute");
  } else if (v->value != "2.0" && v->value != "0.91" && v->value != "0.92"
             && v->value != "0.93" && v->value != "0.94") {
    error("rss-invalid-version",
          e,
          "<rss version=\"" + v->value + "\"> is not 2.0 (or 0.91/0.92)");
  }
  if (n(f, "channel") != 1) {
    error("rss-missing-channel", e, "<rss> must hold exactly one <channel>");
  }
}

void
RssChecker::channel(const Frame& f, const std::string&)
{
  const XmlElement& e = f.element;
  static constexpr std::array<std::pair<const char*, const char*>, 3>
    k_required = {{{"title", "rss-missing-title"},
                   {"link", "rss-missing-link"},
                   {"description", "rss-missing-description"}}};
  for (const auto& [required, rule] : k_required) {
    if (n(f, required) == 0) {
      error(rule, e, std::string("<channel> has no <") + required + ">");
    }
  }
  static constexpr std::array<const char*, 18> k_once = {"title",
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
                                                         "skipHours",
                                                         "skipDays"};
  for (const char* once : k_once) {
    if (n(f, once) > 1) {
      error("rss-duplicate-element",
            e,
            std::string("<channel> has more than one <") + once + ">");
    }
  }
  if (!m_has_self) {
    warning("rss-missing-atom-self",
            e,
            "<channel> has no <atom:link rel=\"self\"> (the feed's own URL)");
  }
}

void
RssChecker::item(const Frame& f, const std::string&)
{
  const XmlElement& e = f.element;
  if (n(f, "title") == 0 && n(f, "description") == 0) {
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
    if (n(f, once) > 1) {
      error("rss-duplicate-element",
            e,
            std::string("<item> has more than one <") + once + ">");
    }
  }
  if (n(f, "guid") == 0) {
    warning("rss-missing-guid",
            e,
            "<item> has no <guid>: readers tell items apart by it, and show "
            "one again when its link or title changes");
  }
  if (n(f, "enclosure") > 1) {
    warning("rss-several-enclosures",
            e,
            "<item> has several <enclosure> elements; most readers use only "
            "the first");
  }
}

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
RssChecker::guid(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  const std::string v(util::trim_xml_space(text));
  const XmlAttribute* perma = e.attribute("isPermaLink");
  if (perma != nullptr && perma->value != "true" && perma->value != "false") {
    error("rss-invalid-ispermalink",
          e,
          "guid isPermaLink \"" + perma->value + "\" must be true or false");
  }
  if ((perma == nullptr || perma->value == "true") && !is_web_url(text)) {
    error("rss-invalid-permalink",
          e,
          "<guid> \"" + v
            + "\" is a permalink (isPermaLink is true by default) but not "
              "an absolute URL");
  }
  if (!m_guids.insert(v).second) {
    error("rss-duplicate-guid",
          e,
          "another item has the guid \"" + v + "\"; each item needs its own");
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
