#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::validate {

// A problem a reader would meet in a feed's HTML content.
struct HtmlProblem
{
  const char* rule;
  std::string message;
  std::size_t offset = 0; // where in the HTML, in bytes
};

// Looks at escaped HTML content (Atom type="html", RSS description and
// content:encoded): relative, protocol-relative and fragment-only URLs in
// href, src, srcset and the like (unless `has_base`: an xml:base is in
// effect), <script> and other active tags, on* event handlers and
// javascript: URLs; tags that are no HTML element ("List<DBObject>" as
// text) and a tag the content never closes.
std::vector<HtmlProblem> check_html(std::string_view html, bool has_base);

// True for the elements of HTML (and the SVG and MathML a post may
// inline), by lower-case name: what a reader parsing the content knows.
bool is_known_html_element(const std::string& name);

// The same checks for one attribute of an element (XHTML content).
std::vector<HtmlProblem> check_html_attribute(std::string_view name,
                                              std::string_view value,
                                              bool has_base);

} // namespace ogfeed::validate
