#include "content/generator_markup.hpp"

#include "util/ascii.hpp"
#include "util/html_scan.hpp"
#include "util/url.hpp"

#include <optional>
#include <regex>
#include <set>
#include <vector>

namespace ogfeed::content {

namespace {

struct Fence
{
  char c = '`';
  std::size_t length = 0;
};

// A ``` or ~~~ fence line (up to three spaces of indent).
std::optional<Fence>
fence_of(std::string_view line)
{
  std::size_t i = 0;
  while (i < 3 && i < line.size() && line[i] == ' ') {
    ++i;
  }
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) {
    return std::nullopt;
  }
  const char c = line[i];
  std::size_t n = 0;
  while (i + n < line.size() && line[i + n] == c) {
    ++n;
  }
  if (n < 3) {
    return std::nullopt;
  }
  return Fence{c, n};
}

// The words of a tag's inside: `highlight ruby linenos` -> {...}.
std::vector<std::string>
words(std::string_view s)
{
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && util::is_html_space(s[i])) {
      ++i;
    }
    std::size_t j = i;
    if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
      const char q = s[j];
      const std::size_t end = s.find(q, j + 1);
      const std::size_t stop = end == std::string_view::npos ? s.size() : end;
      out.emplace_back(s.substr(j + 1, stop - j - 1));
      i = stop + 1;
      continue;
    }
    while (j < s.size() && !util::is_html_space(s[j])) {
      if (s[j] == '"' || s[j] == '\'') { // alt="two words" is one word
        const std::size_t end = s.find(s[j], j + 1);
        j = end == std::string_view::npos ? s.size() : end + 1;
        continue;
      }
      ++j;
    }
    if (j > i) {
      out.emplace_back(s.substr(i, j - i));
    }
    i = j;
  }
  return out;
}

// The value of `name="value"` among a shortcode's words, or "".
std::string
named(const std::vector<std::string>& w, std::string_view name)
{
  const std::string key = std::string(name) + "=";
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (w[k] == key && k + 1 < w.size()) {
      return w[k + 1]; // name= "value": the quotes made it a word of its own
    }
    if (w[k].starts_with(key)) {
      std::string v = w[k].substr(key.size());
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')
          && v.back() == v.front()) {
        v = v.substr(1, v.size() - 2);
      }
      return v;
    }
  }
  return {};
}

std::string
link(const std::string& url)
{
  const std::string u = util::html_escape(url);
  return "<a href=\"" + u + "\">" + u + "</a>";
}

std::string
trimmed(std::string_view s)
{
  return std::string(util::trim_html_space(s));
}

class Renderer
{
public:
  Renderer(const MarkupContext& context,
           int first_line,
           util::Diagnostics& notes)
    : m_base_no_slash(context.base_url),
      m_post_url(context.post_url),
      m_dialects(context.dialects),
      m_line(first_line - 1),
      m_notes(notes),
      m_find_post(context.find_post)
  {
    if (!m_post_url.empty() && m_post_url.back() != '/') {
      // Hexo's asset folder sits beside a `.html` permalink's name.
      const std::size_t dot = m_post_url.rfind('.');
      const std::size_t slash = m_post_url.rfind('/');
      m_post_url = dot != std::string::npos && dot > slash
                     ? m_post_url.substr(0, dot) + "/"
                     : m_post_url + "/";
    }
    while (!m_base_no_slash.empty() && m_base_no_slash.back() == '/') {
      m_base_no_slash.pop_back();
    }
    const util::UrlParts parts = util::split_url(m_base_no_slash);
    m_site_url = parts.scheme + "://" + parts.authority;
    m_base_path = parts.path;
  }

  std::string
  run(std::string_view md)
  {
    if (m_dialects.shortcodes) {
      find_paired_shortcodes(md);
    }
    std::size_t pos = 0;
    while (pos < md.size()) {
      const std::size_t nl = md.find('\n', pos);
      const std::size_t end = nl == std::string_view::npos ? md.size() : nl + 1;
      ++m_line;
      line(md.substr(pos, end - pos));
      pos = end;
    }
    while (!m_open.empty()) {
      m_out += "\n" + m_open.back() + "\n";
      m_open.pop_back();
    }
    return std::move(m_out);
  }

private:
  void
  line(std::string_view raw)
  {
    const std::string_view text =
      raw.ends_with('\n') ? raw.substr(0, raw.size() - 1) : raw;
    const std::string t = trimmed(text);
    if (m_fence) {
      m_out += raw;
      if (const auto f = fence_of(text);
          f && f->c == m_fence->c && f->length >= m_fence->length
          && trimmed(text).find_first_not_of(f->c) == std::string::npos) {
        m_fence.reset();
      }
      return;
    }
    if (!m_code_end.empty()) {
      if (t.find(m_code_end) != std::string::npos) {
        m_out += "```\n";
        m_code_end.clear();
      } else {
        m_out += raw;
      }
      return;
    }
    if (m_raw) {
      const std::size_t end = text.find("{% endraw %}");
      if (end == std::string_view::npos) {
        m_out += raw;
        return;
      }
      m_raw = false;
      m_out += std::string(text.substr(0, end))
               + inline_text(text.substr(end + 12)) + "\n";
      return;
    }
    if (const auto f = fence_of(text)) {
      m_fence = f;
      m_out += raw;
      return;
    }
    if (m_dialects.mdx && mdx_line(text, t)) {
      return;
    }
    if (!m_paired.empty()) {
      track_paired(t);
    }
    if (m_inside_paired > 0 && t.starts_with('#')) {
      // A theme's `{{< x >}}` gets its inside as it is, not as Markdown: a
      // "# comment" there is text, never a heading.
      const std::size_t hash = text.find('#');
      m_out += std::string(text.substr(0, hash)) + "\\"
               + inline_text(text.substr(hash))
               + (raw.ends_with('\n') ? "\n" : "");
      return;
    }
    if (!block(t)) {
      m_out += inline_text(text) + (raw.ends_with('\n') ? "\n" : "");
    }
  }

  // Lines that are a construct of their own; false for ordinary lines.
  bool
  block(const std::string& t)
  {
    if (m_dialects.colon_blocks && t.starts_with(":::")) {
      return colon_block(t);
    }
    if ((m_dialects.liquid || m_dialects.hexo) && t.starts_with("{%")
        && t.find("%}") + 2 == t.size()) {
      if (liquid_block(t)) {
        return true;
      }
    }
    if (m_dialects.shortcodes
        && (t.starts_with("{{< highlight") || t.starts_with("{{% highlight"))
        && (t.ends_with(">}}") || t.ends_with("%}}"))) {
      const auto w = words(t.substr(3, t.size() - 6));
      m_out += "```" + (w.size() > 1 ? w[1] : std::string()) + "\n";
      m_code_end = "/highlight";
      return true;
    }
    if (m_dialects.colon_blocks && t.starts_with("@[") && t.ends_with(")")) {
      return embed(t);
    }
    return false;
  }

  // A `{% %}` tag on a line of its own that opens or closes a block.
  bool
  liquid_block(const std::string& t)
  {
    const auto w = words(t.substr(2, t.size() - 4));
    const std::string name = w.empty() ? std::string() : w.front();
    if (name == "raw") {
      m_raw = true;
      return true;
    }
    if (m_dialects.liquid && name == "highlight") {
      m_out += "```" + (w.size() > 1 ? w[1] : std::string()) + "\n";
      m_code_end = "{% endhighlight";
      return true;
    }
    if (!m_dialects.hexo) {
      return false;
    }
    if (name == "codeblock" || name == "code") {
      std::string lang;
      for (const auto& word : w) {
        if (word.starts_with("lang:")) {
          lang = word.substr(5);
        }
      }
      m_out += "```" + lang + "\n";
      m_code_end = "{% endcode";
      return true;
    }
    if (name == "blockquote" || name == "quote" || name == "pullquote") {
      m_out += "\n<blockquote>\n\n";
      return true;
    }
    if (name == "endblockquote" || name == "endquote"
        || name == "endpullquote") {
      m_out += "\n</blockquote>\n\n";
      return true;
    }
    return false;
  }

  // MDX: drops import/export lines and JSX component tags (a capital
  // letter after '<'), keeping what is between them. True when the line
  // was handled.
  bool
  mdx_line(std::string_view text, const std::string& t)
  {
    if (m_jsx_open) { // inside a component tag spread over lines
      m_jsx_open = t.find('>') == std::string::npos;
      return true;
    }
    if (t.starts_with("import ") || t.starts_with("export ")) {
      mdx_note();
      return true;
    }
    const bool tag_start =
      t.size() > 1 && t[0] == '<'
      && (std::isupper(static_cast<unsigned char>(t[1]))
          || (t[1] == '/' && t.size() > 2
              && std::isupper(static_cast<unsigned char>(t[2]))));
    if (tag_start && t.find('>') == std::string::npos) {
      m_jsx_open = true;
      mdx_note();
      return true;
    }
    if (text.find('<') == std::string_view::npos) {
      return false;
    }
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const std::size_t name =
        i + 1 + (i + 1 < text.size() && text[i + 1] == '/');
      if (text[i] == '<' && name < text.size()
          && std::isupper(static_cast<unsigned char>(text[name]))) {
        const std::size_t close = text.find('>', name);
        if (close != std::string_view::npos) {
          mdx_note();
          i = close;
          continue;
        }
      }
      out += text[i];
    }
    if (util::trim_html_space(out).empty() && !t.empty()) {
      m_out += "\n";
      return true;
    }
    m_out += inline_text(out) + "\n";
    return true;
  }

  void
  mdx_note()
  {
    note("MDX: import/export lines and JSX components are left out of the "
         "feed; their text is kept");
  }

  // Zenn and Qiita `:::` blocks.
  bool
  colon_block(const std::string& t)
  {
    const std::size_t colons = t.find_first_not_of(':');
    const std::string rest =
      colons == std::string::npos ? std::string() : trimmed(t.substr(colons));
    if (rest.empty()) {
      if (m_open.empty()) {
        return false;
      }
      m_out += "\n" + m_open.back() + "\n\n";
      m_open.pop_back();
      return true;
    }
    const auto w = words(rest);
    const std::string kind = util::ascii_lower(w.front());
    if (kind == "details") {
      const std::string title = trimmed(rest.substr(7));
      m_out +=
        "\n<details><summary>" + util::html_escape(title) + "</summary>\n\n";
      m_open.push_back("</details>");
    } else if (kind == "message" || kind == "note" || kind == "tip"
               || kind == "info" || kind == "warning" || kind == "danger"
               || kind == "caution" || kind == "important") {
      std::string cls = kind;
      for (std::size_t k = 1; k < w.size(); ++k) {
        cls += " " + util::html_escape(w[k]);
      }
      m_out += "\n<aside class=\"" + cls + "\">\n\n";
      m_open.push_back("</aside>");
    } else {
      m_out += "\n<div>\n\n";
      m_open.push_back("</div>");
      note("':::" + kind + "' is not a block ogfeed knows; its text is kept");
    }
    return true;
  }

  // Zenn embeds: @[card](URL), @[youtube](ID), @[speakerdeck](ID)...
  bool
  embed(const std::string& t)
  {
    const std::size_t close = t.find("](");
    if (close == std::string::npos) {
      return false;
    }
    const std::string kind = t.substr(2, close - 2);
    const std::string arg = trimmed(t.substr(close + 2, t.size() - close - 3));
    std::string url;
    if (kind == "youtube") {
      url = "https://www.youtube.com/watch?v=" + arg;
    } else if (kind == "speakerdeck") {
      url = "https://speakerdeck.com/player/" + arg;
    } else if (kind == "slideshare") {
      url = "https://www.slideshare.net/slideshow/embed_code/key/" + arg;
    } else if (arg.starts_with("http://") || arg.starts_with("https://")) {
      url = arg;
    }
    if (url.empty()) {
      note("embed '@[" + kind + "]' has no URL ogfeed can link; dropped");
    } else {
      m_out += "\n<p>" + link(url) + "</p>\n\n";
    }
    return true;
  }

  // Rewrites the Liquid and shortcode tags of one line, outside code spans.
  std::string
  inline_text(std::string_view s)
  {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
      if (s[i] == '`') {
        std::size_t n = 0;
        while (i + n < s.size() && s[i + n] == '`') {
          ++n;
        }
        const std::string run(n, '`');
        std::size_t close = s.find(run, i + n);
        while (close != std::string_view::npos && close + n < s.size()
               && s[close + n] == '`') {
          close = s.find(run, close + n + 1);
        }
        const std::size_t end =
          close == std::string_view::npos ? i + n : close + n;
        out += s.substr(i, end - i);
        i = end;
        continue;
      }
      if (m_dialects.shortcodes
          && (s.substr(i).starts_with("{{<")
              || s.substr(i).starts_with("{{%"))) {
        const bool angle = s[i + 2] == '<';
        const std::size_t end = s.find(angle ? ">}}" : "%}}", i + 3);
        if (end != std::string_view::npos) {
          out += shortcode(s.substr(i + 3, end - i - 3));
          i = end + 3;
          continue;
        }
      }
      const bool tags = m_dialects.liquid || m_dialects.hexo;
      if (tags && s.substr(i).starts_with("{%")) {
        const std::size_t end = s.find("%}", i + 2);
        if (end != std::string_view::npos) {
          i = liquid_tag(s, i, end, out);
          continue;
        }
      }
      if (tags && s.substr(i).starts_with("{{")) {
        const std::size_t end = s.find("}}", i + 2);
        if (end != std::string_view::npos) {
          out += liquid_output(trimmed(s.substr(i + 2, end - i - 2)));
          i = end + 2;
          continue;
        }
      }
      out += s[i++];
    }
    return out;
  }

  // `{% ... %}` from `begin` to `end` (the '%' of "%}"); returns where to go
  // on.
  std::size_t
  liquid_tag(std::string_view s,
             std::size_t begin,
             std::size_t end,
             std::string& out)
  {
    const auto w = words(s.substr(begin + 2, end - begin - 2));
    const std::string name = w.empty() ? std::string() : w.front();
    if (name == "raw") {
      const std::size_t stop = s.find("{% endraw %}", end + 2);
      if (stop == std::string_view::npos) {
        m_raw = true;
        out += s.substr(end + 2);
        return s.size();
      }
      out += s.substr(end + 2, stop - end - 2);
      return stop + 12;
    }
    if (name == "post_url" && w.size() > 1) {
      const std::string_view wanted = w[1];
      const std::size_t slash = wanted.rfind('/');
      const auto url = m_find_post ? m_find_post(wanted.substr(
                         slash == std::string_view::npos ? 0 : slash + 1))
                                   : std::nullopt;
      if (url) {
        out += *url;
      } else {
        note("'{% post_url " + w[1] + " %}' names no post; dropped");
      }
    } else if (m_dialects.hexo && hexo_tag(name, w, out)) {
      // done
    } else if (name == "link" && w.size() > 1) {
      out +=
        m_base_no_slash + "/" + trimmed(w[1]).substr(w[1].starts_with('/'));
    } else if (name != "endraw") {
      note("Liquid tag '{% " + name + " %}' dropped");
    }
    return end + 2;
  }

  // Hexo's inline tag plugins; false for a tag that is not one.
  bool
  hexo_tag(const std::string& name,
           const std::vector<std::string>& w,
           std::string& out)
  {
    auto rest = [&](std::size_t from) {
      std::string text;
      for (std::size_t k = from; k < w.size(); ++k) {
        text += (text.empty() ? "" : " ") + w[k];
      }
      return text;
    };
    auto is_url = [](const std::string& word) {
      return word.starts_with('/') || word.starts_with("http://")
             || word.starts_with("https://");
    };
    if ((name == "asset_img" || name == "asset_link" || name == "asset_path")
        && w.size() > 1) {
      const std::string url = m_post_url + w[1];
      const std::string title = w.size() > 2 ? rest(2) : w[1];
      out +=
        name == "asset_img" ? "<img src=\"" + util::html_escape(url)
                                + "\" alt=\"" + util::html_escape(title) + "\">"
        : name == "asset_link" ? "<a href=\"" + util::html_escape(url) + "\">"
                                   + util::html_escape(title) + "</a>"
                               : url;
      return true;
    }
    if ((name == "post_link" || name == "post_path") && w.size() > 1) {
      const auto url = m_find_post ? m_find_post(w[1]) : std::nullopt;
      if (!url) {
        note("'{% " + name + " " + w[1] + " %}' names no post; dropped");
      } else if (name == "post_path") {
        out += *url;
      } else {
        out += "<a href=\"" + util::html_escape(*url) + "\">"
               + util::html_escape(w.size() > 2 ? rest(2) : w[1]) + "</a>";
      }
      return true;
    }
    if (name == "youtube" && w.size() > 1) {
      out += link("https://www.youtube.com/watch?v=" + w[1]);
      return true;
    }
    if (name == "link" && w.size() > 2) { // {% link TEXT URL %}
      for (std::size_t k = 1; k < w.size(); ++k) {
        if (is_url(w[k])) {
          std::string text;
          for (std::size_t j = 1; j < k; ++j) {
            text += (text.empty() ? "" : " ") + w[j];
          }
          out += "<a href=\"" + util::html_escape(w[k]) + "\">"
                 + util::html_escape(text) + "</a>";
          return true;
        }
      }
      return false;
    }
    if (name == "img" || name == "image" || name == "iframe") {
      for (std::size_t k = 1; k < w.size(); ++k) {
        if (is_url(w[k])) {
          out += name == "iframe"
                   ? link(w[k])
                   : "<img src=\"" + util::html_escape(w[k]) + "\" alt=\"\">";
          return true;
        }
      }
    }
    return false;
  }

  std::string
  liquid_output(const std::string& expr)
  {
    if (expr == "site.url") {
      return m_site_url;
    }
    if (expr == "site.baseurl") {
      return m_base_path;
    }
    // {{ "/assets/a.mp4" | relative_url }} and absolute_url: a path below
    // the site.
    static const std::regex filtered(
      R"re(^(["'])([^"']*)\1\s*\|\s*(relative_url|absolute_url)$)re");
    std::smatch m;
    if (std::regex_match(expr, m, filtered)) {
      const std::string path = m[2].str();
      const std::string below =
        m_base_path + (path.starts_with('/') ? "" : "/") + path;
      return m[3] == "absolute_url" ? m_site_url + below : below;
    }
    note("Liquid output '{{ " + expr + " }}' dropped");
    return {};
  }

  std::string
  shortcode(std::string_view inside)
  {
    const auto w = words(inside);
    if (w.empty()) {
      return {};
    }
    const std::string name = util::ascii_lower(w.front());
    if (name.starts_with('/')) {
      return {}; // the end of a paired shortcode; its inside stays
    }
    const std::string first =
      w.size() > 1 && w[1].find('=') == std::string::npos ? w[1]
                                                          : std::string();
    if (name == "figure") {
      const std::string src = named(w, "src");
      const std::string alt =
        named(w, "alt").empty() ? named(w, "caption") : named(w, "alt");
      return "<img src=\"" + util::html_escape(src) + "\" alt=\""
             + util::html_escape(alt) + "\">";
    }
    if ((name == "ref" || name == "relref") && w.size() > 1) {
      const std::string target =
        named(w, "path").empty() ? w[1] : named(w, "path");
      if (const auto url = hugo_ref(target)) {
        return *url;
      }
      note("'{{< " + name + " \"" + target + "\" >}}' names no post; dropped");
      return {};
    }
    if (name == "youtube") {
      const std::string id = first.empty() ? named(w, "id") : first;
      return link("https://www.youtube.com/watch?v=" + id);
    }
    if (name == "gist" && w.size() > 2) {
      return link("https://gist.github.com/" + w[1] + "/" + w[2]);
    }
    if (name == "tweet" || name == "x") {
      const std::string id = named(w, "id").empty() ? first : named(w, "id");
      return link("https://x.com/i/status/" + id);
    }
    note("Hugo shortcode '" + name + "' dropped");
    return {};
  }

  // The permalink of the post a Hugo `ref` names: a path below the content
  // folder ("/posts/a.md", "posts/bundle/index.md", "a"), with its fragment.
  std::optional<std::string>
  hugo_ref(std::string target) const
  {
    if (!m_find_post) {
      return std::nullopt;
    }
    std::string fragment;
    if (const auto hash = target.find('#'); hash != std::string::npos) {
      fragment = target.substr(hash);
      target.erase(hash);
    }
    while (target.starts_with('/') || target.starts_with("./")) {
      target.erase(0, target.starts_with('/') ? 1 : 2);
    }
    for (const std::string_view ext : {".md", ".markdown", ".html"}) {
      if (target.ends_with(ext)) {
        target.resize(target.size() - ext.size());
      }
    }
    for (const std::string_view index : {"/index", "/_index"}) {
      if (target.ends_with(index)) {
        target.resize(target.size() - index.size());
      }
    }
    if (target.empty()) {
      return std::nullopt;
    }
    auto url = m_find_post(target);
    if (!url) {
      url = m_find_post(target.substr(target.rfind('/') + 1));
    }
    return url ? std::optional<std::string>(*url + fragment) : std::nullopt;
  }

  // The names of the shortcodes ogfeed does not know that `md` closes as
  // `{{< /name >}}`: their insides are passed to a theme, not Markdown.
  void
  find_paired_shortcodes(std::string_view md)
  {
    static const std::set<std::string, std::less<>> known = {
      "highlight", "figure", "youtube", "gist", "tweet", "x", "ref", "relref"};
    for (std::size_t i = md.find("{{<"); i != std::string_view::npos;
         i = md.find("{{<", i + 3)) {
      const auto w = words(md.substr(i + 3, md.find(">}}", i + 3) - i - 3));
      if (!w.empty() && w.front().starts_with('/') && w.front().size() > 1
          && !known.contains(util::ascii_lower(w.front().substr(1)))) {
        m_paired.insert(util::ascii_lower(w.front().substr(1)));
      }
    }
  }

  // Counts how deep a line leaves us inside paired unknown shortcodes.
  void
  track_paired(const std::string& t)
  {
    for (std::size_t i = t.find("{{<"); i != std::string::npos;
         i = t.find("{{<", i + 3)) {
      const auto w = words(t.substr(i + 3, t.find(">}}", i + 3) - i - 3));
      if (w.empty()) {
        continue;
      }
      const std::string name = util::ascii_lower(w.front());
      if (name.starts_with('/') && m_paired.contains(name.substr(1))) {
        m_inside_paired = std::max(0, m_inside_paired - 1);
      } else if (m_paired.contains(name)) {
        ++m_inside_paired;
      }
    }
  }

  // One warning per construct name and post.
  void
  note(const std::string& message)
  {
    if (m_noted.insert(message).second) {
      m_notes.push_back(util::make_warning(message, m_line, 1));
    }
  }

  std::set<std::string, std::less<>> m_paired; // unknown paired shortcodes
  int m_inside_paired = 0;
  std::string m_base_no_slash; // https://host/sub
  std::string m_post_url;      // ends in '/'; empty when unknown
  MarkupDialects m_dialects;
  bool m_jsx_open = false; // inside a JSX tag spread over lines
  std::string m_site_url;  // https://host: Jekyll's site.url
  std::string m_base_path;
  int m_line;
  util::Diagnostics& m_notes;
  PostFinder m_find_post;
  std::set<std::string> m_noted;
  std::string m_out;
  std::optional<Fence> m_fence;
  std::string m_code_end; // a highlight block's closing tag, while in one
  bool m_raw = false;
  std::vector<std::string> m_open; // closing tags of open ::: blocks
};

} // namespace

MarkupDialects
MarkupDialects::only(bool liquid, bool hexo, bool shortcodes, bool colon_blocks)
{
  MarkupDialects d;
  d.liquid = liquid;
  d.hexo = hexo;
  d.shortcodes = shortcodes;
  d.colon_blocks = colon_blocks;
  return d;
}

std::string
render_generator_markup(std::string_view markdown,
                        const MarkupContext& context,
                        int first_line,
                        util::Diagnostics& warnings)
{
  return Renderer(context, first_line, warnings).run(markdown);
}

} // namespace ogfeed::content
