#include "content/config/site_detect.hpp"
#include "content/generators/hosted_account.hpp"
#include "content/load/site_loader.hpp"
#include "test_support.hpp"

#include <cstdlib>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

using test::site_of;

const content::generators::HostedSite k_site = {
  "Zenn",
  "zenn.dev",
  "articles",
  "articles",
  ":filename",
  "",
  {"zenn"},
  [](std::string_view name, auto) {
    return std::string(name.substr(0, name.size() - 3));
  }};

std::string
post(const std::string& body)
{
  return "---\ntitle: t\npublished: true\n---\n" + body + "\n";
}

} // namespace

TEST_CASE("issue 21: links to a hosted blog's pages are read with the "
          "account and the post they name",
          "[content]")
{
  using Links = std::vector<std::pair<std::string, std::string>>;
  CHECK(content::generators::hosted_links(
          "[a](https://zenn.dev/me/articles/abc-1) and //zenn.dev/you, "
          "https://zenn.dev/zenn/articles/guide zenn.dev/bare/articles/x "
          "https://zenn.dev/me/books/b https://zenn.dev/",
          k_site)
        == Links{{"me", "abc-1"}, {"you", ""}, {"me", ""}});
}

TEST_CASE("issue 21: the account is the one the posts use to link to each "
          "other, else the README's",
          "[content]")
{
  using content::generators::hosted_account;
  // Links to other authors' articles are many; only links to an article of
  // this folder count.
  const auto root = site_of(
    "hosted-links",
    {{"articles/one.md",
      post("https://zenn.dev/other/articles/x https://zenn.dev/other/articles/y"
           " https://zenn.dev/me/articles/two")},
     {"articles/two.md", post("https://zenn.dev/me/articles/one")},
     {"articles/sub/three.md", post("https://zenn.dev/sub/articles/one")},
     {"README.md", "https://zenn.dev/readme"}});
  const auto account = hosted_account(root, "articles", k_site);
  REQUIRE(account);
  CHECK(account->name == "me");
  CHECK(account->source == "2 links in articles/ to its own posts");

  const auto readme = site_of(
    "hosted-readme",
    {{"articles/one.md", post("https://zenn.dev/other/articles/x")},
     {"README.md",
      "# [@me](https://zenn.dev/me)\n* [guide](https://zenn.dev/zenn/articles/"
      "zenn-cli-guide)\n"}});
  REQUIRE(hosted_account(readme, "articles", k_site));
  CHECK(hosted_account(readme, "articles", k_site)->name == "me");

  CHECK_FALSE(hosted_account(
    site_of("hosted-none", {{"articles/one.md", post("no links")}}),
    "articles",
    k_site));
}

TEST_CASE("issue 21: a Zenn or Qiita CLI repository whose posts link to each "
          "other builds with no config: the account's URLs and a title, the "
          "feeds' address guessed with a warning",
          "[content]")
{
  const auto zenn = content::load_site_config(
    site_of("hosted-zenn",
            {{"package.json", R"({"devDependencies":{"zenn-cli":"1"}})"},
             {"articles/a-1.md", post("see https://zenn.dev/me/articles/b-2")},
             {"articles/b-2.md", post("x")}}),
    std::nullopt);
  REQUIRE(zenn);
  CHECK(zenn->config.permalink == "https://zenn.dev/me/articles/:filename");
  CHECK(zenn->config.title == "meさんのフィード");
  CHECK(zenn->config.base_url == "https://zenn.dev/me/");
  CHECK(zenn->detected.diagnostics.size() == 3); // account, title, URL

  const std::string id_a = "0123456789abcdef0123";
  const std::string id_b = "fedcba98765432100123";
  const auto qiita_root = site_of(
    "hosted-qiita",
    {{"qiita.config.json", "{}"},
     {"public/a.md",
      "---\ntitle: a\nid: " + id_a + "\n---\nhttps://qiita.com/me2/items/"
        + id_b + " https://qiita.com/Qiita/items/" + id_b + "\n"},
     {"public/b.md", "---\ntitle: b\nid: " + id_b + "\n---\nx\n"},
     {"public/new.md", "---\ntitle: n\nid: null\n---\nx\n"}});
  ::setenv("GITHUB_REPOSITORY", "me2/qiita-feed", 1);
  const auto qiita = content::load_site_config(qiita_root, std::nullopt);
  ::unsetenv("GITHUB_REPOSITORY");
  REQUIRE(qiita);
  CHECK(qiita->config.permalink == "https://qiita.com/me2/items/:id");
  CHECK(qiita->config.base_url == "https://me2.github.io/qiita-feed/");
  // A post Qiita has not published has no id, so no URL there: left out as
  // a draft is.
  const auto loaded = content::load_posts(
    qiita_root, qiita->config, 1, content::BrokenDrafts::skip_with_warnings);
  REQUIRE(loaded.posts.size() == 3);
  for (const auto& p : loaded.posts) {
    CHECK(p.draft == (p.shown_path.find("new.md") != std::string::npos));
  }

  // Written in ogfeed.yaml, a setting is not guessed: no warning for it.
  REQUIRE(
    util::write_file_atomic(qiita_root / "ogfeed.yaml",
                            "title: Q\nbase_url: https://q.example/\n"
                            "permalink: https://qiita.com/other/items/:id\n"));
  const auto written = content::load_site_config(qiita_root, std::nullopt);
  REQUIRE(written);
  CHECK(written->config.permalink == "https://qiita.com/other/items/:id");
  CHECK(written->detected.diagnostics.empty());
}

TEST_CASE("issue 21: a clone's remote origin on GitHub names its Pages URL "
          "when nothing else does",
          "[content]")
{
  const std::map<std::string, std::string> bare = {
    {"_config.yml", "title: Pages\n"},
    {"_posts/2024-01-01-a.md", "---\ntitle: a\n---\nx\n"}};
  const auto url_with = [&](const std::string& name, const std::string& url) {
    auto files = bare;
    files[".git/config"] = "[core]\n\tbare = false\n[remote \"upstream\"]\n"
                           "\turl = https://github.com/up/stream.git\n"
                           "[remote \"origin\"]\n\turl = "
                           + url + "\n\tfetch = +refs/heads/*\n";
    return content::detect_site(site_of(name, files)).config.base_url;
  };
  CHECK(url_with("origin-https", "https://github.com/Me/blog.git")
        == "https://me.github.io/blog/");
  CHECK(url_with("origin-ssh", "git@github.com:me/me.github.io.git")
        == "https://me.github.io/");
  CHECK(url_with("origin-user", "https://x-token@github.com/me/blog")
        == "https://me.github.io/blog/");
  CHECK(url_with("origin-scheme", "ssh://git@github.com/me/blog.git")
        == "https://me.github.io/blog/");
  CHECK(url_with("origin-gitlab", "https://gitlab.com/me/blog.git").empty());
  CHECK(url_with("origin-evil", "https://github.com/../../x").empty());
}
