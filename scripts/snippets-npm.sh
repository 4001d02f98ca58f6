#!/usr/bin/env bash
# Issue 22: the README's Eleventy and Astro snippets, taken from the README
# word for word, run on each generator's official starter (npm's generators
# are not Debian packages, so this is a script, not a test):
#   - Eleventy: 11ty/eleventy-base-blog (Eleventy 3)
#   - Astro:    withastro/astro examples/blog (Astro 7, Node >= 22)
# Each built post page must carry og:title, og:image (its card's URL) and
# twitter:card exactly once, the card must be a file of the built site, and
# the feeds at ogfeed's URLs must be ogfeed's.
#
#   OGFEED_ELEVENTY_BLOG=DIR OGFEED_ASTRO_BLOG=DIR [NODE_DIR=DIR] \
#     scripts/snippets-npm.sh OGFEED WORK_DIR
#
# Each DIR is a copy of the starter with its node_modules installed
# (`npm install` in it); it is copied (node_modules linked), never changed.
# NODE_DIR holds a node >= 22 for Astro (e.g. npm's `node@24` package:
# DIR/node_modules/.bin). A starter not given is skipped; 77 when none is.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
ogfeed=$(realpath "$1") work=$2
rm -rf "$work" && mkdir -p "$work" && work=$(realpath "$work")
[[ -n "${NODE_DIR:-}" ]] && export PATH=$NODE_DIR:$PATH
failures=0 ran=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# shellcheck source=readme-snippet.sh
source "$here/scripts/readme-snippet.sh"
snippet() { readme_snippet "$here/README.md" "$@"; }
copy_starter() { # DIR NAME: the starter, its node_modules linked
  mkdir -p "$work/$2"
  (cd "$1" && find . -mindepth 1 -maxdepth 1 ! -name node_modules ! -name .ogfeed \
    ! -name _site ! -name dist -exec cp -r {} "$work/$2/" \;)
  ln -s "$(realpath "$1")/node_modules" "$work/$2/node_modules"
}
# Every post page of the built site $1 (base URL $2) below $3: each tag
# once, og:image a card that is a file of the built site.
check_posts() {
  local out=$1 base=$2 pages=0
  for page in "$out/$3"/*/index.html; do
    pages=$((pages + 1))
    name=${page#"$out"/}
    for tag in 'property="og:title"' 'property="og:image"' 'twitter:card"'; do
      n=$(grep -o "$tag" "$page" | wc -l)
      [[ $n -eq 1 ]] || fail "$name: $tag $n times"
    done
    image=$(grep -oP '<meta property="og:image" content="\K[^"]+' "$page" | head -1)
    [[ "$image" == "$base"cards/* ]] || fail "$name: og:image $image is not a card"
    [[ -f "$out/${image#"$base"}" ]] || fail "$name: its card ${image#"$base"} is not in the built site"
  done
  [[ $pages -gt 0 ]] || fail "no post pages in $out/$3"
  echo "$pages post pages checked in $out/$3"
}

if [[ -n "${OGFEED_ELEVENTY_BLOG:-}" ]]; then
  ran=$((ran + 1))
  site=$work/eleventy
  copy_starter "$OGFEED_ELEVENTY_BLOG" eleventy
  line=$(snippet "- Eleventy (run by" 2)
  [[ -n "$line" ]] || fail "no Eleventy layout line in the README"
  python3 - "$site/_includes/layouts/base.njk" "$line" <<'EOF'
import sys
path, line = sys.argv[1], sys.argv[2]
s = open(path).read()
at = s.index("<head>") + len("<head>")
open(path, "w").write(s[:at] + "\n" + line + s[at:])
EOF
  command=$(snippet "- Eleventy (run by" 1)
  (cd "$site" && PATH=$(dirname "$ogfeed"):$PATH bash -c "${command//ogfeed /$ogfeed }") >"$work/eleventy.log" 2>&1 ||
    fail "eleventy flow: $(tail -5 "$work/eleventy.log")"
  check_posts "$site/_site" "https://example.com/" blog
  grep -q '<generator[^>]*>ogfeed' "$site/_site/atom.xml" || fail "eleventy: _site/atom.xml is not ogfeed's"
  echo "Eleventy $(cd "$site" && npx @11ty/eleventy --version): README snippet works"
fi

if [[ -n "${OGFEED_ASTRO_BLOG:-}" ]]; then
  ran=$((ran + 1))
  site=$work/astro
  copy_starter "$OGFEED_ASTRO_BLOG" astro
  (cd "$site" && "$ogfeed" build . --no-cards >/dev/null 2>"$work/astro-warn.log")
  grep -q "src/pages/rss.xml.js: warning: this file builds /rss.xml, and so does ogfeed" "$work/astro-warn.log" ||
    fail "no warning about the template's rss.xml.js: $(cat "$work/astro-warn.log")"
  rm -f "$site/src/pages/rss.xml.js" "$site/public/head.json"
  import=$(snippet "- Astro (run by" 1)
  block=$(snippet "- Astro (run by" 2)
  python3 - "$site/src/components/BaseHead.astro" "$import" "$block" <<'EOF'
import re, sys
path, imp, block = sys.argv[1:4]
s = open(path).read()
# The import, at the end of the frontmatter.
end = s.index("---", 3)
s = s[:end] + imp + "\n" + s[end:]
# The template's feed link, Open Graph and Twitter tags, replaced.
s = re.sub(r"<link\s+rel=\"alternate\".*?/>\n", "", s, flags=re.S)
s = s[: s.index("<!-- Open Graph / Facebook -->")] + block + "\n"
open(path, "w").write(s)
EOF
  (cd "$site" && "$ogfeed" build . && npx astro build) >"$work/astro.log" 2>&1 || fail "astro flow: $(tail -5 "$work/astro.log")"
  check_posts "$site/dist" "https://example.com/" blog
  grep -q '<generator>ogfeed' "$site/dist/rss.xml" || fail "astro: dist/rss.xml is not ogfeed's"
  for page in "$site/dist/index.html" "$site/dist/about/index.html"; do
    n=$(grep -o 'property="og:title"' "$page" | wc -l)
    [[ $n -eq 1 ]] || fail "astro: ${page#"$site"/} has og:title $n times"
  done
  echo "Astro $(cd "$site" && npx astro --version 2>/dev/null | grep -o 'v[0-9.]*' | head -1): README snippet works"
fi

[[ $ran -gt 0 ]] || { echo "skip: set OGFEED_ELEVENTY_BLOG and/or OGFEED_ASTRO_BLOG"; exit 77; }
[[ $failures -eq 0 ]] || { echo "$failures failure(s)" >&2; exit 1; }
