#include "content/front_matter/front_matter.hpp"
#include "test_support.hpp"
#include "util/simple_yaml.hpp"

#include <cstdlib>

using namespace ogfeed;
using util::YamlValue;

namespace {

// Equal as the post parser sees them: kinds, text, plainness and positions
// (a null value's position is ours, not yaml-cpp's, so it is not compared).
bool
same(const util::YamlValue& a, const util::YamlValue& b, std::string& why)
{
  if (a.kind != b.kind) {
    why = "kind differs at " + std::to_string(a.line) + ":"
          + std::to_string(a.column);
    return false;
  }
  if (a.kind == util::YamlValue::Kind::null) {
    return true;
  }
  if (a.line != b.line || a.column != b.column) {
    why = "position " + std::to_string(a.line) + ":" + std::to_string(a.column)
          + " vs " + std::to_string(b.line) + ":" + std::to_string(b.column)
          + " for '" + a.scalar + "'";
    return false;
  }
  if (a.scalar != b.scalar
      || (a.kind == util::YamlValue::Kind::scalar && a.plain != b.plain)) {
    why = "scalar '" + a.scalar + "' vs '" + b.scalar + "'";
    return false;
  }
  if (a.items.size() != b.items.size()
      || a.entries.size() != b.entries.size()) {
    why = "sizes differ at " + std::to_string(a.line);
    return false;
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!same(a.items[i], b.items[i], why)) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    if (!same(a.entries[i].key, b.entries[i].key, why)
        || !same(a.entries[i].value, b.entries[i].value, why)) {
      return false;
    }
  }
  return true;
}

// Returns whether the fast path took `yaml`; fails the test when what it
// returned is not what yaml-cpp returns.
bool
check_against_yaml_cpp(std::string_view yaml, const std::string& where)
{
  const auto fast = util::parse_simple_yaml(yaml, 2);
  if (!fast) {
    return false;
  }
  const auto slow = util::parse_yaml_cpp(yaml, 2);
  INFO(where << "\n" << yaml);
  REQUIRE(slow);
  std::string why;
  const bool agree = same(*fast, *slow, why);
  INFO(why);
  CHECK(agree);
  return true;
}

// Checks the front matter of every Markdown file under `dir`; returns how
// many the fast path took.
std::size_t
check_tree(const std::filesystem::path& dir, std::size_t& total)
{
  std::size_t taken = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".md") {
      continue;
    }
    const std::string text = content::normalize_text(test::slurp(e.path()));
    const auto fm = content::split_front_matter(text);
    if (!fm) {
      continue;
    }
    ++total;
    taken += check_against_yaml_cpp(fm->data, e.path().string()) ? 1 : 0;
  }
  return taken;
}

} // namespace

TEST_CASE("simple yaml: takes the common shapes and agrees with yaml-cpp",
          "[content]")
{
  const std::vector<std::string> taken = {
    "date: 2019-05-27\ntitle: Docker Meetup Kansai リポート\ncategory: \ntags: "
    "\n - Docker\n - Review\n",
    "title: \"VimConf 2025 Small の当日の様子を公開しました！\"\nlayout: "
    "post\n",
    "title: 'single'\nx: ~\ny: null\nz:\n",
    "tags:\n- a\n-\n- 'b'\n\nslug: s\n",
    "title: C++ [memo] {x} a,b\nurl: https://example.com/a#b\n",
    "title: タブ\t付き  \n",
    "timezone: UTC\r\ntags:\r\n- a\r\n\r\ntitle: 'q'\r\n", // CRLF
    // Comments, as YAML reads them: the rest of a plain value after " #",
    // whole lines.
    "description: Kansai #3 に\ntitle: a\t# tab\n",
    "# comment\ntitle: a\ntags:\n  # between\n  - x # y\n",
    "url: https://example.com/a#b # c\n",
    "title: a #b: c\n",
  };
  for (const auto& yaml : taken) {
    CHECK(check_against_yaml_cpp(yaml, "table"));
  }
}

TEST_CASE("simple yaml: leaves everything else to yaml-cpp", "[content]")
{
  const std::vector<std::string> declined = {
    "tags: [a, b]\n",
    "author:\n  name: N\n",
    "title: \"esc\\\"aped\"\n",
    "title: 'it''s'\n",
    "title: a: b\n",
    "title: multi\n  line\n",
    "a: &x 1\nb: *x\n",
    "title: a\ntitle: b\n",
    "title: # only a comment\n",
    "title: |\n  block\n",
    "title: -x\n",
    "",
    "key:value\n",
    "- a\n",
  };
  for (const auto& yaml : declined) {
    INFO(yaml);
    CHECK_FALSE(util::parse_simple_yaml(yaml, 2).has_value());
  }
}

TEST_CASE("simple yaml: agrees with yaml-cpp on every post we can find",
          "[content]")
{
  std::size_t total = 0;
  std::size_t taken = check_tree(test::k_source_dir / "examples", total);
  taken += check_tree(test::k_source_dir / "tests/data", total);
  const auto corpus = test::k_source_dir / "../shared/corpus/real-ja";
  if (std::filesystem::is_directory(corpus)) {
    taken += check_tree(corpus, total);
  }
  // A synthetic corpus from ../shared/bench/gen-corpus.py, when given.
  if (const char* extra = std::getenv("OGFEED_YAML_CORPUS"); extra && *extra) {
    taken += check_tree(extra, total);
  }
  WARN("the fast path took " << taken << " of " << total
                             << " front matter blocks");
  CHECK(taken > 0);
}

TEST_CASE("issue 25: a list value reads as its items trimmed without empty "
          "ones or repeats and a map in it is an error at the map",
          "[util]")
{
  const auto list_of = [](std::string_view yaml) {
    auto root = util::parse_yaml(yaml, 1);
    REQUIRE(root);
    const util::YamlValue* tags = root->find("tags");
    REQUIRE(tags != nullptr);
    return util::as_string_list(*tags, "tags");
  };
  using Items = std::vector<std::string>;
  CHECK(*list_of("tags:\n - Go\n -  Rust \n - Go\n -\n")
        == Items{"Go", "Rust"});
  CHECK(*list_of("tags: Go, Rust ,,Go, \n") == Items{"Go", "Rust"});
  CHECK(*list_of("tags: [Go, '', ' ', Rust, Go]\n") == Items{"Go", "Rust"});
  CHECK(list_of("tags:\n")->empty());
  CHECK(list_of("tags: ''\n")->empty());
  const auto map_item = list_of("tags:\n - Go\n - {a: b}\n");
  REQUIRE(!map_item);
  CHECK(map_item.error().message == "'tags' must be a string, got a map");
  CHECK(map_item.error().line == 3);
  CHECK(map_item.error().column == 4);
  const auto map = list_of("tags: {a: b}\n");
  REQUIRE(!map);
  CHECK(map.error().message == "'tags' must be a string, got a map");
}
