#pragma once

#include "util/error.hpp"
#include "util/fields.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ogfeed::content {

// Turns what blog generators add to Markdown into Markdown and HTML a feed
// reader shows, so none of it leaks into a feed as literal text. Code
// blocks and inline code are never touched (posts about these template
// languages exist).
//
// - Zenn and Qiita blocks: `:::message` (and `alert`), `:::details TITLE`,
//   `:::note info|warn|alert` become <aside> and <details>; Zenn embeds
//   `@[card](URL)`, `@[youtube](ID)` and the like on a line of their own
//   become links.
// - Jekyll Liquid: `{% highlight LANG %}...{% endhighlight %}` becomes a
//   fenced code block, `{% raw %}...{% endraw %}` keeps its text as it is,
//   `{{ site.url }}`, `{{ site.baseurl }}` and `{% link PATH %}` become
//   URLs under `base_url`, `{% post_url NAME %}` the permalink
//   `find_post(NAME)` gives; any other `{% %}` or `{{ }}` is dropped.
// - Hexo tag plugins: `{% codeblock [TITLE] [lang:LANG] %}` fences code,
//   `{% blockquote %}` quotes, `{% asset_img NAME [TITLE] %}` and
//   `{% asset_link %}` point into the post's asset folder (below its
//   permalink), `{% post_link NAME %}` links a post, `{% youtube ID %}`,
//   `{% link TEXT URL %}`, `{% img URL %}` and `{% iframe URL %}` become
//   links and images.
// - Hugo shortcodes: `{{< highlight LANG >}}` fences code, `figure`
//   becomes an image, `youtube`, `gist` and `tweet`/`x` become links; any
//   other `{{< >}}` or `{{% %}}` is dropped.
// - MDX: `import`/`export` lines are dropped and JSX component tags
//   (`<Aside type="tip">`, `<Chart />`, capitalised) removed, their text
//   kept; one warning per post.
//
// Each construct dropped is a warning at its line (1-based, counted from
// `first_line`), without a path: the caller knows it.
//
// `find_post` maps a Jekyll post name ("2024-05-01-hello", the file name
// without extension) to its permalink.
using PostFinder =
  std::function<std::optional<std::string>(std::string_view name)>;

// Which generators' markup a site's posts hold: a Hugo post's `{{ x }}` is
// text (Hugo reads only shortcodes), a Jekyll post's is Liquid.
struct MarkupDialects
{
  bool liquid = true;       // Jekyll, Eleventy: {% %}, {{ }}
  bool hexo = true;         // Hexo's tag plugins: {% codeblock %}, ...
  bool shortcodes = true;   // Hugo: {{< >}}, {{% %}}
  bool colon_blocks = true; // Zenn, Qiita: :::message, @[card](...)
  // MDX (import/export lines, JSX components) in every Markdown file, as
  // Docusaurus reads them by default; a .mdx file is MDX whatever this says
  // (for_file()).
  bool mdx = false;

  // Each dialect on or off.
  static MarkupDialects
  only(bool liquid, bool hexo, bool shortcodes, bool colon_blocks);
  // The dialects of the post file `path`: MDX too when it is a .mdx file.
  MarkupDialects for_file(const std::string& path) const;
};

// Every member, in order (util/fields.hpp).
template<typename Self, typename F>
requires util::is_a<Self, MarkupDialects>
void
for_each_field(Self& m, F&& f)
{
  f("liquid", m.liquid);
  f("hexo", m.hexo);
  f("shortcodes", m.shortcodes);
  f("colon_blocks", m.colon_blocks);
  f("mdx", m.mdx);
}

struct MarkupContext
{
  std::string_view base_url;
  std::string_view post_url; // the post's permalink: Hexo's asset_img
  MarkupDialects dialects = {};
  PostFinder find_post = {};
};

std::string render_generator_markup(std::string_view markdown,
                                    const MarkupContext& context,
                                    int first_line,
                                    util::Diagnostics& warnings);

} // namespace ogfeed::content
