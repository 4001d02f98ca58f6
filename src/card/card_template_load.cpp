// Finding and loading a card template: a name in the site's or ogfeed's
// templates/, or a .yaml path, with every file it names checked against
// the site's scope.
#include "card/card_look.hpp"
#include "card/card_template.hpp"
#include "util/edit_distance.hpp"
#include "util/file.hpp"

namespace ogfeed::card {

namespace fs = std::filesystem;

namespace {

// Every file a template names (fonts, background image, logo) is one
// `scope` allows.
util::Expected<void>
check_files(const CardTemplate& t, const FileScope& scope)
{
  std::vector<std::pair<std::string, fs::path>> files;
  for (const auto& f : t.fonts) {
    files.emplace_back("font", f.path);
  }
  files.emplace_back("background image", t.background.image);
  files.emplace_back("logo", t.logo.path);
  for (const auto& [what, file] : files) {
    std::error_code ec;
    if (file.empty()
        || fs::symlink_status(file, ec).type() == fs::file_type::not_found) {
      continue; // said where it is used, or an optional font
    }
    if (auto ok = scope.check(file); !ok) {
      return tl::unexpected(
        util::make_error("its " + what + " " + ok.error().message));
    }
  }
  return {};
}

} // namespace

bool
is_template_path(const std::string& name_or_path)
{
  return name_or_path.ends_with(".yaml") || name_or_path.ends_with(".yml")
         || name_or_path.find('/') != std::string::npos;
}

util::Expected<CardTemplate>
load_card_template(const std::string& name_or_path,
                   const std::vector<fs::path>& search_dirs,
                   const std::vector<fs::path>& font_dirs,
                   const FileScope& scope)
{
  fs::path path;
  std::error_code ec;
  if (is_template_path(name_or_path)) {
    path = name_or_path;
    if (!path.has_extension() && !fs::exists(path, ec)) {
      path += ".yaml"; // "tpl/mine" names tpl/mine.yaml
    }
  } else {
    for (const auto& dir : search_dirs) {
      if (fs::exists(dir / (name_or_path + ".yaml"), ec)) {
        path = dir / (name_or_path + ".yaml");
        break;
      }
    }
    if (path.empty()) {
      std::vector<std::string> names;
      std::error_code list_ec;
      for (const auto& dir : search_dirs) {
        for (const auto& e : fs::directory_iterator(dir, list_ec)) {
          if (e.path().extension() == ".yaml") {
            names.push_back(e.path().stem().string());
          }
        }
      }
      std::string message = "no card template named '" + name_or_path + "'";
      if (const auto near = util::closest_match(name_or_path, names)) {
        message += ", did you mean '" + *near + "'?";
      }
      return tl::unexpected(util::make_error(message));
    }
  }
  if (auto ok = scope.check(path); !ok) {
    return tl::unexpected(
      util::make_error("card template " + ok.error().message));
  }
  auto text = util::read_file(path, 1024 * 1024);
  if (!text) {
    return tl::unexpected(text.error());
  }
  auto t = parse_card_template(*text, path.parent_path(), font_dirs);
  if (!t) {
    return tl::unexpected(
      util::with_path(t.error(), path.lexically_normal().string()));
  }
  // The symbols Noto Sans CJK lacks (₀-₉, ≒, ⅓ ...), from the first font
  // folder with ogfeed's DejaVu Sans subset: after the template's fonts,
  // before any system font, so they look alike on every machine.
  for (const auto& [name, file] :
       {std::pair{"(symbols regular)", "DejaVuSans-symbols-subset.ttf"},
        std::pair{"(symbols bold)", "DejaVuSans-Bold-symbols-subset.ttf"}}) {
    for (const auto& dir : font_dirs) {
      if (fs::is_regular_file(dir / file, ec)) {
        t->fonts.push_back(FontSpec{name, dir / file, 0, true});
        break;
      }
    }
  }
  if (auto ok = check_files(*t, scope); !ok) {
    return tl::unexpected(
      util::with_path(ok.error(), path.lexically_normal().string()));
  }
  t->path = path;
  if (t->name.empty()) {
    t->name = path.stem().string();
  }
  return t;
}

} // namespace ogfeed::card
