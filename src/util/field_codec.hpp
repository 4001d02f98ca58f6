#pragma once

#include "util/byte_codec.hpp"
#include "util/fields.hpp"
#include "util/time_zone.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

// Writes and reads a Described struct (fields.hpp) as bytes, member by
// member in its for_each_field() order: the parse cache's posts, the config
// fingerprint. Integers are LEB128, strings their length and bytes, a list
// or map its size then its items, an optional a 0/1 then its value, a time
// zone its name.
namespace ogfeed::util {

// Declared first: templates below find each other and these by name.
void encode(ByteWriter& w, const std::string& v);
void encode(ByteWriter& w, bool v);
void encode(ByteWriter& w, const TimeZone& v);
void encode(ByteWriter& w, UtcSeconds v);
template<typename T>
requires std::is_integral_v<T> || std::is_enum_v<T>
void encode(ByteWriter& w, T v);
template<typename T> void encode(ByteWriter& w, const std::vector<T>& v);
template<typename K, typename V>
void encode(ByteWriter& w, const std::map<K, V>& v);
template<typename T> void encode(ByteWriter& w, const std::optional<T>& v);
template<Described T> void encode(ByteWriter& w, const T& v);

void decode(ByteReader& r, std::string& v);
void decode(ByteReader& r, bool& v);
void decode(ByteReader& r, TimeZone& v);
void decode(ByteReader& r, UtcSeconds& v);
template<typename T>
requires std::is_integral_v<T> || std::is_enum_v<T>
void decode(ByteReader& r, T& v);
template<typename T> void decode(ByteReader& r, std::vector<T>& v);
template<typename K, typename V> void decode(ByteReader& r, std::map<K, V>& v);
template<typename T> void decode(ByteReader& r, std::optional<T>& v);
template<Described T> void decode(ByteReader& r, T& v);

template<typename T>
requires std::is_integral_v<T> || std::is_enum_v<T>
void
encode(ByteWriter& w, T v)
{
  w.i64(static_cast<std::int64_t>(v)); // a u64 too: it reads back whole
}

template<typename T>
void
encode(ByteWriter& w, const std::vector<T>& v)
{
  w.u64(v.size());
  for (const T& item : v) {
    encode(w, item);
  }
}

template<typename K, typename V>
void
encode(ByteWriter& w, const std::map<K, V>& v)
{
  w.u64(v.size());
  for (const auto& [key, value] : v) {
    encode(w, key);
    encode(w, value);
  }
}

template<typename T>
void
encode(ByteWriter& w, const std::optional<T>& v)
{
  encode(w, v.has_value());
  if (v) {
    encode(w, *v);
  }
}

template<Described T>
void
encode(ByteWriter& w, const T& v)
{
  for_each_field(v,
                 [&](const char*, const auto& member) { encode(w, member); });
}

template<typename T>
requires std::is_integral_v<T> || std::is_enum_v<T>
void
decode(ByteReader& r, T& v)
{
  v = static_cast<T>(r.i64());
}

template<typename T>
void
decode(ByteReader& r, std::vector<T>& v)
{
  const std::uint64_t n = r.count(1);
  v.clear();
  v.resize(n);
  for (T& item : v) {
    decode(r, item);
  }
}

template<typename K, typename V>
void
decode(ByteReader& r, std::map<K, V>& v)
{
  const std::uint64_t n = r.count(2);
  v.clear();
  for (std::uint64_t i = 0; i < n; ++i) {
    K key{};
    decode(r, key);
    decode(r, v[std::move(key)]);
  }
}

template<typename T>
void
decode(ByteReader& r, std::optional<T>& v)
{
  bool has = false;
  decode(r, has);
  if (has) {
    decode(r, v.emplace());
  } else {
    v.reset();
  }
}

template<Described T>
void
decode(ByteReader& r, T& v)
{
  for_each_field(v, [&](const char*, auto& member) { decode(r, member); });
}

} // namespace ogfeed::util
