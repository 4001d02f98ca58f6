#pragma once

#include <string>
#include <string_view>

namespace ogfeed::content {

// Renders GitHub-flavoured Markdown to HTML with cmark-gfm: tables,
// strikethrough, autolinks, tag filter, task lists and footnotes; authors'
// raw HTML is kept. Characters XML forbids (from entities such as "&#1;")
// become U+FFFD. Thread-safe.
std::string render_markdown(std::string_view markdown);

// Returns the plain text of `markdown` with white space collapsed, cut at a
// character boundary to at most `max_chars` code points, ending in "…" when
// cut. For summaries of posts that have no description.
std::string markdown_excerpt(std::string_view markdown, std::size_t max_chars);

} // namespace ogfeed::content
