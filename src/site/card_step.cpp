#include "site/card_step.hpp"

#include "card/card_text.hpp"
#include "site/card_looks.hpp"
#include "site/card_names.hpp"
#include "site/head_json.hpp"
#include "util/ascii.hpp"
#include "util/file.hpp"
#include "util/json.hpp"
#include "util/parallel.hpp"
#include "util/url.hpp"
#include "util/utf8.hpp"

#include <fmt/format.h>

#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

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
  add(text.emoji);
  add(text.avatar);
  add(text.description);
  add(text.accent);
  for (const auto& t : text.tags) {
    add(t);
  }
  const std::uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return fmt::format("{:016x}", h);
}

// A card to draw or to keep: where it goes and what decides its pixels.
struct CardJob
{
  std::size_t post = 0; // index into the posts
  std::size_t look = 0; // index into the build's CardLooks
  std::string rel;      // "cards/slug.png"
  std::string key;
  card::CardText text;
  std::optional<util::Error> error;
  std::vector<char32_t> missing;
  std::uint64_t length = 0;
  bool reused = false;
  bool skipped = false; // another shard draws it
  fs::path copy_from;   // a shard's file holding this very card
};

// One job per post in `todo`: its file below the cards folder and its
// text (keys come once the fonts, fallbacks included, are known).
std::vector<CardJob>
plan_card_jobs(const std::vector<content::Post>& posts,
               const std::vector<std::size_t>& todo,
               const content::SiteConfig& config,
               CardLooks& looks,
               const char* extension,
               util::Diagnostics& diagnostics)
{
  const std::vector<std::string> names = card_names(posts, config.base_url);
  const card::CardContext context = card_context(config);
  std::vector<CardJob> jobs(todo.size());
  for (std::size_t j = 0; j < todo.size(); ++j) {
    CardJob& job = jobs[j];
    job.post = todo[j];
    job.look = looks.look_for(posts[job.post], diagnostics);
    job.rel = config.cards.dir + "/" + names[job.post] + extension;
    job.text =
      card::card_text_for(posts[job.post], context, looks[job.look].tmpl);
    if (looks[job.look].tmpl.avatar.enabled && !job.text.author.empty()) {
      job.text.avatar = looks.avatar_for(posts[job.post], diagnostics);
    }
  }
  return jobs;
}

// cards.json: permalink -> card URL, size and alt text, for any generator's
// og:image.
std::string
card_manifest_json(const std::vector<content::Post>& posts,
                   const std::vector<std::optional<feed::CardRef>>& cards)
{
  std::map<std::string, std::string> entries; // sorted by permalink
  for (std::size_t i = 0; i < posts.size(); ++i) {
    if (!cards[i] || cards[i]->width == 0) {
      continue;
    }
    const feed::CardRef& ref = *cards[i];
    util::JsonWriter entry;
    entry.begin_object();
    entry.key("url").string(ref.url);
    entry.key("width").integer(ref.width);
    entry.key("height").integer(ref.height);
    entry.key("alt").string(posts[i].title);
    entry.end_object();
    entries[posts[i].permalink] = entry.str();
  }
  return util::json_object_lines(entries);
}

struct Renderers
{
  const CardLooks& looks;
  card::EncodeOptions encode;
};

// Reuses or draws every job on `threads` threads, staging each new card.
// Stops handing out work at the first card that cannot be staged (a full
// disk fails the same way for every card after it).
std::optional<util::Error>
run_card_jobs(std::vector<CardJob>& jobs,
              const std::vector<content::Post>& posts,
              const Renderers& setup,
              OutputTransaction& tx,
              unsigned threads,
              const ProgressFn& progress)
{
  std::atomic<std::size_t> done{0};
  auto tick = [&] {
    const std::size_t n = ++done;
    if (progress) {
      progress({"cards", n, jobs.size()});
    }
  };
  std::mutex lock;
  std::optional<util::Error> fatal;
  std::atomic<bool> stop{false};
  std::atomic<std::size_t> next{0};
  auto fail = [&](util::Error e) {
    const std::lock_guard<std::mutex> guard(lock);
    if (!fatal) {
      fatal = std::move(e);
    }
    stop = true;
  };
  util::parallel_for(threads, threads, [&](std::size_t) {
    // One renderer per thread and look, made only when a card must be
    // drawn: FreeType faces are not thread-safe.
    std::vector<std::unique_ptr<card::CardRenderer>> renderers(
      setup.looks.size());
    for (std::size_t k = next++; k < jobs.size() && !stop; k = next++) {
      CardJob& job = jobs[k];
      if (job.reused || job.skipped) {
        tick();
        continue;
      }
      if (!job.copy_from.empty()) {
        auto bytes = util::read_file(job.copy_from, std::size_t{1} << 28);
        if (!bytes) {
          fail(bytes.error());
        } else if (auto ok = tx.stage(job.rel, *bytes, job.key); !ok) {
          fail(ok.error());
        }
        job.length = bytes ? bytes->size() : 0;
        tick();
        continue;
      }
      std::unique_ptr<card::CardRenderer>& renderer = renderers[job.look];
      if (!renderer) {
        auto made = card::CardRenderer::create(setup.looks[job.look].tmpl,
                                               setup.looks.fonts_of(job.look));
        if (!made) {
          fail(made.error());
          return;
        }
        renderer = std::move(*made);
      }
      auto card = renderer->render(job.text, setup.encode);
      if (!card) {
        job.error = util::with_path(card.error(), posts[job.post].shown_path);
        continue;
      }
      job.missing = std::move(card->missing);
      job.length = card->bytes.size();
      if (auto ok = tx.stage(job.rel, card->bytes, job.key); !ok) {
        fail(ok.error());
      }
      tick();
    }
  });
  return fatal;
}

// The template and font folders a build looks in (a site's own first).
std::vector<std::filesystem::path>
own_dirs(const CardStepOptions& options)
{
  std::vector<std::filesystem::path> dirs = options.template_dirs;
  dirs.insert(dirs.end(), options.font_dirs.begin(), options.font_dirs.end());
  return dirs;
}

// For --merge-shards: points each card no earlier build left at the shard
// folder whose manifest drew it with this very key (and whose file still
// holds those bytes). An error names the first card no shard has.
std::optional<util::Error>
find_in_shards(std::vector<CardJob>& jobs, const std::vector<fs::path>& dirs)
{
  std::vector<Manifest> manifests;
  std::vector<util::Dir> opened;
  for (const auto& dir : dirs) {
    auto folder = util::Dir::open(dir, util::Create::no);
    if (!folder) {
      return folder.error();
    }
    auto text = folder->read(k_shard_manifest, std::size_t{1} << 28);
    if (!text) {
      return util::with_path(
        util::make_error(std::string("not a shard's output folder: no ")
                         + k_shard_manifest),
        dir.string());
    }
    auto manifest = parse_manifest(*text);
    if (!manifest) {
      return util::with_path(manifest.error(),
                             (dir / k_shard_manifest).string());
    }
    manifests.push_back(std::move(*manifest));
    opened.push_back(std::move(*folder));
  }
  for (CardJob& job : jobs) {
    if (job.reused) {
      continue;
    }
    for (std::size_t d = 0; d < dirs.size() && job.copy_from.empty(); ++d) {
      if (holds_output(manifests[d], opened[d], job.rel, job.key)) {
        job.copy_from = dirs[d] / fs::u8path(job.rel);
      }
    }
    if (job.copy_from.empty()) {
      return util::make_error(
        "card '" + job.rel
        + "' is in no shard's output (were the shards built from the same "
          "posts, template and fonts, with --shard K/N for every K?)");
    }
  }
  return std::nullopt;
}

// --shard K/N leaves to other shards the cards that are not its share;
// --merge-shards finds every card in the shards (an error names one that
// no shard has).
std::optional<util::Error>
split_shards(std::vector<CardJob>& jobs, const CardStepOptions& options)
{
  if (options.shard_count > 0) {
    std::size_t nth = 0;
    for (CardJob& job : jobs) {
      if (!job.reused) {
        job.skipped = nth++ % options.shard_count != options.shard_index - 1;
      }
    }
  }
  if (!options.merge_from.empty()) {
    return find_in_shards(jobs, options.merge_from);
  }
  return std::nullopt;
}

// One warning per character no font has, at the title when the character
// is in it (the usual case).
void
warn_missing_glyphs(const content::Post& p,
                    const std::vector<char32_t>& missing,
                    util::Diagnostics& diagnostics)
{
  for (const char32_t c : missing) {
    const bool in_title =
      util::decode_utf8(p.title).find(c) != std::u32string::npos;
    diagnostics.push_back(
      util::with_path(util::make_warning(card::missing_glyph_message(c),
                                         in_title ? p.title_line : 0,
                                         in_title ? p.title_column : 0),
                      p.shown_path));
  }
}

// Adds the system fonts for what the template's fonts lack in the jobs'
// cards (Korean, Greek...), then gives each job the key of everything that
// decides its pixels, those fonts included.
void
key_card_jobs(std::vector<CardJob>& jobs, CardLooks& looks)
{
  std::vector<std::u32string> shown(looks.size());
  for (const CardJob& job : jobs) {
    shown[job.look] += util::decode_utf8(card::all_text(job.text));
  }
  looks.finish(shown);
  looks.hash_setups();
  for (CardJob& job : jobs) {
    job.key = card_key(
      job.text, looks[job.look].setup ^ looks.file_hash(job.text.avatar));
  }
}

// True when a page bundle (posts/x/index.md) names as its image a file of
// its own (`image: cover.png`) that is not beside it: the generator would
// publish no such file, so readers would get a broken image.
bool
missing_bundle_image(const content::Post& p)
{
  const std::string name = fs::path(p.file).filename().string();
  const std::string_view image = p.image;
  if (p.file.empty()
      || !(name.starts_with("index.") || name.starts_with("_index."))
      || image.starts_with('/') || image.find("://") != std::string_view::npos
      || image.starts_with("//")) {
    return false;
  }
  const std::string_view path = image.substr(0, image.find_first_of("?#"));
  std::error_code ec;
  return !fs::exists(fs::path(p.file).parent_path() / fs::u8path(path), ec);
}

// Posts with their own image opt out: their card is that image. Returns
// the indices of the others.
std::vector<std::size_t>
posts_needing_cards(const std::vector<content::Post>& posts,
                    const content::SiteConfig& config,
                    CardStepResult& result)
{
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const content::Post& p = posts[i];
    const std::string_view image = p.image;
    if (config.url_rules.processed_images && !image.empty()
        && !image.starts_with('/') && image.find("://") == std::string::npos
        && !image.starts_with("data:")) {
      // An asset the generator renames as it builds: no URL names it.
      todo.push_back(i);
    } else if (missing_bundle_image(p)) {
      result.diagnostics.push_back(util::with_path(
        util::make_warning("its image \"" + p.image
                             + "\" is not beside it in its bundle; a card is "
                               "drawn instead",
                           1,
                           1),
        p.shown_path));
      todo.push_back(i);
    } else if (!p.image.empty()) {
      feed::CardRef ref;
      ref.url = post_image_url(p, config);
      ref.type = mime_for(ref.url);
      result.cards[i] = ref;
    } else {
      todo.push_back(i);
    }
  }
  return todo;
}

// The cards of the jobs as feeds link them, the build report's records,
// warnings for glyphs no font had, and the reused cards kept in `tx`.
void
collect_cards(std::vector<CardJob>& jobs,
              const std::vector<content::Post>& posts,
              const content::SiteConfig& config,
              const CardLooks& looks,
              const Format& format,
              OutputTransaction& tx,
              CardStepResult& result)
{
  const std::string cards_url = config.base_url + config.cards.dir + "/";
  for (CardJob& job : jobs) {
    const content::Post& p = posts[job.post];
    if (job.skipped) {
      continue;
    }
    if (job.error) {
      result.diagnostics.push_back(*job.error);
      continue;
    }
    warn_missing_glyphs(p, job.missing, result.diagnostics);
    const bool drawn = !job.reused && job.copy_from.empty();
    if (job.reused) {
      tx.keep(job.rel);
    }
    ++(drawn ? result.rendered : result.reused);
    result.records.push_back({p.shown_path, job.rel, drawn});
    feed::CardRef ref;
    ref.url =
      cards_url
      + util::percent_encode(job.rel.substr(config.cards.dir.size() + 1));
    ref.type = format.mime;
    ref.width = looks[job.look].tmpl.width;
    ref.height = looks[job.look].tmpl.height;
    ref.length = job.length;
    result.cards[job.post] = ref;
  }
}

// What --merge-shards checks each of this shard's cards against.
void
stage_shard_manifest(const std::vector<CardJob>& jobs,
                     OutputTransaction& tx,
                     CardStepResult& result)
{
  Manifest drawn;
  for (const CardJob& job : jobs) {
    if (auto entry = tx.entry(job.rel); entry && !job.skipped) {
      drawn[job.rel] = *entry;
    }
  }
  if (auto ok = tx.stage(k_shard_manifest, format_manifest(drawn)); !ok) {
    result.diagnostics.push_back(ok.error());
  }
}

} // namespace

card::CardContext
card_context(const content::SiteConfig& config)
{
  return {content::site_titles(config),
          config.timezone,
          config.author.name,
          config.cards};
}

CardStepResult
build_cards(const std::vector<content::Post>& posts,
            const content::SiteConfig& config,
            OutputTransaction& tx,
            const CardStepOptions& options)
{
  CardStepResult result;
  result.cards.resize(posts.size());
  const Format format = format_of(config.cards.format);

  const std::vector<std::size_t> todo =
    posts_needing_cards(posts, config, result);
  if (todo.empty()) {
    return result;
  }

  auto looks =
    CardLooks::load(config,
                    {options.template_dirs,
                     options.font_dirs,
                     site_image_dirs(options.site_root),
                     options.site_root,
                     site_file_scope(options.site_root, own_dirs(options))},
                    result.diagnostics);
  if (!looks) {
    result.diagnostics.push_back(looks.error());
    return result;
  }
  std::vector<CardJob> jobs = plan_card_jobs(
    posts, todo, config, *looks, format.extension, result.diagnostics);
  key_card_jobs(jobs, *looks);
  result.inputs = looks->inputs();
  // Checking a cached card reads it: spread that over the threads too.
  util::parallel_for(jobs.size(), options.jobs, [&](std::size_t j) {
    if (tx.holds(jobs[j].rel, jobs[j].key)) {
      jobs[j].reused = true;
      jobs[j].length = tx.previous().at(jobs[j].rel).size;
    }
  });

  if (auto missing = split_shards(jobs, options)) {
    result.diagnostics.push_back(std::move(*missing));
    return result;
  }

  Renderers setup_for_threads{*looks, {}};
  setup_for_threads.encode.format = format.format;
  setup_for_threads.encode.png_compression = config.cards.png_compression;
  setup_for_threads.encode.quality = config.cards.quality;
  const unsigned threads = std::max(
    1U, std::min<unsigned>(options.jobs, static_cast<unsigned>(jobs.size())));
  if (auto fatal = run_card_jobs(
        jobs, posts, setup_for_threads, tx, threads, options.progress)) {
    result.diagnostics.push_back(std::move(*fatal));
    return result;
  }

  collect_cards(jobs, posts, config, *looks, format, tx, result);
  if (auto ok = tx.stage("cards.json", card_manifest_json(posts, result.cards));
      !ok) {
    result.diagnostics.push_back(ok.error());
  }
  if (options.shard_count > 0) {
    stage_shard_manifest(jobs, tx, result);
  }
  return result;
}

} // namespace ogfeed::site
