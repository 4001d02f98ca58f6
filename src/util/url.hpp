#pragma once

#include <string>
#include <string_view>

namespace ogfeed::util {

// Parts of a URI reference (RFC 3986 section 3); absent parts are empty and
// flagged by the has_ members.
struct UrlParts
{
  std::string scheme;
  bool has_authority = false;
  std::string authority;
  std::string path;
  bool has_query = false;
  std::string query;
  bool has_fragment = false;
  std::string fragment;
};

// Splits a URI reference into its parts; never fails.
UrlParts split_url(std::string_view ref);

// True when `ref` starts with a scheme ("https:", "mailto:").
bool has_scheme(std::string_view ref);

// True when `url` is an absolute http or https URL with a host.
bool is_http_url(std::string_view url);

// Resolves `ref` against the absolute URL `base` (RFC 3986 section 5.2),
// after trimming ASCII white space. A protocol-relative reference ("//host/x")
// always becomes https, whatever the base's scheme.
std::string resolve_url(std::string_view ref, std::string_view base);

// Percent-encodes everything but RFC 3986 unreserved characters, so any text
// (Japanese, spaces, slashes) becomes one safe path segment.
std::string percent_encode(std::string_view text);

} // namespace ogfeed::util
