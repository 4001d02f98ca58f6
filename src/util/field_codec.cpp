#include "util/field_codec.hpp"

#include <chrono>

namespace ogfeed::util {

void
encode(ByteWriter& w, const std::string& v)
{
  w.str(v);
}

void
encode(ByteWriter& w, bool v)
{
  w.u64(v ? 1 : 0);
}

void
encode(ByteWriter& w, const TimeZone& v)
{
  w.str(v.name());
}

void
encode(ByteWriter& w, UtcSeconds v)
{
  w.i64(v.time_since_epoch().count());
}

void
decode(ByteReader& r, std::string& v)
{
  v = r.str();
}

void
decode(ByteReader& r, bool& v)
{
  v = r.u64() != 0;
}

void
decode(ByteReader& r, TimeZone& v)
{
  const std::string name = r.str();
  auto zone = TimeZone::locate(name);
  v = zone ? std::move(*zone) : TimeZone();
}

void
decode(ByteReader& r, UtcSeconds& v)
{
  v = UtcSeconds(std::chrono::seconds(r.i64()));
}

} // namespace ogfeed::util
