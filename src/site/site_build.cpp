#include "site/site_build.hpp"

#include "content/load/site_loader.hpp"
#include "site/build_cache.hpp"
#include "site/build_folders.hpp"
#include "site/build_record.hpp"
#include "site/head_json.hpp"
#include "site/post_selection.hpp"
#include "site/route_collisions.hpp"
#include "util/kept_until_exit.hpp"
#include "util/parallel.hpp"

#include <algorithm>
#include <chrono>
#include <future>
#include <map>
#include <set>
#include <thread>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

void
append(util::Diagnostics& to, util::Diagnostics from)
{
  to.insert(to.end(),
            std::make_move_iterator(from.begin()),
            std::make_move_iterator(from.end()));
}

// Draws and stages the cards when they are on; with --no-cards keeps the
// cards of the previous build (and cards.json) as they are. Returns false
// after an error.
bool
stage_cards(const std::vector<content::Post>& posts,
            const content::SiteConfig& config,
            const BuildOptions& options,
            OutputTransaction& tx,
            std::vector<std::optional<feed::CardRef>>& cards,
            BuildReport& report,
            std::vector<std::string>& inputs)
{
  if (!config.cards.enabled) {
    return true;
  }
  if (options.cards == Cards::off) {
    for (const auto& [rel, entry] : tx.previous()) {
      if ((!entry.key.empty() && rel.starts_with(config.cards.dir + "/"))
          || rel == "cards.json") {
        tx.keep(rel);
      }
    }
    return true;
  }
  if (posts.empty()) {
    return true;
  }
  CardStepResult result = build_cards(posts,
                                      config,
                                      tx,
                                      {report.output_dir,
                                       options.template_dirs,
                                       options.font_dirs,
                                       options.site_root,
                                       options.jobs,
                                       options.progress,
                                       options.shard_index,
                                       options.shard_count,
                                       options.merge_shards});
  append(report.diagnostics, std::move(result.diagnostics));
  report.cards_rendered = result.rendered;
  report.card_records = std::move(result.records);
  report.cards_reused = result.reused;
  cards = std::move(result.cards);
  inputs = std::move(result.inputs);
  return !util::has_error(report.diagnostics);
}

// Stages head.json, when it is on: every post's <head> tags (with its
// summary for og:description), written to its staging file as it is made,
// in `by_permalink`'s order.
util::Expected<void>
stage_head_json(const std::vector<content::Post>& posts,
                const std::vector<std::size_t>& by_permalink,
                const std::vector<std::optional<feed::CardRef>>& cards,
                const content::SiteConfig& config,
                unsigned jobs,
                OutputTransaction& tx)
{
  if (!config.head_json) {
    return {};
  }
  // Only posts without a description need their body read for one (no
  // thread is started when none does).
  std::vector<std::size_t> undescribed;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    if (posts[i].description.empty()) {
      undescribed.push_back(i);
    }
  }
  std::vector<std::string> summaries(posts.size());
  util::parallel_for(undescribed.size(), jobs, [&](std::size_t k) {
    summaries[undescribed[k]] = post_summary(posts[undescribed[k]], config);
  });
  return tx.stage_from(
    k_head_json_file, {}, [&](const OutputTransaction::PieceWriter& write) {
      return write_head_json(
        posts, cards, summaries, config, jobs, write, &by_permalink);
    });
}

// The outputs beside the feeds: feed.xsl and feed.html, as configured
// (head.json is staged as it is made).
std::vector<FeedFile>
other_outputs(const FeedStepResult& feeds)
{
  std::vector<FeedFile> others;
  if (feeds.stylesheet) {
    others.push_back(*feeds.stylesheet);
  }
  others.insert(others.end(), feeds.pages.begin(), feeds.pages.end());
  return others;
}

// Stages `others` (feed.xsl, the feed pages) beside the feeds and head.json
// staged as they were made, commits the transaction and says how far it
// got.
void
publish(OutputTransaction& tx,
        const FeedStepResult& feeds,
        const std::vector<FeedFile>& others,
        BuildReport& report)
{
  for (const auto& rel : feeds.kept) {
    tx.keep(rel);
  }
  for (const auto& f : others) {
    if (auto ok = tx.stage(f.rel, f.bytes, f.key); !ok) {
      report.diagnostics.push_back(ok.error());
      return;
    }
  }
  const Manifest previous = tx.previous();
  auto done = tx.commit();
  if (!done) {
    report.diagnostics.push_back(done.error().error);
    report.published = done.error().stage == CommitStage::publishing
                         ? Published::partly
                         : Published::nothing;
    return;
  }
  report.published = Published::all;
  for (const auto& [rel, entry] : done->outputs) {
    const auto before = previous.find(rel);
    report.outputs.push_back({rel,
                              entry.size,
                              before == previous.end()
                                || before->second.hash != entry.hash
                                || before->second.size != entry.size});
  }
  std::set<std::string, std::less<>> feed_paths(feeds.kept.begin(),
                                                feeds.kept.end());
  feed_paths.insert(feeds.written.begin(), feeds.written.end());
  for (const auto& o : report.outputs) {
    report.feeds_unchanged += !o.changed && feed_paths.contains(o.path) ? 1 : 0;
  }
  report.written = std::move(done->written);
  report.removed = std::move(done->removed);
}

// Loads every post (from the cache where its file has not changed), notes
// in `record` what this build read, and returns the posts it publishes
// (their indices in permalink order in `by_permalink`). The parse cache
// for the next build goes to `next` as the posts load.
std::vector<content::Post>
load_and_select(const BuildOptions& options,
                const content::SiteConfig& config,
                const BuildCache& cache,
                content::BrokenDrafts broken_drafts,
                BuildReport& report,
                BuildRecord& record,
                ParseCacheStream& next,
                std::vector<std::size_t>& by_permalink)
{
  const content::CacheEntrySink sink = [&next](std::string&& entries) {
    next.add(std::move(entries));
  };
  content::LoadedPosts loaded =
    content::load_posts(options.site_root,
                        config,
                        std::max(1U, options.jobs),
                        broken_drafts,
                        &cache.posts,
                        &sink,
                        content::PostOrder::as_listed);
  report.posts_read = loaded.parsed;
  append(report.diagnostics, std::move(loaded.diagnostics));
  record.valid_until = next_change(loaded.posts, options.now);
  if (loaded.stamps.size() != loaded.files) {
    // A post dated by git has a date no stamp vouches for: with one, no
    // later build can be known to be up to date without reading.
    record.valid_until = util::UtcSeconds::min();
  }
  // The build's clock was read before any file: the next build judges
  // which stamps are too recent to trust against it (tests fix it).
  record.read_time = std::chrono::duration_cast<std::chrono::nanoseconds>(
                       options.now.time_since_epoch())
                       .count();
  record.posts = std::move(loaded.stamps);
  record.folders = std::move(loaded.folders);
  std::vector<content::Post> posts =
    select_posts(std::move(loaded.posts), options, report, &by_permalink);
  report.posts = posts.size();
  warn_missing_images(posts, options.site_root, report.diagnostics);
  if (posts.empty() && !util::has_error(report.diagnostics)) {
    report.diagnostics.push_back(
      util::make_warning("no posts to publish in '"
                         + (options.site_root / config.content_dirs.front())
                             .lexically_normal()
                             .string()
                         + "'"));
  }
  return posts;
}

// The generator's built site: --site-output, else its output folder once a
// build of it left index.html there.
std::optional<util::Dir>
built_site(const BuildOptions& options,
           const std::string& generator_output,
           BuildReport& report)
{
  if (options.site_output) {
    auto dir = util::Dir::open(*options.site_output, util::Create::no);
    if (!dir) {
      report.diagnostics.push_back(
        util::make_error("--site-output: " + dir.error().message));
      return std::nullopt;
    }
    return std::move(*dir);
  }
  if (generator_output.empty() || !util::is_plain_relative(generator_output)) {
    return std::nullopt;
  }
  auto site = util::Dir::open(options.site_root, util::Create::no);
  auto dir = site ? site->sub(generator_output, util::Create::no)
                  : util::Expected<util::Dir>(tl::unexpected(site.error()));
  if (!dir || !dir->is_file("index.html")) {
    return std::nullopt;
  }
  return std::move(*dir);
}

// Issue 21: every URL the build publishes (entry links, og:images, links and
// images in content) checked against the generator's built site.
void
check_built_site(const std::optional<util::Dir>& built,
                 const std::vector<content::Post>& posts,
                 const std::vector<std::optional<feed::CardRef>>& cards,
                 const content::SiteConfig& config,
                 const FeedStepResult& feeds,
                 bool strict,
                 BuildReport& report)
{
  if (!built) {
    return;
  }
  report.checked = built->path();
  std::vector<PublishedUrl> urls;
  for (std::size_t i = 0; i < posts.size(); ++i) {
    urls.push_back({posts[i].permalink, posts[i].shown_path, "its link"});
    if (!cards[i]) {
      if (std::string image = post_image_url(posts[i], config);
          !image.empty()) {
        urls.push_back({std::move(image), posts[i].shown_path, "its og:image"});
      }
    }
  }
  urls.insert(urls.end(), feeds.linked.begin(), feeds.linked.end());
  append(report.diagnostics,
         check_against_built_site(urls, config.base_url, *built, strict));
}

// The build's stages, for --report (seconds since the last lap) and for
// the progress line.
struct Stages
{
  const BuildOptions& options;
  BuildReport& report;
  std::chrono::steady_clock::time_point started =
    std::chrono::steady_clock::now();

  void
  lap(const char* stage)
  {
    const auto now = std::chrono::steady_clock::now();
    report.timings.emplace_back(
      stage, std::chrono::duration<double>(now - started).count());
    started = now;
  }

  void
  say(const char* stage, std::size_t total) const
  {
    if (options.progress) {
      options.progress({stage, 0, total});
    }
  }
};

// What decides the whole build: its settings, and the generator's built
// site as it is now (when the generator builds again, so does ogfeed: its
// warnings would be stale).
std::string
full_fingerprint(const content::SiteConfig& config,
                 const BuildOptions& options,
                 const std::optional<util::Dir>& built)
{
  std::string fingerprint = build_fingerprint(config, options);
  if (built) {
    const auto stamp = util::file_stamp(built->path() / "index.html");
    fingerprint += "\x1f" + built->path().string() + "\x1f"
                   + (options.strict ? "strict" : "") + "\x1f"
                   + std::to_string(stamp ? stamp->mtime_ns : 0) + "\x1f"
                   + std::to_string(stamp ? stamp->size : 0);
  }
  return fingerprint;
}

// Warnings for the outputs a route of the generator's own also builds.
util::Diagnostics
collisions(const FeedStepResult& feeds,
           const std::vector<FeedFile>& others,
           const content::SiteConfig& config,
           const BuildOptions& options)
{
  std::vector<std::string> rels = feeds.kept;
  rels.insert(rels.end(), feeds.written.begin(), feeds.written.end());
  for (const auto& f : others) {
    rels.push_back(f.rel);
  }
  if (config.head_json) {
    rels.emplace_back(k_head_json_file);
  }
  return route_collisions(config, rels, options.site_root);
}

// What a build records once it has published everything.
struct Recording
{
  BuildRecord record;
  std::size_t first_note = 0; // its first diagnostic in the report
  std::vector<std::string> card_inputs;
};

// Publishes the feeds, head.json (once `head` has staged it) and the other
// outputs, then records the build; the feed cache is written, and the
// posts (which nothing reads then) freed, meanwhile.
void
publish_and_record(const BuildOptions& options,
                   const content::SiteConfig& config,
                   OutputTransaction& tx,
                   FeedStepResult& feeds,
                   std::future<util::Expected<void>>& head_staged,
                   Recording r,
                   std::vector<content::Post>&& posts,
                   BuildReport& report)
{
  // head.json reads the posts: they are moved on only once it is made.
  const util::Expected<void> head = head_staged.get();
  // 10,000 posts' strings are freed while the outputs are published
  // (joined on return), or left to the exit of a process that ends next.
  std::jthread free_posts;
  if (options.process_ends_after) {
    util::kept_until_exit(std::move(posts));
  } else {
    free_posts =
      std::jthread([done = std::move(posts)]() mutable { done = {}; });
  }
  if (!head) {
    report.diagnostics.push_back(head.error());
    return;
  }
  const util::Dir& state = tx.state();
  // The cache only saves time (a build that cannot write it still
  // publishes everything, and its entries are keyed by what they were made
  // from): it is written while the outputs are.
  std::future<void> cache_written =
    std::async(std::launch::async, [&state, next = std::move(feeds.cache)]() {
      (void)write_feed_cache(state, next);
    });
  // The record's largest part (final since the posts were chosen) is made
  // while the outputs are published.
  std::future<std::string> posts_part = std::async(std::launch::async, [&] {
    return BuildRecord::posts_part(
      r.record.posts, r.record.folders, report.post_records);
  });
  const std::vector<FeedFile> others = other_outputs(feeds);
  append(report.diagnostics, collisions(feeds, others, config, options));
  publish(tx, feeds, others, report);
  const std::string part = posts_part.get();
  if (report.published == Published::all) {
    record_build(r.record, report, r.first_note, r.card_inputs);
    (void)write_build_record(state, r.record, part);
  }
  cache_written.wait();
}

// Builds the feeds (head.json is made meanwhile) and checks the generator's
// built site, when there is one, against them.
FeedStepResult
make_feeds(const BuildOptions& options,
           const content::SiteConfig& config,
           OutputTransaction& tx,
           const std::optional<util::Dir>& built,
           const std::vector<content::Post>& posts,
           const std::vector<std::optional<feed::CardRef>>& cards,
           const FeedCache& previous,
           BuildReport& report)
{
  // The names the generator gave each post's images, when there is a
  // built site to read them from.
  const std::vector<BuiltAssets> assets =
    built ? read_built_assets(*built, posts, config)
          : std::vector<BuiltAssets>();
  FeedStepResult feeds = build_feeds(
    posts,
    cards,
    config,
    tx,
    previous,
    {report.output_dir, options.now, options.jobs, built ? &assets : nullptr});
  append(report.diagnostics, std::move(feeds.diagnostics));
  report.feeds = feeds.written.size() + feeds.kept.size();
  report.entries_rendered = feeds.entries_rendered;
  check_built_site(built, posts, cards, config, feeds, options.strict, report);
  return feeds;
}

// Loads, draws, writes and publishes what changed since the last build
// (everything, the first time), and records the build.
void
build_changed(const BuildOptions& options,
              const content::SiteConfig& site,
              OutputTransaction& transaction,
              const std::optional<util::Dir>& built,
              const std::string& fingerprint,
              content::BrokenDrafts broken_drafts,
              BuildReport& report,
              Stages& stages)
{
  const content::SiteConfig* config = &site;
  OutputTransaction* tx = &transaction;
  const util::Dir& state = tx->state();
  auto lap = [&](const char* stage) { stages.lap(stage); };
  auto say = [&](const char* stage, std::size_t total = 0) {
    stages.say(stage, total);
  };
  const std::uint64_t setup =
    content::parse_cache_setup(*config, broken_drafts);
  BuildCache cache = read_build_cache(state, setup);
  const std::size_t first_note = report.diagnostics.size();
  BuildRecord record;
  record.fingerprint = fingerprint;
  // The parse cache depends on nothing later: it is written as the posts
  // load, each record as soon as its post is parsed, and is kept by a build
  // that fails after loading. Its clock is the build's.
  ParseCacheStream next_cache(
    state,
    setup,
    std::chrono::nanoseconds(options.now.time_since_epoch()).count());
  std::vector<std::size_t> by_permalink; // the posts' indices, by permalink
  std::vector<content::Post> posts = load_and_select(options,
                                                     *config,
                                                     cache,
                                                     broken_drafts,
                                                     report,
                                                     record,
                                                     next_cache,
                                                     by_permalink);
  cache.posts = content::ParseCache(); // read: its records are done with
  // Its last records are written, and the file put in place, while the
  // build goes on (waited for on every way out of this function).
  const std::future<util::Expected<void>> cache_finished = std::async(
    std::launch::async, [&next_cache] { return next_cache.finish(); });
  lap("load");
  if (util::has_error(report.diagnostics)) {
    return;
  }
  std::vector<std::optional<feed::CardRef>> cards(posts.size());
  std::vector<std::string> card_inputs;
  const bool cards_ok =
    stage_cards(posts, *config, options, *tx, cards, report, card_inputs);
  lap("cards");
  if (!cards_ok) {
    return;
  }
  say("feeds", posts.size());
  // head.json is made while the feeds are: both only read the posts.
  std::future<util::Expected<void>> head = std::async(std::launch::async, [&] {
    return stage_head_json(
      posts, by_permalink, cards, *config, options.jobs, *tx);
  });
  FeedStepResult feeds =
    make_feeds(options, *config, *tx, built, posts, cards, cache.feeds, report);
  lap("feeds");
  if (util::has_error(report.diagnostics)) {
    return;
  }
  say("publishing");
  publish_and_record(options,
                     *config,
                     *tx,
                     feeds,
                     head,
                     {std::move(record), first_note, std::move(card_inputs)},
                     std::move(posts),
                     report);
  lap("publish");
}

} // namespace

BuildReport
build_site(const BuildOptions& options)
{
  BuildReport report;
  Stages stages{options, report};
  auto lap = [&](const char* stage) { stages.lap(stage); };
  auto say = [&](const char* stage, std::size_t total = 0) {
    stages.say(stage, total);
  };
  say("loading");
  // git is asked about the state folder while the settings load.
  std::future<util::Expected<void>> untracked = check_state_untracked(options);
  auto setup = content::load_site_config(options.site_root, options.base_url);
  if (setup) {
    append(report.diagnostics, std::move(setup->detected.diagnostics));
    report.detected = content::detection_summary(setup->detected);
  }
  if (!setup) {
    report.diagnostics.push_back(setup.error());
    return report;
  }
  const content::SiteConfig* config = &setup->config;
  report.config = setup->config;
  auto tx = open_transaction(options, *config, untracked, report);
  if (!tx) {
    report.diagnostics.push_back(tx.error());
    return report;
  }
  const util::Dir& state = tx->state();

  const content::BrokenDrafts broken_drafts =
    options.drafts == Drafts::include
      ? content::BrokenDrafts::are_errors
      : content::BrokenDrafts::skip_with_warnings;
  // The built site checked against, as it is now: when the generator builds
  // again, so does ogfeed (its warnings would be stale).
  const std::optional<util::Dir> built =
    built_site(options, setup->detected.site_output, report);
  if (util::has_error(report.diagnostics)) {
    return report;
  }
  const std::string fingerprint = full_fingerprint(*config, options, built);
  if (auto last = read_build_record(state);
      last && up_to_date(*last, fingerprint, options, report.output_dir)) {
    replay(std::move(*last), report);
    lap("load");
    return report;
  }
  build_changed(
    options, *config, *tx, built, fingerprint, broken_drafts, report, stages);
  return report;
}

} // namespace ogfeed::site
