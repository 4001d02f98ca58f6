#include "site/card_looks.hpp"

#include "card/card_look.hpp"
#include "card/contrast.hpp"
#include "card/font_fallback.hpp"
#include "util/file.hpp"

#include <xxhash.h>

#include <functional>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

// The hash of what every card of a look shares: ogfeed's version, the
// template and what replaced its background, its fonts and images (by
// `hash_of` their bytes), and the encoding settings.
std::uint64_t
setup_hash(const CardLook& look,
           const card::TemplateFonts& fonts,
           const content::CardSettings& settings,
           const std::function<std::uint64_t(const std::string&)>& hash_of)
{
  const card::CardTemplate& t = look.tmpl;
  std::string all = std::string(OGFEED_VERSION) + "\x1f" + t.source + "\x1f"
                    + look.background + "\x1f" + settings.format + "\x1f"
                    + std::to_string(settings.png_compression) + "\x1f"
                    + std::to_string(settings.quality);
  for (const auto& f : fonts.files) {
    all += "\x1f" + std::to_string(f ? f->hash() : 0);
  }
  for (const fs::path& image : {t.background.image, t.logo.path}) {
    all += "\x1f" + image.string() + "\x1f"
           + std::to_string(hash_of(image.string()));
  }
  return XXH3_64bits(all.data(), all.size());
}

std::string
param(const content::Post& p, const char* key)
{
  const auto it = p.params.find(key);
  return it == p.params.end() ? std::string() : it->second;
}

// A post's warning about its own `card:` front matter.
util::Diagnostic
post_warning(const content::Post& p, const std::string& message)
{
  return util::with_path(util::make_warning(message), p.shown_path);
}

} // namespace

card::FileScope
site_file_scope(const fs::path& site_root,
                const std::vector<fs::path>& own_dirs)
{
  const fs::path site = fs::absolute(site_root).lexically_normal();
  std::vector<fs::path> trusted;
  for (const fs::path& d : own_dirs) {
    const fs::path rel =
      fs::absolute(d).lexically_normal().lexically_relative(site);
    if (rel.empty() || *rel.begin() == "..") {
      trusted.push_back(d);
    }
  }
  return card::FileScope(site_root, std::move(trusted));
}

std::vector<fs::path>
site_image_dirs(const fs::path& site_root)
{
  return {site_root,
          site_root / "static",
          site_root / "public",
          site_root / "source",
          site_root / "assets"};
}

util::Expected<CardLooks>
CardLooks::load(const content::SiteConfig& config,
                const CardDirs& dirs,
                util::Diagnostics& diagnostics)
{
  CardLooks looks;
  looks.m_config = &config;
  looks.m_dirs = dirs;
  auto loaded = looks.load_template(config.cards.template_name, diagnostics);
  if (!loaded) {
    util::Error e = loaded.error();
    // Where ogfeed.yaml names a template that cannot be found.
    if (e.path.empty() && config.cards.template_line > 0) {
      e.line = config.cards.template_line;
      e.column = config.cards.template_column;
      e.message = "'cards.template': " + e.message;
      e = util::with_path(
        std::move(e), (dirs.root / "ogfeed.yaml").lexically_normal().string());
    }
    return tl::unexpected(std::move(e));
  }
  auto look = std::make_unique<CardLook>();
  look->template_name = config.cards.template_name;
  look->tmpl = looks.m_templates[*loaded]->tmpl;
  look->fonts = *loaded;
  looks.m_looks.push_back(std::move(look));
  return looks;
}

util::Expected<std::size_t>
CardLooks::load_template(const std::string& name,
                         util::Diagnostics& diagnostics)
{
  for (std::size_t i = 0; i < m_templates.size(); ++i) {
    if (m_templates[i]->name == name) {
      return i;
    }
  }
  std::string where = name;
  if (card::is_template_path(name) && fs::u8path(name).is_relative()) {
    where = (m_dirs.root / fs::u8path(name)).string();
  }
  TRY_ASSIGN(tmpl,
             card::load_card_template(
               where, m_dirs.templates, m_dirs.fonts, m_dirs.scope));
  const std::string& logo = m_config->cards.logo;
  if (!logo.empty() && !tmpl.logo.enabled) {
    util::Diagnostic d = util::make_warning(
      "template '" + tmpl.name
      + "' has no logo box; the site's 'cards.logo' is not drawn on its cards");
    d.path = tmpl.path.string();
    diagnostics.push_back(std::move(d));
  } else if (!logo.empty()) {
    const auto file = card::find_site_image(logo, m_dirs.images, m_dirs.scope);
    if (!file) {
      return tl::unexpected(util::make_error(
        "'cards.logo' \"" + logo
        + "\": no such image file in the site (looked below its folder and "
          "static/, public/, source/, assets/; ogfeed fetches no URL, follows "
          "no link and reads no file outside the site)"));
    }
    tmpl.logo.path = *file;
  }
  TRY_ASSIGN(fonts, card::load_template_fonts(tmpl));
  for (auto& d : card::check_contrast(tmpl)) {
    diagnostics.push_back(std::move(d));
  }
  auto loaded = std::make_unique<Loaded>();
  loaded->name = name;
  loaded->tmpl = std::move(tmpl);
  loaded->fonts = std::move(fonts);
  m_templates.push_back(std::move(loaded));
  return m_templates.size() - 1;
}

std::optional<std::size_t>
CardLooks::find(const std::string& name, const std::string& background) const
{
  for (std::size_t i = 0; i < m_looks.size(); ++i) {
    if (m_looks[i]->template_name == name
        && m_looks[i]->background == background) {
      return i;
    }
  }
  return std::nullopt;
}

std::size_t
CardLooks::look_for(const content::Post& p, util::Diagnostics& diagnostics)
{
  std::string name = param(p, "card.template");
  std::string background = param(p, "card.background");
  if (name.empty()) {
    name = m_config->cards.template_name;
  }
  if (const auto known = find(name, background)) {
    return *known;
  }
  auto loaded = load_template(name, diagnostics);
  if (!loaded) {
    diagnostics.push_back(post_warning(
      p,
      "its 'card.template' cannot be used (" + loaded.error().message
        + "); the site's template draws its card"));
    name = m_config->cards.template_name;
    loaded = 0;
    if (const auto known = find(name, background)) {
      return *known;
    }
  }
  auto look = std::make_unique<CardLook>();
  look->template_name = name;
  look->tmpl = m_templates[*loaded]->tmpl;
  look->fonts = *loaded;
  if (!background.empty()) {
    std::vector<fs::path> dirs = m_dirs.images;
    if (!p.file.empty()) {
      dirs.insert(dirs.begin(), fs::path(p.file).parent_path());
    }
    if (auto ok =
          card::apply_background(look->tmpl, background, dirs, m_dirs.scope);
        !ok) {
      diagnostics.push_back(post_warning(
        p, "its " + ok.error().message + "; the template's is used"));
      // apply_background() changes nothing when it fails.
      if (const auto known = find(name, "")) {
        return *known;
      }
    } else {
      look->background = background;
      for (auto& d : card::check_contrast(look->tmpl)) {
        diagnostics.push_back(post_warning(
          p, "with its card background \"" + background + "\", " + d.message));
      }
    }
  }
  m_looks.push_back(std::move(look));
  return m_looks.size() - 1;
}

namespace {

// An avatar as written, found as a file in `dirs`; else a warning.
std::string
find_avatar(const std::string& written,
            const std::vector<fs::path>& dirs,
            const card::FileScope& scope,
            const std::string& where,
            util::Diagnostics& diagnostics)
{
  if (card::is_remote_image(written)) {
    diagnostics.push_back(util::with_path(
      util::make_warning("'author.avatar' \"" + written
                         + "\" is a URL; ogfeed fetches nothing, so the card "
                           "shows no avatar (name a file of the site)"),
      where));
    return {};
  }
  const auto file = card::find_site_image(written, dirs, scope);
  if (!file) {
    diagnostics.push_back(util::with_path(
      util::make_warning("'author.avatar' \"" + written
                         + "\": no such image file in the site (ogfeed follows "
                           "no link and reads no file outside the site); the "
                           "card shows no avatar"),
      where));
    return {};
  }
  return file->string();
}

} // namespace

std::string
CardLooks::avatar_for(const content::Post& p, util::Diagnostics& diagnostics)
{
  std::string file;
  const content::Person& site = m_config->author;
  if (!p.author.avatar.empty()) {
    std::vector<fs::path> dirs = m_dirs.images;
    if (!p.file.empty()) {
      dirs.insert(dirs.begin(), fs::path(p.file).parent_path());
    }
    file = find_avatar(
      p.author.avatar, dirs, m_dirs.scope, p.shown_path, diagnostics);
  } else if (p.author.name.empty() || p.author.name == site.name) {
    if (!m_site_avatar) {
      m_site_avatar = site.avatar.empty() ? std::string()
                                          : find_avatar(site.avatar,
                                                        m_dirs.images,
                                                        m_dirs.scope,
                                                        "ogfeed.yaml",
                                                        diagnostics);
    }
    file = *m_site_avatar;
  }
  if (!file.empty()) {
    m_avatars.insert(file);
  }
  return file;
}

std::uint64_t
CardLooks::file_hash(const std::string& file)
{
  if (file.empty()) {
    return 0;
  }
  auto it = m_file_hashes.find(file);
  if (it == m_file_hashes.end()) {
    const auto bytes = util::read_file(file, 256 * 1024 * 1024);
    it = m_file_hashes
           .emplace(file,
                    bytes ? XXH3_64bits(bytes->data(), bytes->size())
                          : std::uint64_t{1})
           .first;
  }
  return it->second;
}

void
CardLooks::finish(const std::vector<std::u32string>& shown)
{
  const content::SiteConfig& config = *m_config;
  std::vector<std::u32string> per_template(m_templates.size());
  for (std::size_t i = 0; i < m_looks.size() && i < shown.size(); ++i) {
    per_template[m_looks[i]->fonts] += shown[i];
  }
  for (std::size_t t = 0; t < m_templates.size(); ++t) {
    card::add_fallback_fonts(
      m_templates[t]->fonts, per_template[t], config.language);
  }
}

void
CardLooks::hash_setups()
{
  const content::SiteConfig& config = *m_config;
  for (auto& look : m_looks) {
    look->setup =
      setup_hash(*look,
                 m_templates[look->fonts]->fonts,
                 config.cards,
                 [this](const std::string& file) { return file_hash(file); });
  }
}

const card::TemplateFonts&
CardLooks::fonts_of(std::size_t look) const
{
  return m_templates[m_looks[look]->fonts]->fonts;
}

std::vector<std::string>
CardLooks::inputs() const
{
  std::vector<std::string> inputs;
  auto add = [&](const std::string& s) {
    if (!s.empty()
        && std::find(inputs.begin(), inputs.end(), s) == inputs.end()) {
      inputs.push_back(s);
    }
  };
  for (const auto& t : m_templates) {
    if (!t->name.ends_with(".yaml")) {
      for (const auto& dir : m_dirs.templates) {
        add((dir / (t->name + ".yaml")).string());
      }
    }
    add(t->tmpl.path.string());
    for (const auto& f : t->fonts.files) {
      if (f) {
        add(f->path);
      }
    }
  }
  for (const auto& look : m_looks) {
    for (const fs::path& image :
         {look->tmpl.background.image, look->tmpl.logo.path}) {
      add(image.string());
    }
  }
  for (const auto& file : m_avatars) {
    add(file);
  }
  return inputs;
}

} // namespace ogfeed::site
