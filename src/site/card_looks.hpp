#pragma once

#include "card/card_template.hpp"
#include "card/render.hpp"
#include "content/config/site_config.hpp"
#include "content/post.hpp"
#include "util/error.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ogfeed::site {

// Where a build's templates, fonts and images are found.
struct CardDirs
{
  std::vector<std::filesystem::path> templates; // a site's own first
  std::vector<std::filesystem::path> fonts;
  // Where the site's images are: its root, then the folders generators
  // publish as the site (static/, public/, source/, assets/).
  std::vector<std::filesystem::path> images;
  // The site's folder: a template named by a relative path
  // (`tpl/mine.yaml`) is below it, wherever ogfeed runs.
  std::filesystem::path root;
  // What the site may have its cards drawn from (below `root`, no link;
  // ogfeed's own templates and fonts).
  card::FileScope scope;
};

// What a site's cards may be drawn from: files below `site_root` reached
// through no link, and whatever is below those of `own_dirs` (ogfeed's
// template and font folders) that are outside the site.
card::FileScope
site_file_scope(const std::filesystem::path& site_root,
                const std::vector<std::filesystem::path>& own_dirs);

// The site folder's image folders, for CardDirs::images.
std::vector<std::filesystem::path>
site_image_dirs(const std::filesystem::path& site_root);

// One way a build's cards look: a template, with the site's logo in its
// logo box, and maybe a post's own background.
struct CardLook
{
  std::string template_name; // as the site or the post names it
  std::string background;    // the post's, as written; empty: the template's
  card::CardTemplate tmpl;
  std::size_t fonts = 0;   // index of the template's fonts (shared by looks)
  std::uint64_t setup = 0; // what every card of this look shares (hash_setups)
};

// The looks of a build's cards: the site's template (look 0) and each
// template or background a post asks for in its front matter
// (`card: {template: light, background: "#0f766e"}`). Each template and
// its fonts are loaded once.
class CardLooks
{
public:
  // Loads the site's template (`cards.template`) with `cards.logo` in its
  // logo box. Fails when the template cannot be loaded.
  static util::Expected<CardLooks> load(const content::SiteConfig& config,
                                        const CardDirs& dirs,
                                        util::Diagnostics& diagnostics);

  // The look of post `p`'s card. What of its `card:` front matter cannot be
  // used (a template that does not load, a background that is not a colour
  // or a file) is a warning naming the post, and the site's is used.
  std::size_t look_for(const content::Post& p, util::Diagnostics& diagnostics);

  // The author's avatar for post `p`'s card, a file (empty: none): the
  // post's `author.avatar` (beside the post or in the site), else, when the
  // post names no other author, the site's. One that is a URL or no file
  // is a warning (once for the site's).
  std::string avatar_for(const content::Post& p,
                         util::Diagnostics& diagnostics);

  // The hash of an image file's bytes (0 for none), read once, for card
  // keys: avatars, logos, backgrounds.
  std::uint64_t file_hash(const std::string& file);

  // Adds the system fonts each template lacks for the text its cards show
  // (`shown[i]`: all text of look i's cards).
  void finish(const std::vector<std::u32string>& shown);

  // After finish(): hashes each look's setup (ogfeed's version, template,
  // fonts, images, settings) for the card cache. Reads every font in full,
  // so only a build, which keys its cards, calls it.
  void hash_setups();

  std::size_t
  size() const
  {
    return m_looks.size();
  }
  const CardLook&
  operator[](std::size_t i) const
  {
    return *m_looks[i];
  }
  const card::TemplateFonts& fonts_of(std::size_t look) const;

  // Every file the looks were made from, or whose appearance would change
  // them (a template of the same name earlier in the search).
  std::vector<std::string> inputs() const;

private:
  CardLooks() = default;
  std::optional<std::size_t> find(const std::string& name,
                                  const std::string& background) const;
  util::Expected<std::size_t> load_template(const std::string& name,
                                            util::Diagnostics& diagnostics);

  struct Loaded
  {
    std::string name;
    card::CardTemplate tmpl;
    card::TemplateFonts fonts;
  };
  const content::SiteConfig* m_config = nullptr;
  CardDirs m_dirs;
  std::vector<std::unique_ptr<Loaded>> m_templates;
  std::vector<std::unique_ptr<CardLook>> m_looks;
  std::set<std::string> m_avatars;                    // files drawn
  std::map<std::string, std::uint64_t> m_file_hashes; // file -> its bytes'
  std::optional<std::string> m_site_avatar;           // resolved once
};

} // namespace ogfeed::site
