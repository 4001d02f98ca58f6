#include "util/state_file.hpp"

#include <fmt/format.h>

#include <xxhash.h>

namespace ogfeed::util {

namespace {

constexpr std::string_view k_checksum = "xxh3 ";
constexpr std::size_t k_checksum_line = k_checksum.size() + 16 + 1;

std::string
header_of(const StateFormat& format)
{
  return fmt::format("ogfeed-{} {}\n", format.kind, format.version);
}

std::string
checksum_line(std::uint64_t hash)
{
  return fmt::format("{}{:016x}\n", k_checksum, hash);
}

} // namespace

std::string
seal_state(const StateFormat& format, std::string_view body)
{
  std::string out = header_of(format);
  out.reserve(out.size() + body.size() + k_checksum_line);
  out += body;
  out += checksum_line(XXH3_64bits(out.data(), out.size()));
  return out;
}

std::optional<std::string_view>
open_state(std::string_view file, const StateFormat& format)
{
  if (!format.legacy_header.empty() && file.starts_with(format.legacy_header)) {
    return file.substr(format.legacy_header.size());
  }
  const std::string header = header_of(format);
  if (!file.starts_with(header)
      || file.size() < header.size() + k_checksum_line) {
    return std::nullopt;
  }
  const std::size_t end = file.size() - k_checksum_line;
  if (file.substr(end) != checksum_line(XXH3_64bits(file.data(), end))) {
    return std::nullopt;
  }
  return file.substr(header.size(), end - header.size());
}

StateStream::StateStream(const StateFormat& format, const ByteWriter::Sink& out)
  : m_out(out),
    m_sink([this](std::string_view piece) { return put(piece); }),
    m_hash(XXH3_createState())
{
  XXH3_64bits_reset(static_cast<XXH3_state_t*>(m_hash));
  put(header_of(format));
}

StateStream::~StateStream()
{
  XXH3_freeState(static_cast<XXH3_state_t*>(m_hash));
}

bool
StateStream::put(std::string_view piece)
{
  XXH3_64bits_update(
    static_cast<XXH3_state_t*>(m_hash), piece.data(), piece.size());
  m_ok = m_ok && m_out(piece);
  return m_ok;
}

bool
StateStream::finish()
{
  const std::uint64_t hash =
    XXH3_64bits_digest(static_cast<XXH3_state_t*>(m_hash));
  m_ok = m_ok && m_out(checksum_line(hash));
  return m_ok;
}

} // namespace ogfeed::util
