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

TEST_CASE("issue 25: numbers are written in LEB128 and read back whole at "
          "every width and sign",
          "[util]")
{
  std::vector<std::uint64_t> unsigned_values{0, 1, 127, 128, 300, 16383, 16384};
  std::vector<std::int64_t> signed_values{0, 1, -1, 63, -64, 64, -65};
  for (int bit = 0; bit < 64; ++bit) {
    const std::uint64_t p = std::uint64_t{1} << bit;
    unsigned_values.insert(unsigned_values.end(), {p - 1, p, p + 1});
    // -p as two's complement does it (at bit 63, p and -p are both the
    // least int64: negating it as a signed number would overflow).
    signed_values.insert(signed_values.end(),
                         {static_cast<std::int64_t>(p),
                          static_cast<std::int64_t>(~p + 1),
                          static_cast<std::int64_t>(p - 1)});
  }
  unsigned_values.push_back(std::numeric_limits<std::uint64_t>::max());
  signed_values.push_back(std::numeric_limits<std::int64_t>::max());
  signed_values.push_back(std::numeric_limits<std::int64_t>::min());

  util::ByteWriter w;
  for (const std::uint64_t v : unsigned_values) {
    w.u64(v);
  }
  for (const std::int64_t v : signed_values) {
    w.i64(v);
  }
  util::ByteReader r(w.bytes());
  for (const std::uint64_t v : unsigned_values) {
    CHECK(r.u64() == v);
  }
  for (const std::int64_t v : signed_values) {
    CHECK(r.i64() == v);
  }
  CHECK(!r.failed());
  CHECK(r.at_end());

  // Small numbers, of either sign, take one byte; the largest ten.
  const auto size_of = [](auto write) {
    util::ByteWriter one;
    write(one);
    return one.bytes().size();
  };
  CHECK(size_of([](util::ByteWriter& b) { b.u64(127); }) == 1);
  CHECK(size_of([](util::ByteWriter& b) { b.u64(128); }) == 2);
  CHECK(size_of([](util::ByteWriter& b) { b.i64(-64); }) == 1);
  CHECK(size_of([](util::ByteWriter& b) { b.i64(-65); }) == 2);
  CHECK(size_of([](util::ByteWriter& b) {
          b.u64(std::numeric_limits<std::uint64_t>::max());
        })
        == 10);
  CHECK(size_of([](util::ByteWriter& b) { b.str("abc"); }) == 4);
}

TEST_CASE("issue 25: a number cut short, or longer than 64 bits, fails the "
          "reader instead of reading as garbage",
          "[util]")
{
  const auto reads = [](std::string bytes) {
    util::ByteReader r(bytes);
    const std::uint64_t v = r.u64();
    return r.failed() ? std::optional<std::uint64_t>() : std::optional(v);
  };
  CHECK(reads("\x05") == 5U);
  CHECK(!reads(""));
  CHECK(!reads("\x80"));             // a continuation with nothing after
  CHECK(!reads("\xff\xff\xff\xff")); // cut short
  // Ten bytes hold 64 bits: the tenth may add only the top bit.
  CHECK(reads(std::string(9, '\xff') + '\x01')
        == std::numeric_limits<std::uint64_t>::max());
  CHECK(!reads(std::string(9, '\xff') + '\x02'));
  CHECK(!reads(std::string(10, '\xff') + '\x01'));
  // A failed reader stays failed: strings after it read empty.
  util::ByteReader r(std::string_view("\x80"));
  (void)r.u64();
  CHECK(r.str().empty());
  CHECK(r.failed());

  // A count no remaining input could hold fails before anything is made.
  util::ByteWriter w;
  w.u64(1000);
  w.str("x");
  util::ByteReader counted(w.bytes());
  CHECK(counted.count(1) == 0);
  CHECK(counted.failed());
}
