#include "content/config/site_config.hpp"
#include "content/config/site_titles.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

TEST_CASE("site titles: a post's language finds its own title, any other "
          "the site's",
          "[content]")
{
  content::SiteConfig config = content::default_site_config();
  config.title = "技術ブログ";
  config.language = "ja";
  config.content_languages["en"] = {"en-US", "en/", "Tech blog"};
  config.file_languages["ko"] = {"ko", "ko/", ""}; // no title of its own
  const content::SiteTitles titles = content::site_titles(config);
  CHECK(titles.others.size() == 1);
  CHECK(titles.in("") == "技術ブログ");
  CHECK(titles.in("ja-JP") == "技術ブログ");
  CHECK(titles.in("en-us") == "Tech blog");
  CHECK(titles.in("ko") == "技術ブログ");
  CHECK(titles.in("fr") == "技術ブログ");
  for (const std::string lang : {"", "ja", "en-US", "ko", "fr"}) {
    CHECK(content::site_title_in(config, lang) == titles.in(lang));
  }
}
