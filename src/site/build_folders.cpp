#include "site/build_folders.hpp"

#include "util/file.hpp"
#include "util/git.hpp"

#include <cstdio>

namespace ogfeed::site {

namespace fs = std::filesystem;

namespace {

struct Folders
{
  util::Dir output;
  util::Dir state;
};

// True when `inner` is `outer` or below it.
bool
is_within(const fs::path& inner, const fs::path& outer)
{
  const fs::path rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

// The state folder's name below SITE/.ogfeed for the output folder `out`
// (absolute): its last name, made safe, and a hash of its whole path.
std::string
state_name_for(const fs::path& out)
{
  std::string leaf;
  for (const char c : out.filename().string()) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                       || (c >= '0' && c <= '9') || c == '-' || c == '_';
    leaf += plain ? c : '_';
  }
  if (leaf.empty() || leaf.size() > 40) {
    leaf = leaf.substr(0, 40) + "out";
  }
  char hex[17];
  std::snprintf(hex,
                sizeof hex,
                "%016llx",
                static_cast<unsigned long long>(content_hash(out.string())));
  return leaf + "-" + std::string(hex, 8);
}

// Fails when git tracks anything in the site's state folder: a pull request
// could then commit a journal or a manifest that steers the build.
util::Expected<void>
check_untracked(const fs::path& site_root, const fs::path& state)
{
  auto repo = util::find_git_repository(site_root);
  if (!repo || !*repo) {
    return {}; // no repository (or git refused it): nothing tracked
  }
  auto tracked = util::run_git(
    **repo, {"ls-files", "-z", "--", state.string()}, site_root, 1 << 20);
  if (tracked && !tracked->empty()) {
    return tl::unexpected(util::make_error(
      "git tracks files in ogfeed's state folder '" + state.string()
      + "' (committed state could steer the build); remove them from the "
        "repository (`git rm -r --cached "
      + state.string()
      + "`) and add the folder to .gitignore, or pass --state-dir DIR"));
  }
  return {};
}

// Opens the output and state folders. The command line's are opened as
// given; the site's own (output_dir, SITE/.ogfeed) are reached from the site
// without following any link, as is everything below either.
util::Expected<Folders>
open_folders(const BuildOptions& options,
             const content::SiteConfig& config,
             std::future<util::Expected<void>>& untracked,
             BuildReport& report)
{
  TRY_ASSIGN(site, util::Dir::open(options.site_root, util::Create::no));
  report.output_dir =
    options.output_dir
      ? *options.output_dir
      : (options.site_root / config.output_dir).lexically_normal();
  const fs::path out_abs = fs::absolute(report.output_dir).lexically_normal();
  // One state folder per output folder, so building one site into two
  // folders (a preview, shards) keeps both states.
  const std::string own_state =
    std::string(k_state_dir) + "/" + state_name_for(out_abs);
  report.state_dir = options.state_dir
                       ? *options.state_dir
                       : (options.site_root / own_state).lexically_normal();
  const fs::path state_abs = fs::absolute(report.state_dir).lexically_normal();
  if (is_within(state_abs, out_abs) || is_within(out_abs, state_abs)) {
    return tl::unexpected(util::make_error(
      "the state folder '" + report.state_dir.string()
      + "' and the output folder '" + report.output_dir.string()
      + "' must be apart: the output is deployed and the state must not be"));
  }
  std::optional<util::Dir> state;
  if (options.state_dir) {
    TRY_ASSIGN(dir, util::Dir::open(*options.state_dir, util::Create::yes));
    state = std::move(dir);
  } else {
    TRY(untracked.get());
    TRY_ASSIGN(root, site.sub(k_state_dir, util::Create::yes));
    if (!root.is_file(".gitignore")) {
      // The folder ignores itself, so `git add -A` never commits it.
      (void)root.write_replacing(
        ".gitignore", "# ogfeed's state: never commit it\n*\n", util::Sync::no);
    }
    TRY_ASSIGN(dir, site.sub(own_state, util::Create::yes));
    state = std::move(dir);
  }
  std::optional<util::Dir> output;
  if (options.output_dir) {
    TRY_ASSIGN(dir, util::Dir::open(*options.output_dir, util::Create::yes));
    output = std::move(dir);
  } else {
    TRY_ASSIGN(dir, site.sub(config.output_dir, util::Create::yes));
    output = std::move(dir);
  }
  if (output->kind_of(k_state_dir).value_or(util::FileKind::missing)
      == util::FileKind::folder) {
    report.diagnostics.push_back(util::make_warning(
      "'" + (report.output_dir / k_state_dir).string()
      + "' holds an earlier ogfeed's state and is deployed with the site "
        "(anyone can read the drafts' titles in it); remove it: ogfeed keeps "
        "its state in '"
      + report.state_dir.string() + "' now"));
  }
  return Folders{std::move(*output), std::move(*state)};
}

} // namespace

std::future<util::Expected<void>>
check_state_untracked(const BuildOptions& options)
{
  if (options.state_dir) {
    std::promise<util::Expected<void>> nothing;
    nothing.set_value({});
    return nothing.get_future();
  }
  return std::async(std::launch::async, [root = options.site_root] {
    return check_untracked(root, k_state_dir);
  });
}

util::Expected<OutputTransaction>
open_transaction(const BuildOptions& options,
                 const content::SiteConfig& config,
                 std::future<util::Expected<void>>& untracked,
                 BuildReport& report)
{
  TRY_ASSIGN(folders, open_folders(options, config, untracked, report));
  return OutputTransaction::open(std::move(folders.output),
                                 std::move(folders.state),
                                 options.wait,
                                 report.diagnostics,
                                 options.overwrite,
                                 options.faults);
}

} // namespace ogfeed::site
