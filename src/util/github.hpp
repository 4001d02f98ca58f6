#pragma once

#include "util/error.hpp"

#include <string>
#include <string_view>

namespace ogfeed::util {

// GitHub workflow commands escape %, CR and LF in data, and also , and :
// in properties.
std::string github_escape(std::string_view s, bool property);

// A diagnostic as a GitHub Actions workflow command:
// "::error file=posts/a.md,line=3,col=7::message" (title= its rule, if any).
std::string github_annotation(const Diagnostic& d);

} // namespace ogfeed::util
