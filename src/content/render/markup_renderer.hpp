#pragma once

// The renderer behind render_generator_markup(): one class whose dialects
// live each in a file of its own (markup_liquid.cpp: Jekyll Liquid and
// Hexo tag plugins; markup_shortcodes.cpp: Hugo shortcodes;
// markup_blocks.cpp: Zenn and Qiita blocks, MDX). Private to src/content.

#include "content/render/generator_markup.hpp"
#include "util/url.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::content::markup {

struct Fence
{
  char c = '`';
  std::size_t length = 0;
};

// A ``` or ~~~ fence line (up to three spaces of indent).
std::optional<Fence> fence_of(std::string_view line);

// The words of a tag's inside: `highlight ruby linenos` -> {...}.
std::vector<std::string> words(std::string_view s);

// The value of `name="value"` among a shortcode's words, or "".
std::string named(const std::vector<std::string>& w, std::string_view name);

// <a href="url">url</a>.
std::string link(const std::string& url);

// `s` without the white space HTML trims.
std::string trimmed(std::string_view s);

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

  std::string run(std::string_view md);

private:
  void line(std::string_view raw);

  // Lines that are a construct of their own; false for ordinary lines.
  bool block(const std::string& t);

  // A `{% %}` tag on a line of its own that opens or closes a block.
  bool liquid_block(const std::string& t);

  // MDX: drops import/export lines and JSX component tags (a capital
  // letter after '<'), keeping what is between them. True when the line
  // was handled.
  bool mdx_line(std::string_view text, const std::string& t);

  void mdx_note();

  // Zenn and Qiita `:::` blocks.
  bool colon_block(const std::string& t);

  // Zenn embeds: @[card](URL), @[youtube](ID), @[speakerdeck](ID)...
  bool embed(const std::string& t);

  // Rewrites the Liquid and shortcode tags of one line, outside code spans.
  std::string inline_text(std::string_view s);

  // `{% ... %}` from `begin` to `end` (the '%' of "%}"); returns where to go
  // on.
  std::size_t liquid_tag(std::string_view s,
                         std::size_t begin,
                         std::size_t end,
                         std::string& out);

  // Hexo's inline tag plugins; false for a tag that is not one.
  bool hexo_tag(const std::string& name,
                const std::vector<std::string>& w,
                std::string& out);

  std::string liquid_output(const std::string& expr);

  std::string shortcode(std::string_view inside);

  // The permalink of the post a Hugo `ref` names: a path below the content
  // folder ("/posts/a.md", "posts/bundle/index.md", "a"), with its fragment.
  std::optional<std::string> hugo_ref(std::string target) const;

  // The names of the shortcodes ogfeed does not know that `md` closes as
  // `{{< /name >}}`: their insides are passed to a theme, not Markdown.
  void find_paired_shortcodes(std::string_view md);

  // Counts how deep a line leaves us inside paired unknown shortcodes.
  void track_paired(const std::string& t);

  // One warning per construct name and post.
  void note(const std::string& message);

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

} // namespace ogfeed::content::markup
