#include "feed/feed_page.hpp"

#include "util/html_scan.hpp"
#include "util/language_tag.hpp"
#include "util/time_zone.hpp"

namespace ogfeed::feed {

namespace {

// The fixed words of a page, in one language.
struct PageWords
{
  std::string_view language;   // primary subtag, "" for the fallback
  std::string_view title_tail; // after the feed's title in <title>
  std::string_view about;
  std::string_view subscribe;
  std::string_view open_site;
  std::string_view no_entries;
};

constexpr PageWords k_words[] = {
  {"ja",
   "（フィード）",
   "これはフィード（RSS/Atom）のページです。下のフィードの URL "
   "をフィードリーダーに登録すると、新しい記事が届きます。",
   "購読する",
   "サイトを開く",
   "記事はまだありません。"},
  {"zh",
   "（订阅源）",
   "这是订阅源（RSS/Atom）的页面。把下面的订阅源网址添加到阅读器，"
   "即可收到新文章。",
   "订阅",
   "打开网站",
   "还没有文章。"},
  {"ko",
   " (피드)",
   "이 페이지는 피드(RSS/Atom)입니다. 아래 피드 주소를 피드 리더에 "
   "등록하면 새 글을 받아 볼 수 있습니다.",
   "구독하기",
   "사이트 열기",
   "아직 글이 없습니다."},
  {"",
   " (feed)",
   "This is a web feed (RSS/Atom). Add one of the feed addresses below to "
   "your feed reader to get new posts as they come out.",
   "Subscribe",
   "Open the site",
   "No posts yet."},
};

const PageWords&
words_for(std::string_view language)
{
  for (const auto& w : k_words) {
    if (!w.language.empty() && util::same_language(w.language, language)) {
      return w;
    }
  }
  return k_words[std::size(k_words) - 1];
}

std::string
attr(std::string_view text)
{
  return util::html_escape(text);
}

} // namespace

std::string
feed_page_url(const FeedPlan& plan, const FeedContext& context)
{
  if (!context.feeds.stylesheet || !plan.home) {
    return {};
  }
  return context.base_url + plan.url_dir + k_feed_page_file;
}

std::string_view
feed_page_style()
{
  return R"CSS(body { margin: 0; font-family: system-ui, "Hiragino Sans",
  "Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic", sans-serif;
  line-height: 1.8; color: #1f2937; background: #f8fafc; }
.wrap { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.about { background: #e0f2fe; border-radius: .5rem; padding: .75rem 1rem;
  font-size: .9rem; }
h1 { font-size: 1.6rem; line-height: 1.4; margin: 1.5rem 0 .25rem; }
.subtitle { color: #475569; margin: 0 0 1rem; }
.feeds { margin: 0; padding: 0; list-style: none; font-size: .9rem; }
.feeds code { color: #475569; overflow-wrap: anywhere; }
article { background: #fff; border: 1px solid #e2e8f0;
  border-radius: .5rem; padding: 1rem 1.25rem; margin: 1rem 0; }
article h2 { font-size: 1.15rem; line-height: 1.5; margin: 0; }
a { color: #0369a1; }
time { color: #64748b; font-size: .85rem; }
.summary { margin: .5rem 0 0; overflow-wrap: anywhere; }
)CSS";
}

std::string
local_date(const util::CivilTime& t, std::string_view language)
{
  if (util::same_language(language, "ja")
      || util::same_language(language, "zh")) {
    return util::format_date(t, "%Y年%-m月%-d日");
  }
  if (util::same_language(language, "ko")) {
    return util::format_date(t, "%Y년 %-m월 %-d일");
  }
  if (util::same_language(language, "en")) {
    return util::format_date(t, "%B %-d, %Y");
  }
  return util::format_date(t, "%Y-%m-%d");
}

std::string
write_feed_page(const FeedPlan& plan,
                const std::vector<const Entry*>& entries,
                const std::vector<FeedLink>& feeds,
                const FeedContext& context)
{
  const PageWords& words = words_for(plan.language);
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + attr(plan.language)
                    + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, "
                      "initial-scale=1\">\n"
                      "<meta name=\"robots\" content=\"noindex\">\n"
                      "<meta name=\"generator\" content=\"ogfeed "
                    + OGFEED_VERSION + "\">\n<title>" + attr(plan.title)
                    + std::string(words.title_tail) + "</title>\n";
  for (const auto& f : feeds) {
    out += "<link rel=\"alternate\" type=\"" + f.mime + "\" title=\""
           + attr(plan.title) + " (" + f.label + ")\" href=\"" + attr(f.file)
           + "\">\n";
  }
  out += "<style>\n" + std::string(feed_page_style()) + "</style>\n";
  out += "</head>\n<body>\n<div class=\"wrap\">\n<p class=\"about\">"
         + std::string(words.about) + "</p>\n<h1>" + attr(plan.title)
         + "</h1>\n";
  if (!plan.subtitle.empty()) {
    out += "<p class=\"subtitle\">" + attr(plan.subtitle) + "</p>\n";
  }
  out += "<ul class=\"feeds\" aria-label=\"" + std::string(words.subscribe)
         + "\">\n";
  for (const auto& f : feeds) {
    out += "<li><a href=\"" + attr(f.file) + "\">" + attr(f.label)
           + "</a> <code>" + attr(f.url) + "</code></li>\n";
  }
  out += "</ul>\n<p><a href=\"" + attr(plan.alternate) + "\">"
         + std::string(words.open_site) + "</a></p>\n";
  if (entries.empty()) {
    out += "<p>" + std::string(words.no_entries) + "</p>\n";
  }
  const util::TimeZone& zone = context.timezone;
  for (const Entry* e : entries) {
    const content::Post& post = *e->post;
    const int offset = zone.offset_at(post.date);
    out += "<article>\n<h2><a href=\"" + attr(post.permalink) + "\">"
           + attr(post.title) + "</a></h2>\n<time datetime=\""
           + util::format_rfc3339(post.date, offset) + "\">"
           + local_date(util::to_civil(post.date, offset), plan.language)
           + "</time>\n";
    if (!e->summary.empty()) {
      out += "<p class=\"summary\">" + util::html_escape(e->summary) + "</p>\n";
    }
    out += "</article>\n";
  }
  out += "</div>\n</body>\n</html>\n";
  return out;
}

} // namespace ogfeed::feed
