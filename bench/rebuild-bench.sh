#!/usr/bin/env bash
# Rebuild benchmark (issue 11): on 10,000 synthetic posts from
# ../shared/bench/gen-corpus.py --seed 1 with the default feeds (main, per
# tag, per category; no cards), in one run, alternately:
#   cold   - an empty output folder: every post parsed, every feed written
#   no-op  - nothing changed since the last build ("up to date")
#   edit   - one post's body changed: that post re-read, its feeds rewritten
# Prints the median wall time of each and the no-op/cold ratio (target
# <= 0.25), and what the edit build read (posts_read from --report).
#
#   bench/rebuild-bench.sh [BUILD_DIR]   (default build; a Release build)
# Env: RUNS=5  N=10000
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$here/../shared
ogfeed=${1:-$here/build}/ogfeed
runs=${RUNS:-5}
n=${N:-10000}
[[ -x "$ogfeed" ]] || { echo "no ogfeed binary at $ogfeed; build first" >&2; exit 2; }
[[ -f "$shared/bench/gen-corpus.py" ]] || { echo "needs ../shared/bench" >&2; exit 2; }
work=$(mktemp -d /tmp/ogfeed-rebuild.XXXXXX)
trap 'rm -rf "$work"' EXIT
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() { /usr/bin/time -f '%e' -o "$work/time.txt" "$@" >/dev/null 2>&1; cat "$work/time.txt"; }

python3 "$shared/bench/gen-corpus.py" --n "$n" --out "$work/corpus" --seed 1 >/dev/null
cat >"$work/ogfeed.yaml" <<YAML
title: ogfeed bench
base_url: https://example.com/
language: ja
timezone: Asia/Tokyo
content_dir: corpus
cards: false
YAML
# Stamps this recent are checked by their bytes (a same-second write could
# hide behind them): let the corpus settle, as a checkout does.
sleep 3
# The post the edits change: the newest, so every feed that holds it changes.
"$ogfeed" build "$work" -q -o "$work/out" --report "$work/r.json" 2>/dev/null
edit=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print([p['source'] for p in r['posts'] if p['included']][0])" "$work/r.json")

colds=() noops=() edits=()
for ((i = 1; i <= runs; i++)); do
  rm -rf "$work/out" "$work/.ogfeed" # cold: no output, no state
  colds+=("$(wall "$ogfeed" build "$work" -q -o "$work/out")")
  noops+=("$(wall "$ogfeed" build "$work" -q -o "$work/out")")
  echo "edit $i" >>"$edit"
  edits+=("$(wall "$ogfeed" build "$work" -q -o "$work/out")")
  sleep 3.1 # let the edit settle before the next cold build reads it
done
"$ogfeed" build "$work" -q -o "$work/out" --report "$work/r.json" 2>/dev/null
echo "$i more" >>"$edit"
"$ogfeed" build "$work" -q -o "$work/out" --report "$work/edit.json" 2>/dev/null
read -r read_posts rendered rewritten feeds < <(python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
feeds = [o for o in r['outputs'] if o['kind'] == 'feed']
print(r['posts_read'], r['entries_rendered'], sum(o['changed'] for o in feeds), len(feeds))" "$work/edit.json")
cold=$(median "${colds[@]}") noop=$(median "${noops[@]}") ed=$(median "${edits[@]}")
echo "ogfeed posts=$n runs=$runs cold_s=$cold noop_s=$noop edit_s=$ed noop_over_cold=$(python3 -c "print(round($noop/$cold, 3))")"
echo "one-post edit: posts_read=$read_posts entries_rendered=$rendered feeds_rewritten=$rewritten/$feeds"
