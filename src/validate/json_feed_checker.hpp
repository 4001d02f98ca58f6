#pragma once

#include "validate/finding.hpp"

#include <string_view>
#include <vector>

namespace ogfeed::validate {

// Checks a JSON Feed 1.0 or 1.1 document (https://jsonfeed.org): it parses
// as JSON, `version` names a JSON Feed version, `title` and `items` are
// there with the right types, every item has an `id` (unique) and
// `content_html` or `content_text`, every URL member is absolute, every date
// is RFC 3339, `tags` is a list of strings and `authors` a list of objects.
// Findings go to `findings`, each at its line and column.
void check_json_feed(std::string_view bytes, std::vector<Finding>& findings);

} // namespace ogfeed::validate
