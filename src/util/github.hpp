#pragma once

#include "util/error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::util {

// GitHub workflow commands escape %, CR and LF in data, and also , and :
// in properties.
std::string github_escape(std::string_view s, bool property);

// A diagnostic as a GitHub Actions workflow command:
// "::error file=posts/a.md,line=3,col=7::message" (title= its rule, if any).
std::string github_annotation(const Diagnostic& d);

// GitHub shows at most 10 annotations of each kind (error, warning) per
// step and drops the rest.
constexpr std::size_t k_github_annotated = 10;

// Diagnostics as a runner's log shows them best: the first
// k_github_annotated errors and the first k_github_annotated warnings as
// annotations, the rest as plain compiler-form lines in a collapsed group
// ("::group::"), then one notice saying how many were grouped. Empty for
// no diagnostics.
std::string github_annotations(const std::vector<Diagnostic>& diagnostics);

} // namespace ogfeed::util
