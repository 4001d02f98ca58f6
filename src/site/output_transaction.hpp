#pragma once

#include "site/output_manifest.hpp"
#include "util/beneath.hpp"
#include "util/error.hpp"
#include "util/file_lock.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogfeed::site {

// The folder in a site where ogfeed keeps its state by default: the lock,
// the manifest of what it wrote, staged files, the commit journal, the parse
// cache and the build record. Never inside the output folder, which is
// deployed and which a repository can fill: nothing found there is trusted.
constexpr const char* k_state_dir = ".ogfeed";

// Whether a file in the output folder that ogfeed did not write (no
// manifest names it) may be replaced by an output of the same name.
enum class Overwrite {
  ours_only, // an error naming the file
  any,       // --force
};

// For tests: makes the `crash_at`-th file system step of a transaction (0
// based; staging a file, syncing, writing the journal, each rename or
// removal) fail as if the process had been killed there: nothing is cleaned
// up. `steps` counts the steps taken.
struct FaultInjection
{
  std::size_t crash_at = static_cast<std::size_t>(-1);
  std::size_t steps = 0;
};

// What a commit published.
struct CommitSummary
{
  std::vector<std::string> written; // paths relative to the output folder
  Manifest outputs; // every output after the commit, written or kept
  std::vector<std::string> removed; // earlier outputs that no longer belong
};

// Why a transaction failed, for the message the user sees.
enum class CommitStage {
  before_publishing, // nothing in the output folder changed
  publishing,        // some outputs are new; the next build finishes them
};

struct CommitError
{
  util::Error error;
  CommitStage stage = CommitStage::before_publishing;
};

// Every output of one build, published together. Opening takes an exclusive
// lock in the state folder, finishes a commit an earlier build was killed
// in (so each output is either all old or all new) and discards files an
// earlier build staged but never committed. Files are staged into
// `STATE/staging/`; commit() syncs them, writes a journal of renames and
// removals, applies it, and deletes the journal. An output of the previous
// build that this one neither stages nor keeps is removed, but only when its
// bytes are still those ogfeed wrote. Destroying an uncommitted transaction
// discards what it staged. Nothing is read, written, moved or removed
// through a symbolic link, every journal and manifest entry is checked to
// name a plain path below its folder, and the manifest describes the output
// folder whose path the state records (another one starts afresh).
class OutputTransaction
{
public:
  // Locks `output_dir` (creating it): with LockWait::no a folder another
  // build holds is an error saying so. Warnings about state it discarded go
  // to `notes`.
  static util::Expected<OutputTransaction>
  open(util::Dir output,
       util::Dir state,
       util::LockWait wait,
       util::Diagnostics& notes,
       Overwrite overwrite = Overwrite::ours_only,
       FaultInjection* faults = nullptr);

  // The output and state folders, opened.
  const util::Dir& output() const;
  const util::Dir& state() const;

  OutputTransaction(OutputTransaction&&) noexcept;
  OutputTransaction& operator=(OutputTransaction&&) noexcept;
  ~OutputTransaction();

  // What the last completed build wrote (empty for a new folder).
  const Manifest& previous() const;

  // Stages `bytes` as the new `rel` (relative to the output folder, '/'
  // separated); `key` records what made it (a card's or a feed's inputs,
  // hashed). Bytes the file already
  // holds, as the previous build wrote them, are not written again: the
  // file and its mtime stay. Thread-safe. Fails when the staged file cannot
  // be written (a full disk), when a folder on the way to `rel` is a link,
  // and, with Overwrite::ours_only, when `rel` holds other bytes that no
  // earlier build wrote.
  util::Expected<void> stage(const std::string& rel,
                             std::string_view bytes,
                             const std::string& key = {});

  // As stage(), with the bytes made in pieces by `produce`, which hands
  // each to the writer it is given (false: give up) and returns false to
  // give up: a large output (head.json) goes to its staging file as it is
  // made, never held whole. Thread-safe.
  using PieceWriter = std::function<bool(std::string_view)>;
  util::Expected<void>
  stage_from(const std::string& rel,
             const std::string& key,
             const std::function<bool(const PieceWriter&)>& produce);

  // What this build will publish as `rel` so far (staged or kept).
  // Thread-safe.
  std::optional<ManifestEntry> entry(const std::string& rel) const;

  // Keeps `rel`, an output of the previous build, unchanged. Thread-safe.
  void keep(const std::string& rel);

  // True when the previous build wrote `rel` with this `key` (not empty)
  // and the file still holds the bytes it wrote: a cache trusts only what
  // the manifest says. Reads the file. Thread-safe.
  bool holds(const std::string& rel, const std::string& key) const;

  // Publishes everything staged and kept, removes stale outputs.
  tl::expected<CommitSummary, CommitError> commit();

private:
  // Fails when `rel` may not be written: a link on the way, a folder there,
  // or (without Overwrite::any) a file no earlier build wrote that holds
  // other bytes.
  // `same_on_disk` tells whether the file at `rel` holds the new bytes.
  util::Expected<void>
  may_replace(const std::string& rel,
              const std::function<bool()>& same_on_disk) const;

  // True when the previous build wrote these very bytes (`size`, `hash`) to
  // `rel` and the file still holds them (`same_on_disk`).
  bool unchanged_on_disk(const std::string& rel,
                         std::uint64_t size,
                         std::uint64_t hash,
                         const std::string& key,
                         const std::function<bool()>& same_on_disk) const;

  // The error for a staged file that could not be written, naming `rel`.
  util::Error staging_error(const std::string& rel, util::Error e) const;

  struct State;
  explicit OutputTransaction(std::unique_ptr<State> state);
  std::unique_ptr<State> m;
};

} // namespace ogfeed::site
