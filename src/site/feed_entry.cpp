#include "site/feed_entry.hpp"

#include "content/load/site_loader.hpp"
#include "content/render/absolute_urls.hpp"
#include "content/render/generator_markup.hpp"
#include "content/render/markdown.hpp"
#include "site/feed_step.hpp"
#include "util/file_name.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace ogfeed::site {

namespace {

// A <!--more--> summary longer than this is cut like an automatic one.
constexpr std::size_t k_more_chars = 2000;

// A post's `description`, else its excerpt: up to <!--more--> (Hugo, Jekyll
// and Hexo end a summary there), else its first `summary_length` characters.
std::string
summary_of(const content::Post& post,
           std::string_view body,
           content::Tables tables,
           const content::SiteConfig& config)
{
  if (!post.description.empty()) {
    return post.description;
  }
  const std::size_t more = content::more_marker(body);
  return more != std::string::npos
           ? content::markdown_excerpt(
             body.substr(0, more), k_more_chars, tables)
           : content::markdown_excerpt(
             body,
             static_cast<std::size_t>(config.feeds.summary_length),
             tables);
}

} // namespace

PostNames::PostNames(const std::vector<content::Post>& posts)
  : m_posts(&posts)
{
  m_names.reserve(posts.size() * 2);
  // The first post of each name keeps it (emplace keeps what is there).
  auto add = [&](std::string_view name, std::size_t post) {
    if (m_names.emplace(name, post).second) {
      // Summed, so the digest does not depend on the table's order.
      m_digest += util::hash64(posts[post].permalink, util::hash64(name));
    }
  };
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const content::Post& p = posts[i];
    const std::string_view stem = util::stem_of(util::last_segment(p.file));
    add(stem, i);
    if (!p.folder.empty()) {
      add(m_joined.emplace_back(p.folder + "/" + std::string(stem)), i);
    }
    // Hugo's ref: a page bundle by its folder, below the content folder
    // (a plain file's is its stem, added already).
    if (p.file_name != stem) {
      add(p.file_name, i);
      if (!p.folder.empty()) {
        add(m_joined.emplace_back(p.folder + "/" + p.file_name), i);
      }
    }
  }
}

std::optional<std::string>
PostNames::find(std::string_view name) const
{
  const auto it = m_names.find(name);
  if (it == m_names.end()) {
    return std::nullopt;
  }
  return (*m_posts)[it->second].permalink;
}

feed::Entry
make_entry(const content::Post& post,
           const std::optional<feed::CardRef>& card,
           const content::SiteConfig& config,
           const content::PostFinder& find_post,
           util::Diagnostics& notes)
{
  feed::Entry entry;
  entry.post = &post;
  entry.card = card;
  auto loaded = content::load_post_body(post);
  if (!loaded) {
    notes.push_back(loaded.error());
    return entry;
  }
  util::Diagnostics markup;
  const content::MarkupContext context{config.base_url,
                                       post.permalink,
                                       config.markup.for_file(post.file),
                                       find_post};
  const std::string body = content::render_generator_markup(
    *loaded, context, post.body_span.line, markup);
  for (auto& d : markup) {
    notes.push_back(util::with_path(std::move(d), post.shown_path));
  }
  content::Tables tables = content::Tables::gfm;
  if (const int line = content::table_cells_overflow_line(body)) {
    tables = content::Tables::as_text;
    notes.push_back(util::with_path(
      util::make_warning(
        "more than " + std::to_string(content::k_max_table_cells)
          + " table cells in one post; its tables are left as text",
        post.body_span.line + line - 1,
        1),
      post.shown_path));
  }
  if (config.feeds.content == content::FeedContent::full) {
    std::vector<std::string> removed;
    entry.content_html = content::absolutize_html(
      std::filesystem::path(post.file).extension() == ".html"
        ? content::clean_html_post(body, &removed)
        : content::render_markdown(body, tables, &removed, config.raw_html),
      post.permalink);
    if (!removed.empty()) {
      std::string what;
      for (const auto& r : removed) {
        what += (what.empty() ? "" : ", ") + r;
      }
      notes.push_back(util::with_path(
        util::make_warning("removed from its feed content, as feed readers "
                           "remove them: "
                             + what,
                           post.body_span.line,
                           1),
        post.shown_path));
    }
  }
  entry.summary = summary_of(post, body, tables, config);
  return entry;
}

void
group_unknown_markup(const std::vector<util::Diagnostics>& notes,
                     util::Diagnostics& out)
{
  const auto is_unknown = [](const util::Diagnostic& d) {
    return d.severity == util::Severity::warning
           && d.message.ends_with(" dropped")
           && (d.message.starts_with("Hugo shortcode '")
               || d.message.starts_with("Liquid tag '")
               || d.message.starts_with("Liquid output '"));
  };
  std::map<std::string, std::size_t> first; // message -> index in out
  std::map<std::string, std::size_t> more;
  for (const util::Diagnostics& post : notes) {
    for (const auto& d : post) {
      if (!is_unknown(d)) {
        out.push_back(d);
        continue;
      }
      if (const auto it = first.find(d.message); it != first.end()) {
        ++more[d.message];
        continue;
      }
      first.emplace(d.message, out.size());
      out.push_back(d);
    }
  }
  for (const auto& [message, n] : more) {
    out[first.at(message)].message += " (and in " + std::to_string(n)
                                      + " more post" + (n == 1 ? "" : "s")
                                      + ")";
  }
}

std::string
post_summary(const content::Post& post, const content::SiteConfig& config)
{
  if (!post.description.empty()) {
    return post.description;
  }
  auto loaded = content::load_post_body(post);
  if (!loaded) {
    return {}; // said when its feed entry is made
  }
  util::Diagnostics ignored; // said when its feed entry is made
  const content::MarkupContext context{
    config.base_url, post.permalink, config.markup.for_file(post.file), {}};
  const std::string body = content::render_generator_markup(
    *loaded, context, post.body_span.line, ignored);
  const content::Tables tables = content::table_cells_overflow_line(body) != 0
                                   ? content::Tables::as_text
                                   : content::Tables::gfm;
  return summary_of(post, body, tables, config);
}

} // namespace ogfeed::site
