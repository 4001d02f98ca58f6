#include "content/render/generator_markup.hpp"
#include "content/render/markdown.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

struct Rendered
{
  std::string markdown;
  std::string html;
  std::vector<std::string> warnings;
};

content::MarkupContext
context(content::MarkupDialects dialects = {})
{
  content::MarkupContext c;
  c.base_url = "https://blog.example.jp/sub/";
  c.post_url = "https://blog.example.jp/sub/2024/05/01/hello.html";
  c.dialects = dialects;
  c.find_post = [](std::string_view name) -> std::optional<std::string> {
    if (name == "2024-05-01-hello") {
      return "https://blog.example.jp/2024/05/01/hello/";
    }
    return std::nullopt;
  };
  return c;
}

Rendered
render(std::string_view md, const content::MarkupContext& c = context())
{
  Rendered r;
  util::Diagnostics notes;
  r.markdown = content::render_generator_markup(md, c, 5, notes);
  r.html = content::render_markdown(r.markdown);
  for (const auto& d : notes) {
    r.warnings.push_back(util::format_diagnostic(util::with_path(d, "p.md")));
  }
  return r;
}

} // namespace

TEST_CASE("issue 9: Zenn and Qiita blocks become HTML a reader shows",
          "[content]")
{
  const auto r = render(":::message alert\n注意してください\n:::\n\n"
                        ":::details 詳しく\n**中身**\n:::\n\n"
                        ":::note info\nメモ\n:::\n\n"
                        "@[card](https://zenn.dev/x)\n@[youtube](abc123)\n");
  CHECK(r.html.find(
          "<aside class=\"message alert\">\n<p>注意してください</p>\n</aside>")
        != std::string::npos);
  CHECK(r.html.find("<details><summary>詳しく</summary>\n<p><strong>中身</"
                    "strong></p>\n</details>")
        != std::string::npos);
  CHECK(r.html.find("<aside class=\"note info\">") != std::string::npos);
  CHECK(r.html.find("<a href=\"https://zenn.dev/x\">https://zenn.dev/x</a>")
        != std::string::npos);
  CHECK(r.html.find("https://www.youtube.com/watch?v=abc123")
        != std::string::npos);
  CHECK(r.html.find(":::") == std::string::npos);
  CHECK(r.warnings.empty());
}

TEST_CASE("issue 9: Jekyll Liquid is rendered or dropped, never leaked",
          "[content]")
{
  const auto r = render("{% highlight ruby linenos %}\nputs {{ x }}\n"
                        "{% endhighlight %}\n\n"
                        "{% raw %}{{ kept }}{% endraw %} and "
                        "[home]({{ site.url }}{{ site.baseurl }}/) "
                        "[a]({% link about.md %})\n\n"
                        "{% include ad.html %}\n");
  CHECK(r.html.find(
          "<pre><code class=\"language-ruby\">puts {{ x }}\n</code></pre>")
        != std::string::npos);
  CHECK(r.html.find("{{ kept }}") != std::string::npos);
  CHECK(r.html.find("href=\"https://blog.example.jp/sub/\"")
        != std::string::npos);
  CHECK(r.html.find("href=\"https://blog.example.jp/sub/about.md\"")
        != std::string::npos);
  CHECK(r.html.find("include") == std::string::npos);
  CHECK(r.warnings
        == std::vector<std::string>{
          "p.md:11:1: warning: Liquid tag '{% include %}' dropped"});
}

TEST_CASE("issue 9: Hugo shortcodes are rendered or dropped, never leaked",
          "[content]")
{
  const auto r =
    render("{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}\n\n"
           "{{< figure src=\"/img/a.png\" alt=\"図 と 表\" >}} "
           "{{< youtube w7Ft2ymGmfc >}} {{< gist spf13 7896402 >}}\n\n"
           "{{% notice tip %}}ヒント{{% /notice %}}\n");
  CHECK(r.html.find("<pre><code class=\"language-go\">func main() {}\n")
        != std::string::npos);
  CHECK(r.html.find("<img src=\"/img/a.png\" alt=\"図 と 表\">")
        != std::string::npos);
  CHECK(r.html.find("https://www.youtube.com/watch?v=w7Ft2ymGmfc")
        != std::string::npos);
  CHECK(r.html.find("https://gist.github.com/spf13/7896402")
        != std::string::npos);
  CHECK(r.html.find("ヒント") != std::string::npos);
  CHECK(r.html.find("{{") == std::string::npos);
  CHECK(r.warnings
        == std::vector<std::string>{
          "p.md:11:1: warning: Hugo shortcode 'notice' dropped"});
}

TEST_CASE("issue 21: the inside of a theme's paired shortcode is never a "
          "heading, and ref/relref link the post they name",
          "[content]")
{
  const auto r = render("{{< terminal title=\"sh\" >}}\n"
                        "# install it\n"
                        "  ## twice\n"
                        "apt-get install **ogfeed**\n"
                        "{{< /terminal >}}\n\n"
                        "# A real heading\n\n"
                        "[next]({{< ref \"posts/2024-05-01-hello.md\" >}}) "
                        "[top]({{< relref \"/2024-05-01-hello#top\" >}}) "
                        "[gone]({{< ref \"nope.md\" >}})\n");
  CHECK(r.html.find("<h1>install it") == std::string::npos);
  CHECK(r.html.find("# install it") != std::string::npos);
  CHECK(r.html.find("## twice") != std::string::npos);
  CHECK(r.html.find("<strong>ogfeed</strong>") != std::string::npos);
  CHECK(r.html.find("<h1>A real heading</h1>") != std::string::npos);
  CHECK(r.html.find(
          "<a href=\"https://blog.example.jp/2024/05/01/hello/\">next</a>")
        != std::string::npos);
  CHECK(r.html.find(
          "<a href=\"https://blog.example.jp/2024/05/01/hello/#top\">top</a>")
        != std::string::npos);
  CHECK(
    r.warnings
    == std::vector<std::string>{
      "p.md:5:1: warning: Hugo shortcode 'terminal' dropped",
      "p.md:13:1: warning: '{{< ref \"nope.md\" >}}' names no post; dropped"});
}

TEST_CASE("issue 9: code blocks and inline code are never touched", "[content]")
{
  const std::string md = "```liquid\n{% highlight ruby %}\n:::message\n```\n\n"
                         "Write `{{< figure >}}` or ``{% raw %}`` inline.\n";
  const auto r = render(md);
  CHECK(r.markdown == md);
  CHECK(r.warnings.empty());
}

TEST_CASE("issue 9: Jekyll's post_url links to the post it names", "[content]")
{
  util::Diagnostics notes;
  const std::string md = content::render_generator_markup(
    "[前回]({% post_url 2024-05-01-hello %}) "
    "[別]({% post_url blog/2020-01-01-gone %})\n",
    context(),
    1,
    notes);
  CHECK(md == "[前回](https://blog.example.jp/2024/05/01/hello/) [別]()\n");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].message
        == "'{% post_url blog/2020-01-01-gone %}' names no post; dropped");
}

TEST_CASE("issue 9: each generator's markup only where that generator reads "
          "it",
          "[content]")
{
  const std::string md = "{{ .RSSLink }} and {% raw %} and "
                         "{{< youtube abc >}}\n\n:::message\nm\n:::\n";
  // Hugo reads shortcodes only: Liquid-looking text is text.
  const auto hugo = render(
    md, context(content::MarkupDialects::only(false, false, true, false)));
  CHECK(hugo.markdown.starts_with("{{ .RSSLink }} and {% raw %} and <a href="));
  CHECK(hugo.markdown.find(":::message") != std::string::npos);
  CHECK(hugo.warnings.empty());
  // Jekyll reads Liquid only.
  const auto jekyll =
    render("{{ site.url }} :::note\n",
           context(content::MarkupDialects::only(true, false, false, false)));
  CHECK(jekyll.markdown == "https://blog.example.jp :::note\n");
}

TEST_CASE("issue 9: Hexo tag plugins", "[content]")
{
  const auto r = render(
    "{% codeblock 例 lang:ruby %}\nputs {{ x }}\n{% endcodeblock %}\n\n"
    "{% blockquote 著者 %}\n引用\n{% endblockquote %}\n\n"
    "{% asset_img diagram.png 構成図 %} {% post_link 2024-05-01-hello 前回 %}"
    " {% link 公式 https://hexo.io/ %} {% youtube xyz %}\n",
    context(content::MarkupDialects::only(false, true, false, false)));
  CHECK(r.markdown.starts_with("```ruby\nputs {{ x }}\n```\n"));
  CHECK(r.html.find("<blockquote>\n<p>引用</p>\n</blockquote>")
        != std::string::npos);
  CHECK(r.html.find("<img src=\"https://blog.example.jp/sub/2024/05/01/hello/"
                    "diagram.png\" alt=\"構成図\">")
        != std::string::npos);
  CHECK(r.html.find("<a href=\"https://blog.example.jp/2024/05/01/hello/\">"
                    "前回</a>")
        != std::string::npos);
  CHECK(r.html.find("<a href=\"https://hexo.io/\">公式</a>")
        != std::string::npos);
  CHECK(r.html.find("https://www.youtube.com/watch?v=xyz")
        != std::string::npos);
  CHECK(r.warnings.empty());
}

TEST_CASE("issue 9: MDX imports, exports and JSX components are left out, "
          "their text kept",
          "[content]")
{
  content::MarkupDialects mdx =
    content::MarkupDialects::only(false, false, false, false);
  mdx.mdx = true;
  const auto r =
    render("import Aside from '../Aside.astro';\nexport const x = 1;\n\n"
           "# Title\n\n<Aside type=\"tip\">大事な点</Aside>\n\n"
           "<Chart\n  data={[1, 2]}\n/>\n\n"
           "```jsx\nimport React from 'react';\n<Button />\n```\n",
           context(mdx));
  CHECK(r.markdown.find("import Aside") == std::string::npos);
  CHECK(r.markdown.find("export const") == std::string::npos);
  CHECK(r.html.find("<p>大事な点</p>") != std::string::npos);
  CHECK(r.html.find("Chart") == std::string::npos);
  CHECK(r.html.find("import React from 'react';\n&lt;Button /&gt;")
        != std::string::npos);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0]
        == "p.md:5:1: warning: MDX: import/export lines and JSX components are "
           "left out of the feed; their text is kept");
}

TEST_CASE("issue 9: Jekyll's relative_url and absolute_url filters on a path",
          "[content]")
{
  const auto r = render("<video src=\"{{ \"/assets/v.mp4\" | relative_url }}\">"
                        " {{ 'a.png' | absolute_url }}\n");
  CHECK(r.markdown
        == "<video src=\"/sub/assets/v.mp4\"> "
           "https://blog.example.jp/sub/a.png\n");
  CHECK(r.warnings.empty());
}

TEST_CASE("issue 21: a post is MDX when its site reads every Markdown file "
          "as MDX (Docusaurus), or when it is a .mdx file",
          "[content]")
{
  content::MarkupDialects site =
    content::MarkupDialects::only(false, false, false, true);
  CHECK_FALSE(site.for_file("blog/a.md").mdx);
  CHECK(site.for_file("blog/a.mdx").mdx);
  site.mdx = true;
  CHECK(site.for_file("blog/a.md").mdx);
  CHECK(site.for_file("blog/a.md").colon_blocks);
}
