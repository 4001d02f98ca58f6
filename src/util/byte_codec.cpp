#include "util/byte_codec.hpp"

namespace ogfeed::util {

void
ByteWriter::u64(std::uint64_t v)
{
  // LEB128: seven bits a byte, low first, the top bit set on all but the
  // last. A length or a count is one byte.
  char bytes[10];
  std::size_t n = 0;
  while (v >= 0x80) {
    bytes[n++] = static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  bytes[n++] = static_cast<char>(v);
  m_out.append(bytes, n); // one append: a push_back a byte cost 4% of a build
}

void
ByteWriter::i64(std::int64_t v)
{
  // Zigzag: -1 is 1, 1 is 2, so a small negative is short too.
  const auto u = static_cast<std::uint64_t>(v);
  u64((u << 1) ^ (v < 0 ? ~std::uint64_t{0} : 0));
}

void
ByteWriter::str(std::string_view s)
{
  u64(s.size());
  m_out.append(s);
  spill();
}

void
ByteWriter::raw(std::string_view bytes)
{
  m_out.append(bytes);
  spill();
}

void
ByteWriter::spill()
{
  constexpr std::size_t k_piece = 1 << 20;
  if (m_sink != nullptr && m_out.size() >= k_piece) {
    m_failed = m_failed || !(*m_sink)(m_out);
    m_out.clear();
  }
}

bool
ByteWriter::finish()
{
  if (m_sink != nullptr && !m_out.empty()) {
    m_failed = m_failed || !(*m_sink)(m_out);
    m_out.clear();
  }
  return !m_failed;
}

void
ByteWriter::strs(const std::vector<std::string>& v)
{
  u64(v.size());
  for (const auto& s : v) {
    str(s);
  }
}

std::vector<std::string>
ByteReader::strs()
{
  std::vector<std::string> v(count(8));
  for (auto& s : v) {
    s = str();
  }
  return v;
}

std::uint64_t
ByteReader::u64()
{
  std::uint64_t v = 0;
  for (int shift = 0; !m_failed && m_pos < m_in.size(); shift += 7) {
    const auto byte = static_cast<unsigned char>(m_in[m_pos++]);
    // The tenth byte holds the top bit alone; more is no number.
    if (shift == 63 && byte > 1) {
      break;
    }
    v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      return v;
    }
  }
  m_failed = true;
  return 0;
}

std::int64_t
ByteReader::i64()
{
  const std::uint64_t u = u64();
  return static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
}

std::string
ByteReader::str()
{
  const std::uint64_t n = u64();
  if (m_failed || n > m_in.size() - m_pos) {
    m_failed = true;
    return {};
  }
  std::string s(m_in.substr(m_pos, n));
  m_pos += n;
  return s;
}

std::uint64_t
ByteReader::count(std::size_t min_item_bytes)
{
  const std::uint64_t n = u64();
  if (m_failed
      || (min_item_bytes > 0 && n > (m_in.size() - m_pos) / min_item_bytes)) {
    m_failed = true;
    return 0;
  }
  return n;
}

void
write_stamp(ByteWriter& w, const FileStamp& s)
{
  w.u64(s.size);
  w.u64(s.inode);
  w.i64(s.mtime_ns);
  w.i64(s.ctime_ns);
}

FileStamp
read_stamp(ByteReader& r)
{
  FileStamp s;
  s.size = r.u64();
  s.inode = r.u64();
  s.mtime_ns = r.i64();
  s.ctime_ns = r.i64();
  return s;
}

void
write_diagnostics(ByteWriter& w, const Diagnostics& ds)
{
  w.u64(ds.size());
  for (const auto& d : ds) {
    w.u64(d.severity == Severity::error ? 0 : 1);
    w.str(d.path);
    w.i64(d.line);
    w.i64(d.column);
    w.str(d.message);
    w.u64(d.os ? 1 : 0);
    if (d.os) {
      w.str(d.os->action);
      w.i64(d.os->error_number);
    }
    w.str(d.rule);
  }
}

Diagnostics
read_diagnostics(ByteReader& r)
{
  Diagnostics ds(r.count(7));
  for (auto& d : ds) {
    d.severity = r.u64() == 0 ? Severity::error : Severity::warning;
    d.path = r.str();
    d.line = static_cast<int>(r.i64());
    d.column = static_cast<int>(r.i64());
    d.message = r.str();
    if (r.u64() != 0) {
      d.os = OsFailure{r.str(), static_cast<int>(r.i64())};
    }
    d.rule = r.str();
  }
  return ds;
}

} // namespace ogfeed::util
