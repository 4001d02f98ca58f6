#include "util/file_name.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace ogfeed;

TEST_CASE("file name: a name read from a path's text as std::filesystem "
          "reads it",
          "[util]")
{
  for (const std::string path : {"posts/a.md",
                                 "a.md",
                                 "posts/2024/index.en.md",
                                 "x/.gitignore",
                                 "x/noext",
                                 "x/a.b.c",
                                 "/abs/z.mdx",
                                 "",
                                 "dir/",
                                 "x/a.",
                                 "日本語/記事.md"}) {
    CAPTURE(path);
    const std::filesystem::path p(path);
    CHECK(util::last_segment(path) == p.filename().string());
    CHECK(util::stem_of(util::last_segment(path)) == p.stem().string());
    CHECK(util::extension_of(util::last_segment(path))
          == p.extension().string());
  }
}
