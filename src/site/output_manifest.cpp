#include "site/output_manifest.hpp"

#include "util/file.hpp"
#include "util/hash.hpp"
#include "util/split.hpp"
#include "util/state_file.hpp"

#include <charconv>

namespace ogfeed::site {

namespace {

constexpr util::StateFormat k_format{"manifest", 2, "ogfeed-manifest 1\n"};

std::string
hex64(std::uint64_t v)
{
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = digits[v & 0xF];
    v >>= 4;
  }
  return out;
}

bool
parse_u64(std::string_view s, int base, std::uint64_t& out)
{
  const auto [end, ec] =
    std::from_chars(s.data(), s.data() + s.size(), out, base);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

} // namespace

std::uint64_t
content_hash(std::string_view bytes)
{
  return util::hash64(bytes);
}

std::string
escape_field(std::string_view path)
{
  std::string out;
  for (const char c : path) {
    if (c == '%' || c == '\t' || c == '\n' || c == '\r') {
      static constexpr char digits[] = "0123456789ABCDEF";
      out += '%';
      out += digits[(static_cast<unsigned char>(c) >> 4) & 0xF];
      out += digits[static_cast<unsigned char>(c) & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

std::string
unescape_field(std::string_view field)
{
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    std::uint64_t v = 0;
    if (field[i] == '%' && i + 2 < field.size()
        && parse_u64(field.substr(i + 1, 2), 16, v)) {
      out += static_cast<char>(v);
      i += 2;
    } else {
      out += field[i];
    }
  }
  return out;
}

bool
holds_output(const Manifest& manifest,
             const util::Dir& dir,
             const std::string& rel,
             const std::string& key)
{
  const auto it = manifest.find(rel);
  if (key.empty() || it == manifest.end() || it->second.key != key) {
    return false;
  }
  auto bytes = dir.read(rel, it->second.size);
  return bytes && bytes->size() == it->second.size
         && content_hash(*bytes) == it->second.hash;
}

std::string
format_manifest(const Manifest& manifest)
{
  std::string out;
  for (const auto& [path, e] : manifest) {
    out += hex64(e.hash) + "\t" + std::to_string(e.size) + "\t"
           + (e.key.empty() ? "-" : e.key) + "\t" + escape_field(path) + "\n";
  }
  return util::seal_state(k_format, out);
}

util::Expected<Manifest>
parse_manifest(std::string_view file)
{
  const auto body = util::open_state(file, k_format);
  if (!body) {
    return tl::unexpected(
      util::make_error("not an ogfeed manifest, or not whole", 1, 1));
  }
  const std::string_view text = *body;
  Manifest out;
  int line_no = 1; // the header's
  std::size_t pos = 0;
  while (pos < text.size()) {
    ++line_no;
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      return tl::unexpected(util::make_error("truncated line", line_no, 1));
    }
    const auto fields = util::split(text.substr(pos, nl - pos), '\t');
    pos = nl + 1;
    ManifestEntry e;
    if (fields.size() != 4 || !parse_u64(fields[0], 16, e.hash)
        || !parse_u64(fields[1], 10, e.size) || fields[3].empty()) {
      return tl::unexpected(util::make_error("malformed line", line_no, 1));
    }
    if (fields[2] != "-") {
      e.key = std::string(fields[2]);
    }
    std::string rel = unescape_field(fields[3]);
    if (!util::is_plain_relative(rel)) {
      return tl::unexpected(util::make_error(
        "names '" + rel + "', not a plain path below its folder", line_no, 1));
    }
    out[std::move(rel)] = std::move(e);
  }
  return out;
}

} // namespace ogfeed::site
