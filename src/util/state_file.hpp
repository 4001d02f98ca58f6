#pragma once

#include "util/byte_codec.hpp"

#include <optional>
#include <string>
#include <string_view>

// The one envelope of every file ogfeed keeps for itself (the build cache,
// the build record, the output manifest, the publish journal):
//
//   ogfeed-<kind> <version>\n     what it is: another kind or version is
//                                 not read
//   <body>
//   xxh3 <16 hex digits>\n        XXH3-64 of everything before this line:
//                                 a file cut short or changed by anything
//                                 but ogfeed is not read
//
// A state file that does not open is treated as absent by its reader (a
// cache is rebuilt, a record or journal ignored, a manifest discarded with
// a warning).
namespace ogfeed::util {

struct StateFormat
{
  std::string_view kind; // "cache", "manifest"...
  int version = 1;
  // The header an earlier ogfeed wrote without a checksum ("ogfeed-manifest
  // 1\n"), still read after an upgrade; empty: none.
  std::string_view legacy_header = {};
};

// `body` as a whole file of `format`.
std::string seal_state(const StateFormat& format, std::string_view body);

// The body of `file` when it is a whole file of `format` (or of its legacy
// header); nullopt otherwise.
std::optional<std::string_view> open_state(std::string_view file,
                                           const StateFormat& format);

// Writes a file of `format` to `out` as it is made: the header at once,
// then what the ByteWriter on sink() hands over, then the checksum line on
// finish(). The file is never whole in memory.
class StateStream
{
public:
  StateStream(const StateFormat& format, const ByteWriter::Sink& out);
  ~StateStream();
  StateStream(const StateStream&) = delete;
  StateStream& operator=(const StateStream&) = delete;

  const ByteWriter::Sink&
  sink() const
  {
    return m_sink;
  }
  // Writes the checksum line; false when any piece was refused.
  bool finish();

private:
  bool put(std::string_view piece);

  const ByteWriter::Sink& m_out;
  ByteWriter::Sink m_sink;
  void* m_hash; // XXH3_state_t
  bool m_ok = true;
};

} // namespace ogfeed::util
