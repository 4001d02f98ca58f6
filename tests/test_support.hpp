#pragma once

#include "content/load/site_loader.hpp"
#include "site/site_build.hpp"
#include "util/file.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

namespace ogfeed::test {

inline const std::filesystem::path k_source_dir = OGFEED_SOURCE_DIR;

// GITHUB_REPOSITORY names a site's GitHub Pages URL: tests run without it,
// even on a GitHub Actions runner (ctest clears it too); a test that wants
// one sets it and clears it again.
[[maybe_unused]] inline const int k_no_actions_repository =
  ::unsetenv("GITHUB_REPOSITORY");

// The state folder test builds into `out` use: beside it, never inside.
inline std::filesystem::path
state_of(const std::filesystem::path& out)
{
  return out.string() + ".state";
}

// Returns a fresh, empty folder for one test under the build tree (and
// removes the state folder of builds into it).
inline std::filesystem::path
fresh_dir(const std::string& name)
{
  const std::filesystem::path dir =
    std::filesystem::path(OGFEED_TEST_TMP) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(state_of(dir));
  std::filesystem::create_directories(dir);
  return dir;
}

// A fresh folder `name` holding `files` (path below it -> text).
inline std::filesystem::path
site_of(const std::string& name,
        const std::map<std::string, std::string>& files)
{
  const std::filesystem::path root = fresh_dir(name);
  for (const auto& [path, text] : files) {
    REQUIRE(util::write_file_atomic(root / path, text));
  }
  return root;
}

// A copy of `fixture` in a fresh folder `name` with a git history of its
// own: one commit of every file, dated `date` (git's format, such as
// "2024-03-01T09:00:00+09:00"). Tests never read the history of the
// checkout they run in: a source tarball has none.
inline std::filesystem::path
git_fixture(const std::filesystem::path& fixture,
            const std::string& name,
            const std::string& date)
{
  const std::filesystem::path dir = fresh_dir(name);
  std::filesystem::copy(fixture, dir, std::filesystem::copy_options::recursive);
  const std::string command =
    "cd '" + dir.string()
    + "' && export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null "
      "GIT_AUTHOR_DATE='"
    + date + "' GIT_COMMITTER_DATE='" + date
    + "' && git init -q && git add -A && git -c user.name=test -c "
      "user.email=test@example.jp commit -q -m fixture";
  REQUIRE(std::system(command.c_str()) == 0);
  return dir;
}

// A copy of examples/blog at `dest` without what a build of it left there
// (the README's first command builds it in place): no output, no state.
inline void
copy_example_blog(const std::filesystem::path& dest)
{
  std::filesystem::copy(k_source_dir / "examples/blog",
                        dest,
                        std::filesystem::copy_options::recursive);
  std::filesystem::remove_all(dest / "public");
  std::filesystem::remove_all(dest / ".ogfeed");
}

inline std::string
slurp(const std::filesystem::path& path)
{
  auto bytes = util::read_file(path, 64 * 1024 * 1024);
  REQUIRE(bytes);
  return *bytes;
}

// Build options for a test: the site at `site`, output to `out` (state
// beside it: test builds of one site run in parallel), a fixed
// clock (2030-01-01), two threads, no cards (their bytes depend on zlib).
inline site::BuildOptions
build_options(const std::filesystem::path& site,
              const std::filesystem::path& out)
{
  site::BuildOptions options;
  options.site_root = site;
  options.output_dir = out;
  options.state_dir = state_of(out);
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

// The posts of the site at `root` as a build loads them, its settings
// detected (or read from its ogfeed.yaml).
inline std::vector<content::Post>
loaded_posts(const std::filesystem::path& root)
{
  const auto setup = content::load_site_config(root, std::nullopt);
  REQUIRE(setup);
  return content::load_posts(root, setup->config, 1).posts;
}

// Each diagnostic as ogfeed prints it ("posts/a.md:3:7: error: ...").
inline std::vector<std::string>
messages(const util::Diagnostics& diagnostics)
{
  std::vector<std::string> out;
  for (const auto& d : diagnostics) {
    out.push_back(util::format_diagnostic(d));
  }
  return out;
}

// A parsed post's diagnostics as printed.
inline std::vector<std::string>
messages(const content::ParsedPost& parsed)
{
  return messages(parsed.diagnostics);
}

// `t` in RFC 3339 at +09:00 (Asia/Tokyo, the tests' usual zone).
inline std::string
rfc3339_tokyo(util::UtcSeconds t)
{
  return util::format_rfc3339(t, 9 * 3600);
}

// Numbers for randomized tests, the same on every run: a linear
// congruential generator's upper bits.
class Numbers
{
public:
  explicit Numbers(std::uint32_t seed)
    : m_seed(seed)
  {
  }
  std::uint32_t
  next()
  {
    m_seed = m_seed * 1664525U + 1013904223U;
    return m_seed >> 8;
  }

private:
  std::uint32_t m_seed;
};

} // namespace ogfeed::test
