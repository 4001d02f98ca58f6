#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::util {

// Returns `text` as a JSON string literal, quotes included; control
// characters are escaped, other UTF-8 passes through.
std::string json_string(std::string_view text);

// Appends `text` as it stands inside a JSON string literal (no quotes):
// what json_string puts between them.
void append_json_escaped(std::string& out, std::string_view text);

// Appends json_string(text) to `out` without a string of its own: the runs
// that need no escape are copied whole.
void append_json_string(std::string& out, std::string_view text);

// Returns a JSON number for `value` with at most two decimals ("980.5").
std::string json_number(double value);

// Writes one JSON value, member by member, so no caller concatenates JSON
// by hand. Compact style puts ", " and ": " between items; with
// one_member_per_line the outermost container's items go on lines of their
// own, indented by two spaces.
class JsonWriter
{
public:
  enum class Style {
    compact,
    one_member_per_line,
  };

  explicit JsonWriter(Style style = Style::compact);

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The name of the next member of an object.
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view text);
  JsonWriter& integer(long long value);
  // At most two decimals, as json_number().
  JsonWriter& number(double value);
  JsonWriter& boolean(bool value);
  // A value that is already JSON (made by another JsonWriter).
  JsonWriter& raw(std::string_view json);

  // The text written so far.
  const std::string& str() const;
  // The text written, given away (a large document is not copied).
  std::string take() &&;
  // Hands the text written so far to `write` and forgets it (keeping its
  // room); the writer goes on where it was, so a large document is written
  // out in pieces. Returns what `write` did.
  bool flush_to(const std::function<bool(std::string_view)>& write);
  // Room for `bytes` of text, so a large document is not grown by doubling.
  void reserve(std::size_t bytes);

private:
  void before_value();
  void open(char c);
  void close(char c);

  Style m_style;
  std::string m_out;
  std::vector<bool> m_first; // per open container: no item yet
  bool m_after_key = false;
};

// An object of already-written JSON values, one member per line in key
// order, ending in a newline: cards.json and head.json, keyed by permalink.
std::string json_object_lines(const std::map<std::string, std::string>& raw);

} // namespace ogfeed::util
