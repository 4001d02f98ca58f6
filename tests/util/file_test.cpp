#include "test_support.hpp"
#include "util/file.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace fs = std::filesystem;

TEST_CASE("folder stamps: file after file, across folders, as file_stamp "
          "gives them",
          "[util]")
{
  const fs::path root = test::site_of("folder-stamps",
                                      {{"a/1.md", "one"},
                                       {"a/2.md", "two!"},
                                       {"b/3.md", "three"},
                                       {"top.md", "top"}});
  util::FolderStamps stamps;
  for (const char* rel :
       {"a/1.md", "a/2.md", "b/3.md", "a/1.md", "top.md", "a/gone.md"}) {
    const std::string path = (root / rel).string();
    CHECK(stamps.of(path) == util::file_stamp(path));
  }
  CHECK_FALSE(stamps.of((root / "a/gone.md").string()));
  CHECK(stamps.of((root / "a/2.md").string())->size == 4);
  CHECK_FALSE(stamps.of((root / "nowhere/x.md").string()));
}
