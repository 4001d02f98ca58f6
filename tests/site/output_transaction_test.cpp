#include "site/output_manifest.hpp"
#include "site/output_transaction.hpp"
#include "site/site_build.hpp"
#include "test_support.hpp"

#include <sys/stat.h>

#include <map>
#include <optional>

using namespace ogfeed;

namespace {

namespace fs = std::filesystem;

// Every file below `dir` but ogfeed's state folder, by relative path.
std::map<std::string, std::string>
outputs_in(const fs::path& dir)
{
  std::map<std::string, std::string> files;
  for (auto it = fs::recursive_directory_iterator(dir);
       it != fs::recursive_directory_iterator();
       ++it) {
    if (it->path().filename() == site::k_state_dir) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) {
      files[fs::relative(it->path(), dir).string()] = test::slurp(it->path());
    }
  }
  return files;
}

util::Expected<site::OutputTransaction>
try_open(const fs::path& out,
         util::Diagnostics& notes,
         site::Overwrite overwrite = site::Overwrite::ours_only)
{
  auto out_dir = util::Dir::open(out, util::Create::yes);
  auto state_dir = util::Dir::open(test::state_of(out), util::Create::yes);
  REQUIRE(out_dir);
  REQUIRE(state_dir);
  return site::OutputTransaction::open(std::move(*out_dir),
                                       std::move(*state_dir),
                                       util::LockWait::no,
                                       notes,
                                       overwrite);
}

site::OutputTransaction
open_tx(const fs::path& out, util::Diagnostics& notes)
{
  auto tx = try_open(out, notes);
  REQUIRE(tx);
  return std::move(*tx);
}

// An earlier build that wrote `rel` with `bytes`.
void
published(const fs::path& out, const std::string& rel, const std::string& bytes)
{
  util::Diagnostics notes;
  site::OutputTransaction tx = open_tx(out, notes);
  REQUIRE(tx.stage(rel, bytes));
  REQUIRE(tx.commit());
}

// A copy of examples/blog, changed so that a second build replaces, adds
// and removes outputs: one post deleted (its card, category and tag feeds
// go), one title changed (its card is drawn again).
fs::path
changed_blog(const std::string& name)
{
  const fs::path site = test::fresh_dir(name);
  test::copy_example_blog(site);
  fs::remove(site / "posts/2022-04-01-first-post.md");
  const fs::path post = site / "posts/2024-05-18-kansai-meetup-report.md";
  std::string text = test::slurp(post);
  const std::size_t title = text.find("title: \"");
  REQUIRE(title != std::string::npos);
  text.insert(title + 8, "改訂版 ");
  REQUIRE(util::write_file_atomic(post, text));
  return site;
}

} // namespace

TEST_CASE("output transaction: staged files appear only on commit", "[site]")
{
  const fs::path out = test::fresh_dir("tx-commit");
  published(out, "a.xml", "old");
  util::Diagnostics notes;
  {
    site::OutputTransaction tx = open_tx(out, notes);
    REQUIRE(tx.stage("a.xml", "new"));
    REQUIRE(tx.stage("sub/b.xml", "b"));
    CHECK(test::slurp(out / "a.xml") == "old");
    CHECK(!fs::exists(out / "sub/b.xml"));
    auto done = tx.commit();
    REQUIRE(done);
    CHECK(done->written == std::vector<std::string>{"a.xml", "sub/b.xml"});
  }
  CHECK(notes.empty());
  CHECK(outputs_in(out)
        == std::map<std::string, std::string>{{"a.xml", "new"},
                                              {"sub/b.xml", "b"}});
  CHECK(!fs::exists(test::state_of(out) / "staging"));
  CHECK(!fs::exists(test::state_of(out) / "journal"));
}

TEST_CASE("output transaction: an uncommitted transaction changes nothing",
          "[site]")
{
  const fs::path out = test::fresh_dir("tx-abandon");
  published(out, "a.xml", "old");
  util::Diagnostics notes;
  {
    site::OutputTransaction tx = open_tx(out, notes);
    REQUIRE(tx.stage("a.xml", "new"));
  }
  CHECK(outputs_in(out)
        == std::map<std::string, std::string>{{"a.xml", "old"}});
  CHECK(!fs::exists(test::state_of(out) / "staging"));
}

TEST_CASE("output transaction: outputs that no longer belong are removed, "
          "files ogfeed did not write never",
          "[site]")
{
  const fs::path out = test::fresh_dir("tx-stale");
  util::Diagnostics notes;
  {
    site::OutputTransaction tx = open_tx(out, notes);
    REQUIRE(tx.stage("tags/OnlyHere/atom.xml", "only"));
    REQUIRE(tx.stage("tags/Edited/atom.xml", "ours"));
    REQUIRE(tx.stage("atom.xml", "main"));
    REQUIRE(tx.commit());
  }
  REQUIRE(util::write_file_atomic(out / "tags/mine.txt", "a user's file"));
  REQUIRE(util::write_file_atomic(out / "tags/Edited/atom.xml", "edited"));
  {
    site::OutputTransaction tx = open_tx(out, notes);
    REQUIRE(tx.stage("atom.xml", "main 2"));
    auto done = tx.commit();
    REQUIRE(done);
    CHECK(done->removed
          == std::vector<std::string>{"tags/Edited/atom.xml",
                                      "tags/OnlyHere/atom.xml"});
  }
  CHECK(!fs::exists(out / "tags/OnlyHere")); // the emptied folder too
  // Changed since ogfeed wrote it: no longer ogfeed's to remove.
  CHECK(test::slurp(out / "tags/Edited/atom.xml") == "edited");
  CHECK(test::slurp(out / "tags/mine.txt") == "a user's file");
}

TEST_CASE("output transaction: a second build into the same folder is refused "
          "while the first holds it",
          "[site]")
{
  const fs::path out = test::fresh_dir("tx-lock");
  util::Diagnostics notes;
  site::OutputTransaction first = open_tx(out, notes);
  auto second = try_open(out, notes);
  REQUIRE(!second);
  CHECK(util::format_diagnostic(second.error())
        == "ogfeed: error: another ogfeed build is writing to '" + out.string()
             + "' (its state folder '" + test::state_of(out).string()
             + "' is locked); pass --wait to wait for it");
}

TEST_CASE("output transaction: a bad manifest is discarded with a warning, "
          "a FIFO never waited on",
          "[site]")
{
  const fs::path out = test::fresh_dir("tx-bad-manifest");
  const fs::path state = test::state_of(out);
  fs::create_directories(state);
  const std::string manifest = (state / "manifest").string();
  std::string expected;
  SECTION("a folder")
  {
    fs::create_directories(state / "manifest/x");
    expected = "ogfeed: warning: '" + manifest + "' is a folder";
  }
  SECTION("a FIFO")
  {
    REQUIRE(::mkfifo((state / "manifest").c_str(), 0644) == 0);
    expected = "ogfeed: warning: '" + manifest + "' is not a regular file";
  }
  SECTION("garbage")
  {
    REQUIRE(util::write_file_atomic(state / "manifest", "garbage\n"));
    REQUIRE(util::write_file_atomic(
      state / "output", fs::absolute(out).lexically_normal().string() + "\n"));
    expected = manifest + ":1:1: warning: not an ogfeed manifest, or not whole";
  }
  util::Diagnostics notes;
  {
    site::OutputTransaction tx = open_tx(out, notes);
    CHECK(tx.previous().empty());
    REQUIRE(tx.stage("atom.xml", "x"));
    REQUIRE(tx.commit());
  }
  REQUIRE(notes.size() == 1);
  CHECK(util::format_diagnostic(notes[0])
        == expected
             + "; discarded it: every card is drawn again and no earlier "
               "output is removed");
  util::Diagnostics again;
  site::OutputTransaction tx = open_tx(out, again);
  CHECK(again.empty());
  CHECK(tx.previous().size() == 1);
}

TEST_CASE("manifest: paths with tabs and newlines survive a round trip",
          "[site]")
{
  site::Manifest m;
  m["tags/a\tb\nc%/atom.xml"] = {12, 0xfeedULL, ""};
  m["cards/x.png"] = {3, 1, "00aa"};
  auto back = site::parse_manifest(site::format_manifest(m));
  REQUIRE(back);
  CHECK(back->size() == 2);
  CHECK(back->at("tags/a\tb\nc%/atom.xml").hash == 0xfeedULL);
  CHECK(back->at("cards/x.png").key == "00aa");
  auto bad = site::parse_manifest("ogfeed-manifest 1\nzz\t1\t-\tx\n");
  REQUIRE(!bad);
  CHECK(bad.error().line == 2);
}

TEST_CASE("site build: a build interrupted at any step leaves each output old "
          "or new, and the next build equals a clean one",
          "[site][slow]")
{
  const fs::path changed = changed_blog("crash-site");
  const fs::path old_out = test::fresh_dir("crash-old");
  REQUIRE(!util::has_error(
    site::build_site(test::build_options_with_cards(
                       test::k_source_dir / "examples/blog", old_out))
      .diagnostics));
  const fs::path clean = test::fresh_dir("crash-clean");
  REQUIRE(!util::has_error(
    site::build_site(test::build_options_with_cards(changed, clean))
      .diagnostics));
  const auto before = outputs_in(old_out);
  const auto after = outputs_in(clean);
  REQUIRE(before != after);

  bool finished = false;
  for (std::size_t step = 0; !finished; ++step) {
    INFO("crash before step " << step);
    const fs::path out = test::fresh_dir("crash-run");
    fs::copy(old_out, out, fs::copy_options::recursive);
    fs::copy(test::state_of(old_out),
             test::state_of(out),
             fs::copy_options::recursive);
    // The state records the folder it describes: this copy's.
    REQUIRE(util::write_file_atomic(
      test::state_of(out) / "output",
      fs::absolute(out).lexically_normal().string() + "\n"));
    site::FaultInjection faults;
    faults.crash_at = step;
    site::BuildOptions options = test::build_options_with_cards(changed, out);
    options.faults = &faults;
    const site::BuildReport report = site::build_site(options);
    finished = faults.steps <= step;
    CHECK(util::has_error(report.diagnostics) != finished);
    for (const auto& [path, bytes] : outputs_in(out)) {
      INFO(path);
      const bool is_old = before.contains(path) && before.at(path) == bytes;
      const bool is_new = after.contains(path) && after.at(path) == bytes;
      CHECK((is_old || is_new));
    }
    // The next build finishes or discards what the crash left.
    const site::BuildReport next =
      site::build_site(test::build_options_with_cards(changed, out));
    CHECK(!util::has_error(next.diagnostics));
    CHECK(outputs_in(out) == after);
    CHECK(test::slurp(test::state_of(out) / "manifest")
          == test::slurp(test::state_of(clean) / "manifest"));
    CHECK(!fs::exists(test::state_of(out) / "journal"));
    CHECK(!fs::exists(test::state_of(out) / "staging"));
    REQUIRE(step < 200);
  }
}

TEST_CASE("site build: a card whose file was changed is drawn again", "[site]")
{
  const fs::path out = test::fresh_dir("card-tamper");
  const fs::path blog = test::k_source_dir / "examples/blog";
  REQUIRE(
    site::build_site(test::build_options_with_cards(blog, out)).cards_rendered
    == 5);
  const std::string good = test::slurp(out / "cards/first-post.png");
  // Same size, other bytes: what a racing writer or a bad disk leaves.
  std::string bad = good;
  bad[bad.size() / 2] ^= 0x55;
  REQUIRE(util::write_file_atomic(out / "cards/first-post.png", bad));
  const site::BuildReport report =
    site::build_site(test::build_options_with_cards(blog, out));
  CHECK(report.cards_rendered == 1);
  CHECK(report.cards_reused == 4);
  CHECK(test::slurp(out / "cards/first-post.png") == good);
}

TEST_CASE("site build: --no-cards keeps the cards of the previous build",
          "[site]")
{
  const fs::path out = test::fresh_dir("no-cards-keeps");
  const fs::path blog = test::k_source_dir / "examples/blog";
  REQUIRE(
    site::build_site(test::build_options_with_cards(blog, out)).cards_rendered
    == 5);
  const site::BuildReport report =
    site::build_site(test::build_options(blog, out));
  CHECK(report.removed.empty());
  CHECK(fs::exists(out / "cards/first-post.png"));
  CHECK(fs::exists(out / "cards.json"));
}

TEST_CASE("site build: posts that share a slug get cards named by permalink",
          "[site]")
{
  const fs::path root = test::fresh_dir("card-names");
  REQUIRE(util::write_file_atomic(root / "ogfeed.yaml",
                                  "title: T\nbase_url: https://e.example/\n"
                                  "permalink: /:year/:slug/\n"));
  REQUIRE(util::write_file_atomic(root / "posts/2020-01-01-same.md",
                                  "---\ntitle: 一つ目\n---\n"));
  REQUIRE(util::write_file_atomic(root / "posts/2021-01-01-same.md",
                                  "---\ntitle: 二つ目\n---\n"));
  REQUIRE(util::write_file_atomic(root / "posts/2021-02-01-other.md",
                                  "---\ntitle: 別\n---\n"));
  const fs::path out = root / "public";
  const site::BuildReport report =
    site::build_site(test::build_options_with_cards(root, out));
  REQUIRE(!util::has_error(report.diagnostics));
  CHECK(report.cards_rendered == 3);
  CHECK(fs::exists(out / "cards/2020-same.png"));
  CHECK(fs::exists(out / "cards/2021-same.png"));
  CHECK(fs::exists(out / "cards/other.png"));
  CHECK(test::slurp(out / "cards.json").find("cards/2021-same.png")
        != std::string::npos);
}

namespace {

// Stages `pieces` as `rel`, one write each.
util::Expected<void>
stage_pieces(site::OutputTransaction& tx,
             const std::string& rel,
             const std::vector<std::string>& pieces)
{
  return tx.stage_from(
    rel, "k", [&](const site::OutputTransaction::PieceWriter& write) {
      for (const auto& p : pieces) {
        if (!write(p)) {
          return false;
        }
      }
      return true;
    });
}

std::size_t
staged_files(const fs::path& out)
{
  const fs::path staging = test::state_of(out) / "staging";
  if (!fs::exists(staging)) {
    return 0;
  }
  return static_cast<std::size_t>(
    std::distance(fs::directory_iterator(staging), fs::directory_iterator()));
}

} // namespace

TEST_CASE("output transaction: a file staged in pieces is published whole, "
          "and left alone when the same bytes are there",
          "[site][issue25]")
{
  const fs::path out = test::fresh_dir("tx-pieces");
  util::Diagnostics notes;
  {
    site::OutputTransaction tx = open_tx(out, notes);
    REQUIRE(stage_pieces(tx, "head.json", {"{", "\"a\": 1", "}\n"}));
    CHECK(!fs::exists(out / "head.json")); // staged, not yet published
    auto done = tx.commit();
    REQUIRE(done);
    CHECK(done->written == std::vector<std::string>{"head.json"});
    CHECK(done->outputs.at("head.json").size == 9);
    CHECK(done->outputs.at("head.json").hash
          == site::content_hash("{\"a\": 1}\n"));
  }
  CHECK(test::slurp(out / "head.json") == "{\"a\": 1}\n");
  struct stat before
  {
  };
  REQUIRE(::stat((out / "head.json").c_str(), &before) == 0);
  {
    site::OutputTransaction tx = open_tx(out, notes);
    REQUIRE(stage_pieces(tx, "head.json", {"{\"a\"", ": 1}\n"}));
    CHECK(staged_files(out) == 0); // the same bytes: the staged copy is gone
    auto done = tx.commit();
    REQUIRE(done);
    CHECK(done->written.empty());
  }
  struct stat after
  {
  };
  REQUIRE(::stat((out / "head.json").c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);
  CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
  CHECK(notes.empty());
}

TEST_CASE("output transaction: a file staged in pieces never replaces a "
          "user's file or a link, and a producer that gives up stages nothing",
          "[site][issue25]")
{
  const fs::path out = test::fresh_dir("tx-pieces-refused");
  fs::create_directories(out);
  REQUIRE(util::write_file_atomic(out / "mine.json", "a user's file"));
  REQUIRE(util::write_file_atomic(out / "same.json", "same"));
  fs::create_symlink("/etc/passwd", out / "link.json");
  util::Diagnostics notes;
  site::OutputTransaction tx = open_tx(out, notes);
  auto mine = stage_pieces(tx, "mine.json", {"ours"});
  REQUIRE(!mine);
  CHECK(mine.error().message.find("no earlier ogfeed build wrote it")
        != std::string::npos);
  auto link = stage_pieces(tx, "link.json", {"ours"});
  REQUIRE(!link);
  CHECK(link.error().message.find("symbolic link") != std::string::npos);
  // The very bytes already there: nothing is lost by writing them.
  CHECK(stage_pieces(tx, "same.json", {"sa", "me"}));
  auto gave_up = tx.stage_from(
    "x.json", "", [](const site::OutputTransaction::PieceWriter& write) {
      return write("half") && false;
    });
  CHECK(!gave_up);
  CHECK(staged_files(out) == 1); // same.json's
  REQUIRE(tx.commit());
  CHECK(test::slurp(out / "mine.json") == "a user's file");
  CHECK(fs::is_symlink(out / "link.json"));
  CHECK(test::slurp(out / "same.json") == "same");
  CHECK(!fs::exists(out / "x.json"));
}
