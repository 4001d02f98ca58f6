#include "content/front_matter/js_front_matter.hpp"

#include "util/ascii.hpp"

#include <regex>
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
  static const std::regex plain(R"(-?[0-9][0-9_.eE+-]*|true|false|null)");
  if (std::regex_match(v.begin(), v.end(), plain)) {
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
  static const std::regex decl(
    R"(^\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][A-Za-z0-9_$]*)\s*=\s*(.*?)\s*;?\s*$)");
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
    std::smatch m;
    if (std::regex_match(row, m, decl)) {
      const int column = static_cast<int>(m.position(2)) + 1;
      if (auto value = literal(m[2].str(), here, column)) {
        util::YamlEntry entry;
        entry.key.kind = util::YamlValue::Kind::scalar;
        entry.key.scalar = m[1].str();
        entry.key.line = here;
        entry.key.column = static_cast<int>(m.position(1)) + 1;
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
