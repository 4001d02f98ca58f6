#pragma once

#include "util/error.hpp"
#include "util/time_zone.hpp"

#include <optional>
#include <string_view>

namespace ogfeed::content {

// Parses a front-matter date: "2019-05-27", "2019-05-27 10:00",
// "2019-05-27T10:00:00+09:00", "2019-05-27 10:00:00 +0900", fractional
// seconds (dropped), "Z", and English long dates ("April 30, 2017"). A date
// without an offset is wall-clock time in `zone`. Fails with a message that
// quotes the text and shows the expected forms, without naming the field
// ("must be a date like ..."): the caller names it. The error carries the
// 1-based column (within `text`) where parsing stopped.
// When `written_offset` is given, it is set to the offset the text names
// (seconds east of UTC), or cleared when it names none.
util::Expected<util::UtcSeconds>
parse_date(std::string_view text,
           const util::TimeZone& zone,
           std::optional<int>* written_offset = nullptr);

// Parses the date of a Jekyll-style file name "YYYY-M-D-slug": returns the
// date's midnight in `zone` and sets `rest` to the slug part, or fails
// when the name does not start with a valid date.
util::Expected<util::UtcSeconds> parse_file_name_date(
  std::string_view stem, const util::TimeZone& zone, std::string_view& rest);

} // namespace ogfeed::content
