#include "test_support.hpp"
#include "util/tree_walk.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <map>

using namespace ogfeed;

namespace fs = std::filesystem;

TEST_CASE("tree walk: every name once, links reported and never followed, "
          "skipped folders not looked into",
          "[util]")
{
  const fs::path root = test::fresh_dir("tree-walk");
  const fs::path outside = test::fresh_dir("tree-walk-outside");
  fs::create_directories(root / "a/b");
  fs::create_directories(root / "skip/deep");
  fs::create_directories(outside / "secret");
  REQUIRE(util::write_file_atomic(root / "top.md", "x"));
  REQUIRE(util::write_file_atomic(root / "a/b/c.md", "x"));
  REQUIRE(util::write_file_atomic(root / "skip/deep/d.md", "x"));
  REQUIRE(util::write_file_atomic(outside / "secret/e.md", "x"));
  fs::create_directory_symlink(outside / "secret", root / "a/linked");
  fs::create_symlink(outside / "secret/e.md", root / "f.md");
  fs::create_symlink("nowhere", root / "dangling.md");
  REQUIRE(::mkfifo((root / "fifo.md").c_str(), 0644) == 0);
  std::map<std::string, util::FileKind> seen;
  auto walked = util::walk_tree(root, [&](const util::WalkEntry& e) {
    CHECK(seen.emplace(std::string(e.rel), e.kind).second);
    CHECK(std::string(e.rel).ends_with(std::string(e.name)));
    return e.name == "skip" ? util::WalkStep::skip : util::WalkStep::go_on;
  });
  REQUIRE(walked);
  using K = util::FileKind;
  CHECK(seen
        == std::map<std::string, K>{{"a", K::folder},
                                    {"a/b", K::folder},
                                    {"a/b/c.md", K::file},
                                    {"a/linked", K::link},
                                    {"dangling.md", K::link},
                                    {"f.md", K::link},
                                    {"fifo.md", K::other},
                                    {"skip", K::folder},
                                    {"top.md", K::file}});
}

TEST_CASE("tree walk: a folder that cannot be read is named in the error",
          "[util]")
{
  if (::geteuid() == 0) {
    // root reads any folder; a missing one stands in.
    auto walked = util::walk_tree(
      test::fresh_dir("tree-walk-none") / "gone",
      [](const util::WalkEntry&) { return util::WalkStep::go_on; });
    REQUIRE(!walked);
    CHECK(walked.error().message.find("tree-walk-none/gone")
          != std::string::npos);
    return;
  }
  const fs::path root = test::fresh_dir("tree-walk-closed");
  fs::create_directories(root / "closed");
  fs::permissions(root / "closed", fs::perms::none);
  auto walked = util::walk_tree(
    root, [](const util::WalkEntry&) { return util::WalkStep::go_on; });
  fs::permissions(root / "closed", fs::perms::owner_all);
  REQUIRE(!walked);
  CHECK(walked.error().message.find("closed") != std::string::npos);
}
