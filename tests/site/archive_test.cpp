#include "site/site_build.hpp"
#include "test_support.hpp"

#include <pugixml.hpp>

#include <cstring>
#include <set>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

constexpr const char* k_base = "https://h.example/";

void
add_post(const fs::path& root, int day)
{
  const std::string name = "p" + std::to_string(day);
  REQUIRE(util::write_file_atomic(root / "posts" / (name + ".md"),
                                  "---\ntitle: " + name + "\ndate: 2024-03-0"
                                    + std::to_string(day) + "\n---\nBody "
                                    + name + "\n"));
}

std::string
link(const pugi::xml_node& feed, const char* rel)
{
  return feed.find_child_by_attribute("link", "rel", rel)
    .attribute("href")
    .value();
}

// Follows prev-archive from the subscription feed, as RFC 5005's clients
// do, and returns every entry id seen; checks each document on the way.
std::set<std::string>
walk_history(const fs::path& out)
{
  std::set<std::string> ids;
  std::string url = std::string(k_base) + "atom.xml";
  bool subscription = true;
  for (int guard = 0; !url.empty() && guard < 20; ++guard) {
    REQUIRE(url.starts_with(k_base));
    pugi::xml_document doc;
    REQUIRE(doc.load_file((out / url.substr(std::strlen(k_base))).c_str()));
    const pugi::xml_node feed = doc.child("feed");
    CHECK(feed.child("id").text().as_string() == std::string(k_base));
    CHECK(bool(feed.child("fh:archive")) == !subscription);
    if (!subscription) {
      CHECK(link(feed, "current") == std::string(k_base) + "atom.xml");
    }
    for (const auto& e : feed.children("entry")) {
      ids.insert(e.child("id").text().as_string());
    }
    url = link(feed, "prev-archive");
    subscription = false;
  }
  return ids;
}

} // namespace

TEST_CASE("issue 12: feeds.archive keeps the whole history in RFC 5005 "
          "archive documents that change only when their posts do",
          "[site]")
{
  const fs::path root = test::fresh_dir("archive");
  REQUIRE(util::write_file_atomic(
    root / "ogfeed.yaml",
    std::string("title: h\nbase_url: ") + k_base
      + "\nfeeds:\n  limit: 2\n  archive: true\n  formats: [atom, rss, json]\n"
        "cards:\n  enabled: false\n"));
  for (int day = 1; day <= 5; ++day) {
    add_post(root, day);
  }
  const auto options = test::build_options(root, root / "public");
  const fs::path out = root / "public";
  const site::BuildReport first = site::build_site(options);
  REQUIRE(first.diagnostics.empty()); // every document checks clean
  std::set<std::string> all;
  for (int day = 1; day <= 5; ++day) {
    all.insert(std::string(k_base) + "posts/p" + std::to_string(day) + "/");
  }
  CHECK(walk_history(out) == all);
  // Full documents only, oldest first: p1 p2 | p3 p4 | (subscription p5 p4).
  const std::string a1 = test::slurp(out / "archive/1/atom.xml");
  CHECK(a1.find("posts/p1/") != std::string::npos);
  CHECK(a1.find("posts/p2/") != std::string::npos);
  CHECK(a1.find("posts/p3/") == std::string::npos);
  CHECK(a1.find("next-archive") != std::string::npos);
  CHECK_FALSE(fs::exists(out / "archive/3"));
  CHECK_FALSE(fs::exists(out / "archive/1/feed.json")); // no JSON archives
  const std::string r2 = test::slurp(out / "archive/2/rss.xml");
  CHECK(r2.find("<fh:archive />") != std::string::npos);
  CHECK(r2.find("rel=\"current\" type=\"application/rss+xml\" href=\""
                "https://h.example/rss.xml\"")
        != std::string::npos);

  // A new post that fills a document: the newest archive gains a
  // next-archive link, the older ones stay as they were...
  add_post(root, 6);
  const site::BuildReport second = site::build_site(options);
  REQUIRE(second.diagnostics.empty());
  CHECK_FALSE(test::changed(second, "archive/1/atom.xml"));
  CHECK(test::changed(second, "archive/2/atom.xml"));
  CHECK(test::changed(second, "archive/3/atom.xml"));
  CHECK(test::slurp(out / "archive/1/atom.xml") == a1);
  // ...and one that does not changes the subscription feed only.
  add_post(root, 7);
  const site::BuildReport third = site::build_site(options);
  REQUIRE(third.diagnostics.empty());
  CHECK(test::changed(third, "atom.xml"));
  CHECK_FALSE(test::changed(third, "archive/1/atom.xml"));
  CHECK_FALSE(test::changed(third, "archive/3/atom.xml"));
  CHECK_FALSE(test::changed(third, "archive/3/rss.xml"));
  all.insert(std::string(k_base) + "posts/p6/");
  all.insert(std::string(k_base) + "posts/p7/");
  CHECK(walk_history(out) == all);
}
