#include "site/feed_entry.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

content::Post
post(std::string file,
     std::string folder,
     std::string file_name,
     std::string permalink)
{
  content::Post p;
  p.file = std::move(file);
  p.folder = std::move(folder);
  p.file_name = std::move(file_name);
  p.permalink = std::move(permalink);
  return p;
}

} // namespace

TEST_CASE("PostNames finds a post by each name a link tag gives it, the "
          "first post of a name winning",
          "[site]")
{
  const std::vector<content::Post> posts = {
    post("/s/content/posts/2024/hello.md", "2024", "hello", "https://e.jp/a/"),
    post("/s/content/posts/trip/index.md", "", "trip", "https://e.jp/b/"),
    post("/s/content/posts/2023/hello.md", "2023", "hello", "https://e.jp/c/"),
  };
  const site::PostNames names(posts);
  CHECK(names.find("hello") == "https://e.jp/a/"); // the first of two
  CHECK(names.find("2024/hello") == "https://e.jp/a/");
  CHECK(names.find("2023/hello") == "https://e.jp/c/");
  CHECK(names.find("trip") == "https://e.jp/b/");  // a bundle by its folder
  CHECK(names.find("index") == "https://e.jp/b/"); // and by its file's stem
  CHECK(names.find("hell") == std::nullopt);
  CHECK(names.find("2022/hello") == std::nullopt);
  CHECK(names.find("") == std::nullopt);
  // The digest follows what the names find, not the posts' order.
  const std::vector<content::Post> reordered = {posts[1], posts[0], posts[2]};
  CHECK(site::PostNames(reordered).digest() == names.digest());
  // "hello" now finds the 2023 post.
  const std::vector<content::Post> swapped = {posts[2], posts[1], posts[0]};
  CHECK(site::PostNames(swapped).digest() != names.digest());
  std::vector<content::Post> moved = posts;
  moved[1].permalink = "https://e.jp/b2/";
  CHECK(site::PostNames(moved).digest() != names.digest());
  CHECK(site::PostNames({}).digest() != names.digest());
}
