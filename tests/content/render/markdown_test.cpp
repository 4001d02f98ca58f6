#include "content/render/markdown.hpp"
#include "util/utf8.hpp"

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using ogfeed::content::markdown_excerpt;
using ogfeed::content::render_markdown;
namespace content = ogfeed::content;

TEST_CASE("markdown: GFM extensions are on", "[content]")
{
  CHECK(render_markdown("| a | b |\n| --- | --- |\n| 1 | 2 |\n").find("<table>")
        != std::string::npos);
  CHECK(render_markdown("~~old~~ new") == "<p><del>old</del> new</p>\n");
  CHECK(render_markdown("see https://example.com now")
        == "<p>see <a href=\"https://example.com\">https://example.com</a> "
           "now</p>\n");
  CHECK(render_markdown("- [x] done\n").find("checked=\"\"")
        != std::string::npos);
  CHECK(render_markdown("a[^1]\n\n[^1]: note\n").find("href=\"#fn-1\"")
        != std::string::npos);
}

TEST_CASE("markdown: raw HTML is kept, dangerous tags are filtered",
          "[content]")
{
  CHECK(render_markdown(
          "<a class=\"link-preview\" href=\"https://x.test/\">x</a>\n")
        == "<p><a class=\"link-preview\" href=\"https://x.test/\">x</a></p>\n");
  // Scripts and styles go whole (readers strip them; GFM's tagfilter would
  // show them as text); embeds stay; tags that swallow a page read as text.
  CHECK(render_markdown("<script>alert(1)</script>\n") == "\n");
  CHECK(render_markdown("a <script async src=\"//x.test/e.js\"></script>b\n")
        == "<p>a b</p>\n");
  CHECK(render_markdown("<STYLE>p{}</Style>\n\ntext\n") == "\n<p>text</p>\n");
  CHECK(render_markdown("<iframe src=\"https://www.youtube.com/embed/x\">"
                        "</iframe>\n")
        == "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n");
  CHECK(render_markdown("<textarea>x</textarea>\n")
        == "<p>&lt;textarea>x</textarea></p>\n");
  CHECK(render_markdown("`<script>`\n")
        == "<p><code>&lt;script&gt;</code></p>\n");
}

TEST_CASE("markdown: entities XML forbids become U+FFFD", "[content]")
{
  CHECK(render_markdown("a&#1;b")
        == "<p>a\xEF\xBF\xBD"
           "b</p>\n");
}

TEST_CASE("markdown: rendering on many threads gives the same HTML",
          "[content]")
{
  const std::string md = "~~del~~ and | a |\n| - |\n| b |\n";
  const std::string expected = render_markdown(md);
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 50; ++k) {
        results[i] = render_markdown(md);
        if (results[i] != expected) {
          break;
        }
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  for (const auto& r : results) {
    CHECK(r == expected);
  }
}

TEST_CASE("issue 12: excerpts are plain text cut after a sentence or at a "
          "phrase, never inside a word",
          "[content]")
{
  CHECK(markdown_excerpt("# 見出し\n\n本文 **太字** と `code`。\n", 100)
        == "見出し 本文 太字 と code。");
  // One unbroken word: cut, with "…", within the limit.
  CHECK(markdown_excerpt("あいうえおかきくけこ", 5) == "あいうえ…");
  // Issue 22: an image is no text (Hugo's .Summary, jekyll-seo-tag), nor
  // an image in its alt; a link's text is.
  CHECK(markdown_excerpt("本文。![pic](/a.png) [リンク](/b) "
                         "![![inner](/c.png)](/d.png)後。\n",
                         100)
        == "本文。 リンク 後。");
  // A whole sentence when one ends in the last two thirds of the room.
  CHECK(content::cut_excerpt(U"今日は晴れです。明日は雨が降るでしょう。", 12)
        == "今日は晴れです。");
  // Else at a BudouX phrase boundary, "…" included in the limit.
  const std::string phrase =
    content::cut_excerpt(U"私はその人を常に先生と呼んでいました", 12);
  CHECK(phrase == "私はその人を常に先生と…");
  CHECK(ogfeed::util::utf8_length(phrase) <= 12);
  // Never inside a Latin word: at the space before it.
  CHECK(content::cut_excerpt(U"Rustで始めるWebAssembly programming guide", 30)
        == "Rustで始めるWebAssembly…");
}

TEST_CASE("issue 12: <!--more--> on its own line, outside code", "[content]")
{
  CHECK(content::more_marker("intro\n\n<!--more-->\n\nrest") == 7);
  CHECK(content::more_marker("intro\n<!-- more -->\nrest") == 6);
  CHECK(content::more_marker("```\n<!--more-->\n```\n") == std::string::npos);
  CHECK(content::more_marker("text <!--more--> inline") == std::string::npos);
}

TEST_CASE("issue 8: a post with too many table cells renders them as text",
          "[content]")
{
  std::string md = "intro\n\n| a | b |\n|---|---|\n";
  while (md.size() < 4 * content::k_max_table_cells) {
    md += "| 1 | 2 |\n";
  }
  const int line = content::table_cells_overflow_line(md);
  CHECK(line == 3 + static_cast<int>(content::k_max_table_cells / 3));
  CHECK(content::table_cells_overflow_line("| a | b |\n|---|---|\n") == 0);
  const std::string html =
    content::render_markdown(md, content::Tables::as_text);
  CHECK(html.find("<table>") == std::string::npos);
  CHECK(content::render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n")
          .find("<table>")
        != std::string::npos);
}

TEST_CASE("issue 21: raw HTML as each generator treats it", "[content]")
{
  using ogfeed::content::RawHtml;
  using ogfeed::content::Tables;
  const std::string md = "Use `List<T>` and List<DBObject> here.\n\n"
                         "<div class=\"note\">block</div>\n";
  // Jekyll's kramdown, Hexo: passed on.
  CHECK(render_markdown(md, Tables::gfm, nullptr, RawHtml::keep)
        == "<p>Use <code>List&lt;T&gt;</code> and List<DBObject> here.</p>\n"
           "<div class=\"note\">block</div>\n");
  // Hugo's Goldmark (unsafe: false): left out, as Goldmark writes it.
  CHECK(
    render_markdown(md, Tables::gfm, nullptr, RawHtml::omit)
    == "<p>Use <code>List&lt;T&gt;</code> and List<!-- raw HTML omitted --> "
       "here.</p>\n<!-- raw HTML omitted -->\n");
  // Zenn: shown as text, so a reader sees List<DBObject>.
  CHECK(render_markdown(md, Tables::gfm, nullptr, RawHtml::escape)
        == "<p>Use <code>List&lt;T&gt;</code> and List&lt;DBObject&gt; "
           "here.</p>\n<p>&lt;div class=&quot;note&quot;&gt;block&lt;/div&gt;"
           "</p>\n");
}
