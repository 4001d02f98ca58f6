#include "content/front_matter/front_matter_lenient.hpp"

#include "content/front_matter/js_front_matter.hpp"
#include "util/encoding_guess.hpp"
#include "util/split.hpp"
#include "util/toml_value.hpp"

#include <algorithm>

namespace ogfeed::content::detail {

// Parses the front matter in its language. JSON goes to yaml-cpp (YAML
// 1.2 reads JSON), never the YAML fast path.
util::Expected<util::YamlValue>
parse_front_matter_data(const FrontMatter& fm)
{
  switch (fm.format) {
  case FrontMatterFormat::yaml:
    return util::parse_yaml(fm.data, fm.data_line);
  case FrontMatterFormat::json:
    return util::parse_yaml_cpp(fm.data, fm.data_line);
  case FrontMatterFormat::toml:
    return util::parse_toml(fm.data, fm.data_line);
  case FrontMatterFormat::javascript:
    break;
  case FrontMatterFormat::none: {
    util::YamlValue empty;
    empty.kind = util::YamlValue::Kind::map;
    return empty;
  }
  }
  return parse_js_front_matter(fm.data, fm.data_line);
}

// What a file that is not UTF-8 looks like, and the command that converts
// it ("" when it looks like nothing known).
std::string
encoding_advice(std::string_view raw, const std::string& path)
{
  const auto encoding = util::guess_encoding(raw);
  if (!encoding) {
    return {};
  }
  const std::string name = *encoding == "CP932" ? "Shift_JIS" : *encoding;
  return "the file looks like " + name + "; convert it to UTF-8 with `iconv -f "
         + *encoding + " -t UTF-8 '" + path + "' > converted.md && mv "
         + "converted.md '" + path + "'`";
}

// Rewrites `key: text: more` (a top-level line whose plain value holds
// ": ", which YAML refuses) as `key: "text: more"`; false for any other line.
bool
quote_plain_value(std::string& line)
{
  // By hand, not by a regular expression: a line may be megabytes long.
  const auto is_name_start = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  };
  const auto is_name_char = [&](char c) {
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '-';
  };
  if (line.empty() || !is_name_start(line[0])) {
    return false;
  }
  std::size_t i = 1;
  while (i < line.size() && is_name_char(line[i])) {
    ++i;
  }
  const std::string key = line.substr(0, i);
  if (i >= line.size() || line[i] != ':' || i + 1 >= line.size()
      || (line[i + 1] != ' ' && line[i + 1] != '\t')) {
    return false;
  }
  i = line.find_first_not_of(" \t", i + 1);
  std::size_t end = line.find_last_not_of(" \t\r\n\f\v");
  if (i == std::string::npos || end < i) {
    return false;
  }
  const std::string text = line.substr(i, end - i + 1);
  // A plain scalar's start, holding ": " (which YAML refuses in one).
  if (std::string_view("'\"[{|>&*!#%@`").find(text[0]) != std::string::npos
      || text.find(": ", 1) == std::string::npos) {
    return false;
  }
  std::string value;
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      value += '\\';
    }
    value += c;
  }
  line = key + ": \"" + value + "\"";
  return true;
}

// Parses front matter; YAML that fails only because a plain value holds
// ": " (`title: Tips: vim`, which Jekyll's own parser also refuses, losing
// the post's title) is read as the text it plainly is, with a warning at
// each such line.
util::Expected<util::YamlValue>
parse_front_matter_leniently(const FrontMatter& fm, util::Diagnostics& notes)
{
  auto root = parse_front_matter_data(fm);
  if (root || fm.format != FrontMatterFormat::yaml) {
    return root;
  }
  const util::Error first = root.error();
  const std::size_t tab = fm.data.starts_with('\t') ? 0 : fm.data.find("\n\t");
  if (tab != std::string::npos) {
    // Hexo reads indenting tabs as two spaces each; YAML forbids them.
    if (auto spaced = util::parse_yaml(
          util::tabs_as_indent(std::string(fm.data)), fm.data_line)) {
      const int line =
        fm.data_line
        + static_cast<int>(std::count(
          fm.data.begin(),
          fm.data.begin() + static_cast<std::ptrdiff_t>(tab + (tab > 0)),
          '\n'));
      notes.push_back(util::make_warning(
        "a line is indented with a tab, which YAML forbids; read as two "
        "spaces each, as Hexo reads it (indent with spaces so every YAML "
        "reader agrees)",
        line,
        1));
      return spaced;
    }
  }
  std::vector<std::string> lines;
  for (const std::string_view l : util::split(fm.data, '\n')) {
    lines.emplace_back(l);
  }
  util::Diagnostics fixed;
  for (int attempt = 0; attempt < 32 && !root; ++attempt) {
    const int index = root.error().line - fm.data_line;
    if (index < 0 || index >= static_cast<int>(lines.size())
        || !quote_plain_value(lines[static_cast<std::size_t>(index)])) {
      return tl::unexpected(first);
    }
    fixed.push_back(util::make_warning(
      "': ' inside an unquoted value; read as text (quote the value so "
      "every YAML reader agrees)",
      root.error().line,
      root.error().column));
    std::string data;
    for (const auto& l : lines) {
      data += l + "\n";
    }
    root = util::parse_yaml(data, fm.data_line);
  }
  if (!root) {
    return tl::unexpected(first);
  }
  notes.insert(notes.end(), fixed.begin(), fixed.end());
  return root;
}

// Stray control characters (U+0008 from a copy and paste) are harmless:
// `cleaned` gets `text` without them, and the warning for `first` (the first
// of them) comes back.
util::Diagnostic
drop_control_chars(std::string_view text,
                   const util::TextProblem& first,
                   std::string& cleaned)
{
  std::size_t dropped = 0;
  cleaned = util::drop_forbidden_chars(text, dropped);
  return util::make_warning(
    "control character " + util::code_point_name(first.c)
      + " dropped: XML forbids it"
      + (dropped > 1
           ? " (" + std::to_string(dropped - 1) + " more in this file)"
           : std::string()),
    first.line,
    first.column);
}

} // namespace ogfeed::content::detail
