#include "content/front_matter/front_matter.hpp"
#include "content/generators/generators.hpp"
#include "content/generators/hosted_account.hpp"
#include "util/simple_yaml.hpp"

namespace ogfeed::content::generators {

namespace {

// The `id:` Qiita CLI writes into a post's front matter once Qiita has
// published it (20 hex digits), read as the posts are.
std::string
front_matter_id(std::string_view, std::string_view text)
{
  const std::string normal = normalize_text(text);
  const auto fm = split_front_matter(normal);
  if (!fm || fm->format != FrontMatterFormat::yaml) {
    return {};
  }
  auto doc = util::parse_simple_yaml(fm->data, fm->data_line);
  if (!doc) {
    auto full = util::parse_yaml(fm->data, fm->data_line);
    if (!full) {
      return {};
    }
    doc = std::move(*full);
  }
  const util::YamlValue* id = doc->find("id");
  return id != nullptr && id->kind == util::YamlValue::Kind::scalar
             && id->scalar.size() == 20
             && id->scalar.find_first_not_of("0123456789abcdef")
                  == std::string::npos
           ? id->scalar
           : std::string();
}

// qiita.com: an item is https://qiita.com/NAME/items/ID, ID the `id:` Qiita
// CLI writes once Qiita has published it. The first path segments that are
// pages of qiita.com's own, or its own account (its guides), name no
// author.
const HostedSite k_qiita_com = {"Qiita",
                                "qiita.com",
                                "items",
                                "public",
                                ":id",
                                "の記事 - Qiita",
                                {"Qiita",
                                 "qiita",
                                 "advent-calendar",
                                 "organizations",
                                 "tags",
                                 "items",
                                 "api",
                                 "settings",
                                 "search",
                                 "trend",
                                 "official-events",
                                 "official-columns",
                                 "question",
                                 "login",
                                 "signup",
                                 "about",
                                 "terms",
                                 "privacy",
                                 "drafts",
                                 "opportunities",
                                 "release-notes"},
                                &front_matter_id};

bool
detect_qiita(Detector& d)
{
  if (!is_dir(d.root() / "public")
      || !(package_uses(d.root(), "@qiita/qiita-cli")
           || is_file(d.root() / "qiita.config.json"))) {
    return false;
  }
  d.found(is_file(d.root() / "qiita.config.json") ? "qiita.config.json"
                                                  : "package.json");
  d.posts({"public"}, {"*/**"}, "Qiita CLI's public/");
  // A post gets its item id once Qiita publishes it (`id: null` before).
  d.config().url_rules.unpublished_without_id = true;
  read_hosted_account(d, k_qiita_com);
  return true;
}

} // namespace

const Generator k_qiita = {
  "Qiita CLI", MarkupDialects::only(false, false, false, true), &detect_qiita};

} // namespace ogfeed::content::generators
