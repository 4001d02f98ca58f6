#include "site/output_transaction.hpp"

#include "site/publish_journal.hpp"
#include "util/file.hpp"
#include "util/hash.hpp"
#include "util/split.hpp"

#include <unistd.h>

#include <cerrno>
#include <mutex>
#include <set>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

using namespace detail;

constexpr std::size_t k_max_state_bytes = 256 * 1024 * 1024;
// The staging folder's name in the state folder, or in the output folder
// (StagingIn::output).
constexpr const char* k_state_staging = "staging";
constexpr const char* k_output_staging = ".ogfeed-staging";

} // namespace

struct OutputTransaction::State
{
  util::Dir out;
  util::Dir state;
  std::optional<util::Dir> staging;
  StagingIn staging_in = StagingIn::state;
  util::FileLock lock;
  FaultInjection* faults = nullptr;
  Overwrite overwrite = Overwrite::ours_only;
  Manifest previous;
  mutable std::mutex mutex; // guards everything below
  Manifest next;
  std::vector<JournalStep> puts;
  std::size_t staged_count = 0;
  bool crashed = false;   // an injected crash: leave everything as it is
  bool committed = false; // or the journal is in place

  State(util::Dir out_dir, util::Dir state_dir, util::FileLock l)
    : out(std::move(out_dir)),
      state(std::move(state_dir)),
      lock(std::move(l))
  {
  }

  // Counts a file system step; fails like a killed process at the chosen
  // one.
  util::Expected<void>
  step(const char* what)
  {
    if (faults == nullptr) {
      return {};
    }
    const std::lock_guard<std::mutex> guard(fault_mutex);
    if (faults->steps++ == faults->crash_at) {
      crashed = true;
      return tl::unexpected(
        util::make_error(std::string("injected crash before ") + what));
    }
    return {};
  }
  std::mutex fault_mutex;

  util::Expected<void> apply(const std::vector<JournalStep>& steps);

  // Removes both places staged files may wait in.
  void
  remove_staging()
  {
    staging.reset();
    state.remove_tree(k_state_staging);
    out.remove_tree(k_output_staging);
  }
  util::Expected<void> finish_journal();
  void read_manifest(bool same_output, util::Diagnostics& notes);
};

namespace {

// Removes an earlier output when it still holds what ogfeed wrote, then the
// folders it leaves empty (never the output folder itself).
void
remove_output(const util::Dir& root,
              const std::string& rel,
              const ManifestEntry& expected)
{
  auto bytes = root.read(rel, k_max_state_bytes);
  if (!bytes || bytes->size() != expected.size
      || content_hash(*bytes) != expected.hash) {
    return; // someone else's bytes now (or a link): not ours to remove
  }
  if (root.remove(rel)) {
    root.remove_empty_parents(rel);
  }
}

// Up to this many steps, a commit syncs each file and folder it touched;
// past it, their whole file system in one syncfs(2), which also waits for
// every other process's writes there (tens of milliseconds on a busy CI
// runner, for a build that wrote three files).
constexpr std::size_t k_fsync_at_most = 64;

// Every staged file of `steps` on disk, and the staging folder's names.
util::Expected<void>
sync_staged(const util::Dir& staging, const std::vector<JournalStep>& steps)
{
  if (steps.size() > k_fsync_at_most) {
    return staging.sync_file_system();
  }
  for (const JournalStep& s : steps) {
    if (s.kind != JournalStep::Kind::remove) {
      TRY(staging.sync(s.staged));
    }
  }
  return staging.sync();
}

// The names `steps` moved into or removed from the output folder (each
// folder on the way, for the ones a step created) and the state folder
// made durable. A folder a removal emptied and removed is gone: nothing to
// sync there.
util::Expected<void>
sync_published(const util::Dir& out,
               const util::Dir& state,
               const std::vector<JournalStep>& steps)
{
  std::set<std::string> folders = {""};
  bool state_changed = false;
  for (const JournalStep& s : steps) {
    if (s.kind == JournalStep::Kind::state) {
      state_changed = true;
      continue;
    }
    for (std::size_t slash = s.rel.find('/'); slash != std::string::npos;
         slash = s.rel.find('/', slash + 1)) {
      folders.insert(s.rel.substr(0, slash));
    }
  }
  for (const std::string& folder : folders) {
    if (folder.empty()) {
      TRY(out.sync());
    } else if (out.kind_of(folder).value_or(util::FileKind::missing)
               == util::FileKind::folder) {
      TRY(out.sync(folder));
    }
  }
  return state_changed ? state.sync() : util::Expected<void>{};
}

} // namespace

util::Expected<void>
OutputTransaction::State::apply(const std::vector<JournalStep>& steps)
{
  for (const auto& s : steps) {
    if (s.kind == JournalStep::Kind::remove) {
      TRY(step("a removal"));
      remove_output(out, s.rel, s.expected);
      continue;
    }
    TRY(step("a rename"));
    if (!staging->is_file(s.staged)) {
      continue; // moved by the run this journal is being finished for
    }
    TRY(staging->move_to(
      s.staged, s.kind == JournalStep::Kind::put ? out : state, s.rel));
  }
  TRY(step("the final sync"));
  if (steps.size() <= k_fsync_at_most) {
    return sync_published(out, state, steps);
  }
  TRY(out.sync_file_system());
  if (staging_in == StagingIn::output) { // the state is elsewhere
    return state.sync_file_system();
  }
  return {};
}

// Finishes a commit whose journal is in place, then drops the journal and
// the staging folder.
// The manifest of the previous build into `previous`: none when the state
// described another output folder, and a damaged one discarded (a warning
// in `notes`).
void
OutputTransaction::State::read_manifest(bool same_output,
                                        util::Diagnostics& notes)
{
  const util::FileKind manifest =
    state.kind_of(k_manifest_file).value_or(util::FileKind::missing);
  if (manifest == util::FileKind::file && !same_output) {
    notes.push_back(util::make_warning(
      "the state folder '" + state.path().string()
      + "' described another output folder; starting afresh for '"
      + out.path().string() + "'"));
  } else if (manifest != util::FileKind::missing) {
    // Read even when it is a folder or FIFO: the error says what it is.
    auto text = state.read(k_manifest_file, k_max_state_bytes);
    auto parsed = text ? parse_manifest(*text) : tl::unexpected(text.error());
    if (parsed) {
      previous = std::move(*parsed);
    } else {
      util::Diagnostic d =
        text ? util::with_path(parsed.error(),
                               (state.path() / k_manifest_file).string())
             : parsed.error();
      d.severity = util::Severity::warning;
      d.message += "; discarded it: every card is drawn again and no earlier "
                   "output is removed";
      notes.push_back(std::move(d));
      state.remove_tree(k_manifest_file);
    }
  }
}

util::Expected<void>
OutputTransaction::State::finish_journal()
{
  auto text = state.read("journal", k_max_state_bytes);
  if (auto journal = text ? parse_journal(*text) : std::nullopt) {
    if (!staging) {
      auto found = journal->staging == StagingIn::state
                     ? state.sub(k_state_staging, util::Create::no)
                     : out.sub(k_output_staging, util::Create::no);
      if (found) {
        staging = std::move(*found);
      }
    }
    if (staging) {
      TRY(apply(journal->steps));
    }
  }
  TRY(step("removing the journal"));
  (void)state.remove("journal");
  remove_staging();
  return state.sync();
}

OutputTransaction::OutputTransaction(std::unique_ptr<State> state)
  : m(std::move(state))
{
}

OutputTransaction::OutputTransaction(OutputTransaction&&) noexcept = default;
OutputTransaction&
OutputTransaction::operator=(OutputTransaction&&) noexcept = default;

OutputTransaction::~OutputTransaction()
{
  if (m && !m->committed && !m->crashed) {
    m->remove_staging();
  }
}

util::Expected<OutputTransaction>
OutputTransaction::open(util::Dir output,
                        util::Dir state,
                        util::LockWait wait,
                        util::Diagnostics& notes,
                        Overwrite overwrite,
                        FaultInjection* faults)
{
  auto lock = util::FileLock::acquire(state, "lock", wait);
  if (!lock) {
    if (lock.error().os && lock.error().os->error_number == EWOULDBLOCK) {
      return tl::unexpected(util::make_error(
        "another ogfeed build is writing to '" + output.path().string()
        + "' (its state folder '" + state.path().string()
        + "' is locked); pass --wait to wait for it"));
    }
    return tl::unexpected(lock.error());
  }
  // The state describes the output folder whose path it recorded.
  const std::string out_name = fs::absolute(output.path()).lexically_normal();
  auto recorded = state.read(std::string(k_output_file), 1 << 16);
  const bool same_output = recorded && *recorded == out_name + "\n";
  auto s = std::make_unique<State>(
    std::move(output), std::move(state), std::move(*lock));
  s->faults = faults;
  s->overwrite = overwrite;
  // Staged files must be renamed into OUT: they wait on its file system.
  if (!s->out.same_file_system(s->state)) {
    s->staging_in = StagingIn::output;
  }

  const auto kind = [&](std::string_view name) {
    return s->state.kind_of(name).value_or(util::FileKind::missing);
  };
  if (kind("journal") != util::FileKind::missing && !same_output) {
    notes.push_back(util::make_warning(
      "discarded an interrupted build's journal in '" + s->state.path().string()
      + "': it was publishing to another output folder"));
    s->state.remove_tree("journal");
  } else if (kind("journal") != util::FileKind::missing) {
    if (auto ok = s->finish_journal(); !ok) {
      return tl::unexpected(util::make_error(
        "cannot finish publishing the outputs of an interrupted build: "
        + ok.error().message));
    }
    notes.push_back(util::make_warning(
      "finished publishing the outputs of an interrupted build in '"
      + s->out.path().string() + "'"));
  }
  s->remove_staging(); // staged by a build that never committed

  s->read_manifest(same_output, notes);
  auto staging = s->staging_in == StagingIn::state
                   ? s->state.sub(k_state_staging, util::Create::yes)
                   : s->out.sub(k_output_staging, util::Create::yes);
  if (!staging) {
    return tl::unexpected(staging.error());
  }
  s->staging = std::move(*staging);
  return OutputTransaction(std::move(s));
}

const util::Dir&
OutputTransaction::output() const
{
  return m->out;
}

const util::Dir&
OutputTransaction::state() const
{
  return m->state;
}

const Manifest&
OutputTransaction::previous() const
{
  return m->previous;
}

util::Expected<void>
OutputTransaction::stage(const std::string& rel,
                         std::string_view bytes,
                         const std::string& key)
{
  const std::uint64_t hash = content_hash(bytes);
  const auto same_on_disk = [&] {
    auto now = m->out.read(rel, bytes.size());
    return now && *now == bytes;
  };
  if (unchanged_on_disk(rel, bytes.size(), hash, key, same_on_disk)) {
    // The same bytes are already there: leave the file (and its mtime) as
    // it is, so rsync, make and CI caches see no change.
    const std::lock_guard<std::mutex> guard(m->mutex);
    m->next[rel] = m->previous.at(rel);
    return {};
  }
  TRY(may_replace(rel, same_on_disk));
  std::string name;
  {
    const std::lock_guard<std::mutex> guard(m->mutex);
    name = std::to_string(m->staged_count++);
  }
  TRY(m->step("staging a file"));
  if (auto ok = m->staging->write_new(name, bytes); !ok) {
    return tl::unexpected(staging_error(rel, ok.error()));
  }
  const std::lock_guard<std::mutex> guard(m->mutex);
  m->next[rel] = ManifestEntry{bytes.size(), hash, key};
  m->puts.push_back({JournalStep::Kind::put, name, rel, {}});
  return {};
}

util::Expected<void>
OutputTransaction::stage_from(
  const std::string& rel,
  const std::string& key,
  const std::function<bool(const PieceWriter&)>& produce)
{
  std::string name;
  {
    const std::lock_guard<std::mutex> guard(m->mutex);
    name = std::to_string(m->staged_count++);
  }
  TRY(m->step("staging a file"));
  util::Hash64Stream hash;
  std::uint64_t size = 0;
  auto ok = m->staging->write_new_from(name, [&](const PieceWriter& write) {
    return produce([&](std::string_view piece) {
      hash.update(piece);
      size += piece.size();
      return write(piece);
    });
  });
  if (!ok) {
    return tl::unexpected(staging_error(rel, ok.error()));
  }
  // Written first, compared after: the file on disk against the staged one.
  const auto same_on_disk = [&] {
    return m->out.same_bytes(rel, *m->staging, name);
  };
  if (unchanged_on_disk(rel, size, hash.digest(), key, same_on_disk)) {
    (void)m->staging->remove(name);
    const std::lock_guard<std::mutex> guard(m->mutex);
    m->next[rel] = m->previous.at(rel);
    return {};
  }
  if (auto may = may_replace(rel, same_on_disk); !may) {
    (void)m->staging->remove(name);
    return may;
  }
  const std::lock_guard<std::mutex> guard(m->mutex);
  m->next[rel] = ManifestEntry{size, hash.digest(), key};
  m->puts.push_back({JournalStep::Kind::put, name, rel, {}});
  return {};
}

util::Error
OutputTransaction::staging_error(const std::string& rel, util::Error e) const
{
  // Name the output, not the staging file the user never sees.
  if (e.os) {
    e = util::os_error(
      "write", (m->out.path() / fs::u8path(rel)).string(), e.os->error_number);
  }
  return e;
}

util::Expected<void>
OutputTransaction::may_replace(const std::string& rel,
                               const std::function<bool()>& same_on_disk) const
{
  // A link on the way to `rel` is an error even with --force: nothing is
  // ever written through one.
  auto kind = m->out.kind_of(rel);
  if (!kind) {
    return tl::unexpected(kind.error());
  }
  const std::string shown = (m->out.path() / fs::u8path(rel)).string();
  switch (*kind) {
  case util::FileKind::missing:
    return {};
  case util::FileKind::folder:
    return tl::unexpected(util::make_error(
      "'" + shown + "' is a folder, where ogfeed writes a file: remove it"));
  case util::FileKind::link:
  case util::FileKind::other:
    if (m->overwrite == Overwrite::any) {
      return {}; // replaced by the rename itself, never followed
    }
    return tl::unexpected(util::make_error(
      "'" + shown
      + (*kind == util::FileKind::link ? "' is a symbolic link"
                                       : "' is not a regular file")
      + " that no earlier ogfeed build wrote; remove it or pass --force to "
        "replace it"));
  case util::FileKind::file:
    break;
  }
  {
    const std::lock_guard<std::mutex> guard(m->mutex);
    if (m->previous.contains(rel)) {
      return {};
    }
  }
  if (m->overwrite == Overwrite::any || same_on_disk()) {
    return {}; // with the very bytes, nothing is lost
  }
  return tl::unexpected(util::make_error(
    "'" + shown
    + "' is already there and no earlier ogfeed build wrote it; move it away "
      "or pass --force to replace it"));
}

bool
OutputTransaction::unchanged_on_disk(
  const std::string& rel,
  std::uint64_t size,
  std::uint64_t hash,
  const std::string& key,
  const std::function<bool()>& same_on_disk) const
{
  {
    const std::lock_guard<std::mutex> guard(m->mutex);
    const auto it = m->previous.find(rel);
    if (it == m->previous.end() || it->second.size != size
        || it->second.hash != hash || it->second.key != key) {
      return false;
    }
  }
  // Trust the file only while it still holds what the manifest says.
  return same_on_disk();
}

bool
OutputTransaction::holds(const std::string& rel, const std::string& key) const
{
  // previous is never changed after open().
  return holds_output(m->previous, m->out, rel, key);
}

std::optional<ManifestEntry>
OutputTransaction::entry(const std::string& rel) const
{
  const std::lock_guard<std::mutex> guard(m->mutex);
  const auto it = m->next.find(rel);
  if (it == m->next.end()) {
    return std::nullopt;
  }
  return it->second;
}

void
OutputTransaction::keep(const std::string& rel)
{
  const std::lock_guard<std::mutex> guard(m->mutex);
  if (const auto it = m->previous.find(rel); it != m->previous.end()) {
    m->next[rel] = it->second;
  }
}

tl::expected<CommitSummary, CommitError>
OutputTransaction::commit()
{
  auto fail = [&](util::Error e, CommitStage stage) {
    return tl::unexpected(CommitError{std::move(e), stage});
  };
  CommitSummary summary;
  std::vector<JournalStep> steps;
  const std::lock_guard<std::mutex> guard(m->mutex);
  // Outputs first, in a stable order; the manifest last, so that until the
  // journal is done the old manifest still describes the old files.
  std::sort(m->puts.begin(), m->puts.end(), [](const auto& a, const auto& b) {
    return a.rel < b.rel;
  });
  for (const auto& p : m->puts) {
    summary.written.push_back(p.rel);
    steps.push_back(p);
  }
  summary.outputs = m->next;
  for (const auto& [rel, entry] : m->previous) {
    if (!m->next.contains(rel)) {
      summary.removed.push_back(rel);
      steps.push_back({JournalStep::Kind::remove, {}, rel, entry});
    }
  }
  // The manifest and the output folder it describes, in the state folder.
  const std::string manifest_name = std::to_string(m->staged_count++);
  const std::string output_name = std::to_string(m->staged_count++);
  if (auto ok = m->step("staging the manifest"); !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  if (auto ok = m->staging->write_new(manifest_name, format_manifest(m->next));
      !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  if (auto ok = m->staging->write_new(
        output_name,
        fs::absolute(m->out.path()).lexically_normal().string() + "\n");
      !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  steps.push_back({JournalStep::Kind::state,
                   manifest_name,
                   std::string(k_manifest_file),
                   {}});
  steps.push_back(
    {JournalStep::Kind::state, output_name, std::string(k_output_file), {}});

  // Every staged byte on disk before the journal that publishes it.
  if (auto ok = m->step("syncing the staged files"); !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  if (auto ok = sync_staged(*m->staging, steps); !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  if (auto ok = m->step("writing the journal"); !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  if (auto ok = m->state.write_replacing(
        "journal", format_journal(steps, m->staging_in), util::Sync::yes);
      !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  m->committed = true;
  if (auto ok = m->finish_journal(); !ok) {
    if (m->crashed) {
      return fail(ok.error(), CommitStage::publishing);
    }
    util::Error e = ok.error();
    e.message =
      "publishing stopped: " + e.message + "; the next build finishes it";
    return fail(std::move(e), CommitStage::publishing);
  }
  return summary;
}

} // namespace ogfeed::site
