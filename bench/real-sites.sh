#!/usr/bin/env bash
# Issue 21's acceptance check on real blog repositories: runs the generator
# itself on a copy of each (scripts/conformance.sh --into: the same probe as
# the conformance goldens, listing every page the generator publishes in its
# lists with its source), then ogfeed with no ogfeed.yaml and --site-output
# on the generator's output, and prints one Markdown row per site:
#   | site | generator | its posts | ogfeed's posts | at its URL | entry links resolving | other URLs missing |
#   bench/real-sites.sh OGFEED GENERATOR SITE_DIR [GENERATOR SITE_DIR]...
# GENERATOR is hugo, jekyll, hexo or eleventy (the last two need
# OGFEED_NPM_DIR, as for scripts/conformance.sh). SHOW_DIFF=1 lists every
# post whose URL differs, and every URL missing from the built site.
set -euo pipefail
ogfeed=$(realpath "$1")
shift
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "| site | generator | its posts | ogfeed's posts | at its URL | entry links resolving | other URLs missing |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
while [[ $# -ge 2 ]]; do
  gen=$1 src=$(realpath "$2")
  shift 2
  name=$(basename "$src" | tr -c 'A-Za-z0-9._\n-' '_')
  if [[ $gen == eleventy && -f "$src/package.json" && ! -d "$src/node_modules" ]]; then
    # Its plugins, as its own CI installs them (the npm registry).
    # (In a folder of its own, under its own name: the probe names its
    # list after the folder.)
    rm -rf "$work/npm/$name" && mkdir -p "$work/npm" && cp -r "$src" "$work/npm/$name" && src="$work/npm/$name"
    (cd "$src" && timeout 600 npm install --no-audit --no-fund >/dev/null 2>&1) || true
  fi
  if ! line=$(bash "$root/scripts/conformance.sh" --generator "$gen" --into "$work" "$src" 2>"$work/gen.err"); then
    echo "| $name | $gen | the generator failed: $(tr '\n|' ' /' <"$work/gen.err" | head -c 200) | | | | |"
    continue
  fi
  version=$(sed -n 's/.*(\(.*\))$/\1/p' <<<"$line")
  rm -rf "$work/site" && cp -r "$src" "$work/site" && rm -rf "$work/site/node_modules"
  "$ogfeed" build "$work/site" -o "$work/out" --state-dir "$work/state" --no-cards \
    --site-output "$work/$name.built" --report "$work/report.json" >/dev/null 2>"$work/ogfeed.err" || true
  python3 - "$work/report.json" "$work/site" "$work/$name.tsv" "$work/ogfeed.err" "$name" "$version" <<'PY'
import json, os, sys
report, site, listed_file, err, name, gen = sys.argv[1:]
listed = {}
for line in open(listed_file):
    f = line.rstrip("\n").split("\t")
    if f[0] == "post":
        listed[os.path.normpath(f[1])] = f[2]
try:
    r = json.load(open(report))
except Exception:
    print(f"| {name} | {gen} | {len(listed)} | ogfeed failed: {open(err).read()[:200]!r} | | | |")
    sys.exit()
site = os.path.realpath(site)
ours = {os.path.relpath(os.path.realpath(p["source"]), site): p["permalink"]
        for p in r["posts"] if not p["skipped"]}
def at(listed_url, ours_url):
    # Jekyll's absolute_url joins a `url` ending in '/' to a page's path
    # as "host//path": the same page, which ogfeed names "host/path".
    if listed_url and "://" in listed_url:
        scheme, _, rest = listed_url.partition("://")
        host, _, path = rest.partition("/")
        listed_url = scheme + "://" + host + "/" + path.lstrip("/")
    # A generator whose config names no host lists paths (/swing/a).
    if listed_url and listed_url.startswith("/"):
        ours_url = "/" + ours_url.split("://", 1)[-1].partition("/")[2]
    return listed_url == ours_url
same = sum(1 for s, u in ours.items() if at(listed.get(s), u))
missing = [d for d in r["diagnostics"] if "names no file of the built site" in d["message"]]
bad_links = {d["file"] for d in missing if d["message"].startswith("its link")}
if os.environ.get("SHOW_DIFF"):
    for s in sorted(set(listed) | set(ours)):
        if not at(listed.get(s), ours.get(s) or ""):
            print("  url:", s, listed.get(s), ours.get(s), file=sys.stderr)
    for d in missing:
        print("  missing:", d["file"], d["message"], file=sys.stderr)
print(f"| {name} | {gen} | {len(listed)} | {len(ours)} | {same} | "
      f"{len(ours) - len(bad_links)} of {len(ours)} | {len(missing) - len(bad_links)} |")
PY
done
