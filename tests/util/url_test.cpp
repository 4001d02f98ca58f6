#include "util/url.hpp"

#include <catch2/catch.hpp>

using ogfeed::util::is_http_url;
using ogfeed::util::percent_encode;
using ogfeed::util::resolve_url;

TEST_CASE("url: references resolve against a post's permalink", "[util]")
{
  const std::string base = "https://example.com/blog/posts/hello/";
  CHECK(resolve_url("img/a.png", base)
        == "https://example.com/blog/posts/hello/img/a.png");
  CHECK(resolve_url("../other/", base)
        == "https://example.com/blog/posts/other/");
  CHECK(resolve_url("/a", base) == "https://example.com/a");
  CHECK(resolve_url("#fn-1", base)
        == "https://example.com/blog/posts/hello/#fn-1");
  CHECK(resolve_url("?page=2", base)
        == "https://example.com/blog/posts/hello/?page=2");
  CHECK(resolve_url("", base) == base);
  CHECK(resolve_url("  img/b.png\n", base)
        == "https://example.com/blog/posts/hello/img/b.png");
}

TEST_CASE("url: protocol-relative references become https", "[util]")
{
  CHECK(resolve_url("//images.example.net/a.jpg", "http://example.com/x/")
        == "https://images.example.net/a.jpg");
  CHECK(resolve_url("//h/a/../b.png", "https://example.com/")
        == "https://h/b.png");
}

TEST_CASE("url: absolute references are kept as written", "[util]")
{
  const std::string base = "https://example.com/";
  CHECK(resolve_url("https://other.org/a?b#c", base)
        == "https://other.org/a?b#c");
  CHECK(resolve_url("mailto:a@example.com", base) == "mailto:a@example.com");
  CHECK(resolve_url("data:image/png;base64,AAAA", base)
        == "data:image/png;base64,AAAA");
}

TEST_CASE("url: RFC 3986 section 5.4 examples", "[util]")
{
  const std::string base = "http://a/b/c/d;p?q";
  CHECK(resolve_url("g", base) == "http://a/b/c/g");
  CHECK(resolve_url("./g", base) == "http://a/b/c/g");
  CHECK(resolve_url("g/", base) == "http://a/b/c/g/");
  CHECK(resolve_url("?y", base) == "http://a/b/c/d;p?y");
  CHECK(resolve_url("g?y#s", base) == "http://a/b/c/g?y#s");
  CHECK(resolve_url("", base) == "http://a/b/c/d;p?q");
  CHECK(resolve_url(".", base) == "http://a/b/c/");
  CHECK(resolve_url("..", base) == "http://a/b/");
  CHECK(resolve_url("../..", base) == "http://a/");
  CHECK(resolve_url("../../../g", base) == "http://a/g");
  CHECK(resolve_url("g;x=1/../y", base) == "http://a/b/c/y");
}

TEST_CASE("url: percent-encoding keeps only unreserved characters", "[util]")
{
  CHECK(percent_encode("Docker") == "Docker");
  CHECK(
    percent_encode("勉強会 レポート")
    == "%E5%8B%89%E5%BC%B7%E4%BC%9A%20%E3%83%AC%E3%83%9D%E3%83%BC%E3%83%88");
  CHECK(percent_encode("a/b?c#d") == "a%2Fb%3Fc%23d");
  CHECK(percent_encode("C++") == "C%2B%2B");
}

TEST_CASE("url: only absolute http(s) URLs with a host are site URLs", "[util]")
{
  CHECK(is_http_url("https://example.com/"));
  CHECK(is_http_url("HTTP://example.com"));
  CHECK_FALSE(is_http_url("//example.com/"));
  CHECK_FALSE(is_http_url("example.com"));
  CHECK_FALSE(is_http_url("ftp://example.com/"));
  CHECK_FALSE(is_http_url("https:///path"));
}
