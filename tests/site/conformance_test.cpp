// Issue 21: ogfeed computes the URLs the generator itself publishes. Each
// fixture under tests/data/conformance/ is a small site; its expected.tsv
// was written by scripts/conformance.sh from what the real generator (Hugo,
// Jekyll) published for it: every page it lists, with its source and URL,
// and every file it wrote. ogfeed must publish exactly those posts at those
// URLs, and every link and image of its feeds must name a published file.
#include "content/load/site_loader.hpp"
#include "test_support.hpp"
#include "util/split.hpp"

#include <pugixml.hpp>

#include <cstdlib>
#include <regex>
#include <set>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

struct Published
{
  std::set<std::string> posts; // "source URL" lines
  std::set<std::string> files; // URLs
};

std::string
lines(const std::set<std::string>& set)
{
  std::string out;
  for (const auto& s : set) {
    out += s + "\n";
  }
  return out;
}

Published
read_expected(const fs::path& file)
{
  Published out;
  std::istringstream in(test::slurp(file));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with('#')) {
      continue;
    }
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t tab = line.find('\t');; tab = line.find('\t', start)) {
      f.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) {
        break;
      }
      start = tab + 1;
    }
    if (f[0] == "post" && f.size() == 3) {
      out.posts.insert(f[1] + " " + f[2]);
    } else if (f[0] == "file" && f.size() == 2) {
      out.files.insert(f[1]);
    } else {
      FAIL("bad line in " << file << ": " << line);
    }
  }
  return out;
}

// Every URL below `base` that an entry's link or content names, without
// its fragment or query.
std::set<std::string>
feed_urls(const std::string& atom, const std::string& base)
{
  pugi::xml_document doc;
  REQUIRE(doc.load_string(atom.c_str()));
  std::set<std::string> urls;
  const std::regex attr(R"((?:href|src)="([^"]+)\")");
  for (const auto& entry : doc.child("feed").children("entry")) {
    for (const auto& link : entry.children("link")) {
      urls.insert(link.attribute("href").value());
    }
    const std::string content = entry.child_value("content");
    for (std::sregex_iterator it(content.begin(), content.end(), attr), end;
         it != end;
         ++it) {
      urls.insert((*it)[1].str());
    }
  }
  std::set<std::string> below;
  for (std::string url : urls) {
    url = url.substr(0, url.find_first_of("#?"));
    if (url.starts_with(base)) {
      below.insert(url);
    }
  }
  return below;
}

// Every URL below `base` that head.json names (og:url, og:image), but for
// the files ogfeed itself wrote to `out` (its feeds).
std::set<std::string>
head_urls(const fs::path& out, const std::string& base)
{
  const std::string text = test::slurp(out / "head.json");
  const std::regex url(R"(https?://[^"\\ ]+)");
  std::set<std::string> urls;
  for (std::sregex_iterator it(text.begin(), text.end(), url), end; it != end;
       ++it) {
    const std::string u = it->str();
    if (u.starts_with(base)
        && !fs::exists(out / fs::u8path(u.substr(base.size())))) {
      urls.insert(u);
    }
  }
  return urls;
}

} // namespace

TEST_CASE("issue 21: every post at the URL its generator publishes",
          "[site][conformance]")
{
  std::set<fs::path> sites;
  for (const char* dir : {"tests/data/conformance", "tests/data/generators"}) {
    for (const auto& e : fs::directory_iterator(test::k_source_dir / dir)) {
      if (fs::exists(e.path() / "expected.tsv")) {
        sites.insert(e.path());
      }
    }
  }
  REQUIRE(sites.size() >= 7);
  // The goldens were made in UTC (scripts/conformance.sh), as CI builds:
  // Hexo names URLs by the date in the building machine's zone.
  ::setenv("TZ", "UTC", 1);
  for (const fs::path& fixture : sites) {
    const std::string name = fixture.filename().string();
    INFO("fixture " << name);
    const Published expected = read_expected(fixture / "expected.tsv");
    // A copy: a build writes its state into the site. Posts without a date
    // are dated from a git history of its own.
    const fs::path site = test::git_fixture(
      fixture, "conformance-site-" + name, "2024-06-01T09:00:00+09:00");
    const fs::path out = test::fresh_dir("conformance-" + name);
    const site::BuildReport report =
      site::build_site(test::build_options(site, out));
    for (const auto& d : report.diagnostics) {
      INFO(util::format_diagnostic(d));
      CHECK(d.severity != util::Severity::error);
    }
    std::set<std::string> posts;
    for (const auto& p : report.post_records) {
      if (p.skipped.empty()) {
        posts.insert(
          fs::path(p.source).lexically_relative(site).generic_string() + " "
          + p.permalink);
      }
    }
    CHECK(lines(posts) == lines(expected.posts));

    auto config = content::load_site_config(site);
    REQUIRE(config);
    for (const std::string& url :
         feed_urls(test::slurp(out / "atom.xml"), config->config.base_url)) {
      INFO("the feed names " << url);
      CHECK(expected.files.contains(url));
    }
    for (const std::string& url : head_urls(out, config->config.base_url)) {
      INFO("head.json names " << url);
      CHECK(expected.files.contains(url));
    }
  }
}
