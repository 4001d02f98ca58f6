#include "validate/rss_checker.hpp"

#include "util/ascii.hpp"
#include "util/url.hpp"
#include "validate/values.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

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

} // namespace ogfeed::validate
