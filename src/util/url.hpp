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

// The scheme of a script URL as a browser reads it (javascript:, vbscript:,
// or data: other than an image), ignoring case, leading white space and
// control characters and tabs or newlines inside the scheme, or empty.
std::string script_url_scheme(std::string_view url);

// True when `ref` is fit for a link in a feed: relative (made absolute
// against the post), protocol-relative, or an http(s) URL. Any other scheme
// (javascript:, data:, vbscript:, file:...) is not.
bool is_web_reference(std::string_view ref);

// Resolves `ref` against the absolute URL `base` (RFC 3986 section 5.2),
// after trimming ASCII white space. A protocol-relative reference ("//host/x")
// always becomes https, whatever the base's scheme.
std::string resolve_url(std::string_view ref, std::string_view base);

// A site's own `url` (an icon, a logo) as an absolute URL below the site's
// `base_url`: "/x.png" and "x.png" are both below it, as Hugo and Jekyll
// read them; empty stays empty.
std::string site_url(std::string_view base_url, const std::string& url);

// Percent-encodes everything but RFC 3986 unreserved characters, so any text
// (Japanese, spaces, slashes) becomes one safe path segment; the characters
// of `also_keep` stay too, and with `keep_escapes` a '%' that starts an
// escape (%XX) is kept as one.
std::string percent_encode(std::string_view text,
                           std::string_view also_keep = {},
                           bool keep_escapes = false);

// Undoes percent_encode(): each %XX (two hex digits) is its byte; anything
// else is kept as written.
std::string percent_decode(std::string_view text);

} // namespace ogfeed::util
