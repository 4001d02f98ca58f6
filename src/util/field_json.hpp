#pragma once

#include "util/fields.hpp"
#include "util/json.hpp"
#include "util/time_zone.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

// Writes a Described struct (fields.hpp) as a JSON object keyed by the
// names its for_each_field() gives: the settings in the build report.
// Enumerations are their numbers, times RFC 3339 in UTC, a time zone its
// name, an absent optional null.
namespace ogfeed::util {

void to_json(JsonWriter& w, const std::string& v);
void to_json(JsonWriter& w, bool v);
void to_json(JsonWriter& w, const TimeZone& v);
void to_json(JsonWriter& w, UtcSeconds v);
template<typename T>
requires std::is_integral_v<T> || std::is_enum_v<T>
void to_json(JsonWriter& w, T v);
template<typename T> void to_json(JsonWriter& w, const std::vector<T>& v);
template<typename V>
void to_json(JsonWriter& w, const std::map<std::string, V>& v);
template<typename T> void to_json(JsonWriter& w, const std::optional<T>& v);
template<Described T> void to_json(JsonWriter& w, const T& v);

template<typename T>
requires std::is_integral_v<T> || std::is_enum_v<T>
void
to_json(JsonWriter& w, T v)
{
  w.integer(static_cast<long long>(v));
}

template<typename T>
void
to_json(JsonWriter& w, const std::vector<T>& v)
{
  w.begin_array();
  for (const T& item : v) {
    to_json(w, item);
  }
  w.end_array();
}

template<typename V>
void
to_json(JsonWriter& w, const std::map<std::string, V>& v)
{
  w.begin_object();
  for (const auto& [key, value] : v) {
    w.key(key);
    to_json(w, value);
  }
  w.end_object();
}

template<typename T>
void
to_json(JsonWriter& w, const std::optional<T>& v)
{
  if (v) {
    to_json(w, *v);
  } else {
    w.raw("null");
  }
}

template<Described T>
void
to_json(JsonWriter& w, const T& v)
{
  w.begin_object();
  for_each_field(v, [&](const char* name, const auto& member) {
    w.key(name);
    to_json(w, member);
  });
  w.end_object();
}

} // namespace ogfeed::util
