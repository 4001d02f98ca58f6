#include "site/feed_step.hpp"

#include "content/load/parse_cache.hpp"
#include "content/load/site_loader.hpp"
#include "feed/feed_page.hpp"
#include "feed/feed_planner.hpp"
#include "feed/formats.hpp"
#include "feed/stylesheet.hpp"
#include "site/feed_entry.hpp"
#include "util/ascii.hpp"
#include "util/hash.hpp"
#include "util/html_scan.hpp"
#include "util/parallel.hpp"
#include "validate/validator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

// Values for the posts some feed holds, found by a post's index: of
// 10,000 posts a build shows a few dozen, and nothing is made for the
// others.
template<typename T> class ShownTable
{
public:
  // `shown`: the shown posts' indices, sorted; it outlives the table.
  explicit ShownTable(const std::vector<std::size_t>& shown)
    : m_shown(&shown),
      m_values(shown.size())
  {
  }

  T&
  operator[](std::size_t post)
  {
    return m_values[slot(post)];
  }
  const T&
  operator[](std::size_t post) const
  {
    return m_values[slot(post)];
  }
  // Every shown post's value, in post order.
  const std::vector<T>&
  values() const
  {
    return m_values;
  }

private:
  std::size_t
  slot(std::size_t post) const
  {
    return static_cast<std::size_t>(
      std::lower_bound(m_shown->begin(), m_shown->end(), post)
      - m_shown->begin());
  }

  const std::vector<std::size_t>* m_shown;
  std::vector<T> m_values;
};

std::string
hex_key(std::uint64_t h)
{
  return fmt::format("{:016x}", h);
}

void
write_keyed(util::ByteWriter& w, const std::map<std::string, KeyedNotes>& m)
{
  w.u64(m.size());
  for (const auto& [name, k] : m) {
    w.str(name);
    w.str(k.key);
    util::write_diagnostics(w, k.notes);
  }
}

std::map<std::string, KeyedNotes>
read_keyed(util::ByteReader& r)
{
  std::map<std::string, KeyedNotes> m;
  const std::uint64_t n = r.count(3);
  for (std::uint64_t i = 0; i < n && !r.failed(); ++i) {
    std::string name = r.str();
    KeyedNotes k;
    k.key = r.str();
    k.notes = util::read_diagnostics(r);
    m.emplace(std::move(name), std::move(k));
  }
  return m;
}

// What every feed and entry of this build shares: ogfeed's version, every
// setting, and where each post's links to other posts lead.
std::uint64_t
shared_key(const content::SiteConfig& config, const PostNames& by_name)
{
  util::ByteWriter w;
  w.str(OGFEED_VERSION);
  w.str(content::config_fingerprint(config));
  w.u64(by_name.digest());
  return util::hash64(w.bytes());
}

// Everything that decides how a post shows in a feed, hashed: its fields,
// its file's bytes (through the hash the post holds), its card, the names
// its generator gave its images (if any).
std::uint64_t
post_key(const content::Post& post,
         const std::optional<feed::CardRef>& card,
         const BuiltAssets* assets,
         std::uint64_t shared)
{
  util::ByteWriter w;
  content::write_post(w, post);
  if (assets != nullptr) {
    for (const auto& [name, url] : *assets) {
      w.str(name);
      w.str(url);
    }
  }
  w.u64(card ? 1 : 0);
  if (card) {
    w.str(card->url);
    w.str(card->type);
    w.i64(card->width);
    w.i64(card->height);
    w.u64(card->length);
  }
  return util::hash64(w.bytes(), shared);
}

// One feed file this build publishes.
struct PlannedFeed
{
  const feed::FeedFormat* format = nullptr;
  const feed::FeedPlan* plan = nullptr;
  std::string rel;
  std::string self;
  std::string key;
  bool kept = false;
};

std::vector<PlannedFeed>
plan_files(const std::vector<feed::FeedPlan>& plans,
           const std::vector<content::Post>& posts,
           const ShownTable<std::uint64_t>& keys,
           const content::SiteConfig& config)
{
  std::vector<PlannedFeed> out;
  for (const auto& format : feed::feed_formats()) {
    const auto& wanted = config.feeds.formats;
    if (std::find(wanted.begin(), wanted.end(), format.name) == wanted.end()) {
      continue;
    }
    const std::string& file = config.feeds.*format.file_name;
    for (const auto& plan : plans) {
      if (plan.history && plan.history->archive && !format.archives) {
        continue;
      }
      PlannedFeed f;
      f.format = &format;
      f.plan = &plan;
      f.rel = plan.dir + file;
      f.self = config.base_url + plan.url_dir + file;
      util::ByteWriter w;
      w.str(f.rel);
      w.str(f.self);
      w.str(plan.title);
      w.str(plan.subtitle);
      w.str(plan.alternate);
      w.str(format.name);
      if (plan.history) { // a new archive document changes the links
        w.u64(plan.history->archive ? 1 : 0);
        w.str(plan.history->current);
        w.str(plan.history->prev.value_or("-"));
        w.str(plan.history->next.value_or("-"));
      }
      for (const content::Post* p : plan.posts) {
        w.u64(keys[static_cast<std::size_t>(p - posts.data())]);
      }
      f.key = hex_key(util::hash64(w.bytes()));
      out.push_back(std::move(f));
    }
  }
  return out;
}

// Marks the feeds the previous build wrote from these very inputs, whose
// files still hold what it wrote and whose warnings it kept (with those of
// each of their posts).
void
find_kept(std::vector<PlannedFeed>& files,
          const std::vector<content::Post>& posts,
          const ShownTable<std::string>& entry_keys,
          const OutputTransaction& tx,
          const FeedCache& previous,
          unsigned jobs)
{
  util::parallel_for(files.size(), jobs, [&](std::size_t i) {
    PlannedFeed& f = files[i];
    const auto notes = previous.feeds.find(f.rel);
    if (notes == previous.feeds.end() || notes->second.key != f.key) {
      return;
    }
    for (const content::Post* p : f.plan->posts) {
      const auto e = previous.entries.find(p->shown_path);
      if (e == previous.entries.end()
          || e->second.key
               != entry_keys[static_cast<std::size_t>(p - posts.data())]) {
        return;
      }
    }
    f.kept = tx.holds(f.rel, f.key);
  });
}

// What checking one feed found, as diagnostics on its path below the
// output folder (the cache keeps them so: the folder may move).
util::Diagnostics
check_feed(const FeedFile& feed, util::UtcSeconds now)
{
  util::Diagnostics out;
  const validate::Report checked =
    validate::validate_bytes(feed.rel, feed.bytes, now);
  for (const auto& f : checked.findings) {
    const bool error = f.severity == util::Severity::error;
    util::Diagnostic d =
      util::make_error((error ? "generated feed fails " : "generated feed: ")
                         + f.rule + ": " + f.message,
                       f.line,
                       f.column);
    d.severity = f.severity;
    d.rule = f.rule;
    d.path = feed.rel;
    out.push_back(std::move(d));
  }
  return out;
}

// Adds each feed's findings, on their paths in `output_dir`: a warning
// about a post's content repeats in every feed that holds the post, so it
// is said once, with how many more feeds have it.
void
merge_findings(const std::vector<const util::Diagnostics*>& per_feed,
               const fs::path& output_dir,
               util::Diagnostics& diagnostics)
{
  std::map<std::string, std::size_t> first_warning; // message -> index
  std::map<std::size_t, std::size_t> repeats;       // index -> more feeds
  for (const util::Diagnostics* list : per_feed) {
    for (const auto& d : *list) {
      if (d.severity != util::Severity::error) {
        const auto [it, first] =
          first_warning.emplace(d.message, diagnostics.size());
        if (!first) {
          ++repeats[it->second];
          continue;
        }
      }
      diagnostics.push_back(d);
      diagnostics.back().path = (output_dir / fs::u8path(d.path)).string();
    }
  }
  for (const auto& [at, more] : repeats) {
    diagnostics[at].message += " (and in " + std::to_string(more) + " more "
                               + (more == 1 ? "feed)" : "feeds)");
  }
}

} // namespace

void
FeedCache::write(util::ByteWriter& w) const
{
  write_keyed(w, entries);
  write_keyed(w, feeds);
}

FeedCache
FeedCache::read(util::ByteReader& r)
{
  FeedCache c;
  c.entries = read_keyed(r);
  c.feeds = read_keyed(r);
  return r.failed() ? FeedCache{} : c;
}

namespace {

// The page of the main feed `plan` (feed.html): its posts' entries as this
// build rendered them, else their summaries read again.
FeedFile
feed_page(const feed::FeedPlan& plan,
          const std::vector<content::Post>& posts,
          const ShownTable<feed::Entry>& entries,
          const std::set<std::size_t>& rendered,
          const content::SiteConfig& config,
          const feed::FeedContext& context)
{
  std::vector<feed::Entry> read_again;
  read_again.reserve(plan.posts.size());
  std::vector<const feed::Entry*> shown;
  for (const content::Post* p : plan.posts) {
    const auto i = static_cast<std::size_t>(p - posts.data());
    if (rendered.contains(i)) {
      shown.push_back(&entries[i]);
      continue;
    }
    feed::Entry e;
    e.post = p;
    e.summary = post_summary(*p, config);
    read_again.push_back(std::move(e));
    shown.push_back(&read_again.back());
  }
  std::vector<feed::FeedLink> links;
  for (const auto& format : feed::feed_formats()) {
    const auto& wanted = config.feeds.formats;
    if (std::find(wanted.begin(), wanted.end(), format.name) != wanted.end()) {
      const std::string& file = config.feeds.*format.file_name;
      links.push_back({std::string(format.label),
                       file,
                       config.base_url + plan.url_dir + file,
                       std::string(format.mime)});
    }
  }
  std::string bytes = feed::write_feed_page(plan, shown, links, context);
  std::string key = hex_key(util::hash64(bytes));
  return {plan.dir + feed::k_feed_page_file, std::move(bytes), std::move(key)};
}

// Every URL the rendered entries link or embed, with the post it is in, for
// the check against the built site.
void
collect_links(const ShownTable<feed::Entry>& entries,
              const std::vector<std::size_t>& rendered,
              const std::vector<content::Post>& posts,
              std::vector<PublishedUrl>& linked)
{
  for (const std::size_t i : rendered) {
    util::scan_html_attributes(
      entries[i].content_html, [&](const util::HtmlAttribute& a) {
        if (util::is_url_attribute(a.name)) {
          linked.push_back(
            {std::string(a.value),
             posts[i].shown_path,
             util::ascii_lower(a.tag) == "img" ? "an image" : "a link"});
        }
      });
  }
}

// Writes the feeds not kept from the last build, checks and stages each
// (on `jobs` threads, one feed's bytes at a time per thread), and adds
// every feed's findings and cache record to `result`.
void
write_feeds(const std::vector<PlannedFeed>& files,
            const ShownTable<feed::Entry>& entries,
            const std::vector<content::Post>& posts,
            const feed::FeedContext& context,
            const FeedCache& previous,
            const FeedStepOptions& options,
            OutputTransaction& tx,
            FeedStepResult& result)
{
  std::vector<util::Diagnostics> findings(files.size());
  std::vector<std::size_t> to_write;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (files[i].kept) {
      result.kept.push_back(files[i].rel);
      findings[i] = previous.feeds.at(files[i].rel).notes;
    } else {
      to_write.push_back(i);
      result.written.push_back(files[i].rel);
    }
  }
  std::vector<std::optional<util::Error>> staging(to_write.size());
  util::parallel_for(to_write.size(), options.jobs, [&](std::size_t w) {
    const PlannedFeed& f = files[to_write[w]];
    std::vector<const feed::Entry*> shown_entries;
    for (const content::Post* p : f.plan->posts) {
      shown_entries.push_back(
        &entries[static_cast<std::size_t>(p - posts.data())]);
    }
    const FeedFile file{
      f.rel, f.format->write(*f.plan, shown_entries, context, f.self), f.key};
    findings[to_write[w]] = check_feed(file, options.now);
    if (auto ok = tx.stage(file.rel, file.bytes, file.key); !ok) {
      staging[w] = ok.error();
    }
  });
  for (auto& e : staging) {
    if (e) {
      result.diagnostics.push_back(std::move(*e));
    }
  }
  std::vector<const util::Diagnostics*> per_feed;
  for (std::size_t i = 0; i < files.size(); ++i) {
    result.cache.feeds[files[i].rel] = {files[i].key, findings[i]};
    per_feed.push_back(&findings[i]);
  }
  merge_findings(per_feed, options.output_dir, result.diagnostics);
}

// With feeds.stylesheet: feed.xsl, and the page of each main feed.
void
add_pages(const std::vector<feed::FeedPlan>& plans,
          const std::vector<content::Post>& posts,
          const ShownTable<feed::Entry>& entries,
          const std::set<std::size_t>& rendered,
          const content::SiteConfig& config,
          const feed::FeedContext& context,
          FeedStepResult& result)
{
  for (const auto& plan : plans) {
    if (!feed::feed_page_url(plan, context).empty()) {
      result.pages.push_back(
        feed_page(plan, posts, entries, rendered, config, context));
    }
  }
  if (config.feeds.stylesheet) {
    const std::string& xsl = feed::feed_stylesheet();
    result.stylesheet =
      FeedFile{feed::k_stylesheet_file, xsl, hex_key(util::hash64(xsl))};
  }
}

} // namespace

feed::FeedContext
feed_context(const content::SiteConfig& config)
{
  return {config.base_url,
          config.timezone,
          config.author,
          config.websub_hub,
          config.icon,
          config.logo,
          config.feeds};
}

FeedStepResult
build_feeds(const std::vector<content::Post>& posts,
            const std::vector<std::optional<feed::CardRef>>& cards,
            const content::SiteConfig& config,
            OutputTransaction& tx,
            const FeedCache& previous,
            const FeedStepOptions& options)
{
  FeedStepResult result;
  const std::vector<feed::FeedPlan> plans =
    feed::plan_feeds(posts, config, &result.diagnostics);
  const PostNames by_name(posts);
  const std::uint64_t shared = shared_key(config, by_name);
  std::set<std::size_t> shown_set; // posts some feed holds
  for (const auto& plan : plans) {
    for (const content::Post* p : plan.posts) {
      shown_set.insert(static_cast<std::size_t>(p - posts.data()));
    }
  }
  const std::vector<std::size_t> shown(shown_set.begin(), shown_set.end());
  ShownTable<std::uint64_t> keys(shown);
  ShownTable<std::string> entry_keys(shown);
  for (const std::size_t i : shown) {
    keys[i] = post_key(
      posts[i],
      cards[i],
      options.built_assets != nullptr ? &(*options.built_assets)[i] : nullptr,
      shared);
    entry_keys[i] = hex_key(keys[i]);
  }
  std::vector<PlannedFeed> files = plan_files(plans, posts, keys, config);
  find_kept(files, posts, entry_keys, tx, previous, options.jobs);

  // Entries: rendered for the posts of feeds being written, else the
  // warnings rendering them gave last time.
  std::set<std::size_t> render;
  for (const auto& f : files) {
    for (const content::Post* p : f.plan->posts) {
      if (!f.kept) {
        render.insert(static_cast<std::size_t>(p - posts.data()));
      }
    }
  }
  const content::PostFinder find_post =
    [&](std::string_view name) -> std::optional<std::string> {
    return by_name.find(name);
  };
  const std::vector<std::size_t> work(render.begin(), render.end());
  ShownTable<feed::Entry> entries(shown);
  ShownTable<util::Diagnostics> notes(shown);
  util::parallel_for(work.size(), options.jobs, [&](std::size_t w) {
    const std::size_t i = work[w];
    entries[i] = make_entry(posts[i], cards[i], config, find_post, notes[i]);
    if (options.built_assets != nullptr) {
      entries[i].content_html = with_built_assets(
        entries[i].content_html, config.base_url, (*options.built_assets)[i]);
    }
  });
  result.entries_rendered = work.size();
  collect_links(entries, work, posts, result.linked);
  for (const std::size_t i : shown) {
    if (!render.contains(i)) {
      notes[i] = previous.entries.at(posts[i].shown_path).notes;
    }
    result.cache.entries[posts[i].shown_path] = {entry_keys[i], notes[i]};
  }
  group_unknown_markup(notes.values(), result.diagnostics);
  if (util::has_error(result.diagnostics)) {
    return result;
  }

  const feed::FeedContext context = feed_context(config);
  write_feeds(files, entries, posts, context, previous, options, tx, result);
  add_pages(plans, posts, entries, render, config, context, result);
  return result;
}

} // namespace ogfeed::site
