#include "util/json_value.hpp"

#include "util/json_tree.hpp"

#include <utility>

namespace ogfeed::util {

namespace {

YamlValue
from_json(const util::JsonValue& j)
{
  using Kind = util::JsonValue::Kind;
  YamlValue v;
  v.line = j.line;
  v.column = j.column;
  switch (j.kind) {
  case Kind::null:
    break;
  case Kind::boolean:
  case Kind::number:
  case Kind::string:
    v.kind = YamlValue::Kind::scalar;
    v.scalar = j.text;
    v.plain = j.kind != Kind::string;
    break;
  case Kind::array:
    v.kind = YamlValue::Kind::sequence;
    for (const util::JsonValue& item : j.items) {
      v.items.push_back(from_json(item));
    }
    break;
  case Kind::object:
    v.kind = YamlValue::Kind::map;
    for (const auto& [name, value] : j.members) {
      YamlEntry e;
      e.key.kind = YamlValue::Kind::scalar;
      e.key.scalar = name;
      e.key.line = value.line;
      e.key.column = value.column;
      e.value = from_json(value);
      v.entries.push_back(std::move(e));
    }
    break;
  }
  return v;
}

} // namespace

util::Expected<YamlValue>
parse_json_value(std::string_view text)
{
  // RFC 8259 §8.1 lets a parser ignore a byte order mark; editors on
  // Windows write one.
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  TRY_ASSIGN(root, util::parse_json(text));
  return from_json(root);
}

} // namespace ogfeed::util
