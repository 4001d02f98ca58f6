// The extension modules RSS feeds carry, each rule keyed by (namespace,
// element): atom:link, slash:, trackback:, content:encoded, dc:, the
// URLs of creativeCommons:, blogChannel: and wfw: (comment, commentRss),
// and the three geo vocabularies.
#include "util/ascii.hpp"
#include "util/language_tag.hpp"
#include "validate/rss_checker.hpp"
#include "validate/values.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace ogfeed::validate {

namespace {

constexpr const char* k_slash_ns = "http://purl.org/rss/1.0/modules/slash/";
constexpr const char* k_trackback_ns =
  "http://madskills.com/public/xml/rss/module/trackback/";
constexpr const char* k_content_ns = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* k_dc_ns = "http://purl.org/dc/elements/1.1/";
constexpr const char* k_w3c_geo_ns = "http://www.w3.org/2003/01/geo/wgs84_pos#";
constexpr const char* k_creative_commons_ns =
  "http://backend.userland.com/creativeCommonsRssModule";
constexpr const char* k_blog_channel_ns =
  "http://backend.userland.com/blogChannelModule";

} // namespace

RssChecker::Rule
RssChecker::extension_rule(std::string_view ns, std::string_view local)
{
  using Key = std::pair<std::string_view, std::string_view>;
  static const std::map<Key, Rule> rules = {
    {{k_atom_ns, "link"}, &RssChecker::atom_link},
    {{k_slash_ns, "hit_parade"}, &RssChecker::hit_parade},
    {{k_trackback_ns, "ping"}, &RssChecker::trackback},
    {{k_trackback_ns, "about"}, &RssChecker::trackback},
    {{k_content_ns, "encoded"}, &RssChecker::content_encoded},
    {{k_dc_ns, "language"}, &RssChecker::dc_language},
    {{k_dc_ns, "date"}, &RssChecker::dc_date},
    {{k_creative_commons_ns, "license"}, &RssChecker::url_text},
    {{k_blog_channel_ns, "blink"}, &RssChecker::url_text},
    {{k_blog_channel_ns, "blogRoll"}, &RssChecker::url_text},
    {{k_blog_channel_ns, "mySubscriptions"}, &RssChecker::url_text},
    {{k_blog_channel_ns, "changes"}, &RssChecker::url_text},
    {{k_wfw_ns, "comment"}, &RssChecker::url_text},
    {{k_wfw_ns, "commentRss"}, &RssChecker::url_text},
    {{k_w3c_geo_ns, "lat"}, &RssChecker::coordinate},
    {{k_w3c_geo_ns, "long"}, &RssChecker::coordinate},
    {{"http://geourl.org/rss/module/", "latitude"}, &RssChecker::coordinate},
    {{"http://geourl.org/rss/module/", "longitude"}, &RssChecker::coordinate},
    {{"http://postneo.com/icbm/", "latitude"}, &RssChecker::coordinate},
    {{"http://postneo.com/icbm/", "longitude"}, &RssChecker::coordinate},
    {{"http://postneo.com/icbm", "latitude"}, &RssChecker::coordinate},
    {{"http://postneo.com/icbm", "longitude"}, &RssChecker::coordinate},
  };
  const auto it = rules.find({ns, local});
  if (it == rules.end() && ns == k_itunes_ns) {
    return &RssChecker::itunes; // every name: an unknown one is flagged
  }
  if (it == rules.end() && (ns == k_dc_elements_ns || ns == k_dcterms_ns)) {
    return &RssChecker::dublin_core;
  }
  if (it == rules.end() && ns == k_media_rss_ns) {
    return &RssChecker::media;
  }
  if (it == rules.end() && ns == k_podcast_ns) {
    return &RssChecker::podcast;
  }
  if (it == rules.end() && ns == k_georss_ns) {
    return &RssChecker::georss;
  }
  return it == rules.end() ? nullptr : it->second;
}

void
RssChecker::atom_link(const Frame& f, const std::string&)
{
  const XmlElement& e = f.element;
  if (e.attribute("href") == nullptr) {
    error("rss-atom-link-missing-href", e, "<atom:link> has no href attribute");
  } else {
    check_url(e, e.attribute("href")->value, "atom:link href");
  }
  if (const XmlAttribute* rel = e.attribute("rel");
      rel != nullptr && util::trim_xml_space(rel->value) == "self") {
    m_has_self = true;
  }
}

void
RssChecker::hit_parade(const Frame& f, const std::string& text)
{
  const std::string v(util::trim_xml_space(text));
  bool ok = !v.empty();
  for (std::size_t start = 0; ok && start <= v.size();) {
    const std::size_t comma = std::min(v.find(',', start), v.size());
    ok =
      is_unsigned_int(std::string_view(v).substr(start, comma - start), false);
    start = comma + 1;
  }
  if (!ok) {
    error("rss-invalid-integer-list",
          f.element,
          "<slash:hit_parade> \"" + v
            + "\" must be comma-separated whole numbers");
  }
}

void
RssChecker::trackback(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
  if (!e.attributes.empty()) {
    error("rss-unexpected-attribute",
          e,
          "<trackback:" + e.local
            + "> takes its URL as text in RSS 2.0, not as an attribute");
  }
  check_url(e, text, ("<trackback:" + e.local + ">").c_str());
}

void
RssChecker::content_encoded(const Frame& f, const std::string& text)
{
  check_html_text(f.element, text);
}

void
RssChecker::dc_language(const Frame& f, const std::string& text)
{
  if (!util::is_language_tag(util::trim_xml_space(text))) {
    error("rss-invalid-language",
          f.element,
          "<dc:language> \"" + std::string(util::trim_xml_space(text))
            + "\" is not a language tag such as ja or en-us");
  }
}

void
RssChecker::coordinate(const Frame& f, const std::string& text)
{
  const XmlElement& e = f.element;
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
}

void
RssChecker::dc_date(const Frame& f, const std::string& text)
{
  if (!is_w3cdtf(util::trim_xml_space(text))) {
    error("rss-invalid-dc-date",
          f.element,
          "<dc:date> \"" + std::string(util::trim_xml_space(text))
            + "\" is not a W3C-DTF date such as 2024-05-01T10:00:00Z");
  }
}

} // namespace ogfeed::validate
