#include "content/render/markdown.hpp"

#include "util/budoux.hpp"
#include "util/html_scan.hpp"
#include "util/utf8.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace ogfeed::content {

std::string
clean_html_post(std::string_view html, std::vector<std::string>* removed)
{
  util::SanitizedHtml clean = util::drop_active_content(html);
  if (removed != nullptr) {
    *removed = std::move(clean.removed);
  }
  return util::replace_non_xml_chars(clean.html);
}

namespace {

constexpr const char* k_extensions[] = {
  "table", "strikethrough", "autolink", "tasklist"};

struct NodeDeleter
{
  void
  operator()(cmark_node* node) const
  {
    cmark_node_free(node);
  }
};

struct ParserDeleter
{
  void
  operator()(cmark_parser* parser) const
  {
    cmark_parser_free(parser);
  }
};

using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;

// A parsed document with the parser that made it: the HTML renderer needs
// the parser's extension list for the tag filter.
struct Document
{
  ParserPtr parser;
  NodePtr root;
};

Document
parse(std::string_view markdown, int options, Tables tables)
{
  static std::once_flag registered;
  std::call_once(registered,
                 [] { cmark_gfm_core_extensions_ensure_registered(); });
  Document doc;
  doc.parser.reset(cmark_parser_new(options));
  for (const char* name : k_extensions) {
    if (tables == Tables::as_text && std::string_view(name) == "table") {
      continue;
    }
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(doc.parser.get(), ext);
    }
  }
  // cmark-gfm adds and removes extension characters ('~', '|') in a global
  // table while it parses inlines, so two parses at once can miss
  // strikethrough: https://github.com/standardese/standardese/issues/199
  static std::mutex parsing;
  const std::lock_guard<std::mutex> lock(parsing);
  cmark_parser_feed(doc.parser.get(), markdown.data(), markdown.size());
  doc.root.reset(cmark_parser_finish(doc.parser.get()));
  return doc;
}

std::string
take(char* text)
{
  std::string out = text != nullptr ? text : "";
  std::free(text);
  return out;
}

} // namespace

int
table_cells_overflow_line(std::string_view markdown)
{
  std::size_t cells = 0;
  int line = 1;
  for (const char c : markdown) {
    if (c == '\n') {
      ++line;
    } else if (c == '|' && ++cells > k_max_table_cells) {
      return line;
    }
  }
  return 0;
}

namespace {

// Puts every raw HTML node of `root` as text: an inline one as its text, a
// block as a paragraph of it.
void
html_as_text(cmark_node* root)
{
  std::vector<cmark_node*> raw;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE;
       ev = cmark_iter_next(it)) {
    cmark_node* node = cmark_iter_get_node(it);
    const cmark_node_type type = cmark_node_get_type(node);
    if (ev == CMARK_EVENT_ENTER
        && (type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK)) {
      raw.push_back(node);
    }
  }
  cmark_iter_free(it);
  for (cmark_node* node : raw) {
    std::string literal = cmark_node_get_literal(node) != nullptr
                            ? cmark_node_get_literal(node)
                            : "";
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node* replacement = text;
    if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
      while (!literal.empty() && literal.back() == '\n') {
        literal.pop_back();
      }
      replacement = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node_append_child(replacement, text);
    }
    cmark_node_set_literal(text, literal.c_str());
    cmark_node_replace(node, replacement);
    cmark_node_free(node);
  }
}

} // namespace

std::string
render_markdown(std::string_view markdown,
                Tables tables,
                std::vector<std::string>* removed,
                RawHtml raw)
{
  // Without CMARK_OPT_UNSAFE cmark writes "<!-- raw HTML omitted -->", as
  // Hugo's Goldmark does.
  const int options =
    (raw == RawHtml::omit ? 0 : CMARK_OPT_UNSAFE) | CMARK_OPT_FOOTNOTES;
  const Document doc = parse(markdown, options, tables);
  if (raw == RawHtml::escape) {
    html_as_text(doc.root.get());
  }
  std::string html = take(
    cmark_render_html(doc.root.get(),
                      options,
                      cmark_parser_get_syntax_extensions(doc.parser.get())));
  // Instead of GFM's tagfilter, which shows <script> and embeds' <iframe>
  // to readers as text: scripts, event handlers and script URLs go, iframes
  // stay.
  util::SanitizedHtml clean = util::drop_active_content(html);
  if (removed != nullptr) {
    *removed = std::move(clean.removed);
  }
  return util::replace_non_xml_chars(clean.html);
}

namespace {

bool
ends_sentence(char32_t c)
{
  return c == U'。' || c == U'！' || c == U'？' || c == U'．';
}

bool
is_latin_word_char(char32_t c)
{
  return c < 0x80 && c != ' ';
}

} // namespace

std::size_t
more_marker(std::string_view markdown)
{
  bool fenced = false;
  std::size_t pos = 0;
  while (pos < markdown.size()) {
    std::size_t end = markdown.find('\n', pos);
    if (end == std::string_view::npos) {
      end = markdown.size();
    }
    std::string_view line = markdown.substr(pos, end - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && line.front() == ' ') {
      line.remove_prefix(1);
    }
    if (line.starts_with("```") || line.starts_with("~~~")) {
      fenced = !fenced;
    } else if (!fenced && (line == "<!--more-->" || line == "<!-- more -->")) {
      return pos;
    }
    pos = end + 1;
  }
  return std::string_view::npos;
}

std::string
cut_excerpt(const std::u32string& text, std::size_t max_chars)
{
  if (text.size() <= max_chars) {
    return util::encode_utf8(text);
  }
  // A whole sentence, when one ends in the last two thirds of the room.
  for (std::size_t i = max_chars; i > max_chars / 3; --i) {
    if (ends_sentence(text[i - 1])) {
      return util::encode_utf8(text.substr(0, i));
    }
  }
  // Else the last phrase boundary (BudouX) or space that leaves room for
  // "…" and splits no Latin word.
  const std::u32string head = text.substr(0, max_chars + 1);
  std::vector<std::size_t> cuts = util::budoux_boundaries(head);
  for (std::size_t i = 1; i < head.size(); ++i) {
    if (head[i - 1] == ' ') {
      cuts.push_back(i);
    }
  }
  std::sort(cuts.begin(), cuts.end());
  std::size_t cut = 0;
  for (const std::size_t c : cuts) {
    if (c <= max_chars - 1 && c > max_chars / 3
        && !(is_latin_word_char(head[c - 1]) && is_latin_word_char(head[c]))) {
      cut = c;
    }
  }
  if (cut == 0) {
    cut = max_chars - 1; // one unbroken word: cut it rather than nothing
  }
  std::u32string out = head.substr(0, cut);
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return util::encode_utf8(out) + "…";
}

std::string
markdown_excerpt(std::string_view markdown,
                 std::size_t max_chars,
                 Tables tables)
{
  const Document doc = parse(markdown, CMARK_OPT_DEFAULT, tables);
  // An image is no text: its alt is not in the summary, as Hugo's
  // .Summary and jekyll-seo-tag's strip_html leave it out.
  std::vector<cmark_node*> images;
  {
    cmark_iter* it = cmark_iter_new(doc.root.get());
    for (cmark_event_type ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE;
         ev = cmark_iter_next(it)) {
      cmark_node* node = cmark_iter_get_node(it);
      if (ev == CMARK_EVENT_ENTER
          && cmark_node_get_type(node) == CMARK_NODE_IMAGE) {
        images.push_back(node);
        cmark_iter_reset(it, node, CMARK_EVENT_EXIT); // not into its alt
      }
    }
    cmark_iter_free(it);
  }
  for (cmark_node* image : images) {
    cmark_node_free(image); // unlinks it, and its alt text with it
  }
  const std::string text =
    take(cmark_render_plaintext(doc.root.get(), CMARK_OPT_DEFAULT, 0));
  std::string collapsed;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = !collapsed.empty();
      continue;
    }
    if (space) {
      collapsed += ' ';
      space = false;
    }
    collapsed += c;
  }
  collapsed = util::replace_non_xml_chars(collapsed);
  if (util::utf8_length(collapsed) <= max_chars) {
    return collapsed;
  }
  return cut_excerpt(util::decode_utf8(collapsed), max_chars);
}

} // namespace ogfeed::content
