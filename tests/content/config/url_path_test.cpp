#include "content/config/url_path.hpp"

#include <catch2/catch.hpp>

using namespace ogfeed;

TEST_CASE("issue 21: URL paths cleaned as Hugo cleans them", "[content]")
{
  // Hugo 0.111.3's outputs for these names (tests/content/config/
  // permalink_test.cpp has them as whole URLs).
  CHECK(content::sanitize_url_path("Go: 入門 (1)") == "Go-入門-1");
  CHECK(content::sanitize_url_path("a - b") == "a-b");
  CHECK(content::sanitize_url_path("  lead and trail  ") == "lead-and-trail");
  CHECK(content::sanitize_url_path("posts/  sp  /") == "posts/-sp-/");
  CHECK(content::sanitize_url_path("a%2Bb%zz") == "a%2Bbzz");
  CHECK(content::sanitize_url_path("é\u0301x") == "é\u0301x"); // a mark kept
  CHECK(content::urlize_token("C++入門") == "C-入門");
  CHECK(content::urlize_token("a%2Bb") == "a+b");
  CHECK(content::urlize_token("a%2Fb") == "a/b");
  CHECK(content::urlize_token("100%") == "100");
  CHECK(content::urlize_token("50% off+more") == "50-off-more");
  CHECK(content::urlize_token(" a+b ") == "a-b");
  CHECK(content::lower_url_path("ÜnÏ/A%2B") == "ünï/a%2b");
  CHECK(content::url_path_encode("a b/#?%41%4") == "a%20b/%23%3F%41%254");
  // Hexo's category slugs (hexo 7.3.0: tests/data/conformance/hexo-category).
  CHECK(content::slugize_term("Tech Notes") == "Tech-Notes");
  CHECK(content::slugize_term("C++ / Go") == "C-Go");
  CHECK(content::slugize_term(" 日本語\u3000カテゴリ ") == "日本語-カテゴリ");
  CHECK(content::slugize_term("--a__b--") == "a-b");
  // Jekyll's slugify, "pretty" mode, case kept (each one as jekyll 4.3.1's
  // Jekyll::Utils.slugify gives it).
  CHECK(content::slugify_pretty("Go 入門「1」") == "Go-入門-1");
  CHECK(content::slugify_pretty("kept (a),b's+c![d]") == "kept-(a),b's+c!-d");
  CHECK(content::slugify_pretty("-a--b-") == "a-b");
  CHECK(content::slugify_pretty("  x ") == "x");
  CHECK(content::slugify_pretty("カタカナー・テスト") == "カタカナー-テスト");
  CHECK(content::slugify_pretty("a*b:c?d#e%f") == "a-b-c-d-e-f");
  CHECK(content::slugify_pretty("über Straße") == "über-Straße");
  CHECK(content::slugify_pretty("emoji 🎉 here") == "emoji-here");
  // github-slugger's slug() (Astro's entry slugs), as github-slugger 2.0.0
  // gives each one.
  CHECK(content::github_slug("【CEP 扩展开发一】简介") == "cep-扩展开发一简介");
  CHECK(content::github_slug("Mac 装机记录") == "mac-装机记录");
  CHECK(content::github_slug("a  b") == "a--b");
  CHECK(content::github_slug("a\u2010b") == "ab");
  CHECK(content::github_slug("a_b-c") == "a_b-c");
  CHECK(content::github_slug("Ünï ß") == "ünï-ß");
  CHECK(content::github_slug("café²") == "café");
  CHECK(content::github_slug("日本語（テスト）・です！") == "日本語テストです");
  CHECK(content::github_slug("emoji 🎉 ok") == "emoji--ok");
  CHECK(content::github_slug("ａｂｃ１２３") == "ａｂｃ１２３");
  CHECK(content::github_slug("ー〜") == "ー");
}
