#include "util/simple_yaml.hpp"

#include "util/utf8.hpp"

#include <algorithm>

namespace ogfeed::util {

namespace {

bool
is_key_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
         || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string_view
trim_right(std::string_view s)
{
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

bool
is_null_word(std::string_view s)
{
  return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// Parses the scalar starting at byte `at` of `line` (which runs to the end of
// the line) into `v` (made in place: a post has a dozen); false when it is
// outside the simple subset.
bool
scalar(std::string_view line, std::size_t at, int line_no, util::YamlValue& v)
{
  const std::string_view rest = trim_right(line.substr(at));
  v.line = line_no;
  v.column = util::column_of(line, at);
  if (rest.empty()) {
    return false;
  }
  const char first = rest.front();
  if (first == '"' || first == '\'') {
    const std::size_t close = rest.find(first, 1);
    if (close == std::string_view::npos || close + 1 != rest.size()) {
      return false; // escapes, a comment after it, or multi-line
    }
    const std::string_view inner = rest.substr(1, close - 1);
    if (first == '"' && inner.find('\\') != std::string_view::npos) {
      return false;
    }
    v.kind = util::YamlValue::Kind::scalar;
    v.scalar = std::string(inner);
    v.verbatim = true;
    v.no_comment_after = true; // the quote ends the line
    return true;
  }
  // Indicators that start something other than a plain scalar.
  if (std::string_view("-?:,[]{}#&*!|>%@`").find(first)
      != std::string_view::npos) {
    return false;
  }
  // A '#' after white space starts a comment that runs to the line's end
  // (`description: Kansai #3 に` is "Kansai"; post_builder warns).
  const std::size_t comment = std::min(rest.find(" #"), rest.find("\t#"));
  const std::string_view kept = trim_right(rest.substr(0, comment));
  if (kept.find(": ") != std::string_view::npos || kept.back() == ':') {
    return false;
  }
  if (is_null_word(kept)) {
    v.kind = util::YamlValue::Kind::null;
    return true;
  }
  v.kind = util::YamlValue::Kind::scalar;
  v.plain = true;
  v.scalar = std::string(kept);
  v.verbatim = true;
  v.no_comment_after = comment == std::string_view::npos;
  return true;
}

// A block list's item line ("- value") for the entry `pending` waits on;
// false when it is more than this parser reads.
bool
add_item(util::YamlValue* pending,
         std::size_t& item_indent,
         std::string_view line,
         std::size_t indent,
         int line_no)
{
  if (pending == nullptr) {
    return false;
  }
  util::YamlValue& list = *pending;
  if (list.kind == util::YamlValue::Kind::null) {
    list.kind = util::YamlValue::Kind::sequence;
    list.line = line_no;
    list.column = static_cast<int>(indent) + 1;
    item_indent = indent;
  } else if (indent != item_indent) {
    return false;
  }
  const std::size_t at = line.find_first_not_of(' ', indent + 1);
  if (at == std::string_view::npos) {
    util::YamlValue empty;
    empty.line = line_no;
    empty.column = static_cast<int>(indent) + 1;
    list.items.push_back(std::move(empty));
    return true;
  }
  return scalar(line, at, line_no, list.items.emplace_back());
}

// A top-level "key: value" line into `root`; `pending` is then its value
// when a block list may follow. False when it is more than this parser
// reads.
bool
add_entry(util::YamlValue& root,
          util::YamlValue*& pending,
          std::string_view line,
          int line_no)
{
  std::size_t k = 0;
  while (k < line.size() && is_key_char(line[k])) {
    ++k;
  }
  if (k == 0 || k >= line.size() || line[k] != ':'
      || (k + 1 < line.size() && line[k + 1] != ' ')) {
    return false;
  }
  const std::string_view name = line.substr(0, k);
  if (root.find(name) != nullptr) {
    return false;
  }
  // Made in place; a line this parser does not read fails the whole
  // document, so an entry left half made is never seen.
  util::YamlEntry& entry = root.entries.emplace_back();
  util::YamlValue& key = entry.key;
  key.kind = util::YamlValue::Kind::scalar;
  key.plain = true;
  key.scalar = std::string(name);
  key.line = line_no;
  key.column = 1;
  const std::size_t at = line.find_first_not_of(' ', k + 1);
  if (at == std::string_view::npos) {
    // Null unless a block list follows; placed right after the key.
    entry.value.line = line_no;
    entry.value.column = static_cast<int>(util::utf8_length(name)) + 2;
    pending = &entry.value;
    return true;
  }
  pending = nullptr;
  return scalar(line, at, line_no, entry.value);
}

} // namespace

std::optional<util::YamlValue>
parse_simple_yaml(std::string_view text, int first_line)
{
  util::YamlValue root;
  root.kind = util::YamlValue::Kind::map;
  root.entries.reserve(16); // a post's front matter, grown once or never
  // The entry whose value may still turn out to be a block list. Only item
  // lines use it, and they never add entries, so the pointer stays valid.
  util::YamlValue* pending = nullptr;
  std::size_t item_indent = 0;
  int line_no = first_line - 1;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(
      pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (line.ends_with('\r')) {
      line.remove_suffix(1); // CRLF line ends, as Windows editors write
    }
    ++line_no;
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) {
      continue; // blank
    }
    const char c = line[indent];
    if (c == '#') {
      continue; // a comment line
    }
    if (c == '\t' || c == '\r') {
      return std::nullopt; // tabs: leave them to yaml-cpp
    }
    if (c == '-' && (indent + 1 == line.size() || line[indent + 1] == ' ')) {
      if (!add_item(pending, item_indent, line, indent, line_no)) {
        return std::nullopt;
      }
      continue;
    }
    if (indent != 0) {
      return std::nullopt; // nested maps and continuation lines
    }
    if (!add_entry(root, pending, line, line_no)) {
      return std::nullopt;
    }
  }
  if (root.entries.empty()) {
    return std::nullopt;
  }
  root.line = root.entries.front().key.line;
  root.column = 1;
  return root;
}

} // namespace ogfeed::util
