#include "content/render/generator_markup.hpp"

#include "content/render/markup_renderer.hpp"
#include "util/html_scan.hpp"

namespace ogfeed::content::markup {

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

std::string
Renderer::run(std::string_view md)
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

void
Renderer::line(std::string_view raw)
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
Renderer::block(const std::string& t)
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

// Rewrites the Liquid and shortcode tags of one line, outside code spans.
std::string
Renderer::inline_text(std::string_view s)
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
        && (s.substr(i).starts_with("{{<") || s.substr(i).starts_with("{{%"))) {
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

// One warning per construct name and post.
void
Renderer::note(const std::string& message)
{
  if (m_noted.insert(message).second) {
    m_notes.push_back(util::make_warning(message, m_line, 1));
  }
}

} // namespace ogfeed::content::markup

namespace ogfeed::content {

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

MarkupDialects
MarkupDialects::for_file(const std::string& path) const
{
  MarkupDialects d = *this;
  d.mdx = mdx || path.ends_with(".mdx");
  return d;
}

std::string
render_generator_markup(std::string_view markdown,
                        const MarkupContext& context,
                        int first_line,
                        util::Diagnostics& warnings)
{
  return markup::Renderer(context, first_line, warnings).run(markdown);
}

} // namespace ogfeed::content
