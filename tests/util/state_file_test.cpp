// Issue 25: one envelope for every file ogfeed keeps for itself.
#include "util/state_file.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed::util;

namespace {

constexpr StateFormat k_format{"test", 2, "ogfeed-test 1\n"};

} // namespace

TEST_CASE("state file: a sealed body opens, a changed or cut one does not",
          "[util][state]")
{
  const std::string body = std::string("line\n") + '\0' + "binary\xff";
  const std::string file = seal_state(k_format, body);
  CHECK(file.starts_with("ogfeed-test 2\n"));
  const auto opened = open_state(file, k_format);
  REQUIRE(opened);
  CHECK(*opened == body);

  for (std::size_t i = 0; i < file.size(); ++i) { // any byte changed
    std::string changed = file;
    changed[i] = static_cast<char>(changed[i] ^ 0x20);
    INFO("byte " << i);
    CHECK_FALSE(open_state(changed, k_format));
  }
  for (std::size_t n = 0; n < file.size(); ++n) { // any length cut
    INFO("cut to " << n);
    CHECK_FALSE(open_state(std::string_view(file).substr(0, n), k_format));
  }
  CHECK_FALSE(open_state(file, StateFormat{"test", 3}));  // another version
  CHECK_FALSE(open_state(file, StateFormat{"other", 2})); // another kind
}

TEST_CASE("state file: the legacy header of an earlier ogfeed still opens",
          "[util][state]")
{
  const auto opened = open_state("ogfeed-test 1\nold body\n", k_format);
  REQUIRE(opened);
  CHECK(*opened == "old body\n");
}

TEST_CASE("state file: a streamed file is the sealed one, piece by piece",
          "[util][state]")
{
  std::string streamed;
  const ByteWriter::Sink out = [&](std::string_view piece) {
    streamed += piece;
    return true;
  };
  std::string body;
  {
    StateStream file(k_format, out);
    ByteWriter w(&file.sink());
    for (int i = 0; i < 300000; ++i) { // several megabyte pieces
      w.str("entry " + std::to_string(i));
    }
    REQUIRE(w.finish());
    body = streamed.substr(std::string_view("ogfeed-test 2\n").size());
    REQUIRE(file.finish());
  }
  CHECK(streamed == seal_state(k_format, body));

  std::size_t pieces = 0;
  const ByteWriter::Sink refusing = [&](std::string_view) {
    return ++pieces < 2;
  };
  StateStream failing(k_format, refusing);
  ByteWriter w(&failing.sink());
  for (int i = 0; i < 300000; ++i) {
    w.str("entry " + std::to_string(i));
  }
  const bool whole = w.finish() && failing.finish();
  CHECK_FALSE(whole);
}
