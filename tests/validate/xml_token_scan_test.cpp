#include "test_support.hpp"
#include "validate/xml_token_scan.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace ogfeed;

namespace {

// Where the byte at `offset` is, counted as the scan counts: LF, CR and
// CRLF each end a line; a column is a character (not a UTF-8 continuation
// byte).
std::pair<int, int>
reference_position(const std::string& text, std::size_t offset)
{
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n') {
      if (i == 0 || text[i - 1] != '\r') {
        ++line;
        column = 1;
      }
    } else if (b == '\r') {
      ++line;
      column = 1;
    } else if ((b & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

} // namespace

TEST_CASE("xml token scan: a token too long is found where it starts",
          "[validate]")
{
  const std::vector<std::string> pieces = {"text ",
                                           "漢字かな",
                                           "\n",
                                           "\r\n",
                                           "\r",
                                           "\t",
                                           "<b>",
                                           "</b>",
                                           "<a href=\"x>y\">",
                                           "<!-- a > b -->",
                                           "<![CDATA[ <x> ]] ]]>",
                                           "<?pi a > b ?>",
                                           "&amp;",
                                           "]]>",
                                           "-->"};
  constexpr std::size_t k_max = 64;
  test::Numbers numbers(7);
  auto next = [&] { return numbers.next(); };
  for (int round = 0; round < 300; ++round) {
    std::string doc = "<r>";
    const std::size_t count = next() % 60;
    for (std::size_t k = 0; k < count; ++k) {
      doc += pieces[next() % pieces.size()];
    }
    const std::size_t start = doc.size();
    doc += "<long " + std::string(k_max, 'x') + ">tail";
    const auto [line, column] = reference_position(doc, start);
    for (const std::size_t piece :
         {std::size_t{1}, std::size_t{3}, std::size_t{17}, doc.size()}) {
      CAPTURE(round, piece, doc);
      validate::XmlTokenScan scan(k_max);
      std::size_t found = std::string::npos;
      for (std::size_t at = 0; at < doc.size() && found == std::string::npos;
           at += piece) {
        const std::size_t in =
          scan.scan(std::string_view(doc).substr(at, piece));
        if (in != std::string::npos) {
          found = at + in;
        }
      }
      // Found at its byte past the limit (the scan returns the offset after
      // it).
      CHECK(found == start + k_max + 1);
      CHECK(scan.token_line() == line);
      CHECK(scan.token_column() == column);
    }
  }
}
