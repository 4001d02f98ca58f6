#include "util/toml_value.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

namespace ogfeed::util {

namespace {

std::string
date_text(const toml::date& d)
{
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string
time_text(const toml::time& t)
{
  return fmt::format("{:02}:{:02}:{:02}", t.hour, t.minute, t.second);
}

std::string
date_time_text(const toml::date_time& dt)
{
  std::string out = date_text(dt.date) + "T" + time_text(dt.time);
  if (dt.offset) {
    const int minutes = dt.offset->minutes;
    out += minutes == 0 ? std::string("Z")
                        : fmt::format("{}{:02}:{:02}",
                                      minutes < 0 ? '-' : '+',
                                      std::abs(minutes) / 60,
                                      std::abs(minutes) % 60);
  } else {
    out[10] = ' '; // local time: wall clock in the site's time zone
  }
  return out;
}

class Converter
{
public:
  explicit Converter(int first_line)
    : m_first_line(first_line)
  {
  }

  util::Expected<YamlValue>
  convert(const toml::node& node, int depth)
  {
    YamlValue v;
    v.line = m_first_line + static_cast<int>(node.source().begin.line) - 1;
    v.column = static_cast<int>(node.source().begin.column);
    if (depth > k_max_front_matter_depth) {
      return tl::unexpected(too_deep_error(v.line, v.column));
    }
    if (const auto* table = node.as_table()) {
      v.kind = YamlValue::Kind::map;
      for (const auto& [key, child] : *table) {
        YamlEntry entry;
        entry.key.kind = YamlValue::Kind::scalar;
        entry.key.scalar = std::string(key.str());
        entry.key.line =
          m_first_line + static_cast<int>(key.source().begin.line) - 1;
        entry.key.column = static_cast<int>(key.source().begin.column);
        TRY_ASSIGN(value, convert(child, depth + 1));
        entry.value = std::move(value);
        v.entries.push_back(std::move(entry));
      }
    } else if (const auto* array = node.as_array()) {
      v.kind = YamlValue::Kind::sequence;
      for (const auto& child : *array) {
        TRY_ASSIGN(item, convert(child, depth + 1));
        v.items.push_back(std::move(item));
      }
    } else {
      v.kind = YamlValue::Kind::scalar;
      v.scalar = scalar_text(node);
    }
    return v;
  }

private:
  static std::string
  scalar_text(const toml::node& node)
  {
    if (const auto* s = node.as_string()) {
      return s->get();
    }
    if (const auto* b = node.as_boolean()) {
      return b->get() ? "true" : "false";
    }
    if (const auto* i = node.as_integer()) {
      return std::to_string(i->get());
    }
    if (const auto* f = node.as_floating_point()) {
      return fmt::format("{}", f->get());
    }
    if (const auto* d = node.as_date()) {
      return date_text(d->get());
    }
    if (const auto* t = node.as_time()) {
      return time_text(t->get());
    }
    if (const auto* dt = node.as_date_time()) {
      return date_time_text(dt->get());
    }
    return {};
  }

  int m_first_line;
};

// Where `text` nests deeper than k_max_front_matter_depth (open brackets
// and braces plus the parts of a dotted key), as 1-based line and column
// within `text`; toml++ recurses once per level, so 50,000 parts of one
// dotted key would overflow the stack before it could say no. Strings and
// comments are skipped; the count errs on the side of "too deep" only for
// what no real config holds.
std::optional<std::pair<int, int>>
too_deep(std::string_view text)
{
  int line = 1;
  int column = 0;
  int open = 0; // [ and { not yet closed
  int dots = 0; // parts of the dotted key being read
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    ++column;
    if (c == '\n') {
      ++line;
      column = 0;
      dots = 0;
      continue;
    }
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') {
        ++i;
      }
      continue;
    }
    if (c == '"' || c == '\'') {
      const bool multi = text.substr(i, 3) == std::string(3, c);
      const std::string_view close =
        multi ? text.substr(i, 3) : text.substr(i, 1);
      std::size_t j = i + close.size();
      while (j < text.size() && text.substr(j, close.size()) != close) {
        if (c == '"' && text[j] == '\\') {
          ++j;
        }
        if (text[j] == '\n') {
          ++line;
          column = 0;
        }
        ++j;
      }
      column += static_cast<int>(std::min(j, text.size()) - i);
      i = std::min(j + close.size(), text.size()) - 1;
      continue;
    }
    if (c == '[' || c == '{') {
      ++open;
      dots = 0;
    } else if (c == ']' || c == '}') {
      open = std::max(0, open - 1);
    } else if (c == '=' || c == ',') {
      dots = 0;
    } else if (c == '.') {
      ++dots;
    }
    if (open + dots > k_max_front_matter_depth) {
      return std::pair<int, int>(line, column);
    }
  }
  return std::nullopt;
}

} // namespace

util::Expected<YamlValue>
parse_toml(std::string_view text, int first_line)
{
  if (const auto at = too_deep(text)) {
    return tl::unexpected(
      too_deep_error(first_line + at->first - 1, at->second));
  }
  try {
    const toml::table table = toml::parse(text);
    return Converter(first_line).convert(table, 0);
  } catch (const toml::parse_error& e) {
    return tl::unexpected(
      util::make_error("invalid TOML: " + std::string(e.description()),
                       first_line + static_cast<int>(e.source().begin.line) - 1,
                       static_cast<int>(e.source().begin.column)));
  }
}

} // namespace ogfeed::util
