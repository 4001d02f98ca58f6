#include "util/github.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

namespace {

std::size_t
count(const std::string& text, const std::string& what)
{
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_CASE("github: an annotation escapes its data and properties", "[util]")
{
  util::Diagnostic d = util::make_error("50%\nnext", 3, 7);
  d.path = "posts/a,b.md";
  d.rule = "feed:x";
  CHECK(
    util::github_annotation(d)
    == "::error file=posts/a%2Cb.md,line=3,col=7,title=feed%3Ax::50%25%0Anext");
}

TEST_CASE("issue 22: many warnings are grouped after the first 10 of each "
          "kind, with one summary line",
          "[util]")
{
  CHECK(util::github_annotations({}).empty());
  util::Diagnostics ds;
  for (int i = 1; i <= 25; ++i) {
    util::Diagnostic w = util::make_warning("w" + std::to_string(i), i, 1);
    w.path = "posts/p.md";
    ds.push_back(w);
  }
  for (int i = 1; i <= 11; ++i) {
    util::Diagnostic e = util::make_error("e" + std::to_string(i), i, 2);
    e.path = "posts/q.md";
    ds.push_back(e);
  }
  const std::string out = util::github_annotations(ds);
  CHECK(count(out, "::warning ") == 10);
  CHECK(count(out, "::error ") == 10);
  CHECK(out.find("::warning file=posts/p.md,line=10,col=1::w10\n")
        != std::string::npos);
  CHECK(out.find("::group::ogfeed: 1 more error and 15 more warnings\n")
        != std::string::npos);
  CHECK(out.find("posts/p.md:25:1: warning: w25\n") != std::string::npos);
  CHECK(out.find("posts/q.md:11:2: error: e11\n") != std::string::npos);
  CHECK(count(out, "::endgroup::") == 1);
  CHECK(count(out, "::notice ") == 1);

  ds.resize(10); // ten warnings: all annotations, nothing grouped
  CHECK(util::github_annotations(ds).find("::group::") == std::string::npos);
}
