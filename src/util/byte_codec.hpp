#pragma once

#include "util/error.hpp"
#include "util/file.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::util {

// Writes values as bytes for caches ogfeed keeps for itself: integers in
// LEB128 (signed ones zigzagged first: -1 as 1), strings as their length
// then their bytes. A length, a count or a line is one byte.
class ByteWriter
{
public:
  // Where the bytes go: pieces handed to it as they are written; false
  // from it stops the writing (finish() then says so).
  using Sink = std::function<bool(std::string_view)>;

  ByteWriter() = default;
  // Streams to `sink` once about a megabyte is buffered, so a large cache
  // is never whole in memory; finish() hands over the rest.
  explicit ByteWriter(const Sink* sink)
    : m_sink(sink)
  {
  }

  void u64(std::uint64_t v);
  void i64(std::int64_t v);
  void str(std::string_view s);
  void strs(const std::vector<std::string>& v);
  // Bytes another ByteWriter wrote, as they are.
  void raw(std::string_view bytes);
  void
  reserve(std::size_t bytes)
  {
    if (m_sink == nullptr) {
      m_out.reserve(bytes);
    }
  }
  // Hands the rest to the sink; false when the sink refused any piece.
  bool finish();
  const std::string&
  bytes() const
  {
    return m_out;
  }
  std::string
  take()
  {
    return std::move(m_out);
  }

private:
  void spill();

  std::string m_out;
  const Sink* m_sink = nullptr;
  bool m_failed = false;
};

// Reads what ByteWriter wrote. Never reads past the end: a short or
// corrupt input sets failed() and yields zeros and empty strings, so a
// damaged cache reads as garbage the caller then throws away, never as a
// crash.
class ByteReader
{
public:
  explicit ByteReader(std::string_view in)
    : m_in(in)
  {
  }
  std::uint64_t u64();
  std::int64_t i64();
  std::string str();
  std::vector<std::string> strs();
  // A count of items each at least `min_item_bytes` long (a number or a
  // string is at least one byte): fails when the
  // rest of the input could not hold that many.
  std::uint64_t count(std::size_t min_item_bytes);
  bool
  failed() const
  {
    return m_failed;
  }
  bool
  at_end() const
  {
    return m_pos == m_in.size();
  }

private:
  std::string_view m_in;
  std::size_t m_pos = 0;
  bool m_failed = false;
};

// A file's stamp as bytes, and back.
void write_stamp(ByteWriter& w, const FileStamp& s);
FileStamp read_stamp(ByteReader& r);

// Diagnostics as bytes, and back (a cache replays the warnings of the work
// it saves).
void write_diagnostics(ByteWriter& w, const Diagnostics& ds);
Diagnostics read_diagnostics(ByteReader& r);

} // namespace ogfeed::util
