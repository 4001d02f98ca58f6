#pragma once

#include "validate/finding.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::validate {

struct XmlAttribute
{
  std::string ns; // namespace URI, "" for none
  std::string local;
  std::string value;
};

// Where a piece of an element's text came from: text[offset] is at
// line:column of the document. Expat reports each entity reference as a
// piece of its own, so inside a piece every character is one in the source.
struct TextMark
{
  std::size_t offset = 0;
  int line = 0;
  int column = 0;
};

// An element as the checkers see it; `ns` is the namespace URI.
struct XmlElement
{
  std::string ns;
  std::string local;
  std::vector<XmlAttribute> attributes;
  int line = 0;
  int column = 0;
  // Where its text came from; filled when the element ends (at most
  // k_max_text_marks, then positions count lines from the last one).
  std::vector<TextMark> text_marks;

  // The document position of text[offset] (the start tag's without marks).
  void text_position(std::string_view text,
                     std::size_t offset,
                     int& line_out,
                     int& column_out) const;

  // The attribute in no namespace named `name`, or null.
  const XmlAttribute* attribute(std::string_view name) const;
  // The attribute in namespace `ns` named `name`, or null.
  const XmlAttribute* attribute(std::string_view ns,
                                std::string_view name) const;
};

// What a checker does with the stream of a document.
class XmlHandler
{
public:
  virtual ~XmlHandler() = default;
  virtual void start(const XmlElement& element) = 0;
  // `text` is the element's whole character content (capped at 4 MiB).
  virtual void end(const XmlElement& element, const std::string& text) = 0;
};

constexpr const char* k_xml_ns = "http://www.w3.org/XML/1998/namespace";

// Limits that keep any input, however hostile, in bounded time and memory.
constexpr std::size_t k_max_depth = 512;             // open elements
constexpr std::size_t k_max_text_marks = 1024;       // per element
constexpr std::size_t k_max_token = 1024 * 1024;     // one tag, comment or PI
constexpr std::size_t k_max_held = 16 * 1024 * 1024; // text and attributes of
                                                     // the open elements

// A streaming XML 1.0 reader on expat with namespaces: feed it chunks, it
// calls the handler per element and never holds the whole document. It
// reports well-formedness errors, undeclared prefixes, characters XML
// forbids, encoding errors and DTD tricks (entity declarations are an error
// and never expanded; nothing external is ever fetched; a reference to an
// entity only an external DTD could define is an error) as findings. Past
// k_max_depth, k_max_token or k_max_held it stops with an error: expat 2.5
// parses an unfinished token again with every chunk, so an unbounded token
// would cost quadratic time. The limits measure the input and the elements'
// contents, never when or in how many calls expat reports them, so one input
// gives one finding at every expat patch level (Debian's deb12u5 defers a
// large token until more input arrives; deb12u1 does not).
class XmlReader
{
public:
  XmlReader(XmlHandler& handler, std::vector<Finding>& findings);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Parses the next chunk; returns false once the document is broken (later
  // chunks are ignored).
  bool feed(std::string_view chunk, bool last);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace ogfeed::validate
