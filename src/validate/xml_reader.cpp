#include "validate/xml_reader.hpp"

#include "util/ascii.hpp"
#include "validate/xml_token_scan.hpp"

#include <expat.h>
#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

namespace ogfeed::validate {

namespace {

constexpr std::size_t k_max_text = 4 * 1024 * 1024; // of one element

// How long a character is that starts with `b` in a multibyte encoding
// (1 for a single byte), for the families expat can read byte by byte;
// 0: `name` is no such family (then every byte is one character).
int
lead_length(const std::string& name, unsigned char b)
{
  const auto in = [&](std::initializer_list<const char*> names) {
    return std::any_of(
      names.begin(), names.end(), [&](const char* n) { return name == n; });
  };
  if (in({"shift_jis",
          "shift-jis",
          "sjis",
          "x-sjis",
          "ms_kanji",
          "cp932",
          "windows-31j"})) {
    return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC) ? 2 : 1;
  }
  if (in({"euc-jp", "x-euc-jp", "eucjp"})) {
    return b == 0x8F ? 3 : (b == 0x8E || (b >= 0xA1 && b <= 0xFE)) ? 2 : 1;
  }
  if (in({"gb2312",
          "euc-cn",
          "gbk",
          "cp936",
          "gb18030",
          "big5",
          "big5-hkscs",
          "cp950",
          "euc-kr",
          "cp949",
          "uhc",
          "ks_c_5601-1987"})) {
    return b >= 0x81 && b <= 0xFE ? 2 : 1;
  }
  return 0;
}

// The iconv name of an encoding as feeds declare it.
std::string
iconv_name(const std::string& name)
{
  if (name == "shift_jis" || name == "shift-jis" || name == "sjis"
      || name == "x-sjis" || name == "ms_kanji" || name == "windows-31j") {
    return "CP932"; // what Windows writes as Shift_JIS: 0x5C is '\\'
  }
  if (name == "x-euc-jp" || name == "eucjp") {
    return "EUC-JP";
  }
  if (name == "ks_c_5601-1987") {
    return "CP949";
  }
  return name;
}

// One character of `length` bytes at `s`, as a code point; -1 when the
// bytes are no character of the encoding.
int
decode_one(iconv_t cd, const char* s, std::size_t length)
{
  char in[4];
  std::memcpy(in, s, length);
  unsigned char out[8];
  char* inp = in;
  auto* outp = reinterpret_cast<char*>(out);
  std::size_t in_left = length;
  std::size_t out_left = sizeof out;
  iconv(cd, nullptr, nullptr, nullptr, nullptr); // reset its state
  if (iconv(cd, &inp, &in_left, &outp, &out_left)
        == static_cast<std::size_t>(-1)
      || in_left != 0 || sizeof out - out_left != 4) {
    return -1;
  }
  return static_cast<int>((out[0] << 24) | (out[1] << 16) | (out[2] << 8)
                          | out[3]);
}

// What expat's converter of one multibyte encoding needs.
struct Converter
{
  iconv_t cd;
  int lengths[256]; // of a character by its first byte (map's -n)
};

int XMLCALL
convert(void* data, const char* s)
{
  auto* c = static_cast<Converter*>(data);
  const auto length =
    static_cast<std::size_t>(c->lengths[static_cast<unsigned char>(s[0])]);
  return decode_one(c->cd, s, length);
}

void XMLCALL
release(void* data)
{
  auto* c = static_cast<Converter*>(data);
  iconv_close(c->cd);
  delete c;
}

// expat reads UTF-8, UTF-16, ISO-8859-1 and US-ASCII itself; every other
// encoding iconv knows is read through iconv: single-byte ones (windows-125x,
// ISO-8859-x, KOI8-R) by a table of their 256 bytes, and the multibyte ones
// feeds use (Shift_JIS, EUC-JP, GB2312/GBK, Big5, EUC-KR) character by
// character. Columns count characters. Stateful encodings (ISO-2022-JP)
// and GB18030's four-byte characters cannot be read this way.
int XMLCALL
unknown_encoding(void*, const XML_Char* name, XML_Encoding* info)
{
  const std::string n = util::ascii_lower(name);
  iconv_t cd = iconv_open("UCS-4BE", iconv_name(n).c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return XML_STATUS_ERROR;
  }
  bool multibyte = false;
  for (int i = 0; i < 256; ++i) {
    const auto b = static_cast<unsigned char>(i);
    const int length = lead_length(n, b);
    if (length > 1) {
      info->map[i] = -length;
      multibyte = true;
      continue;
    }
    const char c = static_cast<char>(b);
    info->map[i] = decode_one(cd, &c, 1);
  }
  // expat needs the ASCII characters of markup as themselves.
  for (const char c : std::string_view("<>&'\"=/?!-:;#[]() \t\r\n._")) {
    if (info->map[static_cast<unsigned char>(c)]
        != static_cast<unsigned char>(c)) {
      iconv_close(cd);
      return XML_STATUS_ERROR;
    }
  }
  for (char c = 'A'; c <= 'z'; ++c) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0
        && info->map[static_cast<unsigned char>(c)]
             != static_cast<unsigned char>(c)) {
      iconv_close(cd);
      return XML_STATUS_ERROR;
    }
  }
  if (!multibyte) {
    iconv_close(cd);
    info->data = nullptr;
    info->convert = nullptr;
    info->release = nullptr;
    return XML_STATUS_OK;
  }
  auto* c = new Converter{cd, {}};
  for (int i = 0; i < 256; ++i) {
    c->lengths[i] = info->map[i] < -1 ? -info->map[i] : 1;
  }
  info->data = c;
  info->convert = &convert;
  info->release = &release;
  return XML_STATUS_OK;
}

} // namespace

void
XmlElement::text_position(std::string_view text,
                          std::size_t offset,
                          int& line_out,
                          int& column_out) const
{
  line_out = line;
  column_out = column;
  const auto after = std::upper_bound(
    text_marks.begin(),
    text_marks.end(),
    offset,
    [](std::size_t o, const TextMark& m) { return o < m.offset; });
  if (after == text_marks.begin()) {
    return;
  }
  const TextMark& mark = *std::prev(after);
  line_out = mark.line;
  column_out = mark.column;
  for (std::size_t i = mark.offset; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line_out;
      column_out = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column_out; // a character, not a UTF-8 continuation byte
    }
  }
}

const XmlAttribute*
XmlElement::attribute(std::string_view name) const
{
  return attribute("", name);
}

const XmlAttribute*
XmlElement::attribute(std::string_view ns_uri, std::string_view name) const
{
  for (const auto& a : attributes) {
    if (a.ns == ns_uri && a.local == name) {
      return &a;
    }
  }
  return nullptr;
}

struct XmlReader::Impl
{
  XML_Parser parser = nullptr;
  XmlHandler* handler = nullptr;
  std::vector<Finding>* findings = nullptr;
  struct Frame
  {
    XmlElement element;
    std::string text;
    std::size_t held = 0; // of `held` below: its name, attributes and text
    bool full = false;    // its text reached a limit; the rest is dropped
  };
  std::vector<Frame> stack;
  bool broken = false;
  bool started = false; // the first bytes were looked at
  // White space skipped before a misplaced XML declaration: added back to
  // every position expat reports.
  int line_offset = 0;
  int column_offset = 0; // on the declaration's line
  std::size_t held = 0;  // bytes of text and attributes in `stack`
  XmlTokenScan tokens{k_max_token};

  void
  here(int& line, int& column) const
  {
    line = static_cast<int>(XML_GetCurrentLineNumber(parser));
    column = static_cast<int>(XML_GetCurrentColumnNumber(parser)) + 1;
    if (line == 1) {
      column += column_offset;
    }
    line += line_offset;
  }

  // White space before "<?xml" makes a document not well-formed (XML 1.0
  // section 2.8: the declaration comes first; browsers and libxml2 refuse
  // it; the W3C validator's WPBlankLine, WordPress's classic blank line).
  // Reported once, and skipped so the rest is still checked.
  std::string_view
  skip_blank_before_declaration(std::string_view chunk)
  {
    std::size_t j = 0;
    while (j < chunk.size()
           && (chunk[j] == ' ' || chunk[j] == '\t' || chunk[j] == '\n'
               || chunk[j] == '\r')) {
      ++j;
    }
    const std::string_view rest = chunk.substr(j);
    if (j == 0 || !rest.starts_with("<?xml") || rest.size() < 6
        || !(rest[5] == ' ' || rest[5] == '\t' || rest[5] == '\n'
             || rest[5] == '\r' || rest[5] == '?')) {
      return chunk;
    }
    Finding f;
    f.rule = "xml-declaration-not-at-start";
    f.line = 1;
    f.column = 1;
    f.message = "white space before the XML declaration (<?xml ...?> must "
                "be the document's first bytes): browsers and many feed "
                "readers refuse the feed; remove what comes before it";
    findings->push_back(std::move(f));
    for (std::size_t i = 0; i < j; ++i) {
      if (chunk[i] == '\n') {
        ++line_offset;
        column_offset = 0;
      } else if (chunk[i] != '\r') {
        ++column_offset;
      }
    }
    return rest;
  }

  // Adds the finding that ends the reading (at expat's position unless
  // `line` is given).
  void
  stop_with(const char* rule, std::string message, int line = 0, int column = 0)
  {
    Finding f;
    f.rule = rule;
    f.message = std::move(message);
    if (line > 0) {
      f.line = line;
      f.column = column;
    } else {
      here(f.line, f.column);
    }
    findings->push_back(std::move(f));
    broken = true;
  }

  void
  fail(const char* rule, const std::string& message)
  {
    stop_with(rule, message);
    XML_StopParser(parser, XML_FALSE);
  }

  // Reports expat's error, unless a handler already stopped it with its own.
  bool
  report_error()
  {
    if (broken) {
      return false;
    }
    const XML_Error code = XML_GetErrorCode(parser);
    const char* rule = "xml-not-well-formed";
    std::string message =
      std::string("the XML is not well-formed: ") + XML_ErrorString(code);
    switch (code) {
    case XML_ERROR_UNBOUND_PREFIX:
      rule = "xml-undeclared-prefix";
      message = "a namespace prefix is used without being declared (add its "
                "xmlns: declaration "
                "to the root element)";
      break;
    case XML_ERROR_INVALID_TOKEN:
      rule = "xml-invalid-character";
      message =
        "a character XML 1.0 forbids, or bytes that are not valid in the "
        "declared "
        "encoding";
      break;
    case XML_ERROR_UNKNOWN_ENCODING:
    case XML_ERROR_INCORRECT_ENCODING:
      rule = "xml-encoding";
      message = std::string("the document's encoding is wrong or unsupported: ")
                + XML_ErrorString(code) + " (use UTF-8)";
      break;
    case XML_ERROR_NO_ELEMENTS:
      message = "the document is empty (no root element)";
      break;
    default:
      break;
    }
    stop_with(rule, std::move(message));
    return false;
  }

  // A token ran over k_max_token: expat gets exactly its first k_max_token
  // bytes and then the end of the input, so it reports every event and error
  // before the token, whatever it defers. A finding there wins; otherwise
  // the token is too large, at its start.
  bool
  stop_at_large_token(std::string_view head)
  {
    if (XML_Parse(parser, head.data(), static_cast<int>(head.size()), XML_FALSE)
          == XML_STATUS_ERROR
        || broken) {
      return report_error();
    }
    if (XML_Parse(parser, nullptr, 0, XML_TRUE) == XML_STATUS_ERROR) {
      const XML_Error code = XML_GetErrorCode(parser);
      if (broken
          || (code != XML_ERROR_UNCLOSED_TOKEN && code != XML_ERROR_PARTIAL_CHAR
              && code != XML_ERROR_NO_ELEMENTS)) {
        return report_error();
      }
    }
    stop_with("xml-token-too-large",
              "one tag, attribute, comment or processing instruction runs "
              "over "
                + std::to_string(k_max_token / 1024)
                + " KiB; no feed needs that, so reading stopped here",
              tokens.token_line(),
              tokens.token_column());
    return false;
  }

  static void
  split(const char* name, std::string& ns, std::string& local)
  {
    const char* sep = std::strchr(name, '\x01');
    if (sep == nullptr) {
      ns.clear();
      local = name;
    } else {
      ns.assign(name, sep);
      local = sep + 1;
    }
  }

  static void XMLCALL
  on_start(void* data, const XML_Char* name, const XML_Char** atts)
  {
    auto* self = static_cast<Impl*>(data);
    if (self->stack.size() >= k_max_depth) {
      self->fail("xml-too-deep",
                 "elements are nested more than " + std::to_string(k_max_depth)
                   + " deep; no feed needs that, so reading stopped here");
      return;
    }
    Frame frame;
    split(name, frame.element.ns, frame.element.local);
    self->here(frame.element.line, frame.element.column);
    std::size_t size = std::strlen(name);
    for (const XML_Char** a = atts; *a != nullptr; a += 2) {
      XmlAttribute attr;
      split(a[0], attr.ns, attr.local);
      attr.value = a[1];
      size += std::strlen(a[0]) + attr.value.size();
      frame.element.attributes.push_back(std::move(attr));
    }
    frame.held = size;
    self->held += size;
    if (self->held > k_max_held) {
      self->fail("xml-too-large",
                 "the open elements hold more than "
                   + std::to_string(k_max_held / (1024 * 1024))
                   + " MiB of attributes; reading stopped here");
      return;
    }
    self->handler->start(frame.element);
    self->stack.push_back(std::move(frame));
  }

  static void XMLCALL
  on_end(void* data, const XML_Char*)
  {
    auto* self = static_cast<Impl*>(data);
    if (self->stack.empty()) {
      return;
    }
    Frame frame = std::move(self->stack.back());
    self->stack.pop_back();
    std::size_t size = frame.held;
    self->held -= std::min(self->held, size);
    self->handler->end(frame.element, frame.text);
  }

  // What is kept of an element's text depends only on the text, never on
  // how expat splits it into calls: at most k_max_text of it, and nothing
  // once the open elements hold k_max_held. Marks only speed up positions,
  // so they are not counted.
  static void XMLCALL
  on_text(void* data, const XML_Char* s, int len)
  {
    auto* self = static_cast<Impl*>(data);
    if (self->stack.empty()) {
      return;
    }
    Frame& f = self->stack.back();
    if (f.full) {
      return;
    }
    const std::string_view piece(s, static_cast<std::size_t>(len));
    const std::size_t room =
      std::min(k_max_text - f.text.size(),
               k_max_held - std::min(k_max_held, self->held));
    std::size_t take = std::min(room, piece.size());
    if (take < piece.size()) {
      f.full = true;
      while (take > 0
             && (static_cast<unsigned char>(piece[take]) & 0xC0) == 0x80) {
        --take; // never half a character
      }
    }
    if (take == 0) {
      return;
    }
    if (f.element.text_marks.size() < k_max_text_marks) {
      TextMark mark;
      mark.offset = f.text.size();
      self->here(mark.line, mark.column);
      f.element.text_marks.push_back(mark);
    }
    f.text.append(piece.substr(0, take));
    f.held += take;
    self->held += take;
  }

  static void XMLCALL
  on_skipped_entity(void* data, const XML_Char* name, int)
  {
    auto* self = static_cast<Impl*>(data);
    self->fail("xml-undefined-entity",
               std::string("'&") + name
                 + ";' is not defined here; ogfeed never reads an external "
                   "DTD, and neither do most feed readers");
  }

  static void XMLCALL
  on_entity(void* data,
            const XML_Char* name,
            int,
            const XML_Char*,
            int,
            const XML_Char*,
            const XML_Char*,
            const XML_Char*,
            const XML_Char*)
  {
    auto* self = static_cast<Impl*>(data);
    self->fail("xml-entity-declaration",
               std::string("the DTD declares entity '") + name
                 + "'; entities are never expanded (a feed needs no DTD)");
  }
};

XmlReader::XmlReader(XmlHandler& handler, std::vector<Finding>& findings)
  : m_impl(std::make_unique<Impl>())
{
  m_impl->handler = &handler;
  m_impl->findings = &findings;
  m_impl->parser = XML_ParserCreateNS(nullptr, '\x01');
  XML_SetUserData(m_impl->parser, m_impl.get());
  XML_SetElementHandler(m_impl->parser, &Impl::on_start, &Impl::on_end);
  XML_SetCharacterDataHandler(m_impl->parser, &Impl::on_text);
  XML_SetEntityDeclHandler(m_impl->parser, &Impl::on_entity);
  XML_SetSkippedEntityHandler(m_impl->parser, &Impl::on_skipped_entity);
  XML_SetUnknownEncodingHandler(m_impl->parser, &unknown_encoding, nullptr);
  // Never read an external DTD or entity.
  XML_SetParamEntityParsing(m_impl->parser, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlReader::~XmlReader()
{
  XML_ParserFree(m_impl->parser);
}

bool
XmlReader::feed(std::string_view chunk, bool last)
{
  Impl& m = *m_impl;
  if (m.broken) {
    return false;
  }
  if (!m.started) {
    m.started = true;
    chunk = m.skip_blank_before_declaration(chunk);
  }
  const std::size_t cut = m.tokens.scan(chunk);
  if (cut != std::string_view::npos) {
    return m.stop_at_large_token(chunk.substr(0, cut));
  }
  if (XML_Parse(m.parser,
                chunk.data(),
                static_cast<int>(chunk.size()),
                last ? XML_TRUE : XML_FALSE)
      != XML_STATUS_ERROR) {
    return true;
  }
  return m.report_error();
}

} // namespace ogfeed::validate
