#include "content/front_matter/post_parser.hpp"
#include "test_support.hpp"

using namespace ogfeed;
using test::messages;

namespace {

content::ParsedPost
parse(std::string_view text, std::string name = "hello")
{
  static const util::TimeZone tokyo = *util::TimeZone::locate("Asia/Tokyo");
  return content::parse_post(text, {"posts/" + name + ".md", name}, tokyo);
}

} // namespace

TEST_CASE("post parser: the seed's front matter", "[content]")
{
  const auto p = parse(
    "---\n"
    "date: 2019-05-27\n"
    "title: Docker Meetup Kansai リポート\n"
    "description: 初めて Docker Meetup Kansai #3 にお邪魔させていただきます。\n"
    "slug: enter-the-docker-meetup-kansai-3\n"
    "category: \n"
    "tags: \n"
    " - Docker\n"
    " - Review\n"
    "---\n"
    "\n"
    "## 見出し\n");
  REQUIRE(p.post);
  CHECK(p.post->title == "Docker Meetup Kansai リポート");
  CHECK(test::rfc3339_tokyo(p.post->date) == "2019-05-27T00:00:00+09:00");
  CHECK(p.post->updated == p.post->date);
  CHECK(p.post->slug == "enter-the-docker-meetup-kansai-3");
  CHECK(p.post->categories.empty());
  CHECK(p.post->tags == std::vector<std::string>{"Docker", "Review"});
  CHECK(p.post->description == "初めて Docker Meetup Kansai");
  CHECK(p.post->body == "\n## 見出し\n");
  CHECK(p.post->body_span.line == 11);
  CHECK(
    messages(p)
    == std::vector<std::string>{
      "posts/hello.md:4:39: warning: 'description' is cut short at ' #': YAML "
      "reads the rest of the line as a comment; quote the value to keep it"});
}

TEST_CASE("post parser: Hakyll front matter closed by '...', CRLF and a BOM",
          "[content]")
{
  const auto p = parse("\xEF\xBB\xBF---\r\n"
                       "title: 日本Haskellユーザーグループ発足\r\n"
                       "author: Haskell-jp\r\n"
                       "tags: GHC, stack\r\n"
                       "date: April 30, 2017\r\n"
                       "headingDivClass: post-heading\r\n"
                       "...\r\n"
                       "---\r\n"
                       "body\r\n",
                       "01-first");
  REQUIRE(p.post);
  CHECK(p.diagnostics.empty());
  CHECK(p.post->tags == std::vector<std::string>{"GHC", "stack"});
  CHECK(p.post->author.name == "Haskell-jp");
  CHECK(p.post->slug == "01-first");
  CHECK(p.post->params.at("headingDivClass") == "post-heading");
  CHECK(test::rfc3339_tokyo(p.post->date) == "2017-04-30T00:00:00+09:00");
  CHECK(p.post->body == "body\n");
}

TEST_CASE("post parser: Jekyll file names give the date and slug", "[content]")
{
  const auto p =
    parse("---\nlayout: post\ncategory: blog\ntitle: \"VimConf\"\n---\n",
          "2019-1-7-vim_2019_calendar_available");
  REQUIRE(p.post);
  CHECK(p.post->slug == "vim_2019_calendar_available");
  CHECK(test::rfc3339_tokyo(p.post->date) == "2019-01-07T00:00:00+09:00");
  CHECK(p.post->categories == std::vector<std::string>{"blog"});
}

TEST_CASE("post parser: every field and its alternatives", "[content]")
{
  const auto p = parse("---\n"
                       "title: t\n"
                       "date: 2024-07-02 19:30\n"
                       "updated: 2024-07-04T09:15:00+09:00\n"
                       "summary: s\n"
                       "categories: [a, b]\n"
                       "category: a\n"
                       "tags: x, y, x\n"
                       "draft: true\n"
                       "author: {name: N, email: n@example.com}\n"
                       "image: cover.png\n"
                       "custom: [1, 2]\n"
                       "---\n");
  REQUIRE(p.post);
  CHECK(test::rfc3339_tokyo(p.post->updated) == "2024-07-04T09:15:00+09:00");
  CHECK(p.post->description == "s");
  CHECK(p.post->categories == std::vector<std::string>{"a", "b"});
  CHECK(p.post->tags == std::vector<std::string>{"x", "y"});
  CHECK(p.post->draft);
  CHECK(p.post->author.email == "n@example.com");
  CHECK(p.post->image == "cover.png");
  CHECK(p.post->params.at("custom") == "1, 2");
}

TEST_CASE("post parser: every bad field is reported at its position",
          "[content]")
{
  const auto p = parse("---\n"
                       "title: [a, b]\n"
                       "date: May 1\n"
                       "draft: maybe\n"
                       "---\n");
  CHECK_FALSE(p.post);
  CHECK(messages(p)
        == std::vector<std::string>{
          "posts/hello.md:2:8: error: 'title' must be a string, got a list",
          "posts/hello.md:3:7: error: 'date' must be a date like 2019-05-27, "
          "2019-05-27 10:00 or 2019-05-27T10:00:00+09:00, got \"May 1\"",
          "posts/hello.md:4:8: error: 'draft' must be true or false, got "
          "\"maybe\""});
}

TEST_CASE("issue 20: a post's links are http(s) or paths, never script URLs",
          "[content]")
{
  const auto p = parse("---\n"
                       "title: t\n"
                       "date: 2024-01-01\n"
                       "url: \"javascript:alert(document.cookie)\"\n"
                       "image: \"data:text/html,<script>x</script>\"\n"
                       "author: {name: a, url: \" vbscript:msgbox\"}\n"
                       "---\n");
  CHECK(messages(p)
        == std::vector<std::string>{
          "posts/hello.md:6:24: error: 'author.url' must be an http(s) URL or "
          "a path, got \" vbscript:msgbox\"",
          "posts/hello.md:5:8: error: 'image' must be an http(s) URL or a "
          "path, got \"data:text/html,<script>x</script>\"",
          "posts/hello.md:4:6: error: 'url' must be an http(s) URL or a path, "
          "got \"javascript:alert(document.cookie)\""});
  const auto fine = parse("---\ntitle: t\ndate: 2024-01-01\nurl: /a/b/\n"
                          "image: //cdn.example/i.png?w=1\n---\n");
  CHECK(messages(fine).empty());
}

TEST_CASE("issue 20: a post's tags stop at 100, with a warning, and TOML "
          "nested past 64 levels is an error, never a crash",
          "[content]")
{
  std::string tags;
  for (int i = 0; i < 4000; ++i) {
    tags += (i == 0 ? "" : ",") + std::string("t") + std::to_string(i);
  }
  const auto many =
    parse("---\ntitle: t\ndate: 2024-01-01\ntags: " + tags + "\n---\n");
  REQUIRE(many.post);
  CHECK(many.post->tags.size() == content::k_max_terms);
  CHECK(messages(many)
        == std::vector<std::string>{
          "posts/hello.md:4:7: warning: 'tags' has 4000 entries; only the "
          "first 100 are used (each has a feed that carries every term of "
          "its posts)"});
  std::string key = "a";
  for (int i = 0; i < 50000; ++i) {
    key += ".a";
  }
  const auto deep =
    parse("+++\ntitle = \"t\"\ndate = 2024-01-01\n" + key + " = 1\n+++\n");
  CHECK(messages(deep)
        == std::vector<std::string>{
          "posts/hello.md:4:130: error: front matter is nested too deeply "
          "(more than 64 levels)"});
}

TEST_CASE("post parser: missing title and date", "[content]")
{
  const auto p = parse("---\ndescription: d\n---\n");
  CHECK(messages(p)
        == std::vector<std::string>{
          "posts/hello.md:1:1: error: missing 'title' in the front matter",
          "posts/hello.md:1:1: error: missing 'date' in the front matter (or a "
          "YYYY-MM-DD- file name, or a git history that has the file)"});
}

TEST_CASE("issue 9: control characters are dropped with a warning, invalid "
          "UTF-8 stays an error",
          "[content]")
{
  const auto bell =
    parse("---\ntitle: a\ndate: 2019-05-27\n---\nbody \x07 bell\x08\n");
  CHECK(messages(bell)
        == std::vector<std::string>{
          "posts/hello.md:5:6: warning: control character U+0007 dropped: XML "
          "forbids it (1 more in this file)"});
  REQUIRE(bell.post);
  CHECK(bell.post->body == "body  bell\n");
  const auto title = parse("---\ntitle: \"a\\x01\"\ndate: 2019-05-27\n---\n");
  CHECK(
    messages(title)
    == std::vector<std::string>{"posts/hello.md:2:8: warning: 'title' has a "
                                "control character U+0001; it is dropped"});
  REQUIRE(title.post);
  CHECK(title.post->title == "a");
  CHECK(messages(parse("---\ntitle: 日本\xFF\n---\n"))
        == std::vector<std::string>{"posts/hello.md:2:10: error: invalid UTF-8 "
                                    "(byte 0xFF); save the file as UTF-8"});
}

TEST_CASE("post parser: YAML syntax errors carry the file position",
          "[content]")
{
  const auto p = parse("---\ntitle: a\ndate: 2019-05-27\ntags: [a, b\n---\n");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].line == 5);
  CHECK(p.diagnostics[0].message.starts_with("invalid YAML: "));
}

TEST_CASE("post parser: hostile YAML is refused, not expanded", "[content]")
{
  std::string bomb =
    "---\ntitle: a\ndate: 2019-05-27\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) {
      bomb += std::string(i ? ", *" : "*") + prev;
    }
    bomb += "]\n";
    prev = c;
  }
  bomb += "---\n";
  const auto p = parse(bomb);
  CHECK_FALSE(p.post);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].message
        == "front matter has too many values (more than 100000)");

  const auto deep = parse("---\ntitle: " + std::string(5000, '[') + "\n---\n");
  CHECK_FALSE(deep.post);
}

TEST_CASE("issue 8: deep YAML says it is too deep, not 'bad file'", "[content]")
{
  for (const int depth : {100, 5000}) {
    INFO(depth);
    const std::string yaml =
      "x: " + std::string(depth, '[') + std::string(depth, ']') + "\n";
    const auto p =
      parse("---\ntitle: t\ndate: 2024-01-01\n" + yaml + "---\n", "deep");
    REQUIRE(messages(p).size() == 1);
    CHECK(messages(p)[0].starts_with("posts/deep.md:4:"));
    CHECK(messages(p)[0].ends_with(
      ": error: front matter is nested too deeply (more than 64 levels)"));
  }
}

TEST_CASE("issue 9: each generator's keys mean the same fields", "[content]")
{
  SECTION("Astro: pubDate, updatedDate, heroImage")
  {
    const auto p = parse("---\ntitle: 'A'\ndescription: d\npubDate: 'Jul 08 "
                         "2022'\nupdatedDate: 2022-07-10\nheroImage: "
                         "/blog-placeholder-3.jpg\n---\nx\n");
    REQUIRE(p.post);
    CHECK(test::rfc3339_tokyo(p.post->date) == "2022-07-08T00:00:00+09:00");
    CHECK(test::rfc3339_tokyo(p.post->updated) == "2022-07-10T00:00:00+09:00");
    CHECK(p.post->image == "/blog-placeholder-3.jpg");
  }
  SECTION("Zenn: topics, published: false is a draft, published_at")
  {
    const auto p =
      parse("---\ntitle: \"Z\"\nemoji: \"🐙\"\ntype: \"tech\"\ntopics: "
            "[\"rust\", \"wasm\"]\npublished: false\npublished_at: 2024-05-01 "
            "09:00\n---\nx\n");
    REQUIRE(p.post);
    CHECK(p.post->tags == std::vector<std::string>{"rust", "wasm"});
    CHECK(p.post->draft);
    CHECK(test::rfc3339_tokyo(p.post->date) == "2024-05-01T09:00:00+09:00");
    CHECK(p.post->params.at("emoji") == "🐙");
  }
  SECTION("Qiita CLI: private and ignorePublish are drafts, updated_at")
  {
    for (const char* flag : {"private: true", "ignorePublish: true"}) {
      INFO(flag);
      const auto p = parse(std::string("---\ntitle: Q\ntags:\n  - C++\n") + flag
                           + "\ncreated_at: '2024-01-02T03:04:05+09:00'\n"
                             "updated_at: '2024-02-03T04:05:06+09:00'\n---\n");
      REQUIRE(p.post);
      CHECK(p.post->draft);
      CHECK(test::rfc3339_tokyo(p.post->updated)
            == "2024-02-03T04:05:06+09:00");
    }
  }
  SECTION("Hugo: keys in any case, lastmod over modified, cover.image, url")
  {
    const auto p = parse("---\nTitle: H\nDate: 2024-03-01\nTags: [go]\n"
                         "Categories: [dev]\nmodified: 2024-03-02\nlastmod: "
                         "2024-03-05\ncover:\n  image: img/c.png\n  alt: c\n"
                         "url: /custom/path/\nexpiryDate: 2030-01-01\n---\n");
    REQUIRE(p.post);
    CHECK(p.post->title == "H");
    CHECK(p.post->tags == std::vector<std::string>{"go"});
    CHECK(p.post->categories == std::vector<std::string>{"dev"});
    CHECK(test::rfc3339_tokyo(p.post->updated) == "2024-03-05T00:00:00+09:00");
    CHECK(p.post->image == "img/c.png");
    CHECK(p.post->permalink_override == "/custom/path/");
    REQUIRE(p.post->expiry_date);
  }
  SECTION("Hugo: publishDate is the date when there is no other")
  {
    const auto p = parse("---\ntitle: H\npublishDate: 2024-03-01\n---\n");
    REQUIRE(p.post);
    CHECK(test::rfc3339_tokyo(p.post->date) == "2024-03-01T00:00:00+09:00");
    REQUIRE(p.post->publish_date);
  }
  SECTION("Jekyll: excerpt, a published: true post is no draft")
  {
    const auto p =
      parse("---\ntitle: J\ndate: 2024-01-01\nexcerpt: e\npublished: true\n"
            "permalink: /2024/j.html\n---\n");
    REQUIRE(p.post);
    CHECK(p.post->description == "e");
    CHECK(!p.post->draft);
    CHECK(p.post->permalink_override == "/2024/j.html");
  }
  SECTION("Eleventy: a templated permalink is left to the site's pattern")
  {
    const auto p = parse(
      "---\ntitle: E\ndate: 2024-01-01\npermalink: \"/blog/{{ page.fileSlug "
      "}}/\"\n---\n");
    REQUIRE(p.post);
    CHECK(p.post->permalink_override.empty());
    CHECK(messages(p)
          == std::vector<std::string>{
            "posts/hello.md:4:12: warning: 'permalink' is a template ogfeed "
            "does not run; the site's permalink pattern is used"});
  }
}

TEST_CASE("issue 9: TOML and JSON front matter (Hugo, Eleventy)", "[content]")
{
  SECTION("Hugo TOML, with dates as TOML values")
  {
    const auto p = parse("+++\ntitle = \"TOML の記事\"\ndate = "
                         "2024-05-01T10:00:00+09:00\nlastmod = 2024-05-02\n"
                         "draft = false\nTags = [\"go\", \"hugo\"]\n[params]\n"
                         "  cover = \"c.png\"\n+++\n\n本文\n");
    INFO(messages(p).size());
    REQUIRE(p.post);
    CHECK(p.post->title == "TOML の記事");
    CHECK(test::rfc3339_tokyo(p.post->date) == "2024-05-01T10:00:00+09:00");
    CHECK(test::rfc3339_tokyo(p.post->updated) == "2024-05-02T00:00:00+09:00");
    CHECK(p.post->tags == std::vector<std::string>{"go", "hugo"});
    CHECK(p.post->body == "\n本文\n");
    CHECK(p.post->body_span.line == 10);
  }
  SECTION("a local TOML date-time is wall-clock time in the site's zone")
  {
    const auto p = parse("+++\ntitle = 't'\ndate = 2024-05-01T10:00:00\n+++\n");
    REQUIRE(p.post);
    CHECK(test::rfc3339_tokyo(p.post->date) == "2024-05-01T10:00:00+09:00");
  }
  SECTION("bad TOML says where")
  {
    CHECK(messages(parse("+++\ntitle = 't'\ndate = = 1\n+++\n"))
            .at(0)
            .starts_with("posts/hello.md:3:"));
  }
  SECTION("Hugo JSON")
  {
    const auto p =
      parse("{\n  \"title\": \"JSON {braces} \\\"quoted\\\"\",\n  \"date\": "
            "\"2024-05-01\",\n  \"tags\": [\"a\"]\n}\n\nbody\n");
    REQUIRE(p.post);
    CHECK(p.post->title == "JSON {braces} \"quoted\"");
    CHECK(p.post->body == "\nbody\n");
    CHECK(p.post->body_span.line == 6);
  }
  SECTION("Eleventy ---json")
  {
    const auto p =
      parse("---json\n{\"title\": \"E\", \"date\": \"2024-05-01\"}\n"
            "---\nbody\n");
    REQUIRE(p.post);
    CHECK(p.post->title == "E");
  }
  SECTION("Eleventy ---js: literal declarations are read, code is not run")
  {
    const auto p =
      parse("---js\n// a comment\nconst title = \"It's \\\"js\\\"\";\n"
            "export let date = '2023-01-23';\nvar tags = ['a', \"b\"]\n"
            "const draft = false;\n---\nbody\n");
    REQUIRE(p.post);
    CHECK(p.post->title == "It's \"js\"");
    CHECK(p.post->tags == std::vector<std::string>{"a", "b"});
    CHECK_FALSE(p.post->draft);
    const auto draft = parse("---js\nconst title = \"T\";\nconst date = "
                             "\"2023-01-23\";\nconst draft = true;\n---\n");
    REQUIRE(draft.post);
    CHECK(draft.post->draft);
  }
  SECTION("Eleventy ---js code is a clear error at its line, not a missing ---")
  {
    CHECK(messages(
            parse("---js\nconst title = 'x';\nconst date = new Date();\n---\n"))
          == std::vector<std::string>{
            "posts/hello.md:3:1: error: this line of JavaScript front matter "
            "(---js) is code ogfeed does not run; only `const name = value;` "
            "lines with literal values are read"});
    CHECK(messages(parse("---js\n{ title: 'x' }\n---\n")).size() == 1);
  }
}

TEST_CASE("issue 9: a title holding ': ' unquoted is read as text, with a "
          "warning",
          "[content]")
{
  const auto p =
    parse("---\ndate: 2024-01-01\ntitle: Bisection: all \"hypotheses\" "
          "must be split\ntags: [a]\n---\nbody\n");
  REQUIRE(p.post);
  CHECK(p.post->title == "Bisection: all \"hypotheses\" must be split");
  CHECK(messages(p)
        == std::vector<std::string>{
          "posts/hello.md:3:17: warning: ': ' inside an unquoted value; read "
          "as text (quote the value so every YAML reader agrees)"});
  // Anything else that YAML refuses stays an error.
  CHECK_FALSE(parse("---\ntitle: [a: b\n---\n").post);
}

TEST_CASE("issue 12: a post's language: lang or language, a bad tag warned "
          "and left out",
          "[content]")
{
  CHECK(
    parse("---\ntitle: t\ndate: 2024-07-02\nlang: en-US\n---\n").post->language
    == "en-US");
  CHECK(
    parse("---\ntitle: t\ndate: 2024-07-02\nlanguage: fr\n---\n").post->language
    == "fr");
  const auto bad =
    parse("---\ntitle: t\ndate: 2024-07-02\nlang: English!\n---\n");
  REQUIRE(bad.post);
  CHECK(bad.post->language.empty());
  CHECK(messages(bad)
        == std::vector<std::string>{
          "posts/hello.md:4:7: warning: 'lang' \"English!\" is not a language "
          "tag such as ja or en; the site's language is used"});
}

TEST_CASE("post parser: Hexo's several category paths (a list of lists) are "
          "every category of every path, not an error",
          "[content]")
{
  // kk98033/hexo-blog-backup writes them so; Hexo builds the site.
  const auto p = parse("---\ntitle: UVa 10035\ndate: 2023-03-17 08:18:21\n"
                       "categories:\n  - [解題心得, UVa]\n"
                       "  - [CPE歷屆, CPE 2023/03/21]\n  - 雜記\n---\nbody\n");
  INFO(messages(p).size());
  REQUIRE(p.post);
  CHECK(messages(p).empty());
  CHECK(p.post->categories
        == std::vector<std::string>{
          "解題心得", "UVa", "CPE歷屆", "CPE 2023/03/21", "雜記"});
}

TEST_CASE("issue 21: front matter indented with tabs is read as Hexo reads "
          "it, two spaces a tab, with a warning at the first",
          "[content]")
{
  const content::ParsedPost p = parse("---\ntitle: タブ\ndate: 2024-01-01\n"
                                      "tags:\n\t- hexo\n\t- タブ\n---\nbody\n");
  REQUIRE(p.post);
  CHECK(p.post->tags == std::vector<std::string>{"hexo", "タブ"});
  CHECK(messages(p)
        == std::vector<std::string>{
          "posts/hello.md:5:1: warning: a line is indented with a tab, which "
          "YAML forbids; read as two spaces each, as Hexo reads it (indent "
          "with spaces so every YAML reader agrees)"});
  // A tab that does not indent is no help: still an error.
  CHECK_FALSE(parse("---\ntitle:\tx: y: z\n---\n").post);
}

TEST_CASE("issue 25: list items are checked as values are: a comment cuts "
          "one short, an escaped control character is dropped",
          "[content]")
{
  // Read by ogfeed's own YAML reader: items as the file has them.
  const auto cut =
    parse("---\ntitle: a\ndate: 2019-05-27\ntags:\n - Go #1\n - Rust\n---\n");
  REQUIRE(cut.post);
  CHECK(cut.post->tags == std::vector<std::string>{"Go", "Rust"});
  CHECK(messages(cut)
        == std::vector<std::string>{
          "posts/hello.md:5:7: warning: 'tags' is cut short at ' #': YAML "
          "reads the rest of the line as a comment; quote the value to keep "
          "it"});
  // Escapes are undone by yaml-cpp: what they make is checked.
  const auto escaped =
    parse("---\ntitle: a\ndate: 2019-05-27\ntags: [\"G\\x01o\", Rust]\n---\n");
  REQUIRE(escaped.post);
  CHECK(escaped.post->tags == std::vector<std::string>{"Go", "Rust"});
  CHECK(messages(escaped)
        == std::vector<std::string>{"posts/hello.md:4:7: warning: 'tags' has a "
                                    "control character U+0001; it is dropped"});
  // A '#' inside a word, or quoted, is text.
  const auto kept = parse(
    "---\ntitle: C# #1\ndate: 2019-05-27\ntags:\n - C#\n - \"F #\"\n---\n");
  REQUIRE(kept.post);
  CHECK(kept.post->title == "C#");
  CHECK(kept.post->tags == std::vector<std::string>{"C#", "F #"});
  CHECK(messages(kept).size() == 1); // the title's cut
}
