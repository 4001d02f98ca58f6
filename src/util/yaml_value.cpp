#include "util/yaml_value.hpp"

#include "util/ascii.hpp"
#include "util/edit_distance.hpp"
#include "util/simple_yaml.hpp"
#include "util/utf8.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

namespace ogfeed::util {

namespace {

constexpr std::size_t k_max_nodes = 100000;

class Converter
{
public:
  Converter(std::string_view text, int first_line)
    : m_text(text),
      m_first_line(first_line)
  {
  }

  util::Expected<YamlValue>
  convert(const YAML::Node& node, int depth)
  {
    YamlValue v;
    set_position(v, node.Mark());
    if (++m_nodes > k_max_nodes) {
      return tl::unexpected(
        util::make_error("front matter has too many values (more than 100000)",
                         v.line,
                         v.column));
    }
    if (depth > k_max_front_matter_depth) {
      return tl::unexpected(too_deep_error(v.line, v.column));
    }
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      v.kind = YamlValue::Kind::null;
      break;
    case YAML::NodeType::Scalar:
      v.kind = YamlValue::Kind::scalar;
      v.scalar = node.Scalar();
      v.plain = node.Tag() == "?";
      break;
    case YAML::NodeType::Sequence:
      v.kind = YamlValue::Kind::sequence;
      for (const auto& item : node) {
        TRY_ASSIGN(child, convert(item, depth + 1));
        v.items.push_back(std::move(child));
      }
      break;
    case YAML::NodeType::Map:
      v.kind = YamlValue::Kind::map;
      for (const auto& kv : node) {
        TRY_ASSIGN(key, convert(kv.first, depth + 1));
        TRY_ASSIGN(value, convert(kv.second, depth + 1));
        // yaml-cpp marks an empty value ("category: ") at the next line or
        // nowhere; place it right after its key, as parse_simple_yaml does.
        if (value.kind == YamlValue::Kind::null) {
          value.line = key.line;
          value.column =
            key.column + static_cast<int>(util::utf8_length(key.scalar)) + 1;
        }
        v.entries.push_back(YamlEntry{std::move(key), std::move(value)});
      }
      break;
    }
    return v;
  }

  void
  set_position(YamlValue& v, const YAML::Mark& mark) const
  {
    if (mark.is_null()) {
      return;
    }
    v.line = m_first_line + mark.line;
    v.column = util::column_of(source_line(m_text, m_first_line, v.line),
                               static_cast<std::size_t>(mark.column));
  }

private:
  std::string_view m_text;
  int m_first_line;
  std::size_t m_nodes = 0;
};

} // namespace

const YamlValue*
YamlValue::find(std::string_view key) const
{
  for (const auto& [k, value] : entries) {
    if (k.kind == Kind::scalar && k.scalar == key) {
      return &value;
    }
  }
  return nullptr;
}

util::Error
too_deep_error(int line, int column)
{
  return util::make_error("front matter is nested too deeply (more than "
                            + std::to_string(k_max_front_matter_depth)
                            + " levels)",
                          line,
                          column);
}

util::Expected<YamlValue>
parse_yaml(std::string_view text, int first_line)
{
  if (auto simple = parse_simple_yaml(text, first_line)) {
    return std::move(*simple);
  }
  return parse_yaml_cpp(text, first_line);
}

util::Expected<YamlValue>
parse_yaml_cpp(std::string_view text, int first_line)
{
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp says "bad file" here, which misleads.
    const int line = e.mark.is_null() ? first_line : first_line + e.mark.line;
    return tl::unexpected(too_deep_error(
      line,
      e.mark.is_null()
        ? 1
        : util::column_of(source_line(text, first_line, line),
                          static_cast<std::size_t>(e.mark.column))));
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? first_line : first_line + e.mark.line;
    const int column =
      e.mark.is_null()
        ? 1
        : util::column_of(source_line(text, first_line, line),
                          static_cast<std::size_t>(e.mark.column));
    return tl::unexpected(
      util::make_error("invalid YAML: " + e.msg, line, column));
  }
  try {
    Converter converter(text, first_line);
    return converter.convert(root, 0);
  } catch (const YAML::Exception& e) {
    return tl::unexpected(
      util::make_error("invalid YAML: " + e.msg, first_line, 1));
  }
}

util::Expected<std::string>
as_string(const YamlValue& v, std::string_view what)
{
  if (v.kind == YamlValue::Kind::null) {
    return std::string();
  }
  if (v.kind != YamlValue::Kind::scalar) {
    return tl::unexpected(
      util::make_error("'" + std::string(what) + "' must be a string, got a "
                         + (v.kind == YamlValue::Kind::map ? "map" : "list"),
                       v.line,
                       v.column));
  }
  return v.scalar;
}

util::Expected<bool>
as_bool(const YamlValue& v, std::string_view what)
{
  TRY_ASSIGN(text, as_string(v, what));
  const std::string lower = util::ascii_lower(text);
  if (lower.empty() || lower == "false" || lower == "no" || lower == "off") {
    return false;
  }
  if (lower == "true" || lower == "yes" || lower == "on") {
    return true;
  }
  return tl::unexpected(util::make_error(
    "'" + std::string(what) + "' must be true or false, got \"" + text + "\"",
    v.line,
    v.column));
}

util::Expected<int>
as_int(const YamlValue& v, std::string_view what, int min, int max)
{
  TRY_ASSIGN(text, as_string(v, what));
  int value = 0;
  bool ok = !text.empty() && text.size() <= 9;
  for (const char c : text) {
    ok = ok && std::isdigit(static_cast<unsigned char>(c));
    value = value * 10 + (c - '0');
  }
  if (!ok || value < min || value > max) {
    return tl::unexpected(util::make_error(
      "'" + std::string(what) + "' must be a whole number from "
        + std::to_string(min) + " to " + std::to_string(max) + ", got \"" + text
        + "\"",
      v.line,
      v.column));
  }
  return value;
}

util::Expected<std::vector<std::string>>
as_string_list(const YamlValue& v, std::string_view what)
{
  // Each item trimmed of blanks; empty ones and repeats left out.
  std::vector<std::string> out;
  const auto add = [&](std::string_view item) {
    const std::size_t b = item.find_first_not_of(" \t");
    if (b == std::string_view::npos) {
      return;
    }
    const std::size_t e = item.find_last_not_of(" \t");
    const std::string_view trimmed = item.substr(b, e - b + 1);
    if (std::find(out.begin(), out.end(), trimmed) == out.end()) {
      out.emplace_back(trimmed);
    }
  };
  if (v.kind == YamlValue::Kind::sequence) {
    out.reserve(v.items.size());
    for (const auto& item : v.items) {
      if (item.kind == YamlValue::Kind::scalar) {
        add(item.scalar);
      } else if (item.kind != YamlValue::Kind::null) {
        return tl::unexpected(as_string(item, what).error());
      }
    }
    return out;
  }
  TRY_ASSIGN(text, as_string(v, what));
  // "a, b": a list written as one string.
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::size_t end = comma == std::string::npos ? text.size() : comma;
    add(std::string_view(text).substr(start, end - start));
    start = end + 1;
  }
  return out;
}

util::Expected<void>
visit_map(const YamlValue& v,
          std::string_view section,
          const std::vector<std::string>& known,
          const std::function<util::Expected<void>(const std::string&,
                                                   const YamlValue&)>& visit)
{
  if (v.kind == YamlValue::Kind::null) {
    return {};
  }
  if (v.kind != YamlValue::Kind::map) {
    return tl::unexpected(util::make_error(
      section.empty() ? std::string("expected a map of 'key: value' settings")
                      : "'" + std::string(section) + "' must be a map",
      v.line,
      v.column));
  }
  for (const auto& [k, value] : v.entries) {
    if (k.kind != YamlValue::Kind::scalar
        || std::find(known.begin(), known.end(), k.scalar) == known.end()) {
      const std::string full =
        section.empty() ? k.scalar : std::string(section) + "." + k.scalar;
      std::string message = "unknown key '" + full + "'";
      if (const auto near = util::closest_match(k.scalar, known)) {
        message += ", did you mean '" + *near + "'?";
      }
      return tl::unexpected(util::make_error(message, k.line, k.column));
    }
    TRY(visit(k.scalar, value));
  }
  return {};
}

std::string_view
source_line(std::string_view text, int first_line, int line)
{
  std::size_t pos = 0;
  for (int n = first_line; n < line; ++n) {
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      return {};
    }
    pos = nl + 1;
  }
  const std::size_t end = text.find('\n', pos);
  return text.substr(pos, end == std::string_view::npos ? end : end - pos);
}

std::string
tabs_as_indent(std::string text)
{
  std::string out;
  out.reserve(text.size());
  bool line_start = true;
  for (const char c : text) {
    if (c == '\t' && line_start) {
      out += "  ";
      continue;
    }
    line_start = c == '\n';
    out += c;
  }
  return out;
}

} // namespace ogfeed::util
