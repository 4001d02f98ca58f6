// Issue 25: SiteConfig and Post are each described once (for_each_field);
// the parse cache, the config fingerprint and the build report all walk
// that description. These tests fail when a member is added to a struct but
// not to its list, or when a listed member does not reach the cache, the
// fingerprint or the report.
#include "content/config/site_config.hpp"
#include "content/load/parse_cache.hpp"
#include "content/post.hpp"
#include "util/field_codec.hpp"
#include "util/field_json.hpp"
#include "util/json_tree.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace ogfeed;

namespace {

template<typename T> void perturb(T& v);

void
perturb(std::string& v)
{
  v += "x";
}
void
perturb(bool& v)
{
  v = !v;
}
void
perturb(util::TimeZone& v)
{
  v = *util::TimeZone::locate(
    v.name() == "America/New_York" ? "Europe/Paris" : "America/New_York");
}
void
perturb(util::UtcSeconds& v)
{
  v += std::chrono::seconds(12345);
}
template<typename T>
void
perturb(std::vector<T>& v)
{
  perturb(v.emplace_back());
}
template<typename V>
void
perturb(std::map<std::string, V>& v)
{
  perturb(v["key-" + std::to_string(v.size())]);
}
template<typename T>
void
perturb(std::optional<T>& v)
{
  perturb(v ? *v : v.emplace());
}

template<typename T>
void
perturb(T& v)
{
  if constexpr (std::is_enum_v<T>) {
    v = static_cast<T>(static_cast<std::underlying_type_t<T>>(v) + 1);
  } else if constexpr (std::is_integral_v<T>) {
    v += 7;
  } else {
    for_each_field(v, [](const char*, auto& member) { perturb(member); });
  }
}

// `t` with only its `index`th listed member changed; its name in `name`.
template<typename T>
T
with_member_changed(T t, std::size_t index, std::string& name)
{
  std::size_t i = 0;
  for_each_field(t, [&](const char* n, auto& member) {
    if (i++ == index) {
      name = n;
      perturb(member);
    }
  });
  return t;
}

template<typename T>
std::string
bytes_of(const T& t)
{
  util::ByteWriter w;
  util::encode(w, t);
  return w.take();
}

template<typename T>
std::string
json_of(const T& t)
{
  util::JsonWriter w;
  util::to_json(w, t);
  return std::move(w).take();
}

template<typename T>
void
check_listed_whole()
{
  CHECK(util::field_count<T>() == util::listed_field_count<T>());
  T t{};
  std::set<std::string> names;
  for_each_field(t, [&](const char* name, auto&) {
    INFO(name);
    CHECK(names.insert(name).second);
  });
}

} // namespace

TEST_CASE("issue 25: each described struct lists every member, once",
          "[content][fields]")
{
  check_listed_whole<content::Person>();
  check_listed_whole<content::BodySpan>();
  check_listed_whole<content::Post>();
  check_listed_whole<content::UrlRules>();
  check_listed_whole<content::MarkupDialects>();
  check_listed_whole<content::FeedSettings>();
  check_listed_whole<content::CardSettings>();
  check_listed_whole<content::ContentLanguage>();
  check_listed_whole<content::SiteConfig>();
}

TEST_CASE("issue 25: every setting is in the rebuild key and the report",
          "[content][fields]")
{
  const content::SiteConfig base = content::default_site_config();
  const std::string base_key = content::config_fingerprint(base);
  const std::string base_json = json_of(base);
  REQUIRE(util::parse_json(base_json)); // the report's JSON is JSON
  for (std::size_t i = 0; i < util::listed_field_count<content::SiteConfig>();
       ++i) {
    std::string name;
    const content::SiteConfig changed = with_member_changed(base, i, name);
    INFO("SiteConfig::" << name);
    CHECK(content::config_fingerprint(changed) != base_key);
    const std::string json = json_of(changed);
    CHECK(json != base_json);
    CHECK(util::parse_json(json));
  }
}

TEST_CASE("issue 25: every member of a post survives the parse cache",
          "[content][fields]")
{
  content::Post base;
  base.title = "t";
  for (std::size_t i = 0; i < util::listed_field_count<content::Post>(); ++i) {
    std::string name;
    const content::Post changed = with_member_changed(base, i, name);
    INFO("Post::" << name);
    const std::string bytes = bytes_of(changed);
    CHECK(bytes != bytes_of(base));
    util::ByteWriter w;
    content::write_post(w, changed);
    CHECK(w.bytes() == bytes);
    util::ByteReader r(w.bytes());
    const content::Post back = content::read_post(r);
    CHECK_FALSE(r.failed());
    CHECK(r.at_end());
    CHECK(bytes_of(back) == bytes);
  }
}
