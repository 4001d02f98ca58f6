#pragma once

#include "validate/checker.hpp"

#include <set>

namespace ogfeed::validate {

// RSS 2.0 (and 0.91/0.92 as RSS): channel and item elements, their
// cardinality and values (RFC 822 dates, URLs, e-mail contacts, enclosures,
// guid, ttl, skipHours/skipDays, image, textInput, cloud) and the common
// extensions (atom:link, content:encoded, dc:*).
class RssChecker : public Checker
{
public:
  using Checker::Checker;

private:
  void opened(const Frame& frame) override;
  void closed(const Frame& frame, const std::string& text) override;

  void
  check_url(const XmlElement& at, const std::string& value, const char* what);
  void check_date(const XmlElement& at, const std::string& value);

  bool m_has_self = false;
  std::set<std::string> m_guids;
  std::set<std::string> m_days;
  std::set<std::string> m_hours;
};

} // namespace ogfeed::validate
