#include "util/encoding_guess.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

TEST_CASE("issue 9: a post that is not UTF-8 is named by what it looks like",
          "[util]")
{
  using namespace std::string_literals;
  // "title: こんにちは" in each encoding.
  CHECK(util::guess_encoding("title: \x82\xB1\x82\xF1\x82\xC9\x82\xBF\x82\xCD")
        == "CP932");
  CHECK(util::guess_encoding("title: \xA4\xB3\xA4\xF3\xA4\xCB\xA4\xC1\xA4\xCF")
        == "EUC-JP");
  CHECK(util::guess_encoding("\xFF\xFEt\0i\0t\0l\0e\0"s) == "UTF-16");
  CHECK(util::guess_encoding("t\0i\0t\0l\0e\0:\0 \0x\0"s) == "UTF-16");
  // Bytes no Japanese encoding decodes.
  CHECK_FALSE(util::guess_encoding("\x80\x80\xFF\xFF\xFD"));
}
