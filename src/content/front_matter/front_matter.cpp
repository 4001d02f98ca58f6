#include "content/front_matter/front_matter.hpp"

#include <algorithm>
#include <optional>

namespace ogfeed::content {

namespace {

// True when `line` is `marker` followed only by spaces or tabs.
bool
is_marker(std::string_view line, std::string_view marker)
{
  if (!line.starts_with(marker)) {
    return false;
  }
  return line.find_first_not_of(" \t", marker.size()) == std::string_view::npos;
}

// Returns the line starting at `pos` (without its newline) and moves `pos`
// past it.
std::string_view
next_line(std::string_view text, std::size_t& pos)
{
  const std::size_t end = text.find('\n', pos);
  const std::size_t stop = end == std::string_view::npos ? text.size() : end;
  const std::string_view line = text.substr(pos, stop - pos);
  pos = end == std::string_view::npos ? text.size() : end + 1;
  return line;
}

} // namespace

std::string
normalize_text(std::string_view text)
{
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  std::string out;
  out.reserve(text.size());
  // Copy runs between "\r\n" pairs in bulk: most files have none.
  std::size_t start = 0;
  for (std::size_t cr = text.find('\r'); cr != std::string_view::npos;
       cr = text.find('\r', cr + 1)) {
    if (cr + 1 < text.size() && text[cr + 1] == '\n') {
      out.append(text.substr(start, cr - start));
      start = cr + 1;
    }
  }
  out.append(text.substr(start));
  return out;
}

namespace {

// Splits a block opened on line 1 and closed by a line `close` (or, for
// YAML, `...`).
util::Expected<FrontMatter>
split_delimited(std::string_view text,
                std::size_t pos,
                FrontMatterFormat format,
                std::string_view close)
{
  FrontMatter fm;
  fm.format = format;
  fm.data_line = 2;
  const std::size_t start = pos;
  const bool yaml = format == FrontMatterFormat::yaml;
  int line_no = 1;
  while (pos < text.size()) {
    const std::size_t line_start = pos;
    const std::string_view line = next_line(text, pos);
    ++line_no;
    const bool closes = is_marker(line, close);
    if (closes || (yaml && is_marker(line, "..."))) {
      fm.data = text.substr(start, line_start - start);
      if (!closes) {
        std::size_t peek = pos;
        if (peek < text.size() && is_marker(next_line(text, peek), "---")) {
          pos = peek;
          ++line_no;
        }
      }
      fm.body = text.substr(pos);
      fm.body_line = line_no + 1;
      return fm;
    }
  }
  return tl::unexpected(
    util::make_error("expected '" + std::string(close) + "'"
                       + (yaml ? std::string(" or '...'") : std::string())
                       + " to close the front matter, got end of file",
                     1,
                     1));
}

// Splits a JSON object that starts the text: its end is the '}' that
// matches the first '{', outside strings.
util::Expected<FrontMatter>
split_json_object(std::string_view text)
{
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      FrontMatter fm;
      fm.format = FrontMatterFormat::json;
      fm.data = text.substr(0, i + 1);
      fm.data_line = 1;
      std::size_t pos = i + 1;
      next_line(text, pos); // the rest of the closing line
      fm.body = text.substr(pos);
      fm.body_line =
        1
        + static_cast<int>(std::count(
          text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
      return fm;
    }
  }
  return tl::unexpected(util::make_error(
    "expected '}' to close the JSON front matter, got end of file", 1, 1));
}

// Splits front matter that opens on the first line of `text`; nullopt when
// that line opens none.
std::optional<util::Expected<FrontMatter>>
split_opening(std::string_view text)
{
  std::size_t pos = 0;
  const std::string_view first = next_line(text, pos);
  if (is_marker(first, "---") || is_marker(first, "---yaml")) {
    return split_delimited(text, pos, FrontMatterFormat::yaml, "---");
  }
  if (is_marker(first, "+++")) {
    return split_delimited(text, pos, FrontMatterFormat::toml, "+++");
  }
  if (is_marker(first, "---json")) {
    return split_delimited(text, pos, FrontMatterFormat::json, "---");
  }
  if (is_marker(first, "---js") || is_marker(first, "---javascript")) {
    return split_delimited(text, pos, FrontMatterFormat::javascript, "---");
  }
  if (first.starts_with("{")) {
    return split_json_object(text);
  }
  return std::nullopt;
}

} // namespace

util::Expected<FrontMatter>
split_front_matter(std::string_view text, Opening opening)
{
  // Blank lines before the opening line are skipped, as Hugo and Hexo skip
  // them.
  std::size_t start = 0;
  int skipped = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::string_view line = next_line(text, pos);
    if (line.find_first_not_of(" \t") != std::string_view::npos
        || pos == text.size()) {
      break;
    }
    start = pos;
    ++skipped;
  }
  auto opened = split_opening(text.substr(start));
  if (!opened && opening == Opening::optional) {
    FrontMatter whole;
    whole.format = FrontMatterFormat::none;
    whole.data_line = 1;
    whole.body = text;
    whole.body_line = 1;
    return whole;
  }
  if (!opened) {
    return tl::unexpected(
      util::make_error("expected '---' (YAML), '+++' (TOML) or '{' (JSON) to "
                       "open the front matter",
                       1 + skipped,
                       1));
  }
  auto& fm = *opened;
  if (!fm) {
    fm.error().line += skipped;
    return fm;
  }
  fm->data_line += skipped;
  fm->body_line += skipped;
  return fm;
}

} // namespace ogfeed::content
