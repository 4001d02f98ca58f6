#include "validate/rule_specs.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

using namespace ogfeed;

namespace {

// Every rule id written as a literal in the validator's sources.
std::set<std::string>
rules_in_sources()
{
  const std::regex id(
    "\"((xml|atom|rss|rss1|feed|itunes|podcast|georss|media|jsonfeed)"
    "-[a-z0-9-]*[a-z0-9])\"");
  std::set<std::string> out;
  const auto dir = std::filesystem::path(OGFEED_SOURCE_DIR) / "src/validate";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".cpp"
        || entry.path().filename() == "rule_specs.cpp") {
      continue;
    }
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), id), end; it != end;
         ++it) {
      out.insert((*it)[1]);
    }
  }
  out.erase("xml-rpc"); // a cloud protocol's name, not a rule
  return out;
}

} // namespace

TEST_CASE("issue 23: every rule the validator can report cites its spec",
          "[validate]")
{
  const std::set<std::string> rules = rules_in_sources();
  REQUIRE(rules.size() > 150);
  for (const std::string& r : rules) {
    INFO(r);
    CHECK(validate::rule_spec(r) != nullptr);
  }
  // RdfChecker::require builds these from the child's name.
  for (const char* child :
       {"title", "link", "description", "items", "url", "name"}) {
    INFO(child);
    CHECK(validate::rule_spec(std::string("rss1-missing-") + child) != nullptr);
  }
}

TEST_CASE("issue 23: the rule table is sorted, and each row names a spec and "
          "a link unless it is ogfeed's own limit",
          "[validate]")
{
  std::string_view last;
  for (const validate::RuleSpec& r : validate::rule_specs()) {
    INFO(r.rule);
    CHECK(last < r.rule);
    last = r.rule;
    CHECK(!r.spec.empty());
    CHECK((r.url.starts_with("https://") || r.spec.starts_with("ogfeed's")));
  }
  CHECK(validate::rule_spec("atom-missing-id")->spec.starts_with("RFC 4287"));
  CHECK(validate::rule_spec("no-such-rule") == nullptr);
}
