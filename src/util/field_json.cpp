#include "util/field_json.hpp"

namespace ogfeed::util {

void
to_json(JsonWriter& w, const std::string& v)
{
  w.string(v);
}

void
to_json(JsonWriter& w, bool v)
{
  w.boolean(v);
}

void
to_json(JsonWriter& w, const TimeZone& v)
{
  w.string(v.name());
}

void
to_json(JsonWriter& w, UtcSeconds v)
{
  w.string(format_rfc3339(v, 0));
}

} // namespace ogfeed::util
