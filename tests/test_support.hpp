#pragma once

#include "site/site_build.hpp"
#include "util/file.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace ogfeed::test {

inline const std::filesystem::path k_source_dir = OGFEED_SOURCE_DIR;

// Returns a fresh, empty folder for one test under the build tree.
inline std::filesystem::path
fresh_dir(const std::string& name)
{
  const std::filesystem::path dir =
    std::filesystem::path(OGFEED_TEST_TMP) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string
slurp(const std::filesystem::path& path)
{
  auto bytes = util::read_file(path, 64 * 1024 * 1024);
  REQUIRE(bytes);
  return *bytes;
}

// Build options for a test: the site at `site`, output to `out`, a fixed
// clock (2030-01-01), two threads, no cards (their bytes depend on zlib).
inline site::BuildOptions
build_options(const std::filesystem::path& site,
              const std::filesystem::path& out)
{
  site::BuildOptions options;
  options.site_root = site;
  options.output_dir = out;
  options.now = util::UtcSeconds{std::chrono::seconds{1893456000}};
  options.jobs = 2;
  options.cards = site::Cards::off;
  return options;
}

// Build options as above, with cards drawn: the site's own templates/
// first, then ogfeed's templates and fonts.
inline site::BuildOptions
build_options_with_cards(const std::filesystem::path& site,
                         const std::filesystem::path& out)
{
  site::BuildOptions options = build_options(site, out);
  options.cards = site::Cards::as_configured;
  options.template_dirs = {site / "templates", k_source_dir / "templates"};
  options.font_dirs = {k_source_dir / "fonts"};
  return options;
}

// Compares `actual` with tests/golden/<name>; OGFEED_UPDATE_GOLDEN=1 rewrites
// the golden file instead (review that diff like code).
inline void
check_golden(const std::string& name, const std::string& actual)
{
  const std::filesystem::path golden = k_source_dir / "tests/golden" / name;
  if (const char* update = std::getenv("OGFEED_UPDATE_GOLDEN");
      update && *update == '1') {
    REQUIRE(util::write_file_atomic(golden, actual));
    return;
  }
  const std::string expected = slurp(golden);
  CHECK(actual == expected);
}

// Whether a build rewrote the output `path` (fails the test when the build
// has no such output).
inline bool
changed(const site::BuildReport& r, const std::string& path)
{
  for (const auto& o : r.outputs) {
    if (o.path == path) {
      return o.changed;
    }
  }
  FAIL("no output " << path);
  return false;
}

} // namespace ogfeed::test
