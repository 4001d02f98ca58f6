#include "cli/allocator_settings.hpp"
#include "cli/command.hpp"
#include "cli/data_dir.hpp"
#include "cli/file_watcher.hpp"
#include "cli/options.hpp"
#include "cli/progress_line.hpp"
#include "content/config/site_detect.hpp"
#include "site/report_json.hpp"
#include "site/site_build.hpp"
#include "util/file.hpp"
#include "util/github.hpp"
#include "util/kept_until_exit.hpp"
#include "util/url.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>

namespace ogfeed::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* k_build_help =
  "usage: ogfeed build [SITE] [options]\n\n"
  "Builds the feeds of the site in SITE (default: the current folder), which\n"
  "holds ogfeed.yaml and a folder of posts.\n\n"
  "options:\n"
  "  -o, --output DIR  write to DIR instead of the site's output_dir\n"
  "  --base-url URL    the site's URL for this build (a preview or a fork),\n"
  "                    instead of the configured one\n"
  "  --site-output DIR check every published URL against the generator's\n"
  "                    built site in DIR (default: its output folder, once\n"
  "                    it holds index.html)\n"
  "  --strict          a published URL the built site lacks is an error\n"
  "  --drafts          include posts with 'draft: true'\n"
  "  --future          include posts dated in the future\n"
  "  -j, --jobs N      use N threads (default: all cores)\n"
  "  --no-cards        build the feeds only (earlier cards are kept)\n"
  "  --state-dir DIR   keep ogfeed's state (lock, manifest, caches) in DIR\n"
  "                    instead of SITE/.ogfeed (never inside the output)\n"
  "  --force           replace files in the output folder that no earlier\n"
  "                    ogfeed build wrote\n"
  "  --wait            wait for another build writing to the same folder\n"
  "  --report FILE     write a JSON account of the build (posts, outputs with\n"
  "                    sha256, cards, diagnostics, timings) to FILE\n"
  "  --format FMT      diagnostics as text (default) or github annotations\n"
  "  --shard K/N       draw only shard K of N of the cards (a CI matrix)\n"
  "  --merge-shards DIR  take the cards from a shard's output folder (repeat\n"
  "                    for each shard); draws none itself\n"
  "  -w, --watch       build again after every change below SITE (Ctrl-C\n"
  "                    stops)\n"
  "  -q, --quiet       print errors only\n"
  "  -h, --help        show this help\n";

struct BuildArgs
{
  site::BuildOptions options;
  bool quiet = false;
  std::optional<std::string> report; // --report FILE
  bool github = false;               // --format github
  bool watch = false;                // --watch
};

// --base-url: an absolute http(s) URL, kept with a trailing '/'; else what
// is wrong with it.
std::optional<std::string>
set_base_url(const std::string& v, site::BuildOptions& o)
{
  if (!util::is_http_url(v)) {
    return "'--base-url' must be an absolute http(s) URL such as "
           "https://example.com/, got '"
           + v + "'";
  }
  o.base_url = v.ends_with('/') ? v : v + "/";
  return std::nullopt;
}

// --shard K/N, 1 <= K <= N <= 1000.
std::optional<std::string>
set_shard(const std::string& v, site::BuildOptions& o)
{
  unsigned k = 0;
  unsigned n = 0;
  char extra = 0;
  if (std::sscanf(v.c_str(), "%u/%u%c", &k, &n, &extra) != 2 || n == 0
      || n > 1000 || k == 0 || k > n) {
    return "'--shard' must be K/N with 1 <= K <= N, got '" + v + "'";
  }
  o.shard_index = k;
  o.shard_count = n;
  return std::nullopt;
}

// --jobs N, 1 to 256.
std::optional<std::string>
set_jobs(const std::string& v, site::BuildOptions& o)
{
  char* end = nullptr;
  const long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n < 1 || n > 256) {
    return "'--jobs' must be a number from 1 to 256, got '" + v + "'";
  }
  o.jobs = static_cast<unsigned>(n);
  return std::nullopt;
}

// The build command's options, each storing into `out`.
std::vector<OptionSpec>
build_options(BuildArgs& out)
{
  using Value = OptionSpec::Value;
  auto flag = [](auto apply) {
    return [apply](const std::string&) -> std::optional<std::string> {
      apply();
      return std::nullopt;
    };
  };
  // An option whose value is stored as given.
  auto store = [](auto& target) {
    return [&target](const std::string& v) -> std::optional<std::string> {
      target = v;
      return std::nullopt;
    };
  };
  site::BuildOptions& o = out.options;
  return {
    {"output", 'o', Value::required, store(o.output_dir)},
    {"drafts", 0, Value::none, flag([&] { o.drafts = site::Drafts::include; })},
    {"future", 0, Value::none, flag([&] {
       o.future = site::FuturePosts::include;
     })},
    {"no-cards", 0, Value::none, flag([&] { o.cards = site::Cards::off; })},
    {"wait", 0, Value::none, flag([&] { o.wait = util::LockWait::yes; })},
    {"state-dir", 0, Value::required, store(o.state_dir)},
    {"site-output", 0, Value::required, store(o.site_output)},
    {"strict", 0, Value::none, flag([&] { o.strict = true; })},
    {"base-url",
     0,
     Value::required,
     [&](const std::string& v) { return set_base_url(v, o); }},
    {"force", 0, Value::none, flag([&] {
       o.overwrite = site::Overwrite::any;
     })},
    {"quiet", 'q', Value::none, flag([&] { out.quiet = true; })},
    {"watch", 'w', Value::none, flag([&] { out.watch = true; })},
    {"report", 0, Value::required, store(out.report)},
    {"shard",
     0,
     Value::required,
     [&](const std::string& v) { return set_shard(v, o); }},
    {"merge-shards",
     0,
     Value::required,
     [&](const std::string& v) -> std::optional<std::string> {
       o.merge_shards.emplace_back(v);
       return std::nullopt;
     }},
    {"format",
     0,
     Value::required,
     [&](const std::string& v) -> std::optional<std::string> {
       if (v != "text" && v != "github") {
         return "'--format' must be text or github, got '" + v + "'";
       }
       out.github = v == "github";
       return std::nullopt;
     }},
    {"jobs",
     'j',
     Value::required,
     [&](const std::string& v) { return set_jobs(v, o); }},
  };
}

// Parses the options; returns an exit code when the process should stop
// now (--help, or a usage error already printed).
std::optional<int>
parse_args(const std::vector<std::string>& args, BuildArgs& out)
{
  site::BuildOptions& o = out.options;
  const std::vector<OptionSpec> specs = build_options(out);
  int code = k_exit_ok;
  const auto operands = parse_options("build", args, specs, k_build_help, code);
  if (!operands) {
    return code;
  }
  if (operands->size() > 1) {
    return usage_error("'build' takes one site folder, got '" + (*operands)[1]
                       + "' too");
  }
  if (!operands->empty()) {
    o.site_root = operands->front();
  }
  if (o.shard_count > 0 && !o.merge_shards.empty()) {
    return usage_error("'--shard' and '--merge-shards' do not go together");
  }
  if (out.watch && (o.shard_count > 0 || !o.merge_shards.empty())) {
    return usage_error("'--watch' is for writing locally, not for shards");
  }
  return std::nullopt;
}

// Builds once and says how it went; returns the exit code. `output_dir`
// is where the build wrote.
// What a build that succeeded did, in one line (after what it detected).
void
print_summary(const site::BuildReport& report)
{
  if (!report.detected.empty()) {
    std::cout << "detected " << report.detected << "\n";
  }
  if (report.up_to_date) {
    std::cout << "up to date: " << report.feeds << " feeds";
    if (!report.card_records.empty()) {
      std::cout << " and " << report.card_records.size() << " cards";
    }
    std::cout << " for " << report.posts << " posts in "
              << report.output_dir.string()
              << "/ (nothing changed since the last build)\n";
    return;
  }
  std::cout << "wrote " << report.feeds << " feeds";
  if (report.feeds_unchanged > 0) {
    std::cout << " (" << report.feeds_unchanged << " unchanged)";
  }
  if (report.cards_rendered + report.cards_reused > 0) {
    std::cout << " and " << report.cards_rendered + report.cards_reused
              << " cards (" << report.cards_reused << " unchanged)";
  }
  std::cout << " for " << report.posts << " posts to "
            << report.output_dir.string() << "/";
  if (!report.removed.empty()) {
    std::cout << "; removed " << report.removed.size()
              << " outputs that no longer belong";
  }
  if (report.posts_read > 0 && report.posts_read < report.post_records.size()) {
    std::cout << "; re-read " << report.posts_read << " changed post "
              << (report.posts_read == 1 ? "file" : "files");
  }
  std::cout << "\n";
}

int
build_once(BuildArgs& parsed, fs::path& output_dir)
{
  parsed.options.now = std::chrono::time_point_cast<std::chrono::seconds>(
    std::chrono::system_clock::now());
  // On a terminal, one updating line; in a CI log, nothing (--report has
  // the timings).
  ProgressLine progress;
  if (!parsed.quiet && ::isatty(STDERR_FILENO) != 0) {
    parsed.options.progress = [&](const site::Progress& p) {
      progress.update(p);
    };
  }
  site::BuildReport built = site::build_site(parsed.options);
  const site::BuildReport& report = parsed.options.process_ends_after
                                      ? util::kept_until_exit(std::move(built))
                                      : built;
  progress.clear();
  output_dir = report.output_dir;
  util::Diagnostics said;
  for (const auto& d : report.diagnostics) {
    if (d.severity == util::Severity::error || !parsed.quiet) {
      said.push_back(d);
    }
  }
  if (parsed.github) {
    std::cout << util::github_annotations(said);
  } else {
    for (const auto& d : said) {
      std::cerr << util::format_diagnostic(d) << "\n";
    }
  }
  if (parsed.report) {
    if (auto ok = util::write_file_atomic(*parsed.report,
                                          site::build_report_json(report));
        !ok) {
      std::cerr << util::format_diagnostic(ok.error()) << "\n";
      return k_exit_failure;
    }
  }
  if (util::has_error(report.diagnostics)) {
    std::size_t errors = 0;
    for (const auto& d : report.diagnostics) {
      errors += d.severity == util::Severity::error ? 1 : 0;
    }
    std::cerr << "ogfeed: build failed with " << errors
              << (errors == 1 ? " error" : " errors");
    if (report.published == site::Published::partly) {
      std::cerr << "; some outputs are new, the next build finishes "
                   "publishing them\n";
    } else {
      std::cerr << "; previous outputs were left as they were\n";
    }
    return k_exit_failure;
  }
  if (!parsed.quiet) {
    print_summary(report);
  }
  return k_exit_ok;
}

volatile bool g_stop = false;

extern "C" void
on_stop_signal(int)
{
  g_stop = true;
}

// --watch: builds again after each change below the site folder, until
// interrupted (Ctrl-C: exit 0).
int
watch(BuildArgs& parsed, const fs::path& output_dir)
{
  std::string error;
  auto watcher = FileWatcher::open(parsed.options.site_root, output_dir, error);
  if (!watcher) {
    std::cerr << "ogfeed: error: " << error << "\n";
    return k_exit_failure;
  }
  struct sigaction sa
  {
  };
  sa.sa_handler = on_stop_signal; // no SA_RESTART: poll() returns EINTR
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
  std::cerr << "watching " << parsed.options.site_root.string()
            << " for changes (Ctrl-C stops)\n";
  fs::path out = output_dir;
  while (!g_stop) {
    for (const auto& note : watcher->take_notes()) {
      std::cerr << "ogfeed: warning: " << note << "\n";
    }
    const std::vector<std::string> changed =
      watcher->wait(std::chrono::milliseconds(200), g_stop);
    if (changed.empty()) {
      continue;
    }
    std::cout << "changed: " << changed.front();
    if (changed.size() > 1) {
      std::cout << " and " << changed.size() - 1 << " more";
    }
    std::cout << std::endl;
    (void)build_once(parsed, out); // a failed build waits for the next fix
    std::cout.flush();
  }
  return k_exit_ok;
}

} // namespace

int
run_build(const std::vector<std::string>& args)
{
  prefer_huge_pages(); // for what the build allocates from here on
  BuildArgs parsed;
  parsed.options.jobs = std::max(1U, std::thread::hardware_concurrency());
  if (const auto code = parse_args(args, parsed)) {
    return *code;
  }
  // A repository that keeps its site in a folder (docs/, blog/): that one.
  if (const auto below = content::sites_below(parsed.options.site_root);
      below.size() == 1) {
    parsed.options.site_root /= below.front();
    std::cerr << "ogfeed: the site is in "
              << parsed.options.site_root.lexically_normal().string()
              << "/ (the folder given holds no site of its own)\n";
  } else if (below.size() > 1) {
    std::string names;
    for (const auto& b : below) {
      names += (names.empty() ? "" : ", ") + b + "/";
    }
    std::cerr << "ogfeed: the folder given holds no site, but " << names
              << " do; name one: ogfeed build "
              << (parsed.options.site_root / below.front()).string() << "\n";
    return 1;
  }
  parsed.options.template_dirs = template_dirs(parsed.options.site_root);
  parsed.options.font_dirs = font_dirs(parsed.options.site_root);
  fs::path output_dir;
  // One build, then the process ends (main: without tearing down memory).
  parsed.options.process_ends_after = !parsed.watch;
  const int code = build_once(parsed, output_dir);
  parsed.options.process_ends_after = false;
  if (!parsed.watch) {
    return code;
  }
  std::cout.flush();
  return watch(parsed, output_dir);
}

} // namespace ogfeed::cli
