#pragma once

#include <string>
#include <string_view>

namespace ogfeed::content {

// Rewrites every URL-valued attribute in an HTML fragment (href, src, srcset
// candidates, poster, cite, action, formaction, data, longdesc, background)
// to an absolute URL resolved against `base` (the post's permalink):
// "img/a.png" and "#fn-1" against the permalink, "/a" against the host,
// "//host/x" to "https://host/x". Everything else is copied byte for byte.
std::string absolutize_html(std::string_view html, std::string_view base);

// Resolves each candidate URL of a srcset value against `base`, keeping the
// width and density descriptors.
std::string absolutize_srcset(std::string_view srcset, std::string_view base);

} // namespace ogfeed::content
