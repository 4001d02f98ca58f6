#include "util/url.hpp"

#include "util/ascii.hpp"

#include <cctype>

namespace ogfeed::util {

namespace {

std::size_t
scheme_length(std::string_view ref)
{
  if (ref.empty() || !std::isalpha(static_cast<unsigned char>(ref[0]))) {
    return 0;
  }
  for (std::size_t i = 1; i < ref.size(); ++i) {
    const char c = ref[i];
    if (c == ':') {
      return i;
    }
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-'
        && c != '.') {
      return 0;
    }
  }
  return 0;
}

// RFC 3986 section 5.2.4.
std::string
remove_dot_segments(std::string_view in)
{
  std::string out;
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      const auto slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      const std::size_t start = in[0] == '/' ? 1 : 0;
      const std::size_t next = in.find('/', start);
      const std::size_t len = next == std::string_view::npos ? in.size() : next;
      out.append(in.substr(0, len));
      in.remove_prefix(len);
    }
  }
  return out;
}

std::string
merge_paths(const UrlParts& base, std::string_view ref_path)
{
  if (base.has_authority && base.path.empty()) {
    return "/" + std::string(ref_path);
  }
  const auto slash = base.path.rfind('/');
  if (slash == std::string::npos) {
    return std::string(ref_path);
  }
  return base.path.substr(0, slash + 1) + std::string(ref_path);
}

std::string
join(const UrlParts& u)
{
  std::string out;
  if (!u.scheme.empty()) {
    out += u.scheme + ":";
  }
  if (u.has_authority) {
    out += "//" + u.authority;
  }
  out += u.path;
  if (u.has_query) {
    out += "?" + u.query;
  }
  if (u.has_fragment) {
    out += "#" + u.fragment;
  }
  return out;
}

} // namespace

UrlParts
split_url(std::string_view ref)
{
  UrlParts u;
  if (const std::size_t n = scheme_length(ref); n > 0) {
    u.scheme = std::string(ref.substr(0, n));
    ref.remove_prefix(n + 1);
  }
  if (const auto hash = ref.find('#'); hash != std::string_view::npos) {
    u.has_fragment = true;
    u.fragment = std::string(ref.substr(hash + 1));
    ref = ref.substr(0, hash);
  }
  if (const auto q = ref.find('?'); q != std::string_view::npos) {
    u.has_query = true;
    u.query = std::string(ref.substr(q + 1));
    ref = ref.substr(0, q);
  }
  if (ref.starts_with("//")) {
    u.has_authority = true;
    ref.remove_prefix(2);
    const auto slash = ref.find('/');
    u.authority = std::string(ref.substr(0, slash));
    ref =
      slash == std::string_view::npos ? std::string_view() : ref.substr(slash);
  }
  u.path = std::string(ref);
  return u;
}

bool
has_scheme(std::string_view ref)
{
  return scheme_length(trim_html_space(ref)) > 0;
}

bool
is_http_url(std::string_view url)
{
  const UrlParts u = split_url(url);
  const std::string scheme = ascii_lower(u.scheme);
  return (scheme == "http" || scheme == "https") && u.has_authority
         && !u.authority.empty();
}

std::string
script_url_scheme(std::string_view url)
{
  // Browsers drop leading C0 controls and spaces, and tabs and newlines
  // anywhere, before they read the scheme.
  std::string folded;
  for (const char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 && (folded.empty() || c == '\t' || c == '\n' || c == '\r')) {
      continue;
    }
    folded += static_cast<char>(std::tolower(u));
    if (folded.size() > 16) {
      break;
    }
  }
  for (const std::string_view scheme : {"javascript:", "vbscript:"}) {
    if (folded.starts_with(scheme)) {
      return std::string(scheme.substr(0, scheme.size() - 1));
    }
  }
  if (folded.starts_with("data:") && !folded.starts_with("data:image/")) {
    return "data";
  }
  return {};
}

bool
is_web_reference(std::string_view ref)
{
  const std::string_view trimmed = trim_html_space(ref);
  if (!script_url_scheme(trimmed).empty()) {
    return false;
  }
  const UrlParts u = split_url(trimmed);
  if (u.scheme.empty()) {
    return true;
  }
  const std::string scheme = ascii_lower(u.scheme);
  return scheme == "http" || scheme == "https";
}

std::string
resolve_url(std::string_view ref_text, std::string_view base_text)
{
  const std::string_view trimmed = trim_html_space(ref_text);
  const UrlParts ref = split_url(trimmed);
  if (!ref.scheme.empty()) {
    return std::string(trimmed);
  }
  const UrlParts base = split_url(base_text);
  UrlParts t;
  if (ref.has_authority) {
    t = ref;
    t.scheme = "https";
    t.path = remove_dot_segments(ref.path);
    return join(t);
  }
  t.scheme = base.scheme;
  t.has_authority = base.has_authority;
  t.authority = base.authority;
  if (ref.path.empty()) {
    t.path = base.path;
    t.has_query = ref.has_query || base.has_query;
    t.query = ref.has_query ? ref.query : base.query;
  } else {
    t.path = ref.path[0] == '/'
               ? remove_dot_segments(ref.path)
               : remove_dot_segments(merge_paths(base, ref.path));
    t.has_query = ref.has_query;
    t.query = ref.query;
  }
  t.has_fragment = ref.has_fragment;
  t.fragment = ref.fragment;
  return join(t);
}

std::string
percent_encode(std::string_view text,
               std::string_view also_keep,
               bool keep_escapes)
{
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    const auto c = static_cast<unsigned char>(ch);
    const bool escape =
      keep_escapes && c == '%' && i + 2 < text.size()
      && std::isxdigit(static_cast<unsigned char>(text[i + 1]))
      && std::isxdigit(static_cast<unsigned char>(text[i + 2]));
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~'
        || escape || also_keep.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += k_hex[c >> 4];
      out += k_hex[c & 15];
    }
  }
  return out;
}

std::string
percent_decode(std::string_view text)
{
  const auto hex = [](char c) {
    return (c >= '0' && c <= '9')   ? c - '0'
           : (c >= 'a' && c <= 'f') ? c - 'a' + 10
           : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                    : -1;
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0
        && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string
site_url(std::string_view base_url, const std::string& url)
{
  if (url.empty()) {
    return url;
  }
  return resolve_url(
    url.starts_with('/') && !url.starts_with("//") ? url.substr(1) : url,
    base_url);
}

} // namespace ogfeed::util
