#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace ogfeed::validate {

// Finds the markup tokens of an XML byte stream (tags, comments, processing
// instructions, the DOCTYPE) on its own, chunk by chunk, so that the size
// limit on one token never depends on when expat reports events: expat
// 2.5.0 as Debian ships it since deb12u5 defers parsing a large token until
// more input arrives, and earlier patch levels do not. Text and CDATA are
// not tokens (expat reports them as they come). UTF-16 is scanned by code
// unit; every other encoding XML allows keeps '<', '>', quotes, '-', '?',
// ']' and newlines as single bytes that never occur inside a character.
class XmlTokenScan
{
public:
  explicit XmlTokenScan(std::size_t max_token);

  // Scans the next chunk. Returns the offset within `chunk` just past the
  // first byte that makes a token longer than the limit, or npos.
  std::size_t scan(std::string_view chunk);

  // Where the token that is open now started: 1-based line, and column in
  // characters (UTF-8) or code units (UTF-16) or bytes (other encodings).
  int
  token_line() const
  {
    return m_token_line;
  }
  int
  token_column() const
  {
    return m_token_column;
  }

private:
  enum class State {
    text,
    open,       // after '<', deciding what it opens
    tag,        // start or end tag
    quoted,     // attribute value in a tag, or literal in the DOCTYPE
    comment,    // <!-- ... -->
    pi,         // <? ... ?>
    cdata,      // <![CDATA[ ... ]]>: not a token
    doctype,    // <!DOCTYPE ... >, with its internal subset
    declaration // any other <! ... >
  };

  void step(char32_t unit);
  // step() over a run of text (single bytes, no '<', no CR) at once.
  void skip_text(std::string_view run);
  void step_open(char32_t unit);
  void count_position(char32_t unit);

  std::size_t m_max_token;
  State m_state = State::text;
  State m_quote_return = State::tag;
  char32_t m_quote = 0;
  std::array<char, 8> m_opened{}; // what follows "<", up to "![CDATA["
  std::size_t m_open_length = 0;
  int m_subset_depth = 0;
  unsigned m_tail = 0; // recent units, for "-->", "?>" and "]]>"
  std::size_t m_token_size = 0;
  bool m_in_token = false;

  int m_unit_width = 0; // 0 until decided, then 1 or 2
  bool m_big_endian = false;
  unsigned char m_pending[2] = {0, 0};
  int m_pending_count = 0;
  bool m_after_cr = false;

  int m_line = 1;
  int m_column = 1;
  int m_token_line = 1;
  int m_token_column = 1;
  bool m_utf8_columns = true;
};

} // namespace ogfeed::validate
