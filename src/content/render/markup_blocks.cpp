// Zenn and Qiita ::: blocks and @[embed]s, and MDX's import/export lines and
// JSX tags.
#include "content/render/markup_renderer.hpp"
#include "util/ascii.hpp"
#include "util/html_scan.hpp"

namespace ogfeed::content::markup {

// Zenn and Qiita `:::` blocks.
bool
Renderer::colon_block(const std::string& t)
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
Renderer::embed(const std::string& t)
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

// MDX: drops import/export lines and JSX component tags (a capital
// letter after '<'), keeping what is between them. True when the line
// was handled.
bool
Renderer::mdx_line(std::string_view text, const std::string& t)
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
Renderer::mdx_note()
{
  note("MDX: import/export lines and JSX components are left out of the "
       "feed; their text is kept");
}

} // namespace ogfeed::content::markup
