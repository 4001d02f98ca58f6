#pragma once

#include "validate/checker.hpp"

#include <set>
#include <string_view>

namespace ogfeed::validate {

// RSS 2.0 (and 0.91/0.92 as RSS): channel and item elements, their
// cardinality and values (RFC 822 dates, URLs, e-mail contacts, enclosures,
// guid, ttl, skipHours/skipDays, image, textInput, cloud) and the common
// extensions (atom:link, content:encoded, dc:*, slash:, trackback:, geo).
// Each rule is a row in a table keyed by (parent, element) or, for
// extensions, by (namespace, element).
class RssChecker : public Checker
{
public:
  using Checker::Checker;

  // One rule: what to check when an element closes.
  using Rule = void (RssChecker::*)(const Frame& frame,
                                    const std::string& text);

private:
  void opened(const Frame& frame) override;
  void closed(const Frame& frame, const std::string& text) override;

  // The rule for an RSS element under `parent` ("*" rows match any), or
  // null; and the rule for an extension element, or null
  // (rss_extensions.cpp).
  static Rule core_rule(std::string_view parent, std::string_view local);
  static Rule extension_rule(std::string_view ns, std::string_view local);

  void
  check_url(const XmlElement& at, const std::string& value, const char* what);
  void check_date(const XmlElement& at, const std::string& value);
  int n(const Frame& f, const char* local) const;

  // Core rules (rss_checker.cpp).
  void rss(const Frame& f, const std::string& text);
  void channel(const Frame& f, const std::string& text);
  void item(const Frame& f, const std::string& text);
  void html_description(const Frame& f, const std::string& text);
  void url_text(const Frame& f, const std::string& text);
  void date_text(const Frame& f, const std::string& text);
  void contact(const Frame& f, const std::string& text);
  void language(const Frame& f, const std::string& text);
  void ttl(const Frame& f, const std::string& text);
  void guid(const Frame& f, const std::string& text);
  void enclosure(const Frame& f, const std::string& text);
  void source(const Frame& f, const std::string& text);
  void cloud(const Frame& f, const std::string& text);
  void image_or_text_input(const Frame& f, const std::string& text);
  void skip_list(const Frame& f, const std::string& text);
  void image_url(const Frame& f, const std::string& text);
  void image_size(const Frame& f, const std::string& text);
  void text_input_link(const Frame& f, const std::string& text);
  void text_input_name(const Frame& f, const std::string& text);
  void hour(const Frame& f, const std::string& text);
  void day(const Frame& f, const std::string& text);

  // Extension rules (rss_extensions.cpp).
  void atom_link(const Frame& f, const std::string& text);
  void hit_parade(const Frame& f, const std::string& text);
  void trackback(const Frame& f, const std::string& text);
  void content_encoded(const Frame& f, const std::string& text);
  void dc_language(const Frame& f, const std::string& text);
  void coordinate(const Frame& f, const std::string& text);
  void dc_date(const Frame& f, const std::string& text);

  // Dublin Core and Media RSS (rss_media_dc.cpp).
  void dublin_core(const Frame& f, const std::string& text);
  void media(const Frame& f, const std::string& text);

  // Podcasting 2.0's podcast: (rss_podcast.cpp).
  void podcast(const Frame& f, const std::string& text);
  void
  georss(const Frame& f, const std::string& text)
  {
    check_georss(f.element, text);
  }

  // Apple Podcasts' itunes: namespace (rss_itunes.cpp).
  void itunes(const Frame& f, const std::string& text);
  void itunes_category(const Frame& f);
  void itunes_explicit(const XmlElement& e, const std::string& v);
  void itunes_image(const XmlElement& e);

  bool m_has_self = false;
  std::set<std::string> m_guids;
  std::set<std::string> m_days;
  std::set<std::string> m_hours;
};

} // namespace ogfeed::validate
