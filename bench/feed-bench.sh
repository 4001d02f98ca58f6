#!/usr/bin/env bash
# Feed benchmark: ogfeed build (Atom + RSS, plus per-tag and per-category
# feeds) on 1,000 and 10,000 synthetic posts from ../shared/bench/gen-corpus.py
# --seed 1, beside Hugo's RSS build of the same corpus in the same run
# (../shared/bench/peers/hugo-feed.sh). Prints median wall time and peak RSS,
# and the reading floor: what opening and reading every post (2 threads,
# nothing else; bench/read_floor.cpp) takes.
#
#   bench/feed-bench.sh [BUILD_DIR]      (default build; needs a Release-ish build)
# Env: RUNS=3  SIZES="1000 10000"  NO_PEER=1 (skip Hugo)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$here/../shared
build=${1:-$here/build}
ogfeed=$build/ogfeed
runs=${RUNS:-3}
sizes=${SIZES:-"1000 10000"}
[[ -x "$ogfeed" ]] || { echo "no ogfeed binary at $ogfeed; build first" >&2; exit 2; }
[[ -f "$shared/bench/gen-corpus.py" ]] || { echo "needs ../shared/bench" >&2; exit 2; }
cmake --build "$build" --target ogfeed-read-floor ogfeed-timed >/dev/null 2>&1 || true
[[ -x "$build/ogfeed-timed" ]] || { echo "cannot build ogfeed-timed in $build" >&2; exit 2; }
work=$(mktemp -d /tmp/ogfeed-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in $sizes; do
  corpus=$work/corpus-$n
  python3 "$shared/bench/gen-corpus.py" --n "$n" --out "$corpus" --seed 1 >/dev/null
  # Two configurations: the main Atom + RSS feeds only (what the Hugo peer
  # builds: one feed of the newest 20 posts), and the default, which adds
  # one Atom + RSS pair per tag and per category.
  for variant in main default; do
    site=$work/site-$n-$variant
    mkdir -p "$site" && cp -r "$corpus" "$site/posts" # settings name folders inside the site
    cat >"$site/ogfeed.yaml" <<YAML
title: ogfeed bench
base_url: https://example.com/
language: ja
timezone: Asia/Tokyo
content_dir: posts
cards: false
YAML
    if [[ $variant == main ]]; then
      printf 'feeds:\n  tags: false\n  categories: false\n' >>"$site/ogfeed.yaml"
    fi
    walls=() rsss=()
    for ((i = 1; i <= runs; i++)); do
      rm -rf "$work/out-$n" "$site/.ogfeed" # cold: no output, no state
      # Timed as GNU time times Hugo (from its fork to its wait), to the
      # microsecond: time's %e has hundredths, too coarse here.
      "$build/ogfeed-timed" "$work/time.txt" "$ogfeed" build "$site" -q -o "$work/out-$n"
      read -r wall rss <"$work/time.txt"
      walls+=("$(awk -v w="$wall" 'BEGIN { printf "%.3f", w }')") rsss+=("$rss")
    done
    files=$(find "$work/out-$n" -name '*.xml' | wc -l)
    echo "ogfeed-$variant posts=$n feed_files=$files runs=$runs median_wall_s=$(median "${walls[@]}") median_maxrss_kb=$(median "${rsss[@]}")"
    if [[ $variant == main ]]; then
      main_wall=$(median "${walls[@]}") main_rss=$(median "${rsss[@]}")
    fi
  done
  if [[ -x "$build/ogfeed-read-floor" ]]; then
    floors=()
    for ((i = 1; i <= runs; i++)); do
      floors+=("$("$build/ogfeed-read-floor" "$corpus" 2 | sed 's/.*wall_ms=//')")
    done
    echo "read-floor posts=$n runs=$runs median_wall_ms=$(median "${floors[@]}")"
  fi
  if [[ -z "${NO_PEER:-}" ]] && command -v hugo >/dev/null; then
    hugo=$(RUNS=$runs bash "$shared/bench/peers/hugo-feed.sh" "$corpus" "$work/hugo-$n" 2>/dev/null | tail -1)
    echo "$hugo"
    # ogfeed's main feeds against Hugo's (the same work), in this run.
    hugo_wall=$(sed -n 's/.*median_wall_s=\([0-9.]*\).*/\1/p' <<<"$hugo")
    hugo_rss=$(sed -n 's/.*median_maxrss_kb=\([0-9]*\).*/\1/p' <<<"$hugo")
    if [[ -n $hugo_wall && -n $hugo_rss ]]; then
      awk -v w="$main_wall" -v hw="$hugo_wall" -v r="$main_rss" -v hr="$hugo_rss" -v n="$n" \
        'BEGIN { printf "ratio posts=%s ogfeed-main/hugo wall=%.3f maxrss=%.3f\n", n, w / hw, r / hr }'
    fi
  fi
done
