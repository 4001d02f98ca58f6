#include "content/front_matter/js_front_matter.hpp"

#include "util/ascii.hpp"

#include <optional>
#include <string>

namespace ogfeed::content {

namespace {

// A JS string literal's text, or nothing when it is not one plain literal.
std::optional<std::string>
string_literal(std::string_view v)
{
  if (v.size() < 2
      || (v.front() != '"' && v.front() != '\'' && v.front() != '`')
      || v.back() != v.front()) {
    return std::nullopt;
  }
  const std::string_view inner = v.substr(1, v.size() - 2);
  if (v.front() == '`' && inner.find("${") != std::string_view::npos) {
    return std::nullopt; // a template with code in it
  }
  std::string out;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] == v.front()) {
      return std::nullopt; // two literals joined by code
    }
    if (inner[i] == '\\' && i + 1 < inner.size()) {
      const char c = inner[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
      continue;
    }
    out += inner[i];
  }
  return out;
}

// `[export] const|let|var NAME = VALUE[;]` on one line, read by hand (a
// line may be megabytes long): its name and value, with where they start.
struct Declaration
{
  std::string_view name;
  std::size_t name_at = 0;
  std::string_view value;
  std::size_t value_at = 0;
};

std::optional<Declaration>
declaration(std::string_view row)
{
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  };
  std::size_t i = 0;
  const auto skip_space = [&] {
    while (i < row.size() && space(row[i])) {
      ++i;
    }
  };
  // A keyword and the space after it.
  const auto word = [&](std::string_view w) {
    if (row.substr(i, w.size()) != w || i + w.size() >= row.size()
        || !space(row[i + w.size()])) {
      return false;
    }
    i += w.size();
    skip_space();
    return true;
  };
  skip_space();
  (void)word("export");
  if (!word("const") && !word("let") && !word("var")) {
    return std::nullopt;
  }
  const auto name_char = [](char c, bool first) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'
           || c == '$' || (!first && c >= '0' && c <= '9');
  };
  Declaration d;
  d.name_at = i;
  while (i < row.size() && name_char(row[i], i == d.name_at)) {
    ++i;
  }
  d.name = row.substr(d.name_at, i - d.name_at);
  skip_space();
  if (d.name.empty() || i >= row.size() || row[i] != '=') {
    return std::nullopt;
  }
  ++i;
  skip_space();
  std::size_t end = row.size();
  while (end > i && space(row[end - 1])) {
    --end;
  }
  if (end > i && row[end - 1] == ';') {
    --end;
    while (end > i && space(row[end - 1])) {
      --end;
    }
  }
  d.value_at = i;
  d.value = row.substr(i, end - i);
  return d;
}

util::Expected<util::YamlValue>
literal(std::string_view v, int line, int column)
{
  util::YamlValue out;
  out.line = line;
  out.column = column;
  if (const auto s = string_literal(v)) {
    out.kind = util::YamlValue::Kind::scalar;
    out.scalar = *s;
    return out;
  }
  // -?[0-9][0-9_.eE+-]*, true, false or null (by hand: a line may be
  // megabytes long).
  const std::string_view digits = v.starts_with('-') ? v.substr(1) : v;
  const bool number =
    !digits.empty() && digits[0] >= '0' && digits[0] <= '9'
    && digits.find_first_not_of("0123456789_.eE+-") == std::string_view::npos;
  if (number || v == "true" || v == "false" || v == "null") {
    out.kind =
      v == "null" ? util::YamlValue::Kind::null : util::YamlValue::Kind::scalar;
    out.scalar = std::string(v);
    out.plain = true;
    return out;
  }
  if (!v.empty() && (v.front() == '[' || v.front() == '{')
      && v.find('(') == std::string_view::npos) {
    // A one-line array or object literal reads as flow YAML.
    auto parsed = util::parse_yaml_cpp(v, line);
    if (parsed) {
      return parsed;
    }
  }
  return tl::unexpected(util::Error{});
}

} // namespace

util::Expected<util::YamlValue>
parse_js_front_matter(std::string_view text, int first_line)
{
  util::YamlValue root;
  root.kind = util::YamlValue::Kind::map;
  root.line = first_line;
  root.column = 1;
  int line = first_line;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string row(text.substr(start, end - start));
    start = end + 1;
    const int here = line++;
    const std::string_view trimmed = util::trim_xml_space(row);
    if (trimmed.empty() || trimmed.starts_with("//")) {
      continue;
    }
    if (const auto d = declaration(row)) {
      const int column = static_cast<int>(d->value_at) + 1;
      if (auto value = literal(d->value, here, column)) {
        util::YamlEntry entry;
        entry.key.kind = util::YamlValue::Kind::scalar;
        entry.key.scalar = std::string(d->name);
        entry.key.line = here;
        entry.key.column = static_cast<int>(d->name_at) + 1;
        entry.value = std::move(*value);
        root.entries.push_back(std::move(entry));
        continue;
      }
    }
    return tl::unexpected(util::make_error(
      "this line of JavaScript front matter (---js) is code ogfeed does not "
      "run; only `const name = value;` lines with literal values are read",
      here,
      1));
  }
  return root;
}

} // namespace ogfeed::content
