#include "content/config/site_detect.hpp"
#include "content/load/site_loader.hpp"
#include "test_support.hpp"

using namespace ogfeed;

namespace {

using test::site_of;

const std::string k_config = "title: T\nurl: https://hexo.example\n";

std::string
post(const std::string& extra = "")
{
  return "---\ntitle: t\ndate: 2024-01-01 10:00:00\n" + extra + "---\nx\n";
}

// The posts' file names with their draft flag, in path order.
std::vector<std::string>
drafts(const std::filesystem::path& root)
{
  std::vector<std::string> out;
  for (const auto& p : test::loaded_posts(root)) {
    out.push_back(p.file_name + (p.draft ? " draft" : ""));
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST_CASE("issue 21: hexo-hide-posts keeps a post flagged by its filter "
          "out of the feeds, as Hexo's own feed",
          "[content]")
{
  // Its config, with a filter of its own.
  CHECK(drafts(site_of("hexo-hide-posts",
                       {{"_config.yml",
                         k_config
                           + "hide_posts:\n  enable: true\n"
                             "  filter: secret\n"},
                        {"source/_posts/open.md", post()},
                        {"source/_posts/shut.md", post("secret: true\n")},
                        {"source/_posts/other.md", post("hidden: true\n")}}))
        == std::vector<std::string>{"open", "other", "shut draft"});
  // Installed without config: `hidden`.
  CHECK(drafts(site_of("hexo-hide-posts-default",
                       {{"_config.yml", k_config},
                        {"package.json",
                         "{\"dependencies\": {\"hexo-hide-posts\": \"^0.4\"}}"},
                        {"source/_posts/open.md", post()},
                        {"source/_posts/shut.md", post("hidden: true\n")}}))
        == std::vector<std::string>{"open", "shut draft"});
  // Neither: a flag like any other.
  CHECK(drafts(site_of("hexo-no-hide-posts",
                       {{"_config.yml", k_config},
                        {"source/_posts/shut.md", post("hidden: true\n")}}))
        == std::vector<std::string>{"shut"});
}
