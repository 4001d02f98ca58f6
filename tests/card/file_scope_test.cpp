#include "card/file_scope.hpp"
#include "test_support.hpp"
#include "util/file.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

using namespace ogfeed;

namespace fs = std::filesystem;

TEST_CASE("file scope: a site's cards read only files inside it, no link",
          "[card]")
{
  const fs::path work = test::fresh_dir("file-scope");
  const fs::path site = work / "site";
  REQUIRE(util::write_file_atomic(site / "static/a.png", "x"));
  REQUIRE(util::write_file_atomic(work / "secret.png", "x"));
  REQUIRE(util::write_file_atomic(work / "ogfeed-data/fonts/f.otf", "x"));
  REQUIRE(
    ::symlink((work / "secret.png").c_str(), (site / "static/link.png").c_str())
    == 0);
  REQUIRE(::symlink(work.c_str(), (site / "up").c_str()) == 0);

  const card::FileScope scope(site, {work / "ogfeed-data/fonts"});
  CHECK(scope.allows(site / "static/a.png"));
  CHECK(scope.allows(site / "static/../static/a.png"));
  CHECK(scope.allows(work / "ogfeed-data/fonts/f.otf"));

  const auto outside = scope.check(site / "../secret.png");
  REQUIRE_FALSE(outside);
  CHECK(outside.error().message.find("is outside the site")
        != std::string::npos);
  CHECK_FALSE(scope.allows(work / "secret.png"));
  const auto link = scope.check(site / "static/link.png");
  REQUIRE_FALSE(link);
  CHECK(link.error().message.find("symbolic link") != std::string::npos);
  CHECK_FALSE(scope.allows(site / "up/secret.png"));
  CHECK_FALSE(scope.allows(site / "static/none.png"));
  CHECK_FALSE(scope.allows(site / "static"));

  CHECK_FALSE(card::FileScope().allows(site / "static/a.png"));
  CHECK(card::FileScope::anywhere().allows(work / "secret.png"));
}
