#pragma once

#include "util/ascii.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::util {

// One attribute of a start tag in an HTML fragment.
struct HtmlAttribute
{
  std::string_view tag;  // as written, e.g. "img" or "A"
  std::string_view name; // as written
  std::string_view value;
  std::size_t value_begin = 0; // byte range of the value (inside its quotes)
  std::size_t value_end = 0;
  char quote = '\0'; // '"', '\'' or '\0' when unquoted
  std::size_t tag_begin =
    0; // its start tag's '<': one tag's attributes share it
};

// Calls visit(attribute) for every attribute that has a value, in every
// start tag of `html`, in order. Text, comments, doctypes and processing
// instructions are skipped; broken markup never makes it loop or read past
// the end.
void
scan_html_attributes(std::string_view html,
                     const std::function<void(const HtmlAttribute&)>& visit);

// True for attributes whose value is one URL (href, src, poster, cite,
// action, formaction, data, longdesc, background, icon, manifest); names
// compare in any case. srcset holds several and is not one of them.
bool is_url_attribute(std::string_view name);

// Returns `text` as HTML text: & < > " escaped, so "List<T> & Option<U>"
// reads the same once a reader parses it as HTML.
std::string html_escape(std::string_view text);
// html_escape(text) appended to `out`.
void append_html_escaped(std::string& out, std::string_view text);

// HTML made fit for a feed, and what was taken out of it ("<script>
// elements", "onclick event handlers", "javascript: URLs"), each once.
struct SanitizedHtml
{
  std::string html;
  std::vector<std::string> removed;
};

// Returns rendered HTML for a feed, as readers would show it: <script> and
// <style> elements removed with their content (their text must not show),
// event handler attributes (on...) and script URLs (javascript:, vbscript:,
// data: but images) removed, and the tags GFM's tagfilter disarms (<title>,
// <textarea>, <xmp>, <noembed>, <noframes>, <plaintext>) escaped so they
// read as text. Embeds such as <iframe> are kept. Attribute quotes are
// honoured: `<abbr title="a <style> tag">` is one tag.
SanitizedHtml drop_active_content(std::string_view html);

// Calls visit(tag name) for every start tag.
void scan_html_tags(std::string_view html,
                    const std::function<void(std::string_view tag)>& visit);

// Calls visit(tag name, false) for every start tag and visit(tag name, true)
// for every end tag ("</a>"), in order, as written.
void scan_html_tag_names(
  std::string_view html,
  const std::function<void(std::string_view name, bool end_tag)>& visit);

} // namespace ogfeed::util
