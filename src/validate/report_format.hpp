#pragma once

#include "validate/finding.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::validate {

enum class OutputFormat {
  text,   // feed.xml:12:5: error[atom-missing-id]: entry has no <id>
  json,   // one JSON object: {"files": [{"file", "format", "findings": [...]}]}
  github, // ::error file=feed.xml,line=12,col=5,title=atom-missing-id::entry
          // has no <id>
  junit,  // JUnit XML: a testsuite per run, a testcase per file
};

// Returns the format named `name` (text, json, github, junit), or nullopt
// as false.
bool parse_output_format(std::string_view name, OutputFormat& out);

// Renders every report in one format; deterministic.
std::string format_reports(const std::vector<Report>& reports,
                           OutputFormat format,
                           bool strict);

} // namespace ogfeed::validate
