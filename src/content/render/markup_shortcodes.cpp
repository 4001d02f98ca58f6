// Hugo shortcodes ({{< >}}, {{% %}}) and ref/relref.
#include "content/render/markup_renderer.hpp"
#include "util/ascii.hpp"
#include "util/html_scan.hpp"

namespace ogfeed::content::markup {

std::string
Renderer::shortcode(std::string_view inside)
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
    w.size() > 1 && w[1].find('=') == std::string::npos ? w[1] : std::string();
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
Renderer::hugo_ref(std::string target) const
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
Renderer::find_paired_shortcodes(std::string_view md)
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
Renderer::track_paired(const std::string& t)
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

} // namespace ogfeed::content::markup
