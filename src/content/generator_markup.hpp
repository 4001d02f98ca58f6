#pragma once

#include "util/error.hpp"

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
// - Hugo shortcodes: `{{< highlight LANG >}}` fences code, `figure`
//   becomes an image, `youtube`, `gist` and `tweet`/`x` become links; any
//   other `{{< >}}` or `{{% %}}` is dropped.
//
// Each construct dropped is a warning at its line (1-based, counted from
// `first_line`), without a path: the caller knows it.
//
// `find_post` maps a Jekyll post name ("2024-05-01-hello", the file name
// without extension) to its permalink.
using PostFinder =
  std::function<std::optional<std::string>(std::string_view name)>;

std::string render_generator_markup(std::string_view markdown,
                                    std::string_view base_url,
                                    int first_line,
                                    util::Diagnostics& warnings,
                                    const PostFinder& find_post = {});

} // namespace ogfeed::content
