#pragma once

#include "util/error.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::util {

struct YamlEntry;

// A YAML node copied out of yaml-cpp, with its position, so that parsers of
// posts and configs never see yaml-cpp types or exceptions.
struct YamlValue
{
  enum class Kind {
    null,
    scalar,
    sequence,
    map,
  };

  Kind kind = Kind::null;
  std::string scalar;
  bool plain = false; // an unquoted scalar, where YAML comments can cut text
  // A scalar as its file has it, no escape undone (util::parse_simple_yaml's
  // are): it holds no character its checked file did not.
  bool verbatim = false;
  // Nothing on its line after it starts a comment (" #"), as
  // util::parse_simple_yaml saw it; false when not known.
  bool no_comment_after = false;
  std::vector<YamlValue> items;
  std::vector<YamlEntry> entries; // a map's keys and values, in order
  int line = 0;                   // 1-based file line
  int column = 0;                 // 1-based column in code points

  // Returns the value under `key` in a map, or null.
  const YamlValue* find(std::string_view key) const;
};

// One key and its value in a YAML map. (Not std::pair: a pair of an
// incomplete type inside YamlValue is undefined, and clang rejects it.)
struct YamlEntry
{
  YamlValue key;
  YamlValue value;
};

// Front matter nested deeper than this is refused, in any language.
constexpr int k_max_front_matter_depth = 64;

// The error for front matter nested deeper than k_max_front_matter_depth.
util::Error too_deep_error(int line, int column);

// Parses one YAML document whose first line is file line `first_line`.
// Fails with the parser's message at its position; also fails on documents
// nested deeper than 64 levels or holding more than 100,000 nodes (alias
// bombs). An empty document is a null value.
util::Expected<YamlValue> parse_yaml(std::string_view text, int first_line);

// Parses with yaml-cpp alone, never the fast path; for tests that hold
// parse_simple_yaml to yaml-cpp's answers.
util::Expected<YamlValue> parse_yaml_cpp(std::string_view text, int first_line);

// Returns a scalar's text ("" for null). Fails, naming `what`, on a list or
// map.
util::Expected<std::string> as_string(const YamlValue& v,
                                      std::string_view what);

// Returns a YAML boolean (true/false/yes/no/on/off, any case; null is false).
util::Expected<bool> as_bool(const YamlValue& v, std::string_view what);

// Returns an integer in [min, max].
util::Expected<int>
as_int(const YamlValue& v, std::string_view what, int min, int max);

// Returns a list of strings from a YAML list, a comma-separated string, or
// null (empty list). Items are trimmed; empty ones and repeats are dropped.
util::Expected<std::vector<std::string>> as_string_list(const YamlValue& v,
                                                        std::string_view what);

// Calls visit(key, value) for each entry of map `v`, in order. Fails on a
// value that is not a map (null is an empty map), on a key not in `known`
// ("unknown key 'feeds.limt', did you mean 'limit'?", `section` naming the
// enclosing map), or with visit's own error.
util::Expected<void>
visit_map(const YamlValue& v,
          std::string_view section,
          const std::vector<std::string>& known,
          const std::function<util::Expected<void>(const std::string&,
                                                   const YamlValue&)>& visit);

// Returns the source line (1-based file line) of `text` that starts at
// `first_line`, or an empty view.
std::string_view source_line(std::string_view text, int first_line, int line);

// `text` with each tab that indents a line (at its start, or after such
// tabs) as two spaces: how Hexo reads YAML (hexo-front-matter's escape),
// where YAML itself forbids tabs there.
std::string tabs_as_indent(std::string text);

} // namespace ogfeed::util
