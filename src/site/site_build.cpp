#include "site/site_build.hpp"

#include "content/absolute_urls.hpp"
#include "content/generator_markup.hpp"
#include "content/markdown.hpp"
#include "content/site_loader.hpp"
#include "feed/feed_plan.hpp"
#include "feed/formats.hpp"
#include "site/card_step.hpp"
#include "util/file.hpp"
#include "util/parallel.hpp"
#include "validate/validator.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_excerpt_chars = 140;

// Keeps the posts this build publishes and reports two posts that would
// share one permalink (feed readers would merge them).
// Why a post is not published, or "" when it is.
std::string
skip_reason(const content::Post& post, const BuildOptions& options)
{
  if (post.draft && options.drafts == Drafts::skip) {
    return "draft";
  }
  const bool future =
    post.date > options.now
    || (post.publish_date && *post.publish_date > options.now);
  if (future && options.future == FuturePosts::skip) {
    return "future";
  }
  if (post.expiry_date && *post.expiry_date <= options.now) {
    return "expired"; // Hugo's expiryDate: gone once it is past
  }
  return {};
}

std::vector<content::Post>
select_posts(std::vector<content::Post> posts,
             const BuildOptions& options,
             BuildReport& report)
{
  util::Diagnostics& diagnostics = report.diagnostics;
  std::vector<content::Post> out;
  std::map<std::string, std::string> seen; // permalink -> source path
  for (auto& post : posts) {
    BuildReport::PostRecord record{
      post.shown_path, post.permalink, post.date, skip_reason(post, options)};
    if (!record.skipped.empty()) {
      report.post_records.push_back(std::move(record));
      continue;
    }
    const auto [it, inserted] = seen.emplace(post.permalink, post.shown_path);
    if (!inserted) {
      record.skipped = "duplicate permalink";
      report.post_records.push_back(std::move(record));
      diagnostics.push_back(util::with_path(
        util::make_error("permalink '" + post.permalink + "' is also used by "
                           + it->second
                           + "; give one of them another 'slug', or add "
                             ":year/:month/:day to the site's 'permalink'",
                         1,
                         1),
        post.shown_path));
      continue;
    }
    report.post_records.push_back(std::move(record));
    out.push_back(std::move(post));
  }
  return out;
}

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
            BuildReport& report)
{
  if (!config.cards.enabled) {
    return true;
  }
  if (options.cards == Cards::off) {
    for (const auto& [rel, entry] : tx.previous()) {
      if (!entry.card_key.empty() || rel == "cards.json") {
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
  return !util::has_error(report.diagnostics);
}

// One post as feeds show it: its body with the generators' markup rendered,
// as HTML with absolute URLs, its summary and its card. Warnings and errors
// go to `notes`, with the post's path.
feed::Entry
make_entry(const content::Post& post,
           const std::optional<feed::CardRef>& card,
           const content::SiteConfig& config,
           const content::PostFinder& find_post,
           util::Diagnostics& notes)
{
  feed::Entry entry;
  entry.post = &post;
  entry.card = card;
  auto loaded = content::load_post_body(post);
  if (!loaded) {
    notes.push_back(loaded.error());
    return entry;
  }
  util::Diagnostics markup;
  content::MarkupContext context{
    config.base_url, post.permalink, config.markup, find_post};
  context.dialects.mdx = post.file.extension() == ".mdx";
  const std::string body = content::render_generator_markup(
    *loaded, context, post.body_span.line, markup);
  for (auto& d : markup) {
    notes.push_back(util::with_path(std::move(d), post.shown_path));
  }
  content::Tables tables = content::Tables::gfm;
  if (const int line = content::table_cells_overflow_line(body)) {
    tables = content::Tables::as_text;
    notes.push_back(util::with_path(
      util::make_warning(
        "more than " + std::to_string(content::k_max_table_cells)
          + " table cells in one post; its tables are left as text",
        post.body_span.line + line - 1,
        1),
      post.shown_path));
  }
  entry.content_html = content::absolutize_html(
    content::render_markdown(body, tables), post.permalink);
  entry.summary = post.description.empty()
                    ? content::markdown_excerpt(body, k_excerpt_chars, tables)
                    : post.description;
  return entry;
}

// Makes the entry of every post that some feed includes, on `jobs` threads:
// its rendered content, summary and card. Other posts' bodies are never
// read.
std::vector<feed::Entry>
make_entries(const std::vector<content::Post>& posts,
             const std::vector<std::optional<feed::CardRef>>& cards,
             const std::vector<feed::FeedPlan>& plans,
             const content::SiteConfig& config,
             unsigned jobs,
             util::Diagnostics& diagnostics)
{
  std::set<std::size_t> needed; // indices into `posts`
  for (const auto& plan : plans) {
    for (const content::Post* p : plan.posts) {
      needed.insert(static_cast<std::size_t>(p - posts.data()));
    }
  }
  // Jekyll's {% post_url 2024-05-01-hello %}: a post by its file name.
  std::map<std::string, std::string, std::less<>> by_name;
  // Hexo's {% post_link sub/name %}: by its path below the posts folder.
  for (const auto& p : posts) {
    by_name.emplace(p.file.stem().string(), p.permalink);
    if (!p.folder.empty()) {
      by_name.emplace(p.folder + "/" + p.file.stem().string(), p.permalink);
    }
  }
  const content::PostFinder find_post =
    [&](std::string_view name) -> std::optional<std::string> {
    const auto it = by_name.find(name);
    return it == by_name.end() ? std::nullopt
                               : std::optional<std::string>(it->second);
  };
  std::vector<feed::Entry> entries(needed.size());
  std::vector<util::Diagnostics> notes(needed.size());
  const std::vector<std::size_t> work(needed.begin(), needed.end());
  util::parallel_for(work.size(), jobs, [&](std::size_t i) {
    const content::Post& post = posts[work[i]];
    entries[i] = make_entry(post, cards[work[i]], config, find_post, notes[i]);
  });
  for (auto& list : notes) {
    for (auto& d : list) {
      diagnostics.push_back(std::move(d));
    }
  }
  return entries;
}

struct FeedFile
{
  std::string rel; // relative to the output folder
  std::string bytes;
};

// Writes every planned feed in every configured format.
std::vector<FeedFile>
write_feeds(const std::vector<content::Post>& posts,
            const std::vector<feed::Entry>& entries,
            const std::vector<feed::FeedPlan>& plans,
            const content::SiteConfig& config)
{
  std::vector<const feed::Entry*> by_post(posts.size(), nullptr);
  for (const auto& e : entries) {
    by_post[static_cast<std::size_t>(e.post - posts.data())] = &e;
  }
  std::vector<FeedFile> out;
  for (const auto& format : feed::feed_formats()) {
    const auto& wanted = config.feeds.formats;
    if (std::find(wanted.begin(), wanted.end(), format.name) == wanted.end()) {
      continue;
    }
    const std::string& file = config.feeds.*format.file_name;
    for (const auto& plan : plans) {
      std::vector<const feed::Entry*> shown;
      for (const content::Post* p : plan.posts) {
        shown.push_back(by_post[static_cast<std::size_t>(p - posts.data())]);
      }
      const std::string self = config.base_url + plan.url_dir + file;
      out.push_back({plan.dir + file, format.write(plan, shown, config, self)});
    }
  }
  return out;
}

// Checks every feed as any reader would before it replaces the old one.
void
check_feeds(const std::vector<FeedFile>& feeds,
            const BuildOptions& options,
            const fs::path& output_dir,
            util::Diagnostics& diagnostics)
{
  std::vector<validate::Report> checked(feeds.size());
  util::parallel_for(feeds.size(), options.jobs, [&](std::size_t i) {
    checked[i] =
      validate::validate_bytes(feeds[i].rel, feeds[i].bytes, options.now);
  });
  // A warning about a post's content repeats in every feed that holds the
  // post: say it once, with how many more feeds have it.
  std::map<std::string, std::size_t> first_warning; // message -> index
  std::map<std::size_t, std::size_t> repeats;       // index -> more feeds
  for (std::size_t i = 0; i < feeds.size(); ++i) {
    for (const auto& f : checked[i].findings) {
      const bool error = f.severity == util::Severity::error;
      util::Diagnostic d =
        util::make_error((error ? "generated feed fails " : "generated feed: ")
                           + f.rule + ": " + f.message,
                         f.line,
                         f.column);
      d.severity = f.severity;
      d.rule = f.rule;
      d.path = (output_dir / fs::u8path(feeds[i].rel)).string();
      if (!error) {
        const auto [it, first] =
          first_warning.emplace(d.message, diagnostics.size());
        if (!first) {
          ++repeats[it->second];
          continue;
        }
      }
      diagnostics.push_back(std::move(d));
    }
  }
  for (const auto& [at, more] : repeats) {
    diagnostics[at].message += " (and in " + std::to_string(more) + " more "
                               + (more == 1 ? "feed)" : "feeds)");
  }
}

// Commits the transaction and says how far it got.
void
publish(OutputTransaction& tx, BuildReport& report)
{
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
  for (const auto& o : report.outputs) {
    report.feeds_unchanged += !o.changed && o.path.ends_with(".xml") ? 1 : 0;
  }
  report.written = std::move(done->written);
  report.removed = std::move(done->removed);
}

} // namespace

BuildReport
build_site(const BuildOptions& options)
{
  BuildReport report;
  auto started = std::chrono::steady_clock::now();
  // Seconds since the last lap, under `stage`, for --report.
  auto lap = [&](const char* stage) {
    const auto now = std::chrono::steady_clock::now();
    report.timings.emplace_back(
      stage, std::chrono::duration<double>(now - started).count());
    started = now;
  };
  auto say = [&](const char* stage, std::size_t total = 0) {
    if (options.progress) {
      options.progress({stage, 0, total});
    }
  };
  say("loading");
  auto setup = content::load_site_config(options.site_root);
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
  report.output_dir =
    options.output_dir
      ? *options.output_dir
      : (options.site_root / config->output_dir).lexically_normal();
  auto tx = OutputTransaction::open(
    report.output_dir, options.wait, report.diagnostics, options.faults);
  if (!tx) {
    report.diagnostics.push_back(tx.error());
    return report;
  }

  content::LoadedPosts loaded =
    content::load_posts(options.site_root,
                        *config,
                        std::max(1U, options.jobs),
                        options.drafts == Drafts::include
                          ? content::BrokenDrafts::are_errors
                          : content::BrokenDrafts::skip_with_warnings);
  append(report.diagnostics, std::move(loaded.diagnostics));
  const std::vector<content::Post> posts =
    select_posts(std::move(loaded.posts), options, report);
  lap("load");
  if (util::has_error(report.diagnostics)) {
    return report;
  }
  report.posts = posts.size();
  if (posts.empty()) {
    report.diagnostics.push_back(
      util::make_warning("no posts to publish in '"
                         + (options.site_root / config->content_dirs.front())
                             .lexically_normal()
                             .string()
                         + "'"));
  }

  std::vector<std::optional<feed::CardRef>> cards(posts.size());
  const bool cards_ok =
    stage_cards(posts, *config, options, *tx, cards, report);
  lap("cards");
  if (!cards_ok) {
    return report;
  }
  say("feeds", posts.size());
  const std::vector<feed::FeedPlan> plans = feed::plan_feeds(posts, *config);
  const std::vector<feed::Entry> entries = make_entries(
    posts, cards, plans, *config, options.jobs, report.diagnostics);
  if (util::has_error(report.diagnostics)) {
    return report;
  }
  const std::vector<FeedFile> feeds =
    write_feeds(posts, entries, plans, *config);
  report.feeds = feeds.size();
  lap("feeds");
  check_feeds(feeds, options, report.output_dir, report.diagnostics);
  lap("check");
  if (util::has_error(report.diagnostics)) {
    return report;
  }
  for (const auto& f : feeds) {
    if (auto ok = tx->stage(f.rel, f.bytes); !ok) {
      report.diagnostics.push_back(ok.error());
      return report;
    }
  }
  say("publishing");
  publish(*tx, report);
  lap("publish");
  return report;
}

} // namespace ogfeed::site
