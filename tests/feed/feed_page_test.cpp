#include "feed/feed_page.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

util::CivilTime
day(int y, int m, int d)
{
  util::CivilTime t;
  t.year = y;
  t.month = m;
  t.day = d;
  return t;
}

} // namespace

TEST_CASE("feed page: dates as the feed's language writes them", "[feed]")
{
  CHECK(feed::local_date(day(2024, 8, 3), "ja") == "2024年8月3日");
  CHECK(feed::local_date(day(2024, 8, 3), "ja-JP") == "2024年8月3日");
  CHECK(feed::local_date(day(2024, 12, 31), "zh-CN") == "2024年12月31日");
  CHECK(feed::local_date(day(2024, 8, 3), "ko") == "2024년 8월 3일");
  CHECK(feed::local_date(day(2024, 8, 3), "en-US") == "August 3, 2024");
  CHECK(feed::local_date(day(2024, 8, 3), "de") == "2024-08-03");
}

TEST_CASE("feed page: words in the feed's language, text kept as text, feeds "
          "linked relatively",
          "[feed]")
{
  feed::FeedContext context;
  context.base_url = "https://e.com/";
  context.feeds.stylesheet = true;
  content::Post post;
  post.title = "Option<T> & you";
  post.permalink = "https://e.com/posts/a/";
  post.date = util::UtcSeconds{std::chrono::seconds{1722643200}}; // 2024-08-03
  feed::Entry entry;
  entry.post = &post;
  entry.summary = "List<DBObject> \"quoted\"";
  feed::FeedPlan plan;
  plan.title = "Blog <1>";
  plan.language = "en";
  plan.dir = "en/";
  plan.url_dir = "en/";
  plan.alternate = "https://e.com/en/";
  plan.home = true;
  const std::vector<feed::FeedLink> links = {
    {"Atom", "atom.xml", "https://e.com/en/atom.xml", "application/atom+xml"}};
  const std::string page =
    feed::write_feed_page(plan, {&entry}, links, context);
  CHECK(page.find("<html lang=\"en\">") != std::string::npos);
  CHECK(page.find("Add one of the feed addresses") != std::string::npos);
  CHECK(page.find("<title>Blog &lt;1&gt; (feed)</title>") != std::string::npos);
  CHECK(page.find(">Option&lt;T&gt; &amp; you</a>") != std::string::npos);
  CHECK(page.find("List&lt;DBObject&gt; &quot;quoted&quot;")
        != std::string::npos);
  CHECK(page.find(">August 3, 2024</time>") != std::string::npos);
  CHECK(page.find("<a href=\"atom.xml\">Atom</a>") != std::string::npos);
  CHECK(page.find("<link rel=\"alternate\" type=\"application/atom+xml\"")
        != std::string::npos);
  CHECK(feed::feed_page_url(plan, context) == "https://e.com/en/feed.html");

  plan.language = "ja";
  const std::string empty = feed::write_feed_page(plan, {}, links, context);
  CHECK(empty.find("記事はまだありません。") != std::string::npos);

  plan.home = false; // a tag's feed has no page
  CHECK(feed::feed_page_url(plan, context).empty());
  plan.home = true;
  context.feeds.stylesheet = false;
  CHECK(feed::feed_page_url(plan, context).empty());
}
