// Jekyll and Eleventy Liquid ({% %}, {{ }}) and Hexo tag plugins.
#include "content/render/markup_renderer.hpp"
#include "util/ascii.hpp"
#include "util/html_scan.hpp"

#include <optional>
#include <utility>

namespace ogfeed::content::markup {

namespace {

// `"PATH" | relative_url` (or absolute_url, true): the quoted path, read by
// hand (an expression may be megabytes long).
std::optional<std::pair<std::string, bool>>
quoted_path_filter(std::string_view expr)
{
  if (expr.empty() || (expr[0] != '"' && expr[0] != '\'')) {
    return std::nullopt;
  }
  const std::size_t close = expr.find_first_of("\"'", 1);
  if (close == std::string_view::npos || expr[close] != expr[0]) {
    return std::nullopt;
  }
  std::string_view rest = util::trim_xml_space(expr.substr(close + 1));
  if (!rest.starts_with('|')) {
    return std::nullopt;
  }
  rest = util::trim_xml_space(rest.substr(1));
  if (rest != "relative_url" && rest != "absolute_url") {
    return std::nullopt;
  }
  return std::pair(std::string(expr.substr(1, close - 1)),
                   rest == "absolute_url");
}

} // namespace

// A `{% %}` tag on a line of its own that opens or closes a block.
bool
Renderer::liquid_block(const std::string& t)
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
  if (name == "endblockquote" || name == "endquote" || name == "endpullquote") {
    m_out += "\n</blockquote>\n\n";
    return true;
  }
  return false;
}

// `{% ... %}` from `begin` to `end` (the '%' of "%}"); returns where to go
// on.
std::size_t
Renderer::liquid_tag(std::string_view s,
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
    out += m_base_no_slash + "/" + trimmed(w[1]).substr(w[1].starts_with('/'));
  } else if (name != "endraw") {
    note("Liquid tag '{% " + name + " %}' dropped");
  }
  return end + 2;
}

// Hexo's inline tag plugins; false for a tag that is not one.
bool
Renderer::hexo_tag(const std::string& name,
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
      name == "asset_img" ? "<img src=\"" + util::html_escape(url) + "\" alt=\""
                              + util::html_escape(title) + "\">"
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
Renderer::liquid_output(const std::string& expr)
{
  if (expr == "site.url") {
    return m_site_url;
  }
  if (expr == "site.baseurl") {
    return m_base_path;
  }
  // {{ "/assets/a.mp4" | relative_url }} and absolute_url: a path below
  // the site.
  if (const auto quoted = quoted_path_filter(expr)) {
    const std::string& path = quoted->first;
    const std::string below =
      m_base_path + (path.starts_with('/') ? "" : "/") + path;
    return quoted->second ? m_site_url + below : below;
  }
  note("Liquid output '{{ " + expr + " }}' dropped");
  return {};
}

} // namespace ogfeed::content::markup
