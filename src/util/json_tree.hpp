#pragma once

#include "util/error.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ogfeed::util {

// A JSON value as RFC 8259 gives it, with where it starts in the document
// (line, and column in characters, both from 1).
struct JsonValue
{
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  std::string text; // a string's value, a number as written, true/false
  std::vector<JsonValue> items;                           // an array's
  std::vector<std::pair<std::string, JsonValue>> members; // an object's
  int line = 1;
  int column = 1;

  // The value of member `key` of an object (the first, if repeated), or
  // null.
  const JsonValue* find(std::string_view key) const;
};

// What a JSON value's kind is called in messages: "a string", "an array".
const char* json_kind_name(JsonValue::Kind kind);

// Parses `text` as one JSON document, strictly (RapidJSON): no comments,
// no trailing commas, no second document, UTF-8 checked, \u escapes with
// surrogate pairs decoded, at most 256 levels deep. Fails with the line
// and column of the first error.
Expected<JsonValue> parse_json(std::string_view text);

} // namespace ogfeed::util
