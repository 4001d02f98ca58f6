#!/usr/bin/env bash
# Issue 21's acceptance check on real blog repositories: runs the generator
# itself on a copy of each (with the same probe as scripts/conformance.sh,
# which lists every page the generator publishes in its lists with its
# source), then ogfeed with --site-output on the generator's output, with no
# ogfeed.yaml, and prints one Markdown row per site:
#   | site | generator | its listed posts | ogfeed's posts | same URL | links that resolve |
#   bench/real-sites.sh OGFEED hugo|jekyll SITE_DIR [hugo|jekyll SITE_DIR]...
# A Hugo site whose theme is missing (a submodule not checked out) gets
# minimal layouts: URLs do not depend on the theme. A Jekyll site whose
# plugins are not installed is built without them.
set -euo pipefail
ogfeed=$(realpath "$1")
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| site | generator | its listed posts | ogfeed's posts | same URL | links that resolve |"
echo "| --- | --- | --- | --- | --- | --- |"
while [[ $# -ge 2 ]]; do
  gen=$1 src=$(realpath "$2")
  shift 2
  name=$(basename "$src" | tr -c "A-Za-z0-9._\n-" "_")
  site="$work/$name" built="$work/$name.built"
  rm -rf "$site" "$built" && cp -r "$src" "$site"
  case "$gen" in
    hugo)
      version=$(hugo version | awk '{print $2}')
      mkdir -p "$site/layouts/_default"
      if ! find "$site/layouts" "$site/themes" -name 'single.html' 2>/dev/null | grep -q .; then
        echo '<!doctype html><html><body>{{ .Content }}</body></html>' >"$site/layouts/_default/single.html"
        echo '<!doctype html><html><body>{{ range .Pages }}<a href="{{ .Permalink }}">{{ .Title }}</a>{{ end }}</body></html>' >"$site/layouts/_default/list.html"
      fi
      printf '%s\n' '<!doctype html><html><body><pre>' \
        '{{ range .Sites }}{{ range .RegularPages }}ogfeed-post	{{ with .File }}{{ .Filename }}{{ end }}	{{ .Permalink }}' \
        '{{ end }}{{ end }}</pre></body></html>' >"$site/layouts/index.html"
      (cd "$site" && hugo --quiet -d "$built" >/dev/null 2>"$work/gen.err") || { echo "| $name | hugo $version | build failed: $(head -c 200 "$work/gen.err") |"; continue; }
      find "$built" -name index.html -exec grep -hP '^ogfeed-post\t' {} + |
        awk -F'\t' -v d="$site/" '$3 != "" { sub("^" d, "", $2); print $2 "\t" $3 }' | LC_ALL=C sort -u >"$work/listed.tsv"
      ;;
    jekyll)
      version=$(jekyll --version | awk '{print $2}')
      printf '%s\n' '---' 'layout: null' '---' \
        '{% for p in site.posts %}ogfeed-post	{{ p.path }}	{{ p.url | absolute_url }}' \
        '{% endfor %}' >"$site/ogfeed-conformance.txt"
      if ! (cd "$site" && jekyll build --quiet -d "$built" >/dev/null 2>"$work/gen.err"); then
        sed -i '/^plugins:/,/^[^ -]/{/^plugins:/d;/^ *- /d}; /^theme:/d; /^remote_theme:/d' "$site/_config.yml"
        rm -f "$site/Gemfile" "$site/Gemfile.lock"
        (cd "$site" && jekyll build --quiet -d "$built" >/dev/null 2>"$work/gen.err") || { echo "| $name | jekyll $version | build failed: $(head -c 200 "$work/gen.err") |"; continue; }
      fi
      grep -hP '^ogfeed-post\t' "$built/ogfeed-conformance.txt" | cut -f2,3 | LC_ALL=C sort -u >"$work/listed.tsv"
      rm -f "$site/ogfeed-conformance.txt"
      ;;
  esac
  "$ogfeed" build "$site" -o "$work/$name.out" --state-dir "$work/$name.state" --no-cards \
    --site-output "$built" --report "$work/report.json" >/dev/null 2>"$work/ogfeed.err" || true
  python3 - "$work/report.json" "$site" "$work/listed.tsv" "$work/ogfeed.err" "$name" "$gen $version" <<'PY'
import json, os, sys
report, site, listed_file, err, name, gen = sys.argv[1:]
listed = dict(line.rstrip("\n").split("\t") for line in open(listed_file) if "\t" in line)
listed = {os.path.normpath(s): u for s, u in listed.items()}
try:
    r = json.load(open(report))
except Exception:
    print(f"| {name} | {gen} | {len(listed)} | build failed: {open(err).read()[:200]!r} | | |")
    sys.exit()
ours = {os.path.relpath(os.path.realpath(p["source"]), os.path.realpath(site)): p["permalink"] for p in r["posts"] if not p["skipped"]}
same = sum(1 for s, u in ours.items() if listed.get(s) == u)
links = [d for d in r["diagnostics"] if "names no file of the built site" in d["message"]]
checked = sum(1 for line in open(err) if "names no file" in line)
if os.environ.get("SHOW_DIFF"):
    for s in sorted(set(listed) | set(ours)):
        if listed.get(s) != ours.get(s):
            print("  ", s, listed.get(s), ours.get(s), file=sys.stderr)
print(f"| {name} | {gen} | {len(listed)} | {len(ours)} | {same} | {len(ours) - len({d['file'] for d in links if 'its link' in d['message']})} of {len(ours)} entry links; {len(links)} URLs missing |")
PY
done
