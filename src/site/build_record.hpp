#pragma once

#include "site/site_build.hpp"
#include "util/beneath.hpp"
#include "util/byte_codec.hpp"
#include "util/file.hpp"
#include "util/time_zone.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ogfeed::site {

using StampedFiles = std::vector<std::pair<std::string, util::FileStamp>>;

// What the last complete build saw and said, so that a build with nothing
// to change can say so without doing the work again: it is up to date when
// its settings and options hash the same, no post's date, publishDate or
// expiryDate has come due since, every post file and every other input
// (card template, fonts, images) and every folder read for posts (so no
// post file was added or removed) has the stamp it had, and every output
// still has the stamp it was published with.
struct BuildRecord
{
  std::string fingerprint; // ogfeed's version, every setting, the options
  util::UtcSeconds valid_until{}; // when what is published may change
  std::int64_t read_time = 0;     // when the posts were read (ns since epoch)
  StampedFiles posts;   // every post file (shown path), none dated by git
  StampedFiles folders; // every folder read for post files
  StampedFiles inputs;  // read besides the posts, by path
  StampedFiles outputs; // every output, relative to the output folder
  BuildReport report;   // what the build said (its diagnostics and records)

  // The record's first part, its largest, as bytes: the posts' and
  // folders' stamps and the build's post records. Final once the posts are
  // chosen, it is made while the outputs are published; read() puts the
  // records in report.post_records.
  static std::string
  posts_part(const StampedFiles& posts,
             const StampedFiles& folders,
             const std::vector<BuildReport::PostRecord>& records);
  // The whole record: `made_posts_part` (posts_part() of this record's
  // posts and folders), then the rest.
  void write(util::ByteWriter& w, std::string_view made_posts_part) const;
  static BuildRecord read(util::ByteReader& r);
};

// What decides a build's outputs besides its files: ogfeed's version, every
// setting, and the options (drafts, future posts, cards, template and font
// folders, shard).
std::string build_fingerprint(const content::SiteConfig& config,
                              const BuildOptions& options);

// The first time after `now` that a post's date, publishDate or expiryDate
// comes due, changing what a build publishes (the far future if none).
util::UtcSeconds next_change(const std::vector<content::Post>& posts,
                             util::UtcSeconds now);

// The record in `STATE/last-build` (the state folder), if there is a readable
// one.
std::optional<BuildRecord> read_build_record(const util::Dir& state);

// Replaces it (through a temporary and a rename; not synced): its first
// part `made_posts_part`, as BuildRecord::write() takes it.
util::Expected<void> write_build_record(const util::Dir& state,
                                        const BuildRecord& record,
                                        std::string_view made_posts_part);

// The stamps of `paths` (below `dir` when relative); a missing file has an
// all-zero stamp.
StampedFiles stamp_files(const std::filesystem::path& dir,
                         const std::vector<std::string>& paths);

// True when every file still has its stamp; looked at on `jobs` threads.
bool stamps_hold(const std::filesystem::path& dir,
                 const StampedFiles& files,
                 unsigned jobs = 1);

// True when the last build that published saw everything as it is now:
// the same settings and options, no post date come due, every post file,
// card input and output with its stamp. Reads no post.
bool up_to_date(const BuildRecord& last,
                const std::string& fingerprint,
                const BuildOptions& options,
                const std::filesystem::path& output_dir);

// Says what the last build said, for a build that had nothing to change.
void replay(BuildRecord record, BuildReport& report);

// Completes the record of a build that published: its report (the
// diagnostics from `first_note` on: the rest are said afresh by every
// build; not the post records, which go to BuildRecord::posts_part()),
// the stamps of its other `inputs` and of every output.
void record_build(BuildRecord& record,
                  const BuildReport& report,
                  std::size_t first_note,
                  const std::vector<std::string>& inputs);

} // namespace ogfeed::site
