#include "card/card_text.hpp"
#include "card/font_fallback.hpp"
#include "card/render.hpp"
#include "cli/command.hpp"
#include "cli/data_dir.hpp"
#include "cli/options.hpp"
#include "content/front_matter/date_parser.hpp"
#include "content/front_matter/post_parser.hpp"
#include "content/load/site_loader.hpp"
#include "site/card_looks.hpp"
#include "site/card_step.hpp"
#include "util/file.hpp"
#include "util/split.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <iostream>
#include <optional>

namespace ogfeed::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_card_help =
  "usage: ogfeed card [POST.md] [options]\n\n"
  "Renders one OGP card, from a post file or from the options, for previews\n"
  "and CI. The site (ogfeed.yaml) is found above the post, or given with "
  "--site-dir.\n\n"
  "options:\n"
  "  --title TEXT        the title (overrides the post's)\n"
  "  --date DATE         the date, e.g. 2024-05-01 (default: the post's)\n"
  "  --tags A,B          comma-separated tags\n"
  "  --site TEXT         the site name (default: the site's title)\n"
  "  --author TEXT       the author\n"
  "  --emoji TEXT        the emoji (templates with an emoji block)\n"
  "  --description TEXT  a description under the title (templates with a\n"
  "                      description box)\n"
  "  --accent COLOR      the accent bar's colour (default: the post's "
  "category's)\n"
  "  --template NAME     a template name or a .yaml file (default: the site's, "
  "else 'default')\n"
  "  --background SPEC   a colour (#0f766e), colours for a gradient (#a,#b)\n"
  "                      or an image file (default: the post's, else the\n"
  "                      template's)\n"
  "  --avatar FILE       the author's picture (templates with an avatar)\n"
  "  --site-dir DIR      the site folder, for its ogfeed.yaml and templates/\n"
  "  -o, --output FILE   write the card to FILE (.png, .jpg or .webp; default "
  "card.png)\n"
  "  --layout-json       print the title layout as JSON on stdout; with no "
  "-o,\n"
  "                      nothing is rendered\n"
  "  --titles FILE       with --layout-json: lay out each line of FILE as a\n"
  "                      title, one JSON object per line (template tuning)\n"
  "  --language TAG      the title's language, for its line breaking and\n"
  "                      fonts: ja, zh-CN, zh-TW, ko... (default: the post's,\n"
  "                      else the site's)\n"
  "  -h, --help          show this help\n";

struct CardArgs
{
  std::optional<std::string> post;
  card::CardOverrides overrides;
  std::optional<std::string> template_name;
  std::optional<std::string> background;
  std::optional<std::string> avatar;
  std::optional<std::string> site_dir;
  std::optional<std::string> output;
  std::optional<std::string> titles; // --titles FILE
  std::optional<std::string> language;
  bool layout_json = false;
};

std::optional<int>
parse_args(const std::vector<std::string>& args, CardArgs& out)
{
  auto set = [](std::optional<std::string>& field) {
    return [&field](const std::string& v) -> std::optional<std::string> {
      field = v;
      return std::nullopt;
    };
  };
  card::CardOverrides& o = out.overrides;
  const std::vector<OptionSpec> specs = {
    {"title", 0, OptionSpec::Value::required, set(o.title)},
    {"date", 0, OptionSpec::Value::required, set(o.date)},
    {"tags",
     0,
     OptionSpec::Value::required,
     [&](const std::string& v) -> std::optional<std::string> {
       o.tags = split_list(v);
       return std::nullopt;
     }},
    {"site", 0, OptionSpec::Value::required, set(o.site)},
    {"author", 0, OptionSpec::Value::required, set(o.author)},
    {"emoji", 0, OptionSpec::Value::required, set(o.emoji)},
    {"description", 0, OptionSpec::Value::required, set(o.description)},
    {"accent", 0, OptionSpec::Value::required, set(o.accent)},
    {"template", 0, OptionSpec::Value::required, set(out.template_name)},
    {"background", 0, OptionSpec::Value::required, set(out.background)},
    {"avatar", 0, OptionSpec::Value::required, set(out.avatar)},
    {"site-dir", 0, OptionSpec::Value::required, set(out.site_dir)},
    {"output", 'o', OptionSpec::Value::required, set(out.output)},
    {"titles", 0, OptionSpec::Value::required, set(out.titles)},
    {"language", 0, OptionSpec::Value::required, set(out.language)},
    {"layout-json",
     0,
     OptionSpec::Value::none,
     [&](const std::string&) -> std::optional<std::string> {
       out.layout_json = true;
       return std::nullopt;
     }},
  };
  int code = k_exit_ok;
  const auto operands = parse_options("card", args, specs, k_card_help, code);
  if (!operands) {
    return code;
  }
  if (operands->size() > 1) {
    return usage_error("'card' takes one post file, got '" + (*operands)[1]
                       + "' too");
  }
  if (!operands->empty()) {
    out.post = operands->front();
  }
  if (out.titles && (!out.layout_json || out.output || out.post)) {
    return usage_error(
      "'--titles' lays out titles only: with --layout-json, no post, no -o");
  }
  if (!out.post && !o.title && !out.titles) {
    return usage_error("'card' needs a post file or --title");
  }
  return std::nullopt;
}

// The folder holding ogfeed.yaml at or above `start`, if any.
std::optional<fs::path>
find_site(fs::path start)
{
  std::error_code ec;
  start = fs::absolute(start, ec);
  for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "ogfeed.yaml", ec)) {
      return dir;
    }
    if (dir == dir.parent_path()) {
      break;
    }
  }
  return std::nullopt;
}

card::ImageFormat
format_for(const fs::path& path)
{
  const std::string ext = path.extension().string();
  if (ext == ".jpg" || ext == ".jpeg") {
    return card::ImageFormat::jpeg;
  }
  if (ext == ".webp") {
    return card::ImageFormat::webp;
  }
  return card::ImageFormat::png;
}

int
fail(const util::Diagnostic& d)
{
  std::cerr << util::format_diagnostic(d) << "\n";
  return k_exit_failure;
}

// --titles: the layout of each line of `path` as a title, as JSON lines.
int
layout_titles(const std::string& path,
              const std::string& language,
              site::CardLooks& looks,
              std::size_t look)
{
  auto bytes = util::read_file(path, 64 * 1024 * 1024);
  if (!bytes) {
    return fail(bytes.error());
  }
  const auto titles = util::split(*bytes, '\n');
  std::vector<std::u32string> shown(looks.size());
  shown[look] = util::decode_utf8(*bytes);
  looks.finish(shown);
  auto renderer =
    card::CardRenderer::create(looks[look].tmpl, looks.fonts_of(look));
  if (!renderer) {
    return fail(renderer.error());
  }
  for (const auto& title : titles) {
    if (!title.empty()) {
      std::cout << card::layout_json(
        (*renderer)->layout_title(std::string(title), language))
                << "\n";
    }
  }
  return k_exit_ok;
}

// Draws the card to -o (or card.png) and/or prints its layout JSON.
int
draw_card(const CardArgs& a,
          const content::SiteConfig& config,
          const card::CardTemplate& tmpl,
          card::CardRenderer& renderer,
          const card::CardText& text)
{
  card::TitleLayout layout;
  card::CardPlacement placement;
  if (a.layout_json && !a.output) {
    layout = renderer.layout_title(text);
    placement = renderer.place(text, layout);
  } else {
    const fs::path out = a.output.value_or("card.png");
    card::EncodeOptions options;
    options.format = format_for(out);
    options.png_compression = config.cards.png_compression;
    options.quality = config.cards.quality;
    auto rendered = renderer.render(text, options);
    if (!rendered) {
      return fail(rendered.error());
    }
    if (auto ok = util::write_file_atomic(out, rendered->bytes); !ok) {
      return fail(ok.error());
    }
    layout = std::move(rendered->layout);
    placement = std::move(rendered->placement);
    for (const char32_t c : rendered->missing) {
      std::cerr << util::format_diagnostic(
        util::make_warning(card::missing_glyph_message(c)))
                << "\n";
    }
  }
  if (a.layout_json) {
    std::cout << card::card_layout_json(tmpl, layout, placement) << "\n";
  }
  return k_exit_ok;
}

// Reads the post file `a.post` names, if any, into `post`; a non-empty
// result is the exit code of a post that does not parse.
std::optional<int>
read_post_arg(const CardArgs& a,
              const content::SiteConfig& config,
              std::optional<content::Post>& post)
{
  if (!a.post) {
    return std::nullopt;
  }
  auto bytes = util::read_file(*a.post, content::k_max_post_bytes);
  if (!bytes) {
    return fail(bytes.error());
  }
  content::PostSource source{*a.post,
                             fs::path(*a.post).stem().string(),
                             content::KeepBody::no,
                             fs::path(*a.post)};
  content::ParsedPost parsed =
    content::parse_post(*bytes, source, config.timezone);
  for (const auto& d : parsed.diagnostics) {
    std::cerr << util::format_diagnostic(d) << "\n";
  }
  if (!parsed.post) {
    return k_exit_failure;
  }
  post = std::move(parsed.post);
  return std::nullopt;
}

// The folders and files a card may read: the site's templates/ and fonts/,
// and the files the command line names, trusted wherever they are (what the
// site names must be inside it: site::site_file_scope). The template and
// background the options name replace the post's own in `config` and
// `shown`.
std::vector<fs::path>
apply_look_options(const CardArgs& a,
                   const fs::path& root,
                   content::SiteConfig& config,
                   content::Post& shown)
{
  std::vector<fs::path> trusted = template_dirs(root);
  const auto fonts = font_dirs(root);
  trusted.insert(trusted.end(), fonts.begin(), fonts.end());
  if (a.template_name) {
    // A file given on the command line is where the user is.
    config.cards.template_name =
      card::is_template_path(*a.template_name)
        ? fs::absolute(fs::u8path(*a.template_name)).string()
        : *a.template_name;
    shown.params.erase("card.template");
    if (card::is_template_path(*a.template_name)) {
      trusted.push_back(fs::path(config.cards.template_name).parent_path());
    }
  }
  if (a.background) {
    std::error_code ec;
    const fs::path file = fs::u8path(*a.background);
    const bool here = fs::is_regular_file(file, ec);
    shown.params["card.background"] =
      here ? fs::absolute(file).string() : *a.background;
    if (here) {
      trusted.push_back(fs::absolute(file));
    }
  }
  return trusted;
}

} // namespace

int
run_card(const std::vector<std::string>& args)
{
  CardArgs a;
  if (const auto code = parse_args(args, a)) {
    return *code;
  }
  std::optional<fs::path> site_root = a.site_dir;
  if (!site_root && a.post) {
    site_root = find_site(fs::path(*a.post).parent_path());
  }
  content::SiteConfig config = content::default_site_config();
  if (site_root) {
    auto loaded = content::load_site_config(*site_root);
    if (!loaded) {
      return fail(loaded.error());
    }
    config = std::move(loaded->config);
  }

  std::optional<content::Post> post;
  if (const auto code = read_post_arg(a, config, post)) {
    return *code;
  }
  if (a.language) {
    config.language = *a.language;
    if (post) {
      post->language = *a.language;
    }
  }

  const fs::path root = site_root.value_or(fs::path("."));
  // The post's own look (`card: {template, background}`), unless the
  // options name another.
  content::Post shown = post ? *post : content::Post{};
  const std::vector<fs::path> trusted =
    apply_look_options(a, root, config, shown);
  const auto fonts = font_dirs(root);
  util::Diagnostics notes;
  auto looks = site::CardLooks::load(config,
                                     {template_dirs(root),
                                      fonts,
                                      site::site_image_dirs(root),
                                      root,
                                      site::site_file_scope(root, trusted)},
                                     notes);
  const std::size_t look = looks ? looks->look_for(shown, notes) : 0;
  for (const auto& d : notes) {
    std::cerr << util::format_diagnostic(d) << "\n";
  }
  if (!looks) {
    return fail(looks.error());
  }
  if (a.titles) {
    return layout_titles(*a.titles, config.language, *looks, look);
  }
  const card::CardTemplate& tmpl = (*looks)[look].tmpl;
  auto text = card::card_text_with(
    post ? &shown : nullptr, site::card_context(config), tmpl, a.overrides);
  if (!text) {
    return usage_error(text.error().message);
  }
  if (tmpl.avatar.enabled && !text->author.empty()) {
    util::Diagnostics said;
    text->avatar = a.avatar ? *a.avatar : looks->avatar_for(shown, said);
    for (const auto& d : said) {
      std::cerr << util::format_diagnostic(d) << "\n";
    }
  }
  std::vector<std::u32string> all(looks->size());
  all[look] = util::decode_utf8(card::all_text(*text));
  looks->finish(all);
  auto renderer = card::CardRenderer::create(tmpl, looks->fonts_of(look));
  if (!renderer) {
    return fail(renderer.error());
  }
  return draw_card(a, config, tmpl, **renderer, *text);
}

} // namespace ogfeed::cli
