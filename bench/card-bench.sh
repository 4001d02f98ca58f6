#!/usr/bin/env bash
# Card speed benchmark on the 200 titles of ../shared/bench/titles-ja.jsonl:
# ogfeed build on one thread and with -j 2 (cards only: a --no-cards build
# of the same site is subtracted), the libvips floor at the same compression
# (bench/vips_floor.cpp: compose a prepared mask onto a canvas and encode),
# and satori + resvg (../shared/bench/peers/satori-cards.mjs) in the same run.
# Prints ms per card and mean PNG bytes for each.
#
#   bench/card-bench.sh [BUILD_DIR]
# Env: RUNS=3  PEER=/tmp/peers/satori (skipped when absent)  COMPRESSION=3
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$here/../shared
build=${1:-$here/build}
runs=${RUNS:-3}
peer=${PEER:-/tmp/peers/satori}
compression=${COMPRESSION:-3}
titles=$shared/bench/titles-ja.jsonl
[[ -f "$titles" ]] || { echo "needs $titles" >&2; exit 2; }
cmake --build "$build" --target ogfeed ogfeed-vips-floor >/dev/null
work=$(mktemp -d /tmp/ogfeed-card-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$here/bench/titles-site.py" "$titles" "$work/site"
printf 'cards:\n  compression: %s\n' "$compression" >>"$work/site/ogfeed.yaml"
n=$(wc -l <"$titles")
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # prints wall seconds of one fresh build
  rm -rf "$work/site/public"
  /usr/bin/time -f '%e' -o "$work/t" "$build/ogfeed" build "$work/site" -q "$@"
  cat "$work/t"
}

base=() one=() two=()
for ((i = 1; i <= runs; i++)); do
  base+=("$(timed --no-cards)")
  one+=("$(timed -j 1)")
  two+=("$(timed -j 2)")
done
bytes=$(find "$work/site/public/cards" -name '*.png' -printf '%s\n' | awk '{s+=$1} END {printf "%d", s/NR}')
b=$(median "${base[@]}")
awk -v n="$n" -v b="$b" -v one="$(median "${one[@]}")" -v two="$(median "${two[@]}")" -v bytes="$bytes" -v c="$compression" 'BEGIN {
  printf "ogfeed cards=%d compression=%d ms_per_card_j1=%.2f ms_per_card_j2=%.2f mean_png_bytes=%d\n", n, c, (one-b)*1000/n, (two-b)*1000/n, bytes }'
"$build/ogfeed-vips-floor" "$(find "$work/site/public/cards" -name '*.png' | sort | head -1)" "$n" "$compression"
if [[ -d "$peer/node_modules/satori" ]]; then
  font=$peer/NotoSansCJKjp-Bold.otf
  if [[ ! -f "$font" ]]; then
    /usr/bin/python3 -c "from fontTools.ttLib import TTCollection as C; C('/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc').fonts[0].save('$font')"
  fi
  node "$shared/bench/peers/satori-cards.mjs" --posts "$titles" --font "$font" --out "$work/satori" \
    --peer "$peer" --json 2>/dev/null |
    python3 -c 'import json,sys; d=json.loads(sys.stdin.read().strip().splitlines()[-1]); print("satori+resvg cards=%d ms_per_card=%.2f mean_png_bytes=%d" % (d["cards"], d["per_card_ms_steady"]["mean"], d["png_bytes_mean"]))'
else
  echo "satori peer not installed in $peer (see ../shared/bench/peers/satori-cards.mjs); skipped" >&2
fi
