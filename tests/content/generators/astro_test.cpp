#include "content/config/site_detect.hpp"
#include "content/load/site_loader.hpp"
#include "test_support.hpp"

#include <algorithm>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

using test::site_of;

const std::string k_config = "import { defineConfig } from 'astro/config';\n"
                             "export default defineConfig({\n"
                             "  site: 'https://astro.example.jp',\n});\n";

const std::string k_loader =
  "import { glob } from 'astro/loaders';\n"
  "const posts = defineCollection({\n"
  "  loader: glob({ pattern: '**/*.md', base: './content/posts' }),\n});\n"
  "export const collections = { posts };\n";

std::string
post(const std::string& extra = "")
{
  return "---\ntitle: t\npubDate: 2024-01-01\n" + extra + "---\nx\n";
}

// The permalinks of the site's posts, sorted.
std::vector<std::string>
permalinks(const fs::path& root)
{
  std::vector<std::string> urls;
  for (const auto& p : test::loaded_posts(root)) {
    urls.push_back(p.permalink);
  }
  std::sort(urls.begin(), urls.end());
  return urls;
}

} // namespace

TEST_CASE("issue 21: an Astro entry's URL is its id as Astro makes it: each "
          "path segment a github-slugger slug, or its own slug",
          "[content]")
{
  const auto root =
    site_of("astro-slugs",
            {{"astro.config.mjs", k_config},
             {"src/content.config.ts", k_loader},
             {"src/pages/posts/[slug].astro",
              "const posts = await getCollection('posts');\n"},
             {"content/posts/Mac 装机记录.md", post()},
             {"content/posts/Notes/【CEP 扩展开发一】简介.md", post()},
             {"content/posts/own.md", post("slug: Own/Slug\n")}});
  CHECK(
    permalinks(root)
    == std::vector<std::string>{
      "https://astro.example.jp/posts/Own/Slug/",
      "https://astro.example.jp/posts/mac-%E8%A3%85%E6%9C%BA%E8%AE%B0%E5%BD%"
      "95/",
      "https://astro.example.jp/posts/notes/cep-%E6%89%A9%E5%B1%95%E5%BC%80%"
      "E5%8F%91%E4%B8%80%E7%AE%80%E4%BB%8B/"});
}

TEST_CASE("issue 21: an Astro page whose route takes the entry's id apart "
          "([category]/[slug] from entry.id.split) is read as the id's path",
          "[content]")
{
  const std::string page = "const entries = await getCollection(\"posts\");\n"
                           "const category = entry.id.split(\"/\")[0];\n"
                           "const slug = entry.id.split(\"/\")[1];\n";
  const auto root = site_of("astro-id-route",
                            {{"astro.config.mjs", k_config},
                             {"src/content.config.ts", k_loader},
                             {"src/pages/[category]/[slug].astro", page},
                             {"content/posts/diary/first.md", post()}});
  CHECK(permalinks(root)
        == std::vector<std::string>{"https://astro.example.jp/diary/first/"});
  // A parameter the page makes some other way is not guessed at: the
  // collection's own folder is used.
  const auto other =
    site_of("astro-other-route",
            {{"astro.config.mjs", k_config},
             {"src/content.config.ts", k_loader},
             {"src/pages/[lang]/[slug].astro",
              "const entries = await getCollection(\"posts\");\n"},
             {"content/posts/diary/first.md", post()}});
  CHECK(
    permalinks(other)
    == std::vector<std::string>{"https://astro.example.jp/posts/diary/first/"});
}

TEST_CASE("issue 21: an Astro site's title from its feed page and language "
          "from its layout, through the modules they import by tsconfig's "
          "alias (astro-erudite: SITE.title, lang={SITE.locale})",
          "[content]")
{
  const std::string consts = "export const SITE: Site = {\n"
                             "  title: 'Sungho',\n"
                             "  description: 'AI Engineer',\n"
                             "  locale: 'ko-KR',\n};\n";
  const auto site = content::detect_site(site_of(
    "astro-feed-page-title",
    {{"astro.config.ts", k_config},
     {"tsconfig.json",
      "{\n  // JSONC\n  \"compilerOptions\": {\n"
      "    \"paths\": { \"@lib/*\": [\"./source/*\"] }\n  }\n}\n"},
     {"source/consts.ts", consts},
     {"src/pages/rss.xml.ts",
      "import { SITE } from '@lib/consts'\n"
      "export async function GET(context) {\n"
      "  return rss({ title: SITE.title, description: SITE.description,\n"
      "    site: context.site ?? SITE.href });\n}\n"},
     {"src/layouts/Layout.astro",
      "---\nimport { SITE } from '../../source/consts'\n---\n"
      "<html\n  class=\"x\"\n  lang={SITE.locale}\n>\n</html>\n"},
     {"src/content/blog/a.md", post()}}));
  CHECK(site.config.title == "Sungho");
  CHECK(site.config.subtitle == "AI Engineer");
  CHECK(site.config.language == "ko-KR");
}

TEST_CASE("issue 21: an Astro layout's lang={`${LOCALE.lang ?? \"en\"}`} "
          "through an exact tsconfig alias below its baseUrl, and its "
          "default when the name is empty",
          "[content]")
{
  const auto language = [](const std::string& name,
                           const std::string& lang) -> std::string {
    return content::detect_site(
             site_of(name,
                     {{"astro.config.mjs", k_config},
                      {"tsconfig.json",
                       "{ \"compilerOptions\": { \"baseUrl\": \"src\",\n"
                       "  \"paths\": { \"@config\": [\"config.ts\"] } } }\n"},
                      {"src/config.ts",
                       "export const LOCALE = {\n  lang: '" + lang
                         + "', // html lang code\n} as const;\n"},
                      {"src/layouts/Layout.astro",
                       "---\nimport { LOCALE, SITE } from '@config';\n---\n"
                       "<html lang=`${LOCALE.lang ?? \"en\"}` class={`x`}>\n"
                       "</html>\n"},
                      {"src/content/blog/a.md", post()}}))
      .config.language;
  };
  CHECK(language("astro-lang-alias", "zh") == "zh");
  CHECK(language("astro-lang-default", "") == "en");
}

TEST_CASE("issue 21: an AstroPaper site: URL and title from the module its "
          "config imports, posts below the folder of the page that renders "
          "them, named by postSlug",
          "[content]")
{
  const auto site = content::detect_site(site_of(
    "detect-astropaper",
    {{"astro.config.ts",
      "import { SITE } from \"./src/config\";\n"
      "export default defineConfig({ site: SITE.website });\n"},
     {"src/config.ts",
      "export const SITE: Site = {\n  website: \"https://paper.example/\",\n"
      "  title: \"Paper\",\n  desc: \"日記\",\n};\n"},
     {"src/pages/posts/[slug]/index.astro",
      "---\nconst posts = await getCollection(\"blog\");\n"
      "params: { slug: slugify(post.data) },\n---\n"},
     {"src/utils/slugify.ts",
      "const slugify = (post) => post.postSlug ? slugger(post.postSlug) : "
      "slugger(post.title);\n"},
     {"src/content/blog/a.md",
      "---\ntitle: a\npubDatetime: 2024-01-02T03:04:05Z\npostSlug: "
      "first\n---\nx\n"}}));
  CHECK(site.generator == "Astro");
  CHECK(site.config.base_url == "https://paper.example/");
  CHECK(site.config.title == "Paper");
  CHECK(site.config.subtitle == "日記");
  CHECK(site.config.permalink == "/posts/:slug/");
  CHECK(site.config.content_dirs
        == std::vector<std::string>{"src/content/blog"});
}
