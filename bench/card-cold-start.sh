#!/usr/bin/env bash
# One card from a cold start: `ogfeed card --title T -o x.png` (a new process
# each run: dynamic linking, fonts, template, layout, PNG) beside satori +
# resvg drawing one card (../shared/bench/peers/satori-cards.mjs --limit 1),
# turn about in the same run, so the machine's drift hits both. Prints the
# median wall time of each and their ratio.
#
#   bench/card-cold-start.sh [BUILD_DIR]
# Env: RUNS=30  PEER=/tmp/peers/satori (satori skipped when absent)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
runs=${RUNS:-30}
peer=${PEER:-/tmp/peers/satori}
script=$here/../shared/bench/peers/satori-cards.mjs
title='Rustで作るWebアプリケーション入門：所有権から非同期まで'
work=$(mktemp -d /tmp/ogfeed-cold.XXXXXX)
trap 'rm -rf "$work"' EXIT
printf '{"slug":"one","title":"%s","date":"2024-05-01","tags":[]}\n' "$title" >"$work/one.jsonl"
ms() { # wall milliseconds of one run of "$@"
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
satori=0
[[ -d "$peer/node_modules/satori" && -f "$script" ]] && satori=1
ours=() theirs=()
"$build/ogfeed" card --title "$title" -o "$work/warm.png" # page cache warm
for ((i = 0; i < runs; i++)); do
  ours+=("$(ms "$build/ogfeed" card --title "$title" -o "$work/card.png")")
  if ((satori)); then
    theirs+=("$(ms node "$script" --posts "$work/one.jsonl" --font "$here/fonts/NotoSansJP-Bold-subset.otf" \
      --out "$work/satori" --peer "$peer" --limit 1)")
  fi
done
a=$(median "${ours[@]}")
echo "ogfeed card, cold start: median ${a} ms over $runs runs"
if ((satori)); then
  b=$(median "${theirs[@]}")
  echo "satori + resvg, one card: median ${b} ms"
  awk -v a="$a" -v b="$b" 'BEGIN {printf "ratio ogfeed/satori: %.3f\n", a / b}'
else
  echo "satori: not installed in $peer (see ../shared/bench/peers/satori-cards.mjs)"
fi
