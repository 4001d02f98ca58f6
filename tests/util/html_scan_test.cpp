#include "util/html_scan.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace ogfeed;

namespace {

std::vector<std::string>
attributes(std::string_view html)
{
  std::vector<std::string> out;
  util::scan_html_attributes(html, [&](const util::HtmlAttribute& a) {
    out.push_back(
      std::string(a.tag) + " " + std::string(a.name) + "="
      + std::string(a.value) + " ["
      + std::string(html.substr(a.value_begin, a.value_end - a.value_begin))
      + "]");
  });
  return out;
}

} // namespace

TEST_CASE("html scan: attributes of every start tag, quoted or not", "[util]")
{
  CHECK(attributes("<p>x</p><a HREF=\"/a\" title='t'>x</a><img src=b.png alt>")
        == std::vector<std::string>{
          "a HREF=/a [/a]", "a title=t [t]", "img src=b.png [b.png]"});
}

TEST_CASE("html scan: comments, doctypes and text are skipped", "[util]")
{
  CHECK(attributes("<!DOCTYPE html><!-- <a href=\"x\"> --><?pi a=\"b\"?>"
                   "a &lt;b href=\"no\"&gt; <b class=\"k\">")
        == std::vector<std::string>{"b class=k [k]"});
}

TEST_CASE("html scan: broken markup ends the scan, never reads past the end",
          "[util]")
{
  for (const std::string_view broken : {"<a href=\"unclosed",
                                        "<a href=",
                                        "<",
                                        "<a",
                                        "<!--",
                                        "<a href='x' ",
                                        "<img src=x/"}) {
    INFO(broken);
    (void)attributes(broken);
  }
  CHECK(attributes("<a href='x' ").size() == 1);
}

TEST_CASE("html scan: URL attributes by name, in any case", "[util]")
{
  CHECK(util::is_url_attribute("href"));
  CHECK(util::is_url_attribute("SRC"));
  CHECK(util::is_url_attribute("poster"));
  CHECK(!util::is_url_attribute("srcset"));
  CHECK(!util::is_url_attribute("alt"));
}

TEST_CASE("issue 20: feed content loses scripts, event handlers and script "
          "URLs, as readers remove them, and says what went",
          "[util]")
{
  const auto clean = util::drop_active_content(
    "<p onclick=\"steal()\" class=\"x\">a</p>"
    "<a href=\" JavaScript:alert(1)\">b</a>"
    "<a href=\"java\tscript:alert(2)\">c</a>"
    "<img src=\"data:image/png;base64,AAAA\" onerror='x()'>"
    "<iframe src=\"data:text/html,<script>1</script>\"></iframe>"
    "<script>var a = \"</p>\";</script><STYLE>p{}</STYLE>"
    "<a href=\"https://e.example/\">ok</a>");
  CHECK(clean.html
        == "<p class=\"x\">a</p><a>b</a><a>c</a>"
           "<img src=\"data:image/png;base64,AAAA\"><iframe></iframe>"
           "<a href=\"https://e.example/\">ok</a>");
  CHECK(clean.removed
        == std::vector<std::string>{"onclick event handlers",
                                    "javascript: URLs",
                                    "onerror event handlers",
                                    "data: URLs",
                                    "<script> elements",
                                    "<style> elements"});
}

TEST_CASE("issue 20: a '<style>' inside an attribute's quotes is text",
          "[util]")
{
  const std::string html =
    "<p><abbr title=\"a <style> tag\">CSS</abbr> and <code>&lt;style&gt;"
    "</code> are kept.</p>";
  const auto clean = util::drop_active_content(html);
  CHECK(clean.html == html);
  CHECK(clean.removed.empty());
}

TEST_CASE("html scan: start and end tag names in order, quotes honoured and "
          "comments skipped",
          "[util]")
{
  std::vector<std::string> seen;
  ogfeed::util::scan_html_tag_names(
    R"(a <B title="x</i>y">bold</B> <!-- <em> --> <br/> </ p> 1 < 2 </>)",
    [&](std::string_view name, bool end) {
      seen.push_back((end ? "/" : "") + std::string(name));
    });
  CHECK(seen == std::vector<std::string>{"B", "/B", "br"});
}
