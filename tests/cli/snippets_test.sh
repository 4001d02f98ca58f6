#!/usr/bin/env bash
# Issue 22: the README's Hugo and Jekyll snippets, taken from the README word
# for word, run against Debian's hugo and jekyll on a small site: every post
# page they build carries og:title, og:image with its card's URL, and
# twitter:card, and the card is a file of the generator's output at that URL.
# A generator that is not installed is skipped (77 when neither is).
#   snippets_test.sh OGFEED SOURCE_DIR WORK_DIR
set -uo pipefail
ogfeed=$(realpath "$1") src=$(realpath "$2") work=$3
rm -rf "$work" && mkdir -p "$work" && work=$(realpath "$work")
failures=0 ran=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# shellcheck source=../../scripts/readme-snippet.sh
source "$src/scripts/readme-snippet.sh"
snippet() { readme_snippet "$src/README.md" "$@"; }
# Checks every page of $1 (the built site, served at base URL $2) that has an
# og:url: its tags, and its card in the built site.
check_pages() {
  local out=$1 base=$2 pages=0
  while IFS= read -r page; do
    pages=$((pages + 1))
    for tag in og:title og:image twitter:card; do
      grep -q "<meta property=\"$tag\" content=\"" "$page" || fail "${page#"$out"/}: no $tag"
    done
    image=$(grep -oP '<meta property="og:image" content="\K[^"]+' "$page")
    [[ "$image" == "$base"cards/* ]] || fail "${page#"$out"/}: og:image $image is not a card"
    file=${image#"$base"}
    file=$(printf '%b' "${file//%/\\x}") # as the URL's %XX name it
    [[ -f "$out/$file" ]] || fail "${page#"$out"/}: its card $image is not in the built site"
  done < <(grep -rl '<meta property="og:url"' "$out" --include=index.html)
  [[ $pages -ge 3 ]] || fail "only $pages pages with ogfeed's tags in $out"
}

if command -v hugo >/dev/null; then
  ran=1
  site="$work/hugo" && cp -r "$src/tests/data/conformance/hugo-rules" "$site"
  mkdir -p "$site/layouts/partials"
  snippet "- Hugo: \`ogfeed build -o static\`" >"$site/layouts/partials/ogfeed-head.html"
  grep -q 'transform.Unmarshal' "$site/layouts/partials/ogfeed-head.html" || fail "no Hugo snippet in the README"
  printf '%s\n' '<!doctype html><html><head>{{ partial "ogfeed-head.html" . }}</head>' \
    '<body>{{ .Content }}</body></html>' >"$site/layouts/_default/single.html"
  (cd "$site" && "$ogfeed" build -o static -q 2>/dev/null && hugo --quiet -d "$work/hugo-out" >/dev/null) || fail "hugo build"
  check_pages "$work/hugo-out" "https://example.org/blog/"
fi

if command -v jekyll >/dev/null; then
  ran=1
  site="$work/jekyll" && cp -r "$src/tests/data/conformance/jekyll-rules" "$site"
  mkdir -p "$site/_layouts" "$site/_data"
  printf '%s\n' '<!doctype html><html><head>' "$(snippet "- Jekyll: Jekyll copies" 2)" '</head><body>{{ content }}</body></html>' \
    >"$site/_layouts/default.html"
  grep -q 'ogfeed_key' "$site/_layouts/default.html" || fail "no Jekyll layout snippet in the README"
  printf 'defaults:\n  - scope: {path: ""}\n    values: {layout: default}\n' >>"$site/_config.yml"
  sed -i '0,/^defaults:$/!{/^defaults:$/d}' "$site/_config.yml"
  command=$(snippet "- Jekyll: Jekyll copies" 1)
  grep -q '^ogfeed build -o _ogfeed' <<<"$command" || fail "no Jekyll command in the README: $command"
  (cd "$site" && PATH="$(dirname "$ogfeed"):$PATH" bash -c "$command" >/dev/null 2>&1) || fail "the README's Jekyll command failed: $command"
  check_pages "$site/_site" "https://example.org/site/"
fi

[[ $ran -eq 1 ]] || { echo "skip: neither hugo nor jekyll is installed"; exit 77; }
[[ $failures -eq 0 ]] || { echo "$failures snippet check(s) failed" >&2; exit 1; }
echo "snippets: the README's Hugo and Jekyll snippets put ogfeed's tags and cards in the built sites"
