#include "validate/finding.hpp"

#include <algorithm>

namespace ogfeed::validate {

const char*
kind_name(FeedKind kind)
{
  switch (kind) {
  case FeedKind::atom:
    return "Atom 1.0";
  case FeedKind::rss:
    return "RSS 2.0";
  case FeedKind::rss1:
    return "RSS 1.0";
  case FeedKind::json:
    return "JSON Feed";
  case FeedKind::unsupported:
    return "unsupported";
  case FeedKind::unknown:
    break;
  }
  return "unknown";
}

bool
has_errors(const Report& report, bool strict)
{
  return std::any_of(
    report.findings.begin(), report.findings.end(), [&](const Finding& f) {
      return strict || f.severity == util::Severity::error;
    });
}

} // namespace ogfeed::validate
