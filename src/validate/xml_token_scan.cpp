#include "validate/xml_token_scan.hpp"

#include <algorithm>

namespace ogfeed::validate {

namespace {

// What may follow "<!" and what it opens.
constexpr std::string_view k_comment_open = "!--";
constexpr std::string_view k_cdata_open = "![CDATA[";
constexpr std::string_view k_doctype_open = "!DOCTYPE";

bool
starts(std::string_view whole, std::string_view part)
{
  return whole.substr(0, part.size()) == part;
}

} // namespace

XmlTokenScan::XmlTokenScan(std::size_t max_token)
  : m_max_token(max_token)
{
}

std::size_t
XmlTokenScan::scan(std::string_view chunk)
{
  std::size_t i = 0;
  while (i < chunk.size()) {
    const auto byte = static_cast<unsigned char>(chunk[i]);
    ++i;
    if (m_unit_width == 0) {
      // The first two bytes tell UTF-16 (a byte order mark, or '<' as a
      // 16-bit unit) from every other encoding.
      m_pending[m_pending_count++] = byte;
      if (m_pending_count < 2) {
        continue;
      }
      const unsigned a = m_pending[0];
      const unsigned b = m_pending[1];
      const bool be = (a == 0xFE && b == 0xFF) || (a == 0x00 && b == 0x3C);
      const bool le = (a == 0xFF && b == 0xFE) || (a == 0x3C && b == 0x00);
      m_pending_count = 0;
      if (be || le) {
        m_unit_width = 2;
        m_big_endian = be;
        m_utf8_columns = false;
        if (a == 0xFE || a == 0xFF) {
          continue; // the byte order mark is no character
        }
        step(be ? (a << 8) | b : (b << 8) | a);
      } else {
        m_unit_width = 1;
        step(a);
        if (m_in_token && m_token_size > m_max_token) {
          return i;
        }
        step(b);
      }
    } else if (m_unit_width == 2) {
      m_pending[m_pending_count++] = byte;
      if (m_pending_count < 2) {
        continue;
      }
      m_pending_count = 0;
      const unsigned a = m_pending[0];
      const unsigned b = m_pending[1];
      step(m_big_endian ? (a << 8) | b : (b << 8) | a);
    } else if (m_state == State::text && !m_after_cr && byte != '<') {
      // Text between tokens, a run at a time up to the next '<': only its
      // lines and columns count (a run with a CR goes byte by byte).
      const std::size_t start = i - 1;
      const std::size_t end = std::min(chunk.find('<', start), chunk.size());
      const std::string_view run = chunk.substr(start, end - start);
      if (run.find('\r') == std::string_view::npos) {
        skip_text(run);
        i = end;
        continue;
      }
      step(byte);
    } else {
      step(byte);
    }
    if (m_in_token && m_token_size > m_max_token) {
      return i;
    }
  }
  return std::string_view::npos;
}

void
XmlTokenScan::skip_text(std::string_view run)
{
  // Its last units, as step() keeps them (for "-->", "?>" and "]]>").
  for (const char c :
       run.substr(run.size() - std::min<std::size_t>(3, run.size()))) {
    const auto unit = static_cast<unsigned char>(c);
    m_tail = ((m_tail << 8) | (unit < 0x80 ? unit : 0)) & 0xFFFFFF;
  }
  const auto newline = run.rfind('\n');
  if (newline != std::string_view::npos) {
    m_line += static_cast<int>(std::count(run.begin(), run.end(), '\n'));
    m_column = 1;
    run.remove_prefix(newline + 1);
  }
  // What step() counts: a character, not a continuation byte.
  m_column +=
    static_cast<int>(std::count_if(run.begin(), run.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

void
XmlTokenScan::count_position(char32_t unit)
{
  if (unit == '\n') {
    if (!m_after_cr) {
      ++m_line;
      m_column = 1;
    }
    m_after_cr = false;
    return;
  }
  m_after_cr = unit == '\r';
  if (m_after_cr) {
    ++m_line;
    m_column = 1;
  } else if (m_utf8_columns ? (unit & 0xC0) != 0x80
                            : (unit < 0xDC00 || unit > 0xDFFF)) {
    ++m_column; // a character, not a continuation byte or low surrogate
  }
}

// After '<': what it opens (a tag, a comment, CDATA, a PI, the DOCTYPE).
void
XmlTokenScan::step_open(char32_t unit)
{
  if (unit == '>') {
    m_state = State::text;
    m_in_token = false;
    return;
  }
  if (m_open_length == 0 && unit == '?') {
    m_state = State::pi;
    m_tail = 0;
    return;
  }
  if (m_open_length == 0 && unit != '!') {
    m_state = State::tag;
    if (unit == '"' || unit == '\'') {
      m_quote = unit;
      m_quote_return = State::tag;
      m_state = State::quoted;
    }
    return;
  }
  m_opened[m_open_length++] = unit < 0x80 ? static_cast<char>(unit) : '\0';
  const std::string_view so_far(m_opened.data(), m_open_length);
  if (so_far == k_comment_open) {
    m_state = State::comment;
    m_tail = 0;
  } else if (so_far == k_cdata_open) {
    m_state = State::cdata;
    m_in_token = false;
    m_tail = 0;
  } else if (so_far == k_doctype_open) {
    m_state = State::doctype;
    m_subset_depth = 0;
  } else if (!starts(k_comment_open, so_far) && !starts(k_cdata_open, so_far)
             && !starts(k_doctype_open, so_far)) {
    m_state = State::declaration;
  }
}

void
XmlTokenScan::step(char32_t unit)
{
  const int line = m_line;
  const int column = m_column;
  count_position(unit);
  if (m_in_token) {
    m_token_size += static_cast<std::size_t>(m_unit_width);
  }
  m_tail = ((m_tail << 8) | (unit < 0x80 ? unit : 0)) & 0xFFFFFF;
  switch (m_state) {
  case State::text:
  case State::cdata:
    if (m_state == State::cdata) {
      if ((m_tail & 0xFFFFFF) == (']' << 16 | ']' << 8 | '>')) {
        m_state = State::text;
      }
    } else if (unit == '<') {
      m_state = State::open;
      m_in_token = true;
      m_token_size = static_cast<std::size_t>(m_unit_width);
      m_token_line = line;
      m_token_column = column;
      m_open_length = 0;
    }
    return;
  case State::open:
    step_open(unit);
    return;
  case State::tag:
  case State::declaration:
    if (unit == '"' || unit == '\'') {
      m_quote = unit;
      m_quote_return = m_state;
      m_state = State::quoted;
    } else if (unit == '>') {
      m_state = State::text;
      m_in_token = false;
    }
    return;
  case State::quoted:
    if (unit == m_quote) {
      m_state = m_quote_return;
    }
    return;
  case State::comment:
    if ((m_tail & 0xFFFFFF) == ('-' << 16 | '-' << 8 | '>')) {
      m_state = State::text;
      m_in_token = false;
    }
    return;
  case State::pi:
    if ((m_tail & 0xFFFF) == ('?' << 8 | '>')) {
      m_state = State::text;
      m_in_token = false;
    }
    return;
  case State::doctype:
    if (unit == '"' || unit == '\'') {
      m_quote = unit;
      m_quote_return = State::doctype;
      m_state = State::quoted;
    } else if (unit == '[') {
      ++m_subset_depth;
    } else if (unit == ']' && m_subset_depth > 0) {
      --m_subset_depth;
    } else if (unit == '>' && m_subset_depth == 0) {
      m_state = State::text;
      m_in_token = false;
    }
    return;
  }
}

} // namespace ogfeed::validate
