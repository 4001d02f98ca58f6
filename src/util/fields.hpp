#pragma once

#include <concepts>
#include <cstddef>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <utility>

// Fields declared once. A struct whose members a cache, a fingerprint or a
// report must all carry lists them in one for_each_field() beside it:
//
//   template<typename Self, typename F>
//     requires util::is_a<Self, Person>
//   void for_each_field(Self& p, F&& f)
//   {
//     f("name", p.name);
//     ...
//   }
//
// The byte codec (field_codec.hpp) and the JSON writer (field_json.hpp) walk
// that list, and field_count() lets a test check that it names every member:
// a member added to the struct but not to the list fails it.
namespace ogfeed::util {

// `Self` is T or const T: one list serves readers and writers.
template<typename Self, typename T>
concept is_a = std::same_as<std::remove_const_t<Self>, T>;

namespace detail {

struct IgnoreField
{
  template<typename V>
  void
  operator()(const char*, V&) const
  {
  }
};

// Converts to any member's type, to count an aggregate's members.
struct AnyMember
{
  template<typename T>
  operator T() const; // never called: only in unevaluated contexts
};

template<typename T, std::size_t... I>
constexpr bool
brace_initializable(std::index_sequence<I...>)
{
  return requires
  {
    T{(void(I), AnyMember{})...};
  };
}

} // namespace detail

// A type whose members for_each_field() lists (found by ADL).
template<typename T>
concept Described = requires(T& t)
{
  for_each_field(t, detail::IgnoreField{});
};

// How many members the aggregate T has.
template<typename T, std::size_t N = 0>
constexpr std::size_t
field_count()
{
  if constexpr (detail::brace_initializable<T>(
                  std::make_index_sequence<N + 1>{})) {
    return field_count<T, N + 1>();
  } else {
    return N;
  }
}

// How many members T's for_each_field() lists.
template<Described T>
std::size_t
listed_field_count()
{
  T t{};
  std::size_t n = 0;
  for_each_field(t, [&](const char*, auto&) { ++n; });
  return n;
}

// A text that changes when T's list does (names, order, types, and the
// lists of the described structs it holds): part of a cache's format key,
// so a cache written before a member was added is never read after.
template<Described T>
std::string
field_layout()
{
  T t{};
  std::string out;
  for_each_field(t, [&](const char* name, auto& member) {
    using M = std::remove_cvref_t<decltype(member)>;
    out += name;
    if constexpr (Described<M>) {
      out += "{" + field_layout<M>() + "}";
    } else {
      out += std::string(":") + typeid(M).name();
    }
    out += ';';
  });
  return out;
}

} // namespace ogfeed::util
