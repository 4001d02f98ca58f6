#pragma once

#include <span>
#include <string>
#include <string_view>

namespace ogfeed::validate {

// What each rule of `ogfeed validate` checks against: the specification and
// its section, and where to read it. Every rule a checker can report has a
// row (tests/validate/rule_specs_test.cpp holds the sources to that).
struct RuleSpec
{
  std::string_view rule;
  std::string_view spec; // "RFC 4287 §4.1.2: ..."
  std::string_view url;  // empty for ogfeed's own limits
};

// The rows, sorted by rule.
std::span<const RuleSpec> rule_specs();

// The row of `rule`, or null.
const RuleSpec* rule_spec(std::string_view rule);

// The table as Markdown (`ogfeed validate --rules`).
std::string rule_specs_markdown();

} // namespace ogfeed::validate
