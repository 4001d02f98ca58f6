#!/usr/bin/env bash
# CLI tests: run the real ogfeed binary on examples/ and tests/data/ sites and
# check exit codes, files written, stdout and stderr.
#   cli_test.sh OGFEED SOURCE_DIR WORK_DIR
set -uo pipefail
ogfeed=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
# Builds of the example keep their state in a copy, never in the source tree;
# a copy leaves out what the README's first command built there.
copy_blog() { cp -r "$src/examples/blog" "$1" && rm -rf "$1/public" "$1/.ogfeed"; }
blog=$work/examples-blog
copy_blog "$blog"
sleep 3 # older than a build's clock slack, as a checkout is: rebuilds trust the stamps
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_eq() { [[ "$1" == "$2" ]] || fail "$3: expected [$2], got [$1]"; }

# 1. The example site builds, and says where its output went.
out=$("$ogfeed" build "$blog" -o "$work/blog" 2>"$work/err"); rc=$?
expect_eq "$rc" 0 "build examples/blog exit code"
expect_eq "$out" "wrote 50 feeds and 5 cards (0 unchanged) for 6 posts to $work/blog/" "build stdout"
expect_eq "$(cat "$work/err")" "" "build stderr"

# 2. Every feed is well-formed XML; every Atom feed passes RFC 4287's schema
#    (when jing and ../shared are there).
while IFS= read -r -d '' f; do
  xmllint --noout "$f" || fail "xmllint rejects $f"
done < <(find "$work/blog" -name '*.xml' -print0)
schema="$src/../shared/schemas/atom.rnc"
if [[ -n "${JING:-}" && -x "${JING:-}" && -f "$schema" ]]; then
  while IFS= read -r -d '' f; do
    "$JING" -c "$schema" "$f" >"$work/jing.txt" 2>/dev/null || { fail "jing rejects $f"; cat "$work/jing.txt" >&2; }
  done < <(find "$work/blog" -name 'atom.xml' -print0)
else
  echo "skip: jing or ../shared/schemas/atom.rnc not present" >&2
fi

# 3. Byte-identical on every run and under any TZ.
TZ=Pacific/Kiritimati "$ogfeed" build "$blog" -o "$work/blog-kiritimati" -q -j 1
TZ=America/Los_Angeles "$ogfeed" build "$blog" -o "$work/blog-la" -q -j 2
diff -r -x cache -x last-build "$work/blog" "$work/blog-kiritimati" >/dev/null || fail "output differs under TZ=Pacific/Kiritimati"
diff -r -x cache -x last-build "$work/blog" "$work/blog-la" >/dev/null || fail "output differs under TZ=America/Los_Angeles"

# 4. Every bad post in one run, compiler style; exit 1; earlier output kept.
mkdir -p "$work/errors-out" && echo previous >"$work/errors-out/atom.xml"
(cd "$src/tests/data/sites" && "$ogfeed" build errors -o "$work/errors-out") >"$work/out" 2>"$work/err"; rc=$?
expect_eq "$rc" 1 "bad posts exit code"
expect_eq "$(cat "$work/out")" "" "bad posts stdout"
expect_eq "$(cat "$work/err")" "errors/posts/b-date.md:3:7: error: 'date' must be a date like 2019-05-27, 2019-05-27 10:00 or 2019-05-27T10:00:00+09:00, got \"2020-13-01\"
errors/posts/c-encoding.md:6:11: error: invalid UTF-8 (byte 0x93); the file looks like Shift_JIS; convert it to UTF-8 with \`iconv -f CP932 -t UTF-8 'errors/posts/c-encoding.md' > converted.md && mv converted.md 'errors/posts/c-encoding.md'\`
errors/posts/d-notitle.md:1:1: error: missing 'title' in the front matter
errors/posts/e-unclosed.md:1:1: error: expected '---' or '...' to close the front matter, got end of file
ogfeed: build failed with 4 errors; previous outputs were left as they were" "bad posts stderr"
expect_eq "$(cat "$work/errors-out/atom.xml")" "previous" "previous output kept"
expect_eq "$(ls "$work/errors-out")" "atom.xml" "no temporary files left"

# 5. The YAML comment trap earns a warning, and the build still succeeds.
mkdir -p "$work/warn/posts"
printf 'title: W\nbase_url: https://w.example/\n' >"$work/warn/ogfeed.yaml"
printf -- '---\ndate: 2019-05-27\ntitle: t\ndescription: Docker Meetup Kansai #3 に行きました\n---\nx\n' >"$work/warn/posts/a.md"
(cd "$work" && "$ogfeed" build warn) >/dev/null 2>"$work/err"; rc=$?
expect_eq "$rc" 0 "warning build exit code"
expect_eq "$(cat "$work/err")" "warn/posts/a.md:4:35: warning: 'description' is cut short at ' #': YAML reads the rest of the line as a comment; quote the value to keep it" "cut-short warning"
(cd "$work" && "$ogfeed" build warn -q) >"$work/out" 2>"$work/err"
expect_eq "$(cat "$work/out")$(cat "$work/err")" "" "-q prints nothing on success"

# 6. Config errors name the file and the near miss.
mkdir -p "$work/badconf"
printf 'title: B\nbase_url: https://b.example/\nfeeds:\n  limt: 3\n' >"$work/badconf/ogfeed.yaml"
(cd "$work" && "$ogfeed" build badconf) 2>"$work/err"; rc=$?
expect_eq "$rc" 1 "bad config exit code"
expect_eq "$(head -1 "$work/err")" "badconf/ogfeed.yaml:4:3: error: unknown key 'feeds.limt', did you mean 'limit'?" "bad config message"
"$ogfeed" build "$work/nowhere" 2>"$work/err"; rc=$?
expect_eq "$rc" 1 "missing site exit code"
expect_eq "$(head -1 "$work/err")" "ogfeed: error: site folder '$work/nowhere' does not exist" "missing site message"
mkdir -p "$work/plain"
"$ogfeed" build "$work/plain" 2>"$work/err"; rc=$?
expect_eq "$rc" 1 "no config exit code"
expect_eq "$(head -1 "$work/err")" "$work/plain/: error: missing 'title' (the site's name, as feeds show it); no ogfeed.yaml and no generator's config found; write ogfeed.yaml with 'title' and 'base_url' (\`ogfeed init\` writes one)" "no config message"

# 7. Usage: --help to stdout with exit 0; usage errors exit 2 with a hint.
"$ogfeed" --help >"$work/out" 2>&1; expect_eq "$?" 0 "--help exit code"
grep -q '^usage: ogfeed <command>' "$work/out" || fail "--help text"
"$ogfeed" build --help >"$work/out" 2>&1; expect_eq "$?" 0 "build --help exit code"
grep -q '^usage: ogfeed build \[SITE\]' "$work/out" || fail "build --help text"
expect_eq "$("$ogfeed" --version)" "ogfeed 0.1.0" "--version"
"$ogfeed" buld 2>"$work/err"; expect_eq "$?" 2 "unknown command exit code"
expect_eq "$(cat "$work/err")" "ogfeed: error: unknown command 'buld', did you mean 'build'?
try 'ogfeed --help'" "unknown command message"
"$ogfeed" build --colour 2>"$work/err"; expect_eq "$?" 2 "unknown option exit code"
expect_eq "$(head -1 "$work/err")" "ogfeed: error: unknown option '--colour' for 'build'" "unknown option message"
"$ogfeed" build -j 0 2>/dev/null; expect_eq "$?" 2 "bad --jobs exit code"

# 8. Cards: the example build wrote one card per post but the one with its
#    own image, linked from the feeds, listed in cards.json; a second build
#    reuses them all.
expect_eq "$(ls "$work/blog/cards" | tr '\n' ' ')" "advent-calendar.png first-post.png go-generics-cache.png kansai-meetup-report.png mongodb-java-to-go.png " "cards written"
grep -q '<enclosure url="https://blog.example.jp/cards/first-post.png" length="[0-9]*" type="image/png" />' "$work/blog/archive/1/rss.xml" || fail "RSS enclosure"
grep -q '"https://blog.example.jp/posts/first-post/": {"url": "https://blog.example.jp/cards/first-post.png", "width": 1200, "height": 630' "$work/blog/cards.json" || fail "cards.json entry"
out=$("$ogfeed" build "$blog" -o "$work/blog" 2>&1)
expect_eq "$out" "up to date: 50 feeds and 5 cards for 6 posts in $work/blog/ (nothing changed since the last build)" "second build has nothing to do"
rm "$work/blog/cards/first-post.png"
out=$("$ogfeed" build "$blog" -o "$work/blog" 2>&1)
expect_eq "$out" "wrote 50 feeds (50 unchanged) and 5 cards (4 unchanged) for 6 posts to $work/blog/" "a deleted card is drawn again, the rest reused"
"$ogfeed" build "$blog" -o "$work/blog-nocards" --no-cards -q
[[ ! -e "$work/blog-nocards/cards" ]] || fail "--no-cards wrote cards"

# 9. ogfeed card: a layout as JSON (one title, or a file of them), a card
#    file, errors with positions.
printf '読もう\nRust入門\n\n社内勉強会の続け方 〜5年続いた理由を振り返る〜\n' >"$work/titles.txt"
out=$("$ogfeed" card --layout-json --titles "$work/titles.txt" | python3 -c "
import json, sys
print(' / '.join(' | '.join(l['text'] for l in json.loads(x)['lines']) for x in sys.stdin))")
expect_eq "$out" "読もう / Rust入門 / 社内勉強会の続け方 | 〜5年続いた理由を振り返る〜" "card --titles"
"$ogfeed" card --titles "$work/titles.txt" 2>/dev/null; expect_eq "$?" 2 "--titles without --layout-json"
out=$("$ogfeed" card --layout-json --title "メモリリークの調査：ヒープダンプを読む")
case "$out" in
  '{"font_size": 54.75, "box_width": 1040, "box_height": 340, "truncated": false, "lines": [{"text": "メモリリークの調査：ヒープダンプを読む", '*) ;;
  *) fail "card --layout-json: $out" ;;
esac
"$ogfeed" card "$src/examples/blog/posts/2022-04-01-first-post.md" -o "$work/one.webp" || fail "card from a post"
[[ "$(head -c 12 "$work/one.webp" | tail -c 4)" == "WEBP" ]] || fail "card .webp output"
printf 'fonts: {bold: NotoSansJP-Bold-subset.otf}\ntitle:\n  colour: red\n' >"$work/bad.yaml"
"$ogfeed" card --title x --template "$work/bad.yaml" 2>"$work/err"; rc=$?
expect_eq "$rc" 1 "bad template exit code"
expect_eq "$(cat "$work/err")" "$work/bad.yaml:3:3: error: unknown key 'title.colour', did you mean 'color'?" "bad template message"
"$ogfeed" card --title "西夏文字 𗀀 の牛丼" -o "$work/tangut.png" 2>"$work/err"
expect_eq "$(cat "$work/err")" "ogfeed: warning: no font has '𗀀' (U+17000); the card shows it as a box" "missing glyph warning"
# Names beyond JIS X 0208 come from the bundled fonts alone (an empty
# fontconfig); Korean, Greek and the like from the system's fonts.
printf '<?xml version="1.0"?>\n<fontconfig><cachedir>%s</cachedir></fontconfig>\n' "$work/fc-cache" >"$work/empty-fonts.conf"
FONTCONFIG_FILE="$work/empty-fonts.conf" "$ogfeed" card --title "髙橋と山﨑の𠮷野家 剝がす𠮟る塡頰 德永 鷗外" -o "$work/names.png" 2>"$work/err"
expect_eq "$(cat "$work/err")" "" "JIS X 0213 and CP932 names from the bundled fonts"
FONTCONFIG_FILE="$work/empty-fonts.conf" "$ogfeed" card --title "CO₂削減≒20% ≠ ≦ ≧ 36℃ №1 ①〜⑳" -o "$work/symbols.png" 2>"$work/err"
expect_eq "$(cat "$work/err")" "" "technical symbols from the bundled fonts"
mkdir -p "$work/tangut/posts" && printf 'title: T\nbase_url: https://t.example/\n' >"$work/tangut/ogfeed.yaml"
printf -- '---\ndate: 2024-01-01\ntitle: 西夏文字 𗀀 の話\n---\n' >"$work/tangut/posts/a.md"
"$ogfeed" build "$work/tangut" >/dev/null 2>"$work/err" || fail "build with a missing glyph"
expect_eq "$(cat "$work/err")" "$work/tangut/posts/a.md:3:8: warning: no font has '𗀀' (U+17000); the card shows it as a box" "missing glyph warning at the title"
if fc-list ':lang=ko' | grep -q .; then
  "$ogfeed" card --title "한국어 제목 · Ελληνικά · CO₂ ≒ Łódź" -o "$work/ko.png" 2>"$work/err"
  expect_eq "$(cat "$work/err")" "" "Korean and Greek from the system fonts"
else
  echo "skip: no Korean font installed (scripts/install-deps.sh installs fonts-noto-cjk)" >&2
fi

# 10. ogfeed validate: every feed the build wrote is clean, even --strict;
#     errors exit 1, usage errors 2; a folder and stdin work.
"$ogfeed" validate --strict "$work/blog" >"$work/out" 2>&1; rc=$?
expect_eq "$rc" 0 "built feeds validate --strict"
expect_eq "$(cat "$work/out")" "" "built feeds have no findings"
data=$src/tests/data/validate
(cd "$data" && "$ogfeed" validate rss-errors.xml) >"$work/out"; rc=$?
expect_eq "$rc" 1 "invalid feed exit code"
expect_eq "$(head -1 "$work/out")" "rss-errors.xml:3:3: error[rss-missing-link]: <channel> has no <link>" "validate text output"
"$ogfeed" validate - <"$data/atom-valid.xml" >"$work/out"; rc=$?
expect_eq "$rc" 0 "validate stdin exit code"
"$ogfeed" validate --format github "$data" >"$work/out"; rc=$?
expect_eq "$rc" 1 "validate folder exit code"
# Issue 22: past 10 errors, the rest are in a log group, as validate's text
# writes them.
grep -q '^rss-errors.xml:3:3: error\[rss-missing-link\]: ' <(sed 's|^.*/tests/data/validate/||' "$work/out") || fail "grouped github findings: $(cat "$work/out")"
"$ogfeed" validate --format github "$data/rss-errors.xml" >"$work/out"
grep -q '^::error file=.*rss-errors.xml,line=3,col=3,title=rss-missing-link::' "$work/out" || fail "github annotations"
# Issue 23: the rule table in docs is the one the binary prints.
"$ogfeed" validate --rules >"$work/rules" || fail "validate --rules exit code"
diff <(sed -n '/^| rule |/,$p' "$src/docs/validate-rules.md") "$work/rules" >/dev/null || fail "docs/validate-rules.md differs from 'ogfeed validate --rules'"
"$ogfeed" validate --format yaml "$data" 2>/dev/null; expect_eq "$?" 2 "validate bad format exit code"
"$ogfeed" validate --strict - <<<'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://e.com/</link><description>d</description></channel></rss>' >/dev/null; expect_eq "$?" 1 "--strict fails on warnings"

# 11. One option parser for every subcommand: --opt=value and --opt value,
#     options after operands, the same usage errors everywhere.
"$ogfeed" card --title=等号で渡すタイトル --tags=" a, b ,,c" --output="$work/eq.png" || fail "card --opt=value"
[[ -s "$work/eq.png" ]] || fail "card --output=FILE wrote nothing"
"$ogfeed" build "$blog" --output="$work/eq-out" --no-cards -j2 -q || fail "build --output=DIR -j2"
[[ -f "$work/eq-out/atom.xml" ]] || fail "build --output=DIR wrote nothing"
"$ogfeed" validate "$work/eq-out" --format=json >"$work/out"; expect_eq "$?" 0 "validate --format=json after operand"
"$ogfeed" card --title 2>"$work/err"; expect_eq "$?" 2 "card missing value exit code"
expect_eq "$(head -1 "$work/err")" "ogfeed: error: option '--title' needs a value" "card missing value message"
"$ogfeed" card --title t --date 2024-13-01 2>"$work/err"; expect_eq "$?" 2 "card bad date exit code"
expect_eq "$(head -1 "$work/err")" "ogfeed: error: '--date' must be a date like 2019-05-27, 2019-05-27 10:00 or 2019-05-27T10:00:00+09:00, got \"2024-13-01\"" "card bad date message"
"$ogfeed" validate --colour=always x.xml 2>"$work/err"; expect_eq "$?" 2 "validate unknown option exit code"
expect_eq "$(head -1 "$work/err")" "ogfeed: error: unknown option '--colour' for 'validate'" "validate unknown option message"

# 11b. validate fails when it read nothing, and on a folder given as a file.
mkdir -p "$work/no-feeds"
"$ogfeed" validate "$work/no-feeds" 2>"$work/err"; expect_eq "$?" 2 "validate empty folder exit code"
expect_eq "$(head -1 "$work/err")" "ogfeed: error: '$work/no-feeds' holds no .xml, .atom, .rss, .rdf or .json file" "validate empty folder message"
"$ogfeed" validate "$work/missing.xml" 2>"$work/err"; expect_eq "$?" 1 "validate missing file exit code"
expect_eq "$(head -1 "$work/err")" "ogfeed: error: cannot open '$work/missing.xml': No such file or directory" "validate missing file message"
timeout 10 "$ogfeed" validate - </dev/zero >"$work/out"; expect_eq "$?" 1 "validate /dev/zero ends with an error"

# 12. Outputs of one build: a lock, and earlier outputs that no longer belong
#     removed (never a file ogfeed did not write).
copy_blog "$work/site12"
"$ogfeed" build "$work/site12" -q || fail "site12 first build"
echo mine >"$work/site12/public/tags/mine.txt"
rm "$work/site12/posts/2022-04-01-first-post.md"
out=$("$ogfeed" build "$work/site12" 2>&1); rc=$?
expect_eq "$rc" 0 "rebuild after deleting a post"
expect_eq "$out" "wrote 47 feeds (45 unchanged) and 4 cards (4 unchanged) for 5 posts to $work/site12/public/; removed 4 outputs that no longer belong" "rebuild removes stale outputs"
[[ ! -e "$work/site12/public/cards/first-post.png" ]] || fail "deleted post's card stayed"
[[ ! -e "$work/site12/public/categories/雑記" ]] || fail "deleted category's feeds stayed"
expect_eq "$(cat "$work/site12/public/tags/mine.txt")" "mine" "a user's file is kept"
state12=$(echo "$work"/site12/.ogfeed/public-*)
[[ -f "$state12/manifest" && ! -e "$work/site12/public/.ogfeed" ]] || fail "state kept in SITE/.ogfeed/public-*, not in the output"
exec 9>"$state12/lock"
flock -n 9 || fail "cannot take the lock for the test"
"$ogfeed" build "$work/site12" -q 2>"$work/err"; expect_eq "$?" 1 "locked build exit code"
expect_eq "$(head -1 "$work/err")" "ogfeed: error: another ogfeed build is writing to '$work/site12/public' (its state folder '$state12' is locked); pass --wait to wait for it" "locked build message"
( sleep 1; flock -u 9 ) &
"$ogfeed" build "$work/site12" -q --wait || fail "--wait waits for the lock"
exec 9>&-
wait
# Two builds at once into one folder: with --wait both succeed, one after
# the other, and the result is a clean build's.
rm -rf "$work/site12/public/cards"
"$ogfeed" build "$work/site12" -q --wait & first=$!
"$ogfeed" build "$work/site12" -q --wait || fail "second concurrent build"
wait "$first" || fail "first concurrent build"
"$ogfeed" build "$work/site12" -q -o "$work/site12-clean"
diff -r -x lock -x mine.txt -x cache -x last-build "$work/site12/public" "$work/site12-clean" >/dev/null || fail "concurrent builds differ from a clean build"
# A FIFO where ogfeed.yaml goes is refused at once, never waited on.
mkdir -p "$work/fifo-site/posts" && mkfifo "$work/fifo-site/ogfeed.yaml"
timeout 10 "$ogfeed" build "$work/fifo-site" 2>"$work/err"; expect_eq "$?" 1 "FIFO config exit code"
expect_eq "$(head -1 "$work/err")" "ogfeed: error: '$work/fifo-site/ogfeed.yaml' is not a regular file" "FIFO config message"

# 12b. What earlier versions left: a folder or FIFO named .ogfeed-cards
#      (their card cache) is not ogfeed's state any more and disturbs nothing.
copy_blog "$work/site12b"
mkdir -p "$work/site12b/public/.ogfeed-cards/sub" && mkfifo "$work/site12b/public/fifo-cards"
timeout 60 "$ogfeed" build "$work/site12b" -q || fail "build beside a .ogfeed-cards folder"
rm -rf "$work/site12b/public/.ogfeed-cards" && mkfifo "$work/site12b/public/.ogfeed-cards"
timeout 60 "$ogfeed" build "$work/site12b" -q || fail "build beside a .ogfeed-cards FIFO"
[[ -z "$(find "$work/site12b/public" -name '*.tmp-*')" ]] || fail "temporaries left beside .ogfeed-cards"

# 13. A full disk: one message, the earlier outputs kept, nothing staged
#     left behind (needs a small tmpfs: root and mount, else skipped).
mkdir -p "$work/full"
if mount -t tmpfs -o size=300k tmpfs "$work/full" 2>/dev/null; then
  "$ogfeed" build "$blog" -o "$work/full/out" --no-cards -q || fail "feeds fit on the small disk"
  cp "$work/full/out/atom.xml" "$work/full-atom.xml"
  "$ogfeed" build "$blog" -o "$work/full/out" 2>"$work/err"; rc=$?
  expect_eq "$rc" 1 "full disk exit code"
  expect_eq "$(grep -c 'No space left on device' "$work/err")" 1 "full disk: one message"
  grep -q "^ogfeed: error: cannot write '$work/full/out/cards/.*': No space left on device$" "$work/err" || fail "full disk message names the output: $(cat "$work/err")"
  cmp -s "$work/full/out/atom.xml" "$work/full-atom.xml" || fail "full disk changed atom.xml"
  [[ ! -e "$work/full/out/.ogfeed-staging" ]] || fail "full disk left staged files"
  [[ -z "$(ls -A "$work/full/out" | grep '^\.')" ]] || fail "full disk left hidden files: $(ls -A "$work/full/out")"
  umount "$work/full"
else
  echo "skip: cannot mount a tmpfs for the full-disk test" >&2
fi

# 14. Zero configuration: a generator's repository builds as it is, says
#     what it detected, and `ogfeed init` writes that down (never over an
#     existing ogfeed.yaml unless --force).
cp -r "$src/tests/data/generators/hugo-toml" "$work/hugo"
"$ogfeed" build "$work/hugo" --no-cards >"$work/out" 2>"$work/err" || fail "hugo build: $(cat "$work/err")"
expect_eq "$(head -1 "$work/out")" "detected Hugo site (hugo.toml): read base_url, title, subtitle, language, timezone, author, permalinks, content_dir" "detected line"
grep -q " for 3 posts to " "$work/out" || fail "hugo post count: $(cat "$work/out")"
"$ogfeed" init "$work/hugo" >"$work/out" || fail "init"
expect_eq "$(cat "$work/out")" "wrote $work/hugo/ogfeed.yaml for a Hugo site
added .ogfeed/ (ogfeed's state) to $work/hugo/.gitignore
next steps:
  1. check the values marked 'guessed' in $work/hugo/ogfeed.yaml
  2. ogfeed build $work/hugo      (the feeds and cards, into public/)
  3. put the <head> tags on the site's pages: the README's snippet for Hugo reads them from head.json" "init message"
# Issue 22: what init guessed is marked for the user to check.
grep -q '^language: ja *# from languageCode in hugo.toml$' "$work/hugo/ogfeed.yaml" || fail "init language line: $(cat "$work/hugo/ogfeed.yaml")"
grep -q '^permalink: .* # guessed: Hugo.s default' "$work/hugo/ogfeed.yaml" || fail "init permalink line: $(cat "$work/hugo/ogfeed.yaml")"
mkdir -p "$work/bare/posts"
"$ogfeed" init "$work/bare" >"$work/out" || fail "init on a bare folder"
grep -q '^language: ja *# guessed: not in the site; check it' "$work/bare/ogfeed.yaml" || fail "init guessed language: $(cat "$work/bare/ogfeed.yaml")"
grep -q '^timezone: Asia/Tokyo *# guessed: not in the site; check it' "$work/bare/ogfeed.yaml" || fail "init guessed timezone: $(cat "$work/bare/ogfeed.yaml")"
grep -q "^  1. fill in the 'title' and 'base_url' it leaves empty (marked TODO)$" "$work/out" || fail "init next steps: $(cat "$work/out")"
expect_eq "$(tail -1 "$work/hugo/.gitignore")" ".ogfeed/" "init ignores the state folder"
grep -q '^base_url: https://hugo.example.jp/ *# from baseURL in hugo.toml$' "$work/hugo/ogfeed.yaml" || fail "init base_url line: $(cat "$work/hugo/ogfeed.yaml")"
cp "$work/hugo/public/atom.xml" "$work/hugo-atom.xml"
"$ogfeed" build "$work/hugo" --no-cards -q || fail "build with the init config"
cmp -s "$work/hugo/public/atom.xml" "$work/hugo-atom.xml" || fail "init config changed the feed"
"$ogfeed" init "$work/hugo" 2>"$work/err"; expect_eq "$?" 1 "init over an existing ogfeed.yaml"
grep -q "already exists; pass --force" "$work/err" || fail "init refusal message"
"$ogfeed" init "$work/hugo" --force >/dev/null || fail "init --force"
cp -r "$src/tests/data/generators/zenn" "$work/zenn" && rm "$work/zenn/ogfeed.yaml"
"$ogfeed" build "$work/zenn" --no-cards 2>"$work/err"; expect_eq "$?" 1 "zenn without a URL"
expect_eq "$(head -1 "$work/err")" "$work/zenn/: error: missing 'title' (the site's name, as feeds show it); Zenn's files (package.json) do not name it; write ogfeed.yaml with 'title' and 'base_url' (\`ogfeed init\` writes one)" "zenn missing title message"

# 15. --report: what a CI step reads; --format github: build diagnostics as
#     annotations.
copy_blog "$work/rep"
"$ogfeed" build "$work/rep" --report "$work/report.json" -q || fail "build --report"
python3 - "$work/report.json" "$work/rep/public" <<'PY' || fail "report contents"
import hashlib, json, os, sys
r = json.load(open(sys.argv[1]))
out = sys.argv[2]
assert r["ok"] and r["published"] == "all", r
assert r["site"]["base_url"] == "https://blog.example.jp/", r["site"]
assert {p["skipped"] for p in r["posts"]} == {None, "draft"}, r["posts"]
assert sum(p["included"] for p in r["posts"]) == 6
files = sorted(os.path.relpath(os.path.join(d, f), out) for d, _, fs in os.walk(out) for f in fs
               if not os.path.relpath(d, out).startswith(".ogfeed"))
assert sorted(o["path"] for o in r["outputs"]) == files, (files, r["outputs"])
for o in r["outputs"]:
    data = open(os.path.join(out, o["path"]), "rb").read()
    assert hashlib.sha256(data).hexdigest() == o["sha256"] and len(data) == o["bytes"], o
    assert o["changed"] is True
assert len(r["cards"]) == 5 and all(c["rendered"] for c in r["cards"])
assert set(r["timings_ms"]) == {"load", "cards", "feeds", "publish"}
assert r["up_to_date"] is False and r["posts_read"] == 7, r["posts_read"]
PY
"$ogfeed" build "$work/rep" --report "$work/report2.json" -q || fail "second build --report"
python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
assert not any(o['changed'] for o in r['outputs']), r['outputs']
assert all(c['cache_hit'] for c in r['cards'])
assert r['posts_read'] == 0  # just copied: racy stamps, checked by their bytes
" "$work/report2.json" || fail "report of an unchanged rebuild"
printf -- '---\ntitle: x\ndate: 2024-13-01\n---\n' >"$work/rep/posts/bad.md"
"$ogfeed" build "$work/rep" --format github --report "$work/report3.json" >"$work/out" 2>"$work/err"; expect_eq "$?" 1 "github format exit code"
expect_eq "$(grep '^::error' "$work/out")" "::error file=$work/rep/posts/bad.md,line=3,col=7::'date' must be a date like 2019-05-27, 2019-05-27 10:00 or 2019-05-27T10:00:00+09:00, got \"2024-13-01\"" "github annotation"
python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
assert not r['ok'] and r['published'] == 'nothing'
d = r['diagnostics'][0]
assert (d['line'], d['column'], d['severity'], d['rule']) == (3, 7, 'error', None), d
" "$work/report3.json" || fail "report of a failed build"

# 16. A rebuild with nothing changed rewrites nothing: every output keeps its
#     bytes and its mtime (rsync and CI caches see no change).
copy_blog "$work/noop"
"$ogfeed" build "$work/noop" -q || fail "noop first build"
find "$work/noop/public" -path '*/.ogfeed' -prune -o -type f -printf '%P %T@\n' | sort >"$work/mtimes1"
sleep 1.1
expect_eq "$("$ogfeed" build "$work/noop")" "wrote 50 feeds (50 unchanged) and 5 cards (5 unchanged) for 6 posts to $work/noop/public/" "noop rebuild message"
find "$work/noop/public" -path '*/.ogfeed' -prune -o -type f -printf '%P %T@\n' | sort >"$work/mtimes2"
cmp -s "$work/mtimes1" "$work/mtimes2" || fail "noop rebuild touched outputs: $(diff "$work/mtimes1" "$work/mtimes2" | head -3)"

# 17. Progress: one updating line on a terminal, cleared before the result;
#     nothing on a pipe (section 1 checks stderr is empty there).
if command -v script >/dev/null; then
  copy_blog "$work/tty"
  script -qc "'$ogfeed' build '$work/tty' -j1" /dev/null >"$work/tty.out" 2>&1
  grep -q $'\r\033\[Kogfeed: cards 5/5' "$work/tty.out" || fail "progress line on a terminal: $(od -c "$work/tty.out" | head -5)"
  grep -q $'\r\033\[Kwrote 50 feeds and 5 cards' "$work/tty.out" || fail "progress line cleared before the result"
  script -qc "'$ogfeed' build '$work/tty' -q" /dev/null >"$work/tty.out" 2>&1
  [[ ! -s "$work/tty.out" ]] || fail "-q printed progress: $(od -c "$work/tty.out" | head -3)"
else
  echo "skip: no script(1) for a terminal" >&2
fi

# 18. Shards: three --shard K/3 builds split the cards; --merge-shards
#     draws none and equals one build byte for byte; a missing shard is an
#     error that names a card.
for k in 1 2 3; do
  "$ogfeed" build "$blog" -o "$work/shard$k" --shard "$k/3" -q || fail "shard $k/3"
done
expect_eq "$(find "$work"/shard[123]/cards -name '*.png' | wc -l)" 5 "shards draw each card once"
"$ogfeed" build "$blog" -o "$work/merged" --merge-shards "$work/shard1" --merge-shards "$work/shard2" \
  --merge-shards "$work/shard3" -q || fail "merge shards"
"$ogfeed" build "$blog" -o "$work/single" -q
diff -r -x cache -x last-build "$work/single" "$work/merged" >/dev/null || fail "merged shards differ from one build: $(diff -rq "$work/single" "$work/merged" | head -3)"
"$ogfeed" build "$blog" -o "$work/merged2" --merge-shards "$work/shard1" 2>"$work/err"; expect_eq "$?" 1 "merge with a shard missing"
grep -q "^ogfeed: error: card 'cards/.*' is in no shard's output" "$work/err" || fail "missing shard message: $(cat "$work/err")"
"$ogfeed" build "$blog" --shard 4/3 2>"$work/err"; expect_eq "$?" 2 "bad --shard"

# 19. JSON Feed 1.1 as a third format, per tag too, checked by validate
#     (which finds .json feeds in a folder and leaves cards.json alone).
copy_blog "$work/jsonfeed"
sed -i 's/^  formats: \[atom, rss\]$/  formats: [atom, rss, json]/' "$work/jsonfeed/ogfeed.yaml"
echo "websub_hub: https://hub.example/" >>"$work/jsonfeed/ogfeed.yaml"
"$ogfeed" build "$work/jsonfeed" -q || fail "build with json"
[[ -f "$work/jsonfeed/public/feed.json" && -f "$work/jsonfeed/public/tags/Rust/feed.json" ]] || fail "feed.json files"
python3 -c "
import json, sys
f = json.load(open(sys.argv[1]))
assert f['version'] == 'https://jsonfeed.org/version/1.1' and f['feed_url'] == 'https://blog.example.jp/feed.json'
assert all(i['image'].startswith('https://') for i in f['items'])
" "$work/jsonfeed/public/feed.json" || fail "feed.json contents"
"$ogfeed" validate "$work/jsonfeed/public" --format json >"$work/out" || fail "validate the json feeds"
grep -q '"format": "JSON Feed"' "$work/out" || fail "validate saw no JSON Feed"
grep -q 'cards.json' "$work/out" && fail "validate checked cards.json"
grep -q '<link rel="hub" href="https://hub.example/" />' "$work/jsonfeed/public/atom.xml" || fail "Atom WebSub hub link"
grep -q '<atom:link href="https://hub.example/" rel="hub" />' "$work/jsonfeed/public/rss.xml" || fail "RSS WebSub hub link"
grep -q '"hubs": \[{"type": "WebSub", "url": "https://hub.example/"}\]' "$work/jsonfeed/public/feed.json" || fail "JSON Feed hubs"

# 20. build --watch: builds, builds again after a change (not after its own
#     outputs change), keeps watching after a failed build, stops on SIGINT.
copy_blog "$work/watch"
"$ogfeed" build "$work/watch" --no-cards --watch >"$work/watch.out" 2>"$work/watch.err" &
watch_pid=$!
wait_for() { # PATTERN FILE: up to 30 s
  for _ in $(seq 300); do grep -q "$1" "$2" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}
wait_for "^watching" "$work/watch.err" || fail "watch did not start: $(cat "$work/watch.err")"
sed -i 's/^title: .*/title: "watched title"/' "$work/watch/posts/$(ls "$work/watch/posts" | head -1)"
wait_for "re-read 1 changed post file" "$work/watch.out" || fail "no rebuild after an edit: $(cat "$work/watch.out")"
grep -q "watched title" "$work/watch/public/archive/1/atom.xml" || fail "watch rebuild missed the edit"
printf -- '---\ntitle: [\n---\n' >"$work/watch/posts/broken.md"
wait_for "build failed with 1 error" "$work/watch.err" || fail "no failed rebuild: $(cat "$work/watch.err")"
rm "$work/watch/posts/broken.md"
for _ in $(seq 300); do [[ $(grep -c '^wrote' "$work/watch.out") -ge 3 ]] && break; sleep 0.1; done
kill -INT "$watch_pid"; wait "$watch_pid"; expect_eq "$?" 0 "watch stops on SIGINT"
expect_eq "$(grep -c '^wrote' "$work/watch.out")" 3 "watch: first build, the edit, the fix"
grep -q "public" "$work/watch.out" && grep "^changed:" "$work/watch.out" | grep -q "public/" && fail "watch saw its own outputs"

# 21. Issue 12 on examples/blog (formats atom, rss, json; stylesheet, icon,
#     archive): feed.json validates and a copy without version and an item id
#     fails; the feeds are clean although a post quotes List<DBObject>; the
#     <!--more--> post's summary is its text before the marker; feed.xsl
#     shows every entry title; the archive chain holds every post.
b="$work/blog"
"$ogfeed" validate "$b" >"$work/v.out" 2>&1 || fail "examples/blog feeds validate: $(cat "$work/v.out")"
grep -q "warning" "$work/v.out" && fail "examples/blog feeds warn: $(cat "$work/v.out")"
python3 - "$b/feed.json" "$work/broken.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "https://jsonfeed.org/version/1.1"
del d["version"]; del d["items"][0]["id"]
json.dump(d, open(sys.argv[2], "w"))
PY
"$ogfeed" validate "$work/broken.json" >"$work/v.out" 2>&1; expect_eq "$?" 1 "a JSON Feed without version fails"
grep -q "jsonfeed-missing-version" "$work/v.out" && grep -q "jsonfeed-item-missing-id" "$work/v.out" || fail "JSON Feed findings: $(cat "$work/v.out")"
grep -q '<description>古い Java のバッチが返す List&amp;lt;DBObject&amp;gt; を、Go の型付きの構造体に置き換えた記録です。 Option&amp;lt;T&amp;gt; &amp;amp; Result のような型をどう表すかも考えます。</description>' "$b/rss.xml" || fail "<!--more--> summary"
if command -v xsltproc >/dev/null; then
  for f in atom.xml rss.xml; do
    xsltproc "$b/feed.xsl" "$b/$f" >"$work/page.html" || fail "xsltproc $f"
    for t in "Kubernetes Night Osaka" "Rust Meetup Kansai" "Go のジェネリクス" "List&lt;DBObject&gt;"; do
      grep -q "$t" "$work/page.html" || fail "feed.xsl page of $f lacks $t"
    done
  done
fi
python3 - "$b" <<'PY' || fail "archive chain"
import re, sys
base, out = "https://blog.example.jp/", sys.argv[1]
url, ids, docs = base + "atom.xml", set(), 0
while url:
    text = open(out + "/" + url[len(base):], encoding="utf-8").read()
    docs += 1
    assert docs == 1 or "<fh:archive />" in text, url
    ids |= set(re.findall(r"<entry>\s*<id>([^<]*)</id>", text))
    m = re.search(r'rel="prev-archive" type="application/atom\+xml" href="([^"]*)"', text)
    url = m.group(1) if m else None
assert docs == 2 and len(ids) == 6, (docs, ids)
PY

# 22. Issue 10 on examples/blog (cards.logo, author.avatar) and its posts'
#     cards: the logo and the round avatar are drawn (layout elements, never
#     overlapping), a post's card: {template, background} is used by build
#     and by `card`, a bad one is a warning naming the post, --description
#     and --accent reach the card, a light background under light text is a
#     contrast warning, an unknown --template is an error.
python3 - "$b/cards.json" <<'PY' || fail "cards.json of examples/blog"
import json, sys
cards = json.load(open(sys.argv[1]))
assert len(cards) >= 5 and all(c["width"] == 1200 for c in cards.values()), cards
PY
"$ogfeed" card "$src/examples/blog/posts/2022-04-01-first-post.md" --layout-json \
  --description "説明の一行目。" --accent "#22c55e" >"$work/l.json" 2>"$work/l.err" \
  || fail "card --layout-json: $(cat "$work/l.err")"
python3 - "$work/l.json" <<'PY' || fail "issue 10 layout elements"
import json, sys
e = {x["name"]: x for x in json.load(open(sys.argv[1]))["elements"]}
for name in ("logo", "avatar", "author", "site", "title", "description", "accent"):
    assert name in e, (name, sorted(e))
assert e["avatar"]["x"] + e["avatar"]["width"] < e["author"]["x"]
assert e["logo"]["x"] + e["logo"]["width"] < e["site"]["x"]
assert e["title"]["y"] + e["title"]["height"] < e["description"]["y"]
PY
look="$work/look"
mkdir -p "$look/posts" && cp "$src/examples/blog/ogfeed.yaml" "$look/" && cp -r "$src/examples/blog/static" "$look/"
printf -- '---\ntitle: 緑の記事\ndate: 2024-05-01\ncard:\n  template: light\n  background: "#134e4a"\n---\n' >"$look/posts/a.md"
printf -- '---\ntitle: 綴りの誤り\ndate: 2024-05-02\ncard:\n  template: lihgt\n---\n' >"$look/posts/b.md"
"$ogfeed" build "$look" -o "$work/look-out" >"$work/look.out" 2>&1 || fail "build with post looks: $(cat "$work/look.out")"
grep -q "posts/b.md: warning: its 'card.template' cannot be used (no card template named 'lihgt', did you mean 'light'?)" "$work/look.out" \
  || fail "a bad card.template warns: $(cat "$work/look.out")"
"$ogfeed" card "$look/posts/a.md" -o "$work/a.png" 2>/dev/null || fail "card of a post with its own look"
cmp -s "$work/a.png" "$work/look-out/cards/a.png" || fail "ogfeed card draws the post's own look as build does"
"$ogfeed" card --title x --background "#ffffff" -o "$work/w.png" 2>"$work/w.err"
grep -q "the title's contrast is 1.0:1" "$work/w.err" || fail "contrast warning: $(cat "$work/w.err")"
"$ogfeed" card --title x --template nosuch -o "$work/n.png" 2>"$work/n.err"; expect_eq "$?" 1 "an unknown --template"
grep -q "no card template named 'nosuch'" "$work/n.err" || fail "unknown template message: $(cat "$work/n.err")"

# Issue 21: --base-url builds for a preview or a fork's Pages: every URL of
# the feeds under it, whatever ogfeed.yaml says; a URL that is not http(s)
# is a usage error.
"$ogfeed" build "$blog" -o "$work/fork" --state-dir "$work/fork-state" --no-cards -q --base-url https://fork.github.io/blog \
  || fail "--base-url build"
grep -q '<link rel="self" type="application/atom+xml" href="https://fork.github.io/blog/atom.xml" />' "$work/fork/atom.xml" \
  || fail "--base-url self link: $(grep -m1 'rel="self"' "$work/fork/atom.xml")"
grep -q "href=\"https://blog.example.jp/posts" "$work/fork/atom.xml" && fail "--base-url left the configured URL in the entries"
"$ogfeed" build "$blog" -o "$work/fork" --base-url ftp://x 2>"$work/err"; expect_eq "$?" 2 "--base-url ftp://x"

# Issue 21: a repository that keeps its site in a folder (hugo-files/, docs/)
# is built from there, and the message names it; two such folders are an
# error that names them.
rm -rf "$work/subrepo" && mkdir -p "$work/subrepo" && cp -r "$src/tests/data/conformance/hugo-rules" "$work/subrepo/hugo-files"
"$ogfeed" build "$work/subrepo" --no-cards -q 2>"$work/err" || fail "site in a sub-folder: $(cat "$work/err")"
grep -q "^ogfeed: the site is in $work/subrepo/hugo-files/ (the folder given holds no site of its own)" "$work/err" || fail "sub-folder message: $(cat "$work/err")"
[[ -f "$work/subrepo/hugo-files/public/atom.xml" ]] || fail "sub-folder site: no feed in hugo-files/public"
cp -r "$src/tests/data/conformance/jekyll-rules" "$work/subrepo/docs"
"$ogfeed" build "$work/subrepo" --no-cards -q 2>"$work/err"; expect_eq "$?" 1 "two sites below"
grep -q "holds no site, but docs/, hugo-files/ do" "$work/err" || fail "two sub-folder sites: $(cat "$work/err")"

# Issue 22: a misspelt cards.template is an error at its line in ogfeed.yaml
# with the name it was probably meant to be.
rm -rf "$work/tpl" && copy_blog "$work/tpl" && sed -i 's|^cards:$|cards:\n  template: defualt|' "$work/tpl/ogfeed.yaml"
line=$(grep -n 'template: defualt' "$work/tpl/ogfeed.yaml" | cut -d: -f1)
"$ogfeed" build "$work/tpl" -q 2>"$work/err"; expect_eq "$?" 1 "misspelt template"
grep -q "^$work/tpl/ogfeed.yaml:$line:13: error: 'cards.template': no card template named 'defualt', did you mean 'default'?" "$work/err" \
  || fail "misspelt template message: $(cat "$work/err")"

if [[ $failures -gt 0 ]]; then
  echo "$failures CLI check(s) failed" >&2
  exit 1
fi
echo "all CLI checks passed"
