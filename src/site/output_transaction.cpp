#include "site/output_transaction.hpp"

#include "util/file.hpp"
#include "util/split.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <mutex>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_journal_header = "ogfeed-journal 1\n";
constexpr std::size_t k_max_state_bytes = 256 * 1024 * 1024;

// One step of a journal: move a staged file into place, or remove an output
// of an earlier build when it still holds the bytes ogfeed wrote.
struct JournalStep
{
  enum class Kind { put, remove } kind = Kind::put;
  std::string staged;     // put: file name in the staging folder
  std::string rel;        // path relative to the output folder
  ManifestEntry expected; // remove: what ogfeed wrote there
};

std::string
format_journal(const std::vector<JournalStep>& steps)
{
  std::string out(k_journal_header);
  for (const auto& s : steps) {
    if (s.kind == JournalStep::Kind::put) {
      out += "put\t" + s.staged + "\t" + escape_field(s.rel) + "\n";
    } else {
      out += "del\t" + std::to_string(s.expected.hash) + "\t"
             + std::to_string(s.expected.size) + "\t" + escape_field(s.rel)
             + "\n";
    }
  }
  return out + "end\n";
}

bool
to_u64(std::string_view s, std::uint64_t& out)
{
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

std::optional<std::vector<JournalStep>>
parse_journal(std::string_view text)
{
  if (!text.starts_with(k_journal_header) || !text.ends_with("\nend\n")) {
    return std::nullopt;
  }
  std::vector<JournalStep> steps;
  std::size_t pos = k_journal_header.size();
  for (;;) {
    const std::size_t nl = text.find('\n', pos);
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line == "end") {
      return steps;
    }
    const std::vector<std::string_view> f = util::split(line, '\t');
    JournalStep step;
    if (f.size() == 3 && f[0] == "put") {
      step.staged = std::string(f[1]);
      step.rel = unescape_field(f[2]);
    } else if (f.size() == 4 && f[0] == "del"
               && to_u64(f[1], step.expected.hash)
               && to_u64(f[2], step.expected.size)) {
      step.kind = JournalStep::Kind::remove;
      step.rel = unescape_field(f[3]);
    } else {
      return std::nullopt;
    }
    steps.push_back(std::move(step));
  }
}

// True when `rel` names a file inside the output folder: relative, no "..",
// no empty segment.
bool
is_safe_relative(const std::string& rel)
{
  if (rel.empty() || rel.front() == '/') {
    return false;
  }
  std::size_t start = 0;
  for (;;) {
    const std::size_t slash = rel.find('/', start);
    const std::string_view seg =
      std::string_view(rel).substr(start, slash - start);
    if (seg.empty() || seg == "." || seg == "..") {
      return false;
    }
    if (slash == std::string::npos) {
      return true;
    }
    start = slash + 1;
  }
}

enum class FileType { missing, regular, folder, other };

FileType
type_of(const fs::path& p)
{
  struct stat st
  {
  };
  if (::lstat(p.c_str(), &st) != 0) {
    return FileType::missing;
  }
  if (S_ISREG(st.st_mode)) {
    return FileType::regular;
  }
  return S_ISDIR(st.st_mode) ? FileType::folder : FileType::other;
}

// Removes `p` whatever it is; used only inside the state folder.
void
remove_any(const fs::path& p)
{
  std::error_code ec;
  fs::remove_all(p, ec);
}

} // namespace

struct OutputTransaction::State
{
  fs::path out;
  fs::path state;
  fs::path staging;
  util::FileLock lock;
  FaultInjection* faults = nullptr;
  Manifest previous;
  std::mutex mutex; // guards everything below
  Manifest next;
  std::vector<JournalStep> puts;
  std::size_t staged_count = 0;
  bool crashed = false;   // an injected crash: leave everything as it is
  bool committed = false; // or the journal is in place

  State(fs::path out_dir, util::FileLock l)
    : out(std::move(out_dir)),
      state(out / k_state_dir),
      staging(state / "staging"),
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
  util::Expected<void> finish_journal();
};

namespace {

// Moves a staged file into place, creating its folders.
util::Expected<void>
put_file(const fs::path& from, const fs::path& to)
{
  if (type_of(from) == FileType::missing) {
    return {}; // moved by the run this journal is being finished for
  }
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  if (ec) {
    return tl::unexpected(
      util::os_error("create folder", to.parent_path().string(), ec.value()));
  }
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    return tl::unexpected(util::os_error("replace", to.string(), errno));
  }
  return {};
}

// Removes an earlier output when it still holds what ogfeed wrote, then the
// folders it leaves empty (never `root` itself).
void
remove_output(const fs::path& root,
              const std::string& rel,
              const ManifestEntry& expected)
{
  const fs::path p = root / fs::u8path(rel);
  if (type_of(p) != FileType::regular) {
    return;
  }
  auto bytes = util::read_file(p, k_max_state_bytes);
  if (!bytes || bytes->size() != expected.size
      || content_hash(*bytes) != expected.hash) {
    return; // someone else's bytes now: not ours to remove
  }
  if (::unlink(p.c_str()) != 0) {
    return;
  }
  for (fs::path dir = p.parent_path(); dir != root && dir.has_relative_path();
       dir = dir.parent_path()) {
    if (::rmdir(dir.c_str()) != 0) {
      break;
    }
  }
}

} // namespace

util::Expected<void>
OutputTransaction::State::apply(const std::vector<JournalStep>& steps)
{
  for (const auto& s : steps) {
    if (!is_safe_relative(s.rel)) {
      continue;
    }
    if (s.kind == JournalStep::Kind::put) {
      TRY(step("a rename"));
      TRY(put_file(staging / s.staged, out / fs::u8path(s.rel)));
    } else {
      TRY(step("a removal"));
      remove_output(out, s.rel, s.expected);
    }
  }
  TRY(step("the final sync"));
  return util::sync_file_system(out);
}

// Finishes a commit whose journal is in place, then drops the journal and
// the staging folder.
util::Expected<void>
OutputTransaction::State::finish_journal()
{
  const fs::path journal = state / "journal";
  auto text = util::read_file(journal, k_max_state_bytes);
  if (text) {
    if (auto steps = parse_journal(*text)) {
      TRY(apply(*steps));
    }
  }
  TRY(step("removing the journal"));
  remove_any(journal);
  remove_any(staging);
  return util::sync_folder(state);
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
    remove_any(m->staging);
  }
}

util::Expected<OutputTransaction>
OutputTransaction::open(const fs::path& output_dir,
                        util::LockWait wait,
                        util::Diagnostics& notes,
                        FaultInjection* faults)
{
  const fs::path state = output_dir / k_state_dir;
  std::error_code ec;
  fs::create_directories(output_dir, ec);
  if (ec) {
    return tl::unexpected(
      util::os_error("create folder", output_dir.string(), ec.value()));
  }
  const FileType state_type = type_of(state);
  if (state_type != FileType::folder && state_type != FileType::missing) {
    return tl::unexpected(util::make_error(
      "'" + state.string()
      + "' is not a folder; ogfeed keeps its state there: remove it"));
  }
  fs::create_directory(state, ec);
  if (ec) {
    return tl::unexpected(
      util::os_error("create folder", state.string(), ec.value()));
  }
  auto lock = util::FileLock::acquire(state / "lock", wait);
  if (!lock) {
    if (lock.error().os && lock.error().os->error_number == EWOULDBLOCK) {
      return tl::unexpected(util::make_error(
        "another ogfeed build is writing to '" + output_dir.string()
        + "'; pass --wait to wait for it"));
    }
    return tl::unexpected(lock.error());
  }
  auto s = std::make_unique<State>(output_dir, std::move(*lock));
  s->faults = faults;

  const fs::path journal = state / "journal";
  const FileType journal_type = type_of(journal);
  if (journal_type == FileType::regular) {
    if (auto ok = s->finish_journal(); !ok) {
      return tl::unexpected(util::make_error(
        "cannot finish publishing the outputs of an interrupted build: "
        + ok.error().message));
    }
    notes.push_back(util::make_warning(
      "finished publishing the outputs of an interrupted build in '"
      + output_dir.string() + "'"));
  } else if (journal_type != FileType::missing) {
    remove_any(journal);
  }
  if (type_of(s->staging) != FileType::missing) {
    remove_any(s->staging); // staged by a build that never committed
  }

  const fs::path manifest = state / "manifest";
  if (type_of(manifest) != FileType::missing) {
    auto text = util::read_file(manifest, k_max_state_bytes);
    auto parsed =
      text ? parse_manifest(*text) : tl::unexpected(std::move(text).error());
    if (parsed) {
      s->previous = std::move(*parsed);
    } else {
      util::Diagnostic d =
        text ? util::with_path(parsed.error(), manifest) : parsed.error();
      d.severity = util::Severity::warning;
      d.message += "; discarded it: every card is drawn again and no earlier "
                   "output is removed";
      notes.push_back(std::move(d));
      remove_any(manifest);
    }
  }
  fs::create_directory(s->staging, ec);
  if (ec) {
    return tl::unexpected(
      util::os_error("create folder", s->staging.string(), ec.value()));
  }
  return OutputTransaction(std::move(s));
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
  if (unchanged_on_disk(rel, bytes, hash, key)) {
    // The same bytes are already there: leave the file (and its mtime) as
    // it is, so rsync, make and CI caches see no change.
    const std::lock_guard<std::mutex> guard(m->mutex);
    m->next[rel] = m->previous.at(rel);
    return {};
  }
  std::string name;
  {
    const std::lock_guard<std::mutex> guard(m->mutex);
    name = std::to_string(m->staged_count++);
  }
  TRY(m->step("staging a file"));
  if (auto ok = util::write_file(m->staging / name, bytes); !ok) {
    // Name the output, not the staging file the user never sees.
    util::Error e = ok.error();
    if (e.os) {
      e = util::os_error(
        "write", (m->out / fs::u8path(rel)).string(), e.os->error_number);
    }
    return tl::unexpected(std::move(e));
  }
  const std::lock_guard<std::mutex> guard(m->mutex);
  m->next[rel] = ManifestEntry{bytes.size(), hash, key};
  m->puts.push_back({JournalStep::Kind::put, name, rel, {}});
  return {};
}

bool
OutputTransaction::unchanged_on_disk(const std::string& rel,
                                     std::string_view bytes,
                                     std::uint64_t hash,
                                     const std::string& key) const
{
  {
    const std::lock_guard<std::mutex> guard(m->mutex);
    const auto it = m->previous.find(rel);
    if (it == m->previous.end() || it->second.size != bytes.size()
        || it->second.hash != hash || it->second.key != key) {
      return false;
    }
  }
  // Trust the file only while it still holds what the manifest says.
  auto now = util::read_file(m->out / fs::u8path(rel), bytes.size());
  return now && *now == bytes;
}

bool
OutputTransaction::holds(const std::string& rel, const std::string& key) const
{
  // previous is never changed after open().
  return holds_output(m->previous, m->out, rel, key);
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
  const std::string manifest_name = std::to_string(m->staged_count++);
  const std::string manifest_rel = std::string(k_state_dir) + "/manifest";
  if (auto ok = m->step("staging the manifest"); !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  if (auto ok =
        util::write_file(m->staging / manifest_name, format_manifest(m->next));
      !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  steps.push_back({JournalStep::Kind::put, manifest_name, manifest_rel, {}});

  // Every staged byte on disk before the journal that publishes it.
  if (auto ok = m->step("syncing the staged files"); !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  if (auto ok = util::sync_file_system(m->staging); !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  if (auto ok = m->step("writing the journal"); !ok) {
    return fail(ok.error(), CommitStage::before_publishing);
  }
  if (auto ok =
        util::write_file_atomic(m->state / "journal", format_journal(steps));
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
