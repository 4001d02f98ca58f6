#pragma once

#include "util/error.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace ogfeed::validate {

// One problem in a feed: a stable rule id ("atom-missing-id"), how bad it
// is, where (1-based line and column), and what was found and expected.
struct Finding
{
  util::Severity severity = util::Severity::error;
  std::string rule;
  int line = 0;
  int column = 0;
  std::string message;
};

// The most findings one document keeps: a broken generator repeats one
// mistake per entry, and a million copies help no one (or memory).
constexpr std::size_t k_max_findings = 1000;

enum class FeedKind {
  unknown,
  atom,
  rss,
  rss1,        // RSS 1.0 (RDF), and RSS 0.90
  json,        // JSON Feed 1.0 / 1.1
  unsupported, // other XML
};

struct Report
{
  std::string name; // the file name as given, "-" for stdin
  FeedKind kind = FeedKind::unknown;
  std::vector<Finding> findings; // in document order
};

const char* kind_name(FeedKind kind);

// True when any finding is an error (or, with `strict`, any at all).
bool has_errors(const Report& report, bool strict);

} // namespace ogfeed::validate
