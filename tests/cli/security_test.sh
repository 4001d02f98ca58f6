#!/usr/bin/env bash
# Issue 20: a repository (what a pull request can change) and its output
# folder are untrusted. Each case attacks the real binary as a pull request
# could, then checks that nothing happened outside the output folder.
#   security_test.sh OGFEED SOURCE_DIR WORK_DIR
set -uo pipefail
ogfeed=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_eq() { [[ "$1" == "$2" ]] || fail "$3: expected [$2], got [$1]"; }
# A fresh copy of the example blog at $work/$1 (no output, no state).
site() {
  rm -rf "${work:?}/$1" && cp -r "$src/examples/blog" "$work/$1" && rm -rf "$work/$1/public" "$work/$1/.ogfeed"
}
git_quiet() { GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git -c user.name=t -c user.email=t@example.jp "$@" >/dev/null 2>&1; }

# 1. The state is never in the deployed folder: no lock, journal, manifest
#    or cache in OUT, and no draft's title anywhere in it.
site s1
"$ogfeed" build "$work/s1" -q --no-cards || fail "s1 build"
[[ ! -e "$work/s1/public/.ogfeed" ]] || fail "state in the output folder"
ls "$work"/s1/.ogfeed/public-*/manifest >/dev/null 2>&1 || fail "no state in SITE/.ogfeed/public-*"
grep -rq "Rust" "$work/s1/.ogfeed" || fail "the state should know the draft (test premise)"
grep -rq "draft-rust-wasm" "$work/s1/public" && fail "a draft's name is in the deployed folder"
expect_eq "$(cat "$work/s1/.ogfeed/.gitignore" 2>&1)" "# ogfeed's state: never commit it
*" "the state folder ignores itself"

# 1b. A journal committed in the output folder (where earlier versions kept
#     state) is never obeyed: the file it names stays where it is.
site s1b
echo "secret" >"$work/victim"
mkdir -p "$work/s1b/public/.ogfeed/staging"
printf 'ogfeed-journal 1\nput\t%s\tstolen.txt\nend\n' "$work/victim" >"$work/s1b/public/.ogfeed/journal"
printf 'ogfeed-journal 2\nstaging\tstate\nput\t%s\tstolen.txt\nend\n' "$work/victim" >"$work/s1b/public/.ogfeed/journal2"
"$ogfeed" build "$work/s1b" --no-cards 2>"$work/err" >/dev/null || fail "s1b build: $(cat "$work/err")"
[[ -f "$work/victim" && ! -e "$work/s1b/public/stolen.txt" ]] || fail "a journal in the output folder moved a file"
grep -q "warning: '$work/s1b/public/.ogfeed' holds an earlier ogfeed's state and is deployed" "$work/err" || fail "old state warning: $(cat "$work/err")"

# 1c. A journal in the state folder itself naming paths outside is not
#     applied: staged names are digits, targets plain paths below OUT.
state=$(echo "$work"/s1/.ogfeed/public-*)
mkdir -p "$state/staging" && echo evil >"$state/staging/0"
printf 'ogfeed-journal 2\nstaging\tstate\nput\t0\t../../escaped.txt\nstate\t0\t../../../escaped2.txt\nput\t../../../victim\tgot.txt\nend\n' >"$state/journal"
"$ogfeed" build "$work/s1" -q --no-cards 2>"$work/err" || fail "build after a hostile journal: $(cat "$work/err")"
[[ ! -e "$work/s1/escaped.txt" && ! -e "$work/escaped2.txt" && ! -e "$work/s1/public/got.txt" ]] || fail "a hostile journal wrote outside"
[[ -f "$work/victim" ]] || fail "a hostile journal moved the victim"

# 1d. A state folder git tracks is refused.
if command -v git >/dev/null; then
  site s1d
  (cd "$work/s1d" && git_quiet init && mkdir -p .ogfeed && echo x >.ogfeed/journal && git_quiet add -A && git_quiet commit -m c)
  "$ogfeed" build "$work/s1d" -q --no-cards 2>"$work/err"; expect_eq "$?" 1 "tracked state exit code"
  grep -q "^ogfeed: error: git tracks files in ogfeed's state folder '.ogfeed'" "$work/err" || fail "tracked state message: $(cat "$work/err")"
  [[ ! -e "$work/s1d/public" ]] || fail "tracked state: something was built"
fi

# 2. Links: a linked folder inside OUT is never written through, the
#    clean-up never deletes through one, state files that are links are
#    replaced, never followed.
site s2
mkdir -p "$work/s2/public" "$work/elsewhere"
ln -s "$work/elsewhere" "$work/s2/public/tags"
"$ogfeed" build "$work/s2" -q --no-cards 2>"$work/err"; expect_eq "$?" 1 "linked tags folder exit code"
grep -q "'$work/s2/public/tags' is a symbolic link; ogfeed never reads or writes through one" "$work/err" || fail "linked folder message: $(cat "$work/err")"
[[ -z "$(ls -A "$work/elsewhere")" ]] || fail "wrote through a linked folder: $(ls "$work/elsewhere")"

site s2b
"$ogfeed" build "$work/s2b" -q --no-cards || fail "s2b first build"
mv "$work/s2b/public/categories" "$work/cats-outside" && ln -s "$work/cats-outside" "$work/s2b/public/categories"
before=$(find "$work/cats-outside" -type f | sort | xargs sha256sum)
rm "$work/s2b/posts/2022-04-01-first-post.md"
"$ogfeed" build "$work/s2b" -q --no-cards 2>/dev/null
expect_eq "$(find "$work/cats-outside" -type f | sort | xargs sha256sum)" "$before" "files behind a linked folder"

site s2c
"$ogfeed" build "$work/s2c" -q --no-cards || fail "s2c first build"
state=$(echo "$work"/s2c/.ogfeed/public-*)
echo "keep me" >"$work/victim-cache"
echo "keep me" >"$work/victim-record"
rm -f "$state/cache" "$state/last-build"
ln -s "$work/victim-cache" "$state/cache" && ln -s "$work/victim-record" "$state/last-build"
touch "$work/s2c/posts/2022-04-01-first-post.md"
"$ogfeed" build "$work/s2c" -q --no-cards || fail "build with linked state files"
expect_eq "$(cat "$work/victim-cache") $(cat "$work/victim-record")" "keep me keep me" "state files written through links"

site s2d
mkdir -p "$work/public-outside" && ln -s "$work/public-outside" "$work/s2d/public"
"$ogfeed" build "$work/s2d" -q --no-cards 2>"$work/err"; expect_eq "$?" 1 "linked output folder exit code"
grep -q "'$work/s2d/public' is a symbolic link" "$work/err" || fail "linked output message: $(cat "$work/err")"
[[ -z "$(ls -A "$work/public-outside")" ]] || fail "wrote through a linked output folder"

# 3. The repository's settings choose no path outside the site; only -o
#    may. A file ogfeed did not write is replaced only with --force.
for setting in "output_dir: $work/escape-abs" 'output_dir: ../escape' 'output_dir: .hidden' \
  'feeds: {atom_file: .bashrc}' 'feeds: {rss_file: ../rss.xml}' 'cards: {dir: ../cards}'; do
  site s3
  printf '%s\n' "$setting" >>"$work/s3/ogfeed.yaml"
  "$ogfeed" build "$work/s3" -q --no-cards 2>"$work/err"; expect_eq "$?" 1 "'$setting' exit code"
  grep -q "must be a\( relative file name\| folder\) inside" "$work/err" || fail "'$setting' message: $(cat "$work/err")"
done
[[ ! -e "$work/escape-abs" && ! -e "$work/escape" && ! -e "$work/s3/.hidden" ]] || fail "a setting wrote outside the site"
# Nor may they read posts from outside it, which would then be published.
mkdir -p "$work/private" && printf -- '---\ntitle: PRIVATE NOTE\ndate: 2024-01-01\n---\nx\n' >"$work/private/p.md"
for setting in "content_dir: $work/private" 'content_dir: ../private'; do
  site s3
  printf '%s\n' "$setting" >>"$work/s3/ogfeed.yaml"
  "$ogfeed" build "$work/s3" -q --no-cards 2>"$work/err"; expect_eq "$?" 1 "'$setting' exit code"
  grep -q "is outside the site" "$work/err" || fail "'$setting' message: $(cat "$work/err")"
done
site s3
rm -rf "$work/s3/posts" && ln -s "$work/private" "$work/s3/posts"
"$ogfeed" build "$work/s3" -q --no-cards 2>"$work/err"; expect_eq "$?" 1 "linked posts folder exit code"
grep -q "'$work/s3/posts' is a symbolic link" "$work/err" || fail "linked posts message: $(cat "$work/err")"
grep -rqs "PRIVATE NOTE" "$work/s3/public" && fail "a post from outside the site was published"
site s3b
"$ogfeed" build "$work/s3b" -q --no-cards -o "$work/cli-chosen" || fail "-o outside the site"
[[ -f "$work/cli-chosen/atom.xml" ]] || fail "-o wrote nothing"
site s3c
mkdir -p "$work/s3c/public" && echo mine >"$work/s3c/public/atom.xml"
"$ogfeed" build "$work/s3c" -q --no-cards 2>"$work/err"; expect_eq "$?" 1 "foreign file exit code"
grep -q "'$work/s3c/public/atom.xml' is already there and no earlier ogfeed build wrote it; move it away or pass --force" "$work/err" || fail "foreign file message: $(cat "$work/err")"
expect_eq "$(cat "$work/s3c/public/atom.xml")" "mine" "foreign file kept"
"$ogfeed" build "$work/s3c" -q --no-cards --force || fail "--force"
grep -q "<feed" "$work/s3c/public/atom.xml" || fail "--force did not replace the file"

# 4. git is data, never code: a repository's gpg.program never runs, a
#    global log.showSignature never garbles the dates, git's refusal of a
#    repository is said once with its fix.
if command -v git >/dev/null; then
  rm -rf "$work/zenn" && cp -r "$src/tests/data/generators/zenn" "$work/zenn"
  cat >"$work/zenn/evil-gpg" <<EOF
#!/bin/sh
case "\$*" in *--verify*) touch "$work/gpg-ran" ;; esac
echo '[GNUPG:] SIG_CREATED D 1 8 00 1700000000 0' >&2
printf -- '-----BEGIN PGP SIGNATURE-----\nAAAA\n-----END PGP SIGNATURE-----\n'
EOF
  chmod +x "$work/zenn/evil-gpg"
  export GIT_AUTHOR_DATE=2024-02-03T04:05:06Z GIT_COMMITTER_DATE=2024-02-03T04:05:06Z
  (cd "$work/zenn" && git_quiet init && git config gpg.program "$work/zenn/evil-gpg" && git config log.showSignature true &&
    git_quiet add -A && { git -c user.name=t -c user.email=t@example.jp commit -q -S -m signed >/dev/null 2>&1 || git_quiet commit -m unsigned; })
  unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE
  (cd "$work/zenn" && git cat-file commit HEAD | grep -q gpgsig) ||
    echo "skip: no signed commit (scripts cannot run in $work?); the gpg.program attack is not tried" >&2
  mkdir -p "$work/home" && printf '[log]\n\tshowSignature = true\n' >"$work/home/.gitconfig"
  HOME=$work/home "$ogfeed" build "$work/zenn" -q --no-cards -o "$work/zenn-out" 2>"$work/err" || fail "zenn git build: $(cat "$work/err")"
  [[ ! -e "$work/gpg-ran" ]] || fail "the repository's gpg.program ran"
  grep -q "<published>2024-02-03T13:05:06+09:00</published>" "$work/zenn-out/atom.xml" || fail "git date: $(grep published "$work/zenn-out/atom.xml")"
  if [[ $(id -u) -eq 0 ]] && id nobody >/dev/null 2>&1; then
    chown -R nobody "$work/zenn"
    HOME=$work/home "$ogfeed" build "$work/zenn" --no-cards -o "$work/zenn-out2" --state-dir "$work/zenn-state" 2>"$work/err"
    expect_eq "$(grep -c "git refuses the repository" "$work/err")" 1 "git's refusal said once"
    grep -q "git config --global --add safe.directory $work/zenn" "$work/err" || fail "refusal fix: $(cat "$work/err")"
    chown -R root "$work/zenn"
  fi
fi

# 5. Pictures: a card is drawn only from files inside the site, never through
#    a link. An avatar, logo, post background, template or template image
#    named outside it is refused, so a pull request cannot publish
#    /home/runner/anything.png (or a link to it) in a deployed card.
cp "$src/examples/blog/static/images/avatar.png" "$work/secret.png"
site s5ref && sed -i '/avatar:/d' "$work/s5ref/ogfeed.yaml"
"$ogfeed" build "$work/s5ref" -q || fail "s5ref build"
for avatar in "../secret.png" "$work/secret.png" "/../../secret.png"; do
  site s5a && sed -i "s|avatar: .*|avatar: $avatar|" "$work/s5a/ogfeed.yaml"
  "$ogfeed" build "$work/s5a" 2>"$work/err" >/dev/null || fail "s5a build ($avatar): $(cat "$work/err")"
  grep -q "ogfeed.yaml: warning: 'author.avatar' \"$avatar\": no such image file in the site" "$work/err" || fail "avatar $avatar: $(cat "$work/err")"
  for card in "$work"/s5ref/public/cards/*.png; do
    cmp -s "$card" "$work/s5a/public/cards/${card##*/}" || fail "avatar $avatar: ${card##*/} differs from a card without avatar"
  done
done
site s5b && ln -sf "$work/secret.png" "$work/s5b/static/images/avatar.png"
"$ogfeed" build "$work/s5b" 2>"$work/err" >/dev/null || fail "s5b build: $(cat "$work/err")"
grep -q "'author.avatar' \"/images/avatar.png\": no such image file in the site" "$work/err" || fail "linked avatar: $(cat "$work/err")"
site s5c && ln -sf "$work/secret.png" "$work/s5c/static/images/logo.png"
"$ogfeed" build "$work/s5c" 2>"$work/err" >/dev/null; expect_eq "$?" 1 "linked logo exit code"
grep -q "'cards.logo' \"/images/logo.png\": no such image file in the site" "$work/err" || fail "linked logo: $(cat "$work/err")"
site s5d && post=$(ls "$work"/s5d/posts/*.md | head -1)
sed -i "0,/^title:/s||card: {background: ../../secret.png}\ntitle:|" "$post"
"$ogfeed" build "$work/s5d" 2>"$work/err" >/dev/null || fail "s5d build: $(cat "$work/err")"
grep -q "warning: its card background \"../../secret.png\": no such image file in the site" "$work/err" || fail "post background: $(cat "$work/err")"
cp "$src/templates/photo.yaml" "$work/evil.yaml" && cp "$src/templates/photo-background.png" "$work/"
site s5e && sed -i 's|^cards:$|cards:\n  template: ../evil.yaml|' "$work/s5e/ogfeed.yaml"
"$ogfeed" build "$work/s5e" 2>"$work/err" >/dev/null; expect_eq "$?" 1 "outside template exit code"
grep -q "card template '.*evil.yaml' is outside the site" "$work/err" || fail "outside template: $(cat "$work/err")"
site s5f && mkdir -p "$work/s5f/templates" && sed "s|image: .*|image: $work/secret.png|" "$src/templates/photo.yaml" >"$work/s5f/templates/mine.yaml"
sed -i 's|^cards:$|cards:\n  template: mine|' "$work/s5f/ogfeed.yaml"
"$ogfeed" build "$work/s5f" 2>"$work/err" >/dev/null; expect_eq "$?" 1 "template image outside exit code"
grep -q "mine.yaml: error: its background image '$work/secret.png' is outside the site" "$work/err" || fail "template image outside: $(cat "$work/err")"

if [[ $failures -gt 0 ]]; then
  echo "$failures security check(s) failed" >&2
  exit 1
fi
echo "security: every attack left the files outside the output folder as they were"
