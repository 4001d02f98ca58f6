#include "content/render/absolute_urls.hpp"

#include <catch2/catch.hpp>

using ogfeed::content::absolutize_html;
using ogfeed::content::absolutize_srcset;

namespace {

const std::string k_base = "https://example.com/posts/hello/";

} // namespace

TEST_CASE("absolute urls: Markdown output and raw HTML alike", "[content]")
{
  CHECK(absolutize_html(
          R"(<p><img src="//images.example.net/a.jpg" alt="a" /></p>)", k_base)
        == R"(<p><img src="https://images.example.net/a.jpg" alt="a" /></p>)");
  CHECK(
    absolutize_html(R"(<a class="link-preview" href="/about/">x</a>)", k_base)
    == R"(<a class="link-preview" href="https://example.com/about/">x</a>)");
  CHECK(
    absolutize_html(
      R"(<sup><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>)",
      k_base)
    == R"(<sup><a href="https://example.com/posts/hello/#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>)");
  CHECK(absolutize_html("<A HREF='img/x.png'>", k_base)
        == "<A HREF='https://example.com/posts/hello/img/x.png'>");
  CHECK(absolutize_html("<a href=img/x.png>", k_base)
        == "<a href=\"https://example.com/posts/hello/img/x.png\">");
  CHECK(absolutize_html("<video poster=p.jpg src = \"v.mp4\"></video>", k_base)
        == "<video poster=\"https://example.com/posts/hello/p.jpg\" src = "
           "\"https://example.com/posts/hello/v.mp4\"></video>");
}

TEST_CASE("absolute urls: every srcset candidate", "[content]")
{
  CHECK(absolutize_srcset("a.png 1x, //cdn.example/b.png 2x", k_base)
        == "https://example.com/posts/hello/a.png 1x, "
           "https://cdn.example/b.png 2x");
  CHECK(absolutize_srcset("a.png 1x,b.png 2x", k_base)
        == "https://example.com/posts/hello/a.png "
           "1x,https://example.com/posts/hello/b.png 2x");
  // The HTML standard reads "a.png,b.png" as one URL and drops trailing commas.
  CHECK(absolutize_srcset("a.png,b.png, c.png", k_base)
        == "https://example.com/posts/hello/a.png,b.png, "
           "https://example.com/posts/hello/c.png");
  CHECK(
    absolutize_html(R"(<img srcset="s.png 480w, /l.png 1080w" src="s.png">)",
                    k_base)
    == R"(<img srcset="https://example.com/posts/hello/s.png 480w, https://example.com/l.png 1080w" src="https://example.com/posts/hello/s.png">)");
}

TEST_CASE(
  "absolute urls: text, code, comments and other attributes are untouched",
  "[content]")
{
  const std::string html =
    "<p>href=\"x\" &lt;a href=\"y\"&gt; 1 < 2</p><!-- <a href=\"z\"> --><code>"
    "src=a</code><a title=\"href=x\" data-x='src'>t</a>";
  CHECK(absolutize_html(html, k_base) == html);
}

TEST_CASE("absolute urls: broken HTML never loops or overruns", "[content]")
{
  CHECK(absolutize_html("<a href=\"unterminated", k_base)
        == "<a href=\"https://example.com/posts/hello/unterminated");
  CHECK(absolutize_html("<a href=", k_base) == "<a href=");
  CHECK(absolutize_html("<a \"\" href>", k_base) == "<a \"\" href>");
  CHECK(absolutize_html("<", k_base) == "<");
  CHECK(absolutize_html("<!--", k_base) == "<!--");
}
