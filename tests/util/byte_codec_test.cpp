#include "test_support.hpp"
#include "util/beneath.hpp"
#include "util/byte_codec.hpp"

using namespace ogfeed;

namespace {

// Three megabytes of values, as a cache writes them.
void
fill(util::ByteWriter& w)
{
  for (int i = 0; i < 30000; ++i) {
    w.u64(static_cast<std::uint64_t>(i));
    w.str(std::string(90, static_cast<char>('a' + i % 26)));
  }
}

} // namespace

TEST_CASE("issue 25: a streamed ByteWriter hands over the same bytes in "
          "pieces, and a refused piece leaves the old file",
          "[util]")
{
  util::ByteWriter whole;
  fill(whole);

  std::string streamed;
  int pieces = 0;
  const util::ByteWriter::Sink sink = [&](std::string_view piece) {
    streamed.append(piece);
    ++pieces;
    return true;
  };
  util::ByteWriter w(&sink);
  fill(w);
  CHECK(w.finish());
  CHECK(streamed == whole.bytes());
  CHECK(pieces > 1);

  const auto dir = test::fresh_dir("byte-codec-stream");
  auto d = util::Dir::open(dir, util::Create::no);
  REQUIRE(d);
  REQUIRE(d->write_replacing("cache", "old", util::Sync::no));
  REQUIRE(d->write_replacing_from(
    "cache",
    [&](const util::ByteWriter::Sink& out) {
      util::ByteWriter s(&out);
      fill(s);
      return s.finish();
    },
    util::Sync::no));
  CHECK(test::slurp(dir / "cache") == whole.bytes());

  // A producer that gives up: nothing is replaced, no temporary is left.
  REQUIRE(d->write_replacing("cache", "old", util::Sync::no));
  const auto failed = d->write_replacing_from(
    "cache",
    [&](const util::ByteWriter::Sink& out) {
      util::ByteWriter s(&out);
      fill(s);
      (void)s.finish();
      return false;
    },
    util::Sync::no);
  CHECK(!failed);
  CHECK(test::slurp(dir / "cache") == "old");
  CHECK(std::distance(std::filesystem::directory_iterator(dir),
                      std::filesystem::directory_iterator())
        == 1);
}
