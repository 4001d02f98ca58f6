#include "site/post_selection.hpp"
#include "test_support.hpp"

using namespace ogfeed;

namespace {

content::Post
post(const std::string& name, const std::string& permalink, bool draft = false)
{
  content::Post p;
  p.shown_path = "posts/" + name + ".md";
  p.permalink = permalink;
  p.draft = draft;
  return p;
}

} // namespace

TEST_CASE("issue 25: of posts sharing a permalink the first published one "
          "keeps it and the kept posts come back in permalink order",
          "[site]")
{
  // Newest first (each a second older than the one before); select_posts
  // puts them in that order whatever order they come in.
  std::vector<content::Post> posts{
    post("d0", "https://x/b/", true), // a draft claims nothing
    post("b1", "https://x/b/"),
    post("a1", "https://x/a/"),
    post("b2", "https://x/b/"),
    post("c1", "https://x/c/"),
    post("a2", "https://x/a/"),
    post("b3", "https://x/b/"),
  };
  for (std::size_t i = 0; i < posts.size(); ++i) {
    posts[i].date = util::UtcSeconds(std::chrono::seconds(1700000000 - i));
  }
  std::reverse(posts.begin(), posts.end());
  std::swap(posts[1], posts[4]);
  site::BuildOptions options;
  options.now = util::UtcSeconds(std::chrono::seconds(1800000000));
  site::BuildReport report;
  std::vector<std::size_t> by_permalink;
  const std::vector<content::Post> kept =
    site::select_posts(posts, options, report, &by_permalink);
  std::vector<std::string> names;
  for (const auto& p : kept) {
    names.push_back(p.shown_path);
  }
  CHECK(
    names
    == std::vector<std::string>{"posts/b1.md", "posts/a1.md", "posts/c1.md"});
  std::vector<std::string> in_order;
  for (const std::size_t i : by_permalink) {
    in_order.push_back(kept.at(i).permalink);
  }
  CHECK(in_order
        == std::vector<std::string>{
          "https://x/a/", "https://x/b/", "https://x/c/"});
  // Each left-out duplicate names the post that keeps the permalink, in
  // the posts' order.
  std::vector<std::string> said;
  for (const auto& d : report.diagnostics) {
    said.push_back(d.path + " " + d.message.substr(0, d.message.find(", so")));
  }
  CHECK(said
        == std::vector<std::string>{
          "posts/b2.md permalink 'https://x/b/' is also used by posts/b1.md",
          "posts/a2.md permalink 'https://x/a/' is also used by posts/a1.md",
          "posts/b3.md permalink 'https://x/b/' is also used by posts/b1.md"});
  std::vector<std::string> skipped;
  for (const auto& r : report.post_records) {
    skipped.push_back(r.skipped);
  }
  CHECK(skipped
        == std::vector<std::string>{"draft",
                                    "",
                                    "",
                                    "duplicate permalink",
                                    "",
                                    "duplicate permalink",
                                    "duplicate permalink"});
}
