#pragma once

#include "util/time_zone.hpp"
#include "validate/finding.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ogfeed::validate {

// Validates one feed document as it streams in: feed() it chunks of any
// size, then finish(). Memory stays bounded by the deepest element's text,
// however large the feed. Recognizes Atom 1.0 and RSS 2.0 (0.91/0.92 as
// RSS); RSS 1.0 (RDF) and other XML are reported as unsupported.
class Validator
{
public:
  // `now`, when given, makes dates more than a day after it warnings.
  explicit Validator(std::string name,
                     std::optional<util::UtcSeconds> now = std::nullopt);
  ~Validator();
  Validator(const Validator&) = delete;
  Validator& operator=(const Validator&) = delete;

  // Reads the next chunk. Returns false once the document is broken past
  // repair (not well-formed, gzip-compressed, over a limit): later chunks
  // would change nothing, so the caller can stop reading.
  bool feed(std::string_view chunk);
  // The findings, in document order; past k_max_findings a last warning
  // says how many more there were.
  Report finish();

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Validates a whole document held in memory.
Report validate_bytes(std::string name,
                      std::string_view bytes,
                      std::optional<util::UtcSeconds> now = std::nullopt);

} // namespace ogfeed::validate
