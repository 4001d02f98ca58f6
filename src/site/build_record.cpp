#include "site/build_record.hpp"

#include "content/load/parse_cache.hpp"
#include "site/output_transaction.hpp"
#include "util/parallel.hpp"
#include "util/state_file.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

// `files` as the record holds them, by path. The loader lists post files as
// their folders give them: those are sorted here (off the build's way,
// BuildRecord::posts_part()).
void
write_stamped(util::ByteWriter& w, const StampedFiles& files)
{
  std::vector<const StampedFiles::value_type*> by_path(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    by_path[i] = &files[i];
  }
  const auto less = [](const auto* a, const auto* b) {
    return a->first < b->first;
  };
  if (!std::is_sorted(by_path.begin(), by_path.end(), less)) {
    std::sort(by_path.begin(), by_path.end(), less);
  }
  w.u64(by_path.size());
  for (const auto* f : by_path) {
    w.str(f->first);
    util::write_stamp(w, f->second);
  }
}

StampedFiles
read_stamped(util::ByteReader& r)
{
  StampedFiles files(r.count(5));
  for (auto& [path, s] : files) {
    path = r.str();
    s = util::read_stamp(r);
  }
  return files;
}

// The parts of a report a later up-to-date build repeats.
void
write_report(util::ByteWriter& w, const BuildReport& r)
{
  util::write_diagnostics(w, r.diagnostics);
  w.u64(r.outputs.size());
  for (const auto& o : r.outputs) {
    w.str(o.path);
    w.u64(o.bytes);
  }
  w.u64(r.card_records.size());
  for (const auto& c : r.card_records) {
    w.str(c.post);
    w.str(c.path);
  }
  w.u64(r.posts);
  w.u64(r.feeds);
}

BuildReport
read_report(util::ByteReader& r)
{
  BuildReport report;
  report.diagnostics = util::read_diagnostics(r);
  report.outputs.resize(r.count(2));
  for (auto& o : report.outputs) {
    o.path = r.str();
    o.bytes = r.u64();
  }
  report.card_records.resize(r.count(2));
  for (auto& c : report.card_records) {
    c.post = r.str();
    c.path = r.str();
  }
  report.posts = r.u64();
  report.feeds = r.u64();
  return report;
}

} // namespace

std::string
BuildRecord::posts_part(const StampedFiles& posts,
                        const StampedFiles& folders,
                        const std::vector<BuildReport::PostRecord>& records)
{
  // At most 10 bytes a number: reserved once, never grown (a doubled
  // buffer would touch megabytes more).
  constexpr std::size_t k_number = 10;
  std::size_t most = 2 * k_number;
  for (const auto* files : {&posts, &folders}) {
    for (const auto& [path, stamp] : *files) {
      most += 6 * k_number + path.size();
    }
  }
  for (const auto& p : records) {
    most +=
      5 * k_number + p.source.size() + p.permalink.size() + p.skipped.size();
  }
  util::ByteWriter w;
  w.reserve(most);
  write_stamped(w, posts);
  write_stamped(w, folders);
  w.u64(records.size());
  for (const auto& p : records) {
    w.str(p.source);
    w.str(p.permalink);
    w.i64(p.date.time_since_epoch().count());
    w.str(p.skipped);
  }
  return w.take();
}

void
BuildRecord::write(util::ByteWriter& w, std::string_view made_posts_part) const
{
  w.raw(made_posts_part);
  w.str(fingerprint);
  w.i64(valid_until.time_since_epoch().count());
  w.i64(read_time);
  write_stamped(w, inputs);
  write_stamped(w, outputs);
  write_report(w, report);
}

BuildRecord
BuildRecord::read(util::ByteReader& r)
{
  BuildRecord b;
  b.posts = read_stamped(r);
  b.folders = read_stamped(r);
  std::vector<BuildReport::PostRecord> records(r.count(4));
  for (auto& p : records) {
    p.source = r.str();
    p.permalink = r.str();
    p.date = util::UtcSeconds(std::chrono::seconds(r.i64()));
    p.skipped = r.str();
  }
  b.fingerprint = r.str();
  b.valid_until = util::UtcSeconds(std::chrono::seconds(r.i64()));
  b.read_time = r.i64();
  b.inputs = read_stamped(r);
  b.outputs = read_stamped(r);
  b.report = read_report(r);
  b.report.post_records = std::move(records);
  return b;
}

namespace {

constexpr util::StateFormat k_record_format{"last-build", 5};

constexpr const char* k_record_file = "last-build";

} // namespace

std::optional<BuildRecord>
read_build_record(const util::Dir& state)
{
  auto bytes = state.read(k_record_file, std::size_t{1} << 30);
  if (!bytes) {
    return std::nullopt;
  }
  const auto body = util::open_state(*bytes, k_record_format);
  if (!body) {
    return std::nullopt;
  }
  util::ByteReader r(*body);
  BuildRecord record = BuildRecord::read(r);
  if (r.failed() || !r.at_end()) {
    return std::nullopt;
  }
  return record;
}

util::Expected<void>
write_build_record(const util::Dir& state,
                   const BuildRecord& record,
                   std::string_view made_posts_part)
{
  return state.write_replacing_from(
    k_record_file,
    [&](const util::ByteWriter::Sink& sink) {
      util::StateStream file(k_record_format, sink);
      util::ByteWriter w(&file.sink());
      record.write(w, made_posts_part);
      return w.finish() && file.finish();
    },
    util::Sync::no);
}

std::string
build_fingerprint(const content::SiteConfig& config, const BuildOptions& o)
{
  util::ByteWriter w;
  w.str(OGFEED_VERSION);
  w.str(content::config_fingerprint(config));
  // Paths in messages are relative to where ogfeed runs: absolute, the
  // site and output folders say where that was.
  w.str(fs::absolute(o.site_root).string());
  w.str(o.output_dir ? fs::absolute(*o.output_dir).string() : std::string());
  w.u64(static_cast<std::uint64_t>(o.drafts));
  w.u64(static_cast<std::uint64_t>(o.future));
  w.u64(static_cast<std::uint64_t>(o.cards));
  for (const auto* dirs : {&o.template_dirs, &o.font_dirs}) {
    w.u64(dirs->size());
    for (const auto& d : *dirs) {
      w.str(d.string());
    }
  }
  w.u64(o.shard_index);
  w.u64(o.shard_count);
  return w.take();
}

util::UtcSeconds
next_change(const std::vector<content::Post>& posts, util::UtcSeconds now)
{
  util::UtcSeconds next = util::UtcSeconds::max();
  auto consider = [&](util::UtcSeconds t) {
    if (t > now && t < next) {
      next = t;
    }
  };
  for (const auto& p : posts) {
    consider(p.date);
    if (p.publish_date) {
      consider(*p.publish_date);
    }
    if (p.expiry_date) {
      consider(*p.expiry_date);
    }
  }
  return next;
}

StampedFiles
stamp_files(const fs::path& dir, const std::vector<std::string>& paths)
{
  StampedFiles out;
  out.reserve(paths.size());
  for (const auto& p : paths) {
    // A file that is missing is recorded as such: its appearance counts.
    out.emplace_back(
      p, util::file_stamp(dir / fs::u8path(p)).value_or(util::FileStamp{}));
  }
  return out;
}

bool
stamps_hold(const fs::path& dir, const StampedFiles& files, unsigned jobs)
{
  // In blocks, stopping at the first file changed: 10,000 stats are most
  // of a no-op build's time.
  constexpr std::size_t k_block = 256;
  std::atomic<bool> hold{true};
  const std::string base =
    dir.empty() ? std::string() : (dir / "").string(); // ends with '/'
  util::parallel_for(
    (files.size() + k_block - 1) / k_block, jobs, [&](std::size_t b) {
      util::FolderStamps stamps; // one folder's files in a row: one lookup
      std::string path;
      const std::size_t end = std::min(files.size(), (b + 1) * k_block);
      for (std::size_t i = b * k_block; i < end && hold; ++i) {
        const auto& [rel, stamp] = files[i];
        path.assign(rel.starts_with('/') ? std::string() : base).append(rel);
        if (stamps.of(path).value_or(util::FileStamp{}) != stamp) {
          hold = false;
        }
      }
    });
  return hold;
}

// True when the last build that published saw everything as it is now:
// the same settings and options, no post date come due, every post file,
// card input and output with its stamp. Reads no post.
bool
up_to_date(const BuildRecord& last,
           const std::string& fingerprint,
           const BuildOptions& options,
           const fs::path& output_dir)
{
  if (last.fingerprint != fingerprint || options.now >= last.valid_until
      || !options.merge_shards.empty()) {
    return false;
  }
  // Folders and posts written too close to when they were read may hide
  // a later write behind their stamps.
  for (const auto* files : {&last.folders, &last.posts}) {
    for (const auto& [path, stamp] : *files) {
      if (!content::ParseCache::settled(stamp, last.read_time)) {
        return false;
      }
    }
  }
  // An output that was missing when the last build stamped it (deleted
  // while it published) is never up to date.
  for (const auto& [path, stamp] : last.outputs) {
    if (stamp == util::FileStamp{}) {
      return false;
    }
  }
  return stamps_hold({}, last.folders)
         && stamps_hold({}, last.posts, options.jobs)
         && stamps_hold({}, last.inputs)
         && stamps_hold(output_dir, last.outputs);
}

// Says what the last build said, for a build that had nothing to change.
void
replay(BuildRecord record, BuildReport& report)
{
  BuildReport& last = record.report;
  report.diagnostics.insert(report.diagnostics.end(),
                            std::make_move_iterator(last.diagnostics.begin()),
                            std::make_move_iterator(last.diagnostics.end()));
  report.published = Published::all;
  report.up_to_date = true;
  report.post_records = std::move(last.post_records);
  report.outputs = std::move(last.outputs);
  report.card_records = std::move(last.card_records);
  report.posts = last.posts;
  report.feeds = last.feeds;
  report.feeds_unchanged = last.feeds;
  report.cards_reused = report.card_records.size();
}

// Completes the record of a build that published: its report (the
// diagnostics from `first_note` on: the rest are said afresh by every
// build), the stamps of its other `inputs` and of every output.
void
record_build(BuildRecord& record,
             const BuildReport& report,
             std::size_t first_note,
             const std::vector<std::string>& inputs)
{
  record.inputs = stamp_files({}, inputs);
  BuildReport& r = record.report;
  r.output_dir = report.output_dir;
  r.diagnostics.assign(report.diagnostics.begin()
                         + static_cast<std::ptrdiff_t>(first_note),
                       report.diagnostics.end());
  r.outputs = report.outputs;
  r.card_records = report.card_records;
  r.posts = report.posts;
  r.feeds = report.feeds;
  std::vector<std::string> paths;
  paths.reserve(report.outputs.size());
  for (const auto& o : report.outputs) {
    paths.push_back(o.path);
  }
  record.outputs = stamp_files(report.output_dir, paths);
}

} // namespace ogfeed::site
