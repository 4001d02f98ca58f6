#pragma once

#include "validate/finding.hpp"

#include <string_view>
#include <vector>

namespace ogfeed::validate {

// Checks a JSON Feed 1.0 or 1.1 document (https://www.jsonfeed.org): it
// parses as strict JSON (RapidJSON: no comments, trailing commas or second
// document), `version` names a JSON Feed version, and every member of the
// feed, its items, authors, attachments and hubs has the type JSON Feed 1.1
// gives it (ids are strings, `expired` a boolean, `size_in_bytes` a whole
// number); required members are there (`title`, `items`, an item's `id`
// (unique) and `content_html` or `content_text`, an attachment's `url` and
// `mime_type`, a hub's `type` and `url`); URLs are absolute and dates RFC
// 3339. A member JSON Feed does not define is a warning unless it is an
// extension ("_name"); 1.0's `author` in a 1.1 feed is one too. Findings go
// to `findings`, each at its line and column (in characters).
void check_json_feed(std::string_view bytes, std::vector<Finding>& findings);

} // namespace ogfeed::validate
