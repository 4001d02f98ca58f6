#include "util/json_tree.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

namespace ogfeed::util {

namespace {

constexpr std::size_t k_max_depth = 256;

// The offset of the first byte of each line.
class Lines
{
public:
  explicit Lines(std::string_view text)
    : m_text(text)
  {
    m_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        m_starts.push_back(i + 1);
      }
    }
  }

  // Line and column (in characters) of byte `offset`.
  std::pair<int, int>
  at(std::size_t offset) const
  {
    offset = std::min(offset, m_text.size());
    const auto it =
      std::upper_bound(m_starts.begin(), m_starts.end(), offset) - 1;
    int column = 1;
    for (std::size_t i = *it; i < offset; ++i) {
      column += (static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80 ? 1 : 0;
    }
    return {static_cast<int>(it - m_starts.begin()) + 1, column};
  }

private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts;
};

// Builds the tree from RapidJSON's events. The iterative parser calls the
// handler with its stream still at the start of the token it has just read
// (white space before it may not be skipped yet): the value starts at the
// first byte from there that is no white space, ',' or ':'.
class Builder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Builder>
{
public:
  Builder(std::string_view text, const rapidjson::StringStream& stream)
    : m_text(text),
      m_lines(text),
      m_stream(stream)
  {
  }

  bool
  Null()
  {
    return add(JsonValue::Kind::null, "null");
  }
  bool
  Bool(bool b)
  {
    return add(JsonValue::Kind::boolean, b ? "true" : "false");
  }
  bool
  RawNumber(const char* s, rapidjson::SizeType n, bool)
  {
    return add(JsonValue::Kind::number, std::string_view(s, n));
  }
  bool
  String(const char* s, rapidjson::SizeType n, bool)
  {
    return add(JsonValue::Kind::string, std::string_view(s, n));
  }
  bool
  Key(const char* s, rapidjson::SizeType n, bool)
  {
    m_key.assign(s, n);
    return true;
  }
  bool
  StartObject()
  {
    return open(JsonValue::Kind::object);
  }
  bool
  EndObject(rapidjson::SizeType)
  {
    return close();
  }
  bool
  StartArray()
  {
    return open(JsonValue::Kind::array);
  }
  bool
  EndArray(rapidjson::SizeType)
  {
    return close();
  }

  JsonValue
  take()
  {
    return std::move(m_root);
  }

private:
  std::size_t
  start()
  {
    std::size_t i = m_stream.Tell();
    while (i < m_text.size()
           && (m_text[i] == ' ' || m_text[i] == '\t' || m_text[i] == '\n'
               || m_text[i] == '\r' || m_text[i] == ',' || m_text[i] == ':')) {
      ++i;
    }
    return i;
  }

  JsonValue&
  place(JsonValue v)
  {
    if (m_stack.empty()) {
      m_root = std::move(v);
      return m_root;
    }
    JsonValue& parent = *m_stack.back();
    if (parent.kind == JsonValue::Kind::array) {
      parent.items.push_back(std::move(v));
      return parent.items.back();
    }
    parent.members.emplace_back(std::move(m_key), std::move(v));
    return parent.members.back().second;
  }

  JsonValue
  made(JsonValue::Kind kind, std::string_view text)
  {
    JsonValue v;
    v.kind = kind;
    v.text = text;
    std::tie(v.line, v.column) = m_lines.at(start());
    return v;
  }

  bool
  add(JsonValue::Kind kind, std::string_view text)
  {
    place(made(kind, text));
    return true;
  }

  bool
  open(JsonValue::Kind kind)
  {
    if (m_stack.size() >= k_max_depth) {
      return false;
    }
    JsonValue& v = place(made(kind, {}));
    m_stack.push_back(&v);
    return true;
  }

  bool
  close()
  {
    m_stack.pop_back();
    return true;
  }

  std::string_view m_text;
  Lines m_lines;
  const rapidjson::StringStream& m_stream;
  std::string m_key;
  JsonValue m_root;
  // The open arrays and objects. A pointer stays valid: only the innermost
  // one grows while it is open.
  std::vector<JsonValue*> m_stack;
};

} // namespace

const JsonValue*
JsonValue::find(std::string_view key) const
{
  for (const auto& [name, value] : members) {
    if (name == key) {
      return &value;
    }
  }
  return nullptr;
}

const char*
json_kind_name(JsonValue::Kind kind)
{
  switch (kind) {
  case JsonValue::Kind::null:
    return "null";
  case JsonValue::Kind::boolean:
    return "a boolean";
  case JsonValue::Kind::number:
    return "a number";
  case JsonValue::Kind::string:
    return "a string";
  case JsonValue::Kind::array:
    return "an array";
  case JsonValue::Kind::object:
    return "an object";
  }
  return "";
}

util::Expected<JsonValue>
parse_json(std::string_view text)
{
  // RapidJSON reads up to a NUL: a document holding one is cut there, and
  // the bytes after it are "not JSON" below.
  const std::string owned(text);
  rapidjson::StringStream stream(owned.c_str());
  Builder builder(text, stream);
  rapidjson::Reader reader;
  constexpr unsigned k_flags = rapidjson::kParseIterativeFlag
                               | rapidjson::kParseValidateEncodingFlag
                               | rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult ok = reader.Parse<k_flags>(stream, builder);
  if (ok.IsError() || stream.Tell() < text.size()) {
    const std::size_t at = ok.IsError() ? ok.Offset() : stream.Tell();
    const auto [line, column] = Lines(text).at(at);
    std::string message = ok.IsError()
                            ? rapidjson::GetParseError_En(ok.Code())
                            : "a NUL character, which JSON text never holds";
    if (ok.Code() == rapidjson::kParseErrorTermination) {
      message = "nested more than 256 levels deep";
    }
    return tl::unexpected(util::make_error(message, line, column));
  }
  return builder.take();
}

} // namespace ogfeed::util
