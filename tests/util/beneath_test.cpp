#include "test_support.hpp"
#include "util/beneath.hpp"
#include "util/hash.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace fs = std::filesystem;

TEST_CASE("hash: hash64 of pieces is hash64 of the whole", "[util]")
{
  const std::string whole(200000, 'x');
  util::Hash64Stream h;
  h.update(std::string_view(whole).substr(0, 7));
  h.update(std::string_view(whole).substr(7, 70000));
  h.update(std::string_view(whole).substr(70007));
  CHECK(h.digest() == util::hash64(whole));
  CHECK(util::Hash64Stream().digest() == util::hash64(""));
}

TEST_CASE("beneath: a file written in pieces, and compared a piece at a time",
          "[util]")
{
  const fs::path root = test::fresh_dir("beneath-pieces");
  auto dir = util::Dir::open(root, util::Create::yes);
  REQUIRE(dir);
  const std::string big(150000, 'a'); // more than one piece to compare
  REQUIRE(dir->write_new_from("a", [&](const auto& write) {
    return write(big.substr(0, 100)) && write(big.substr(100));
  }));
  CHECK(test::slurp(root / "a") == big);
  REQUIRE(dir->write_new("b", big));
  CHECK(dir->same_bytes("a", *dir, "b"));
  REQUIRE(dir->write_new("c", big.substr(1) + "b")); // same size, last byte
  CHECK(!dir->same_bytes("a", *dir, "c"));
  REQUIRE(dir->write_new("d", big.substr(1)));
  CHECK(!dir->same_bytes("a", *dir, "d"));
  CHECK(!dir->same_bytes("a", *dir, "missing"));
  fs::create_symlink("a", root / "link");
  CHECK(!dir->same_bytes("link", *dir, "a")); // never followed
  // A name that exists already is never written over; one that fails
  // leaves nothing.
  CHECK(
    !dir->write_new_from("a", [](const auto& write) { return write("x"); }));
  CHECK(test::slurp(root / "a") == big);
  CHECK(!dir->write_new_from(
    "e", [](const auto& write) { return write("x") && false; }));
  CHECK(!fs::exists(root / "e"));
}

TEST_CASE("beneath: a read follows no link by a plain name or by a path",
          "[util]")
{
  const fs::path root =
    test::site_of("beneath-read-links", {{"sub/a.md", "a"}, {"b.md", "b"}});
  const fs::path outside =
    test::site_of("beneath-read-links-outside", {{"secret.md", "secret"}});
  fs::create_symlink(outside / "secret.md", root / "link.md");
  fs::create_symlink(outside / "secret.md", root / "sub/link.md");
  fs::create_symlink(outside, root / "out");
  auto dir = util::Dir::open(root, util::Create::no);
  REQUIRE(dir);
  CHECK(dir->read("b.md", 100) == "b");
  CHECK(dir->read("sub/a.md", 100) == "a");
  for (const char* rel : {"link.md", "sub/link.md", "out/secret.md"}) {
    CAPTURE(rel);
    const auto read = dir->read(rel, 100);
    REQUIRE(!read);
    CHECK(read.error().message.find("symbolic link") != std::string::npos);
  }
  for (const char* rel : {"..", ".", "", "../beneath-read-links/b.md"}) {
    CAPTURE(rel);
    CHECK(!dir->read(rel, 100));
  }
  auto sub = dir->sub("sub", util::Create::no);
  REQUIRE(sub);
  CHECK(sub->read("a.md", 100) == "a");
  CHECK(!sub->read("link.md", 100));
}
