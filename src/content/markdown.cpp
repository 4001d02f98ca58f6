#include "content/markdown.hpp"

#include "util/utf8.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace ogfeed::content {

namespace {

constexpr const char* k_extensions[] = {
  "table", "strikethrough", "autolink", "tagfilter", "tasklist"};

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

std::string
render_markdown(std::string_view markdown, Tables tables)
{
  constexpr int options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES;
  const Document doc = parse(markdown, options, tables);
  std::string html = take(
    cmark_render_html(doc.root.get(),
                      options,
                      cmark_parser_get_syntax_extensions(doc.parser.get())));
  return util::replace_non_xml_chars(html);
}

std::string
markdown_excerpt(std::string_view markdown,
                 std::size_t max_chars,
                 Tables tables)
{
  const Document doc = parse(markdown, CMARK_OPT_DEFAULT, tables);
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
  std::size_t bytes = 0;
  for (std::size_t n = 0; n < max_chars && bytes < collapsed.size(); ++n) {
    ++bytes;
    while (bytes < collapsed.size()
           && (static_cast<unsigned char>(collapsed[bytes]) & 0xC0) == 0x80) {
      ++bytes;
    }
  }
  return collapsed.substr(0, bytes) + "…";
}

} // namespace ogfeed::content
