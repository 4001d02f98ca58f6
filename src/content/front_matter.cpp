#include "content/front_matter.hpp"

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

util::Expected<FrontMatter>
split_front_matter(std::string_view text)
{
  std::size_t pos = 0;
  const std::string_view first = next_line(text, pos);
  if (!is_marker(first, "---")) {
    return tl::unexpected(util::make_error(
      "expected '---' to open the front matter on line 1", 1, 1));
  }
  FrontMatter fm;
  fm.yaml_line = 2;
  const std::size_t yaml_start = pos;
  int line_no = 1;
  while (pos < text.size()) {
    const std::size_t line_start = pos;
    const std::string_view line = next_line(text, pos);
    ++line_no;
    const bool dashes = is_marker(line, "---");
    if (dashes || is_marker(line, "...")) {
      fm.yaml = text.substr(yaml_start, line_start - yaml_start);
      if (!dashes) {
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
  return tl::unexpected(util::make_error(
    "expected '---' or '...' to close the front matter, got end of file",
    1,
    1));
}

} // namespace ogfeed::content
