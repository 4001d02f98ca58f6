#include "content/generators/generators.hpp"

namespace ogfeed::content::generators {

namespace {

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
  d.permalink("/items/:id", "", "Qiita's item URLs");
  d.posts({"public"}, {"*/**"}, "Qiita CLI's public/");
  d.hint("https://YOUR_NAME.github.io/qiita-feed/ (a site you publish to: "
         "the feeds and cards go there, qiita.com takes no files) with "
         "permalink: https://qiita.com/YOUR_NAME/items/:id (where Qiita "
         "publishes each item)");
  return true;
}

} // namespace

const Generator k_qiita = {
  "Qiita CLI", MarkupDialects::only(false, false, false, true), &detect_qiita};

} // namespace ogfeed::content::generators
