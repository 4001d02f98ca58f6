#include "site/card_step.hpp"

#include "card/card_text.hpp"
#include "card/render.hpp"
#include "util/ascii.hpp"
#include "util/file.hpp"
#include "util/json.hpp"
#include "util/parallel.hpp"
#include "util/url.hpp"
#include "util/utf8.hpp"

#include <xxhash.h>

#include <cstdio>
#include <map>
#include <mutex>
#include <optional>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_cache_file = ".ogfeed-cards";

struct Format
{
  card::ImageFormat format;
  const char* extension;
  const char* mime;
};

Format
format_of(const std::string& name)
{
  if (name == "jpeg") {
    return {card::ImageFormat::jpeg, ".jpg", "image/jpeg"};
  }
  if (name == "webp") {
    return {card::ImageFormat::webp, ".webp", "image/webp"};
  }
  return {card::ImageFormat::png, ".png", "image/png"};
}

std::string
mime_for(const std::string& url)
{
  const std::string path = util::ascii_lower(util::split_url(url).path);
  if (path.ends_with(".png")) {
    return "image/png";
  }
  if (path.ends_with(".jpg") || path.ends_with(".jpeg")) {
    return "image/jpeg";
  }
  if (path.ends_with(".webp")) {
    return "image/webp";
  }
  if (path.ends_with(".gif")) {
    return "image/gif";
  }
  if (path.ends_with(".svg")) {
    return "image/svg+xml";
  }
  return "image/*";
}

// A file name for every post's card: its slug, made safe as one path
// segment; posts that share a slug (dated permalinks) use their permalink's
// path instead, so no two posts share a card.
std::vector<std::string>
card_names(const std::vector<content::Post>& posts, const std::string& base_url)
{
  auto safe = [](std::string s) {
    for (char& c : s) {
      if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) {
        c = '-';
      }
    }
    while (!s.empty() && (s.front() == '.' || s.front() == '-')) {
      s.erase(0, 1);
    }
    while (!s.empty() && s.back() == '-') {
      s.pop_back();
    }
    return s.empty() ? std::string("post")
                     : std::string(util::utf8_prefix(s, 180));
  };
  std::map<std::string, int> uses;
  for (const auto& p : posts) {
    ++uses[safe(p.slug)];
  }
  std::vector<std::string> names;
  for (const auto& p : posts) {
    std::string name = safe(p.slug);
    if (uses[name] > 1) {
      name =
        safe(p.permalink.substr(std::min(p.permalink.size(), base_url.size())));
    }
    names.push_back(name);
  }
  return names;
}

std::map<std::string, std::string>
read_cache(const fs::path& file)
{
  std::map<std::string, std::string> out;
  auto text = util::read_file(file, 64 * 1024 * 1024);
  if (!text) {
    return out;
  }
  std::size_t pos = 0;
  while (pos < text->size()) {
    const std::size_t nl = text->find('\n', pos);
    const std::string line =
      text->substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text->size() : nl + 1;
    const std::size_t tab = line.find('\t');
    if (tab != std::string::npos) {
      out[line.substr(tab + 1)] = line.substr(0, tab);
    }
  }
  return out;
}

// Everything that decides a card's pixels, hashed.
std::string
card_key(const card::CardText& text, std::uint64_t setup)
{
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset_withSeed(state, setup);
  auto add = [&](const std::string& s) {
    XXH3_64bits_update(state, s.data(), s.size());
    XXH3_64bits_update(state, "\x1f", 1);
  };
  add(text.title);
  add(text.site);
  add(text.author);
  add(text.date);
  for (const auto& t : text.tags) {
    add(t);
  }
  const std::uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// The hash of what every card shares: ogfeed's version, the template, its
// fonts and images, and the encoding settings.
std::uint64_t
setup_hash(const card::CardTemplate& t,
           const card::TemplateFonts& fonts,
           const content::CardSettings& settings)
{
  std::string all = std::string(OGFEED_VERSION) + "\x1f" + t.source + "\x1f"
                    + settings.format + "\x1f"
                    + std::to_string(settings.png_compression) + "\x1f"
                    + std::to_string(settings.quality);
  for (const auto& f : fonts.files) {
    all += "\x1f" + std::to_string(f ? f->hash : 0);
  }
  for (const fs::path& image : {t.background.image, t.logo.path}) {
    if (!image.empty()) {
      if (auto bytes = util::read_file(image, 256 * 1024 * 1024)) {
        all +=
          "\x1f" + std::to_string(XXH3_64bits(bytes->data(), bytes->size()));
      }
    }
  }
  return XXH3_64bits(all.data(), all.size());
}

} // namespace

CardStepResult
build_cards(std::vector<content::Post>& posts,
            const content::SiteConfig& config,
            const fs::path& output_dir,
            const CardStepOptions& options)
{
  CardStepResult result;
  const Format format = format_of(config.cards.format);
  const std::string cards_url = config.base_url + config.cards.dir + "/";

  // Posts with their own image opt out.
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    content::Post& p = posts[i];
    if (!p.image.empty()) {
      content::CardRef ref;
      ref.url = util::resolve_url(p.image, p.permalink);
      ref.type = mime_for(ref.url);
      p.card = ref;
    } else {
      todo.push_back(i);
    }
  }
  if (todo.empty()) {
    return result;
  }

  auto tmpl = card::load_card_template(
    config.cards.template_name, options.template_dirs, options.font_dirs);
  if (!tmpl) {
    result.diagnostics.push_back(tmpl.error());
    return result;
  }
  auto fonts = card::load_template_fonts(*tmpl);
  if (!fonts) {
    result.diagnostics.push_back(fonts.error());
    return result;
  }
  const std::uint64_t setup = setup_hash(*tmpl, *fonts, config.cards);
  const std::vector<std::string> names = card_names(posts, config.base_url);
  const std::map<std::string, std::string> cache =
    read_cache(output_dir / k_cache_file);

  card::EncodeOptions encode;
  encode.format = format.format;
  encode.png_compression = config.cards.png_compression;
  encode.quality = config.cards.quality;

  struct Job
  {
    std::string rel; // "cards/slug.png"
    std::string key;
    card::CardText text;
    std::optional<util::Diagnostic> error;
    std::vector<char32_t> missing;
    std::uint64_t length = 0;
    bool reused = false;
  };
  std::vector<Job> jobs(todo.size());
  for (std::size_t j = 0; j < todo.size(); ++j) {
    const content::Post& p = posts[todo[j]];
    Job& job = jobs[j];
    job.rel = config.cards.dir + "/" + names[todo[j]] + format.extension;
    job.text = card::card_text_for(p, config, *tmpl);
    job.key = card_key(job.text, setup);
    const auto hit = cache.find(job.rel);
    std::error_code ec;
    const auto size = fs::file_size(output_dir / fs::u8path(job.rel), ec);
    if (hit != cache.end() && hit->second == job.key && !ec && size > 0) {
      job.reused = true;
      job.length = size;
    }
  }

  std::vector<std::size_t> to_render;
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    if (!jobs[j].reused) {
      to_render.push_back(j);
    }
  }
  // One renderer per thread: FreeType faces are not thread-safe.
  const unsigned threads = std::max(
    1U,
    std::min<unsigned>(options.jobs, static_cast<unsigned>(to_render.size())));
  std::vector<std::unique_ptr<card::CardRenderer>> renderers(threads);
  std::mutex setup_error_lock;
  std::optional<util::Error> setup_error;
  std::atomic<std::size_t> next{0};
  util::parallel_for(threads, threads, [&](std::size_t t) {
    auto renderer = card::CardRenderer::create(*tmpl, *fonts);
    if (!renderer) {
      const std::lock_guard<std::mutex> lock(setup_error_lock);
      setup_error = renderer.error();
      return;
    }
    renderers[t] = std::move(*renderer);
    for (std::size_t k = next++; k < to_render.size(); k = next++) {
      Job& job = jobs[to_render[k]];
      const content::Post& p = posts[todo[to_render[k]]];
      auto card = renderers[t]->render(job.text, encode);
      if (!card) {
        job.error = util::with_path(card.error(), p.source_path);
        continue;
      }
      job.missing = card->missing;
      job.length = card->bytes.size();
      if (auto ok = util::write_file_atomic(output_dir / fs::u8path(job.rel),
                                            card->bytes);
          !ok) {
        job.error = ok.error();
      }
    }
  });
  if (setup_error) {
    result.diagnostics.push_back(*setup_error);
    return result;
  }

  std::string index;
  std::map<std::string, std::string> manifest; // permalink -> JSON object
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    Job& job = jobs[j];
    content::Post& p = posts[todo[j]];
    if (job.error) {
      result.diagnostics.push_back(*job.error);
      continue;
    }
    for (const char32_t c : job.missing) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      result.diagnostics.push_back(util::with_path(
        util::make_warning("no font has '"
                           + util::encode_utf8(std::u32string(1, c)) + "' ("
                           + code + "); the card shows it as a box"),
        p.source_path));
    }
    result.rendered += job.reused ? 0 : 1;
    result.reused += job.reused ? 1 : 0;
    content::CardRef ref;
    ref.url =
      cards_url
      + util::percent_encode(job.rel.substr(config.cards.dir.size() + 1));
    ref.type = format.mime;
    ref.width = tmpl->width;
    ref.height = tmpl->height;
    ref.length = job.length;
    p.card = ref;
    index += job.key + "\t" + job.rel + "\n";
    manifest[p.permalink] = "{\"url\": " + util::json_string(ref.url)
                            + ", \"width\": " + std::to_string(ref.width)
                            + ", \"height\": " + std::to_string(ref.height)
                            + ", \"alt\": " + util::json_string(p.title) + "}";
  }
  std::string json = "{";
  bool first = true;
  for (const auto& [permalink, entry] : manifest) {
    json += std::string(first ? "\n" : ",\n") + "  "
            + util::json_string(permalink) + ": " + entry;
    first = false;
  }
  json += "\n}\n";
  result.outputs.push_back({output_dir / "cards.json", json});
  result.outputs.push_back({output_dir / k_cache_file, index});
  return result;
}

} // namespace ogfeed::site
