#include "content/load/git_history.hpp"
#include "content/load/site_loader.hpp"
#include "test_support.hpp"

#include <fstream>

using namespace ogfeed;

namespace {

util::UtcSeconds
at(long long seconds)
{
  return util::UtcSeconds{std::chrono::seconds{seconds}};
}

// Runs a shell command in `dir`; true when it succeeded.
bool
sh(const std::filesystem::path& dir, const std::string& command)
{
  const std::string line =
    "cd '" + dir.string() + "' && " + command + " >/dev/null 2>&1";
  return std::system(line.c_str()) == 0;
}

void
write(const std::filesystem::path& path, const std::string& text)
{
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

} // namespace

TEST_CASE("git history: dates follow renames back to the first commit",
          "[content]")
{
  // Newest first, as git log writes it: b.md was renamed from a.md, which
  // was added at 100 and changed at 200.
  using namespace std::string_literals;
  const std::string log = "\x01"s
                          "400\0\nM\0articles/b.md\0"s
                          "\x01"s
                          "300\0\nR100\0articles/a.md\0articles/b.md\0"s
                          "\x01"s
                          "200\0\nM\0articles/a.md\0M\0articles/c.md\0"s
                          "\x01"s
                          "100\0\nA\0articles/a.md\0A\0articles/c.md\0"s;
  const auto dates = content::parse_git_log(log);
  REQUIRE(dates.count("articles/b.md") == 1);
  CHECK(dates.at("articles/b.md").created == at(100));
  CHECK(dates.at("articles/b.md").modified == at(400));
  CHECK(dates.at("articles/c.md").created == at(100));
  CHECK(dates.at("articles/c.md").modified == at(200));
  CHECK(dates.count("articles/a.md") == 0);
}

TEST_CASE("issue 9: posts without a date are dated by their first commit, "
          "in one git run, a shallow clone is named in a warning",
          "[content]")
{
  if (std::system("git --version >/dev/null 2>&1") != 0) {
    WARN("git is not installed (scripts/install-deps.sh installs it)");
    return;
  }
  const auto root = test::fresh_dir("git-dates");
  const auto site = root / "site";
  write(site / "package.json", R"({"dependencies": {"zenn-cli": "1"}})");
  write(site / "ogfeed.yaml", "title: Z\nbase_url: https://zenn.dev/z/\n");
  write(site / "articles/old-name.md",
        "---\ntitle: 記事\npublished: true\n---\n本文\n");
  write(site / "articles/own-date.md",
        "---\ntitle: 日付つき\npublished: true\npublished_at: 2024-01-02 "
        "03:04\n---\n");
  const std::string git = "git -c user.name=t -c user.email=t@example.jp "
                          "-c commit.gpgsign=false ";
  REQUIRE(sh(site, "git init -q ."));
  REQUIRE(sh(site,
             "git add -A && GIT_AUTHOR_DATE='2023-03-01T12:00:00+09:00' " + git
               + "commit -qm one"));
  REQUIRE(sh(site,
             "git mv articles/old-name.md articles/new-name.md && "
             "GIT_AUTHOR_DATE='2023-06-01T12:00:00+09:00' "
               + git + "commit -qm rename"));
  write(site / "articles/new-name.md",
        "---\ntitle: 記事\npublished: true\n---\n本文を直した\n");
  REQUIRE(sh(site,
             "git add -A && GIT_AUTHOR_DATE='2023-09-01T12:00:00+09:00' " + git
               + "commit -qm edit"));

  auto setup = content::load_site_config(site);
  REQUIRE(setup);
  auto loaded = content::load_posts(site, setup->config, 2);
  REQUIRE(loaded.posts.size() == 2);
  CHECK(loaded.diagnostics.empty());
  const auto& renamed =
    loaded.posts[0].slug == "new-name" ? loaded.posts[0] : loaded.posts[1];
  const auto& dated =
    loaded.posts[0].slug == "new-name" ? loaded.posts[1] : loaded.posts[0];
  // 2023-03-01T12:00:00+09:00 and 2023-09-01T12:00:00+09:00.
  CHECK(renamed.date == at(1677639600));
  CHECK(renamed.updated == at(1693537200));
  // published_at wins over git.
  CHECK(dated.date == at(1704132240));

  // A depth-1 clone has only the last commit: the dates are wrong, and the
  // build says why.
  REQUIRE(
    sh(root, "git clone -q --depth 1 file://" + site.string() + " shallow"));
  auto shallow_setup = content::load_site_config(root / "shallow");
  REQUIRE(shallow_setup);
  auto shallow =
    content::load_posts(root / "shallow", shallow_setup->config, 2);
  REQUIRE(shallow.diagnostics.size() == 1);
  CHECK(shallow.diagnostics[0].message.find("fetch-depth: 0")
        != std::string::npos);
}
