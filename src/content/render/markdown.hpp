#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::content {

// Whether GFM tables are parsed as tables or left as text.
enum class Tables {
  gfm,
  as_text,
};

// cmark-gfm holds about 600 bytes per table cell while it renders: past
// this many cells in one post, its tables are left as text.
constexpr std::size_t k_max_table_cells = 100000;

// Returns the 1-based line of `markdown` where its table cells pass
// k_max_table_cells, or 0 when they never do. Counts every '|' on lines
// that hold one, which is at least the number of cells.
int table_cells_overflow_line(std::string_view markdown);

// Renders GitHub-flavoured Markdown to HTML with cmark-gfm: tables (unless
// `tables` says otherwise), strikethrough, autolinks, tag filter, task
// lists and footnotes; authors' raw HTML is kept. Characters XML forbids
// (from entities such as "&#1;") become U+FFFD. Thread-safe.
// What it removed (scripts, event handlers, script URLs) goes to `removed`
// when it is given.
// What a generator does with raw HTML in Markdown: passes it on (Jekyll's
// kramdown, Hexo), leaves it out (Hugo's Goldmark unless
// `markup.goldmark.renderer.unsafe`: "<!-- raw HTML omitted -->"), or shows
// it as text (Zenn's renderer: `List<DBObject>` stays visible).
enum class RawHtml : std::uint8_t {
  keep,
  omit,
  escape,
};

std::string render_markdown(std::string_view markdown,
                            Tables tables = Tables::gfm,
                            std::vector<std::string>* removed = nullptr,
                            RawHtml raw = RawHtml::keep);

// A post written in HTML (Jekyll's `_posts/*.html`): its body as it is,
// without what render_markdown() removes too.
std::string clean_html_post(std::string_view html,
                            std::vector<std::string>* removed);

// Returns the plain text of `markdown` with white space collapsed, at most
// `max_chars` code points (see cut_excerpt()). For summaries of posts that
// have no description.
// The byte offset of the first `<!--more-->` (Hugo, Jekyll; Hexo writes
// `<!-- more -->`) on a line of its own outside code, or npos.
std::size_t more_marker(std::string_view markdown);

// Cuts plain `text` to at most `max_chars` code points (max_chars >= 3) the
// way a reader expects: after the last sentence (。！？．) when one ends in
// the last two thirds, else at the last BudouX phrase boundary or space,
// never inside a Latin word, ending in "…". Text that fits is unchanged.
std::string cut_excerpt(const std::u32string& text, std::size_t max_chars);

std::string markdown_excerpt(std::string_view markdown,
                             std::size_t max_chars,
                             Tables tables = Tables::gfm);

} // namespace ogfeed::content
