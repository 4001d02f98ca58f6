#!/usr/bin/env bash
# Crash consistency under kill -9: builds a 1,000-post site with cards, then
# ROUNDS times changes some posts, starts a build, kills it with SIGKILL at a
# random moment, and checks that every feed still parses (xmllint) and every
# card still decodes (every PNG chunk's CRC and the whole zlib stream); then lets a build finish and checks that it
# leaves no temporary file and equals a clean build of the same posts byte
# for byte. Prints one line per round and a summary; exit 1 on any failure.
#
#   bench/kill-test.sh [BUILD_DIR]        (default build; Release-ish)
# Env: ROUNDS=20  N=1000  MAX_DELAY_MS=3000
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$here/../shared
ogfeed=${1:-$here/build}/ogfeed
rounds=${ROUNDS:-20}
n=${N:-1000}
max_delay=${MAX_DELAY_MS:-3000}
[[ -x "$ogfeed" ]] || { echo "no ogfeed binary at $ogfeed; build first" >&2; exit 2; }
[[ -f "$shared/bench/gen-corpus.py" ]] || { echo "needs ../shared/bench" >&2; exit 2; }
work=$(mktemp -d /tmp/ogfeed-kill.XXXXXX)
trap 'rm -rf "$work"' EXIT

site=$work/site
mkdir -p "$site"
python3 "$shared/bench/gen-corpus.py" --n "$n" --out "$site/posts" --seed 1 >/dev/null
cat >"$site/base.yaml" <<YAML
title: ogfeed kill test
base_url: https://example.com/
permalink: /:year/:month/:day/:slug/
YAML
cp "$site/base.yaml" "$site/ogfeed.yaml"
out=$site/public
"$ogfeed" build "$site" -q

check_readable() {
  local bad=0 f
  while IFS= read -r -d '' f; do
    xmllint --noout "$f" 2>/dev/null || { echo "  unreadable feed: $f"; bad=1; }
  done < <(find "$out" -name '*.xml' -print0)
  find "$out/cards" -name '*.png' -print0 | python3 -c '
import sys, struct, zlib
bad = 0
for path in sys.stdin.buffer.read().split(b"\0"):
    if not path:
        continue
    try:
        data = open(path, "rb").read()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        pos, idat, end = 8, b"", False
        while pos < len(data):
            n, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + n]
            crc, = struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])
            assert zlib.crc32(kind + body) == crc
            if kind == b"IHDR":
                w, h, depth, color = struct.unpack(">IIBB", body[:10])
            if kind == b"IDAT":
                idat += body
            end = kind == b"IEND"
            pos += 12 + n
        assert end and len(zlib.decompress(idat)) == h * (1 + w * 3)
    except Exception:
        print("  unreadable card:", path.decode())
        bad = 1
sys.exit(bad)' || bad=1
  return $bad
}

failures=0
for round in $(seq 1 "$rounds"); do
  # Change the titles of a few posts and delete one, so feeds change and an
  # output is removed; flip the PNG compression so every card is drawn again.
  mapfile -t posts < <(find "$site/posts" -name '*.md' | sort | shuf -n 6 --random-source=<(yes "$round"))
  python3 - "$round" "${posts[@]:0:5}" <<'PY'
import re, sys
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    text = re.sub(r'^title: (["\']?)', lambda m: "title: " + m.group(1) + "改訂" + sys.argv[1] + " ",
                  text, count=1, flags=re.M)
    open(path, "w", encoding="utf-8").write(text)
PY
  rm -f "${posts[5]}"
  printf 'cards:\n  compression: %d\n' $((round % 2 + 2)) >"$site/cards.yaml"
  cat "$site/base.yaml" "$site/cards.yaml" >"$site/ogfeed.yaml"
  delay=$(( RANDOM % max_delay ))
  "$ogfeed" build "$site" -q -j 2 2>/dev/null &
  pid=$!
  sleep "$(printf '0.%03d' $((delay % 1000)))"; sleep $((delay / 1000))
  kill -9 "$pid" 2>/dev/null && killed=killed || killed=finished
  wait "$pid" 2>/dev/null || true
  ok=yes
  check_readable || ok=no
  "$ogfeed" build "$site" -q
  leftovers=$(find "$out" "$site/.ogfeed" -name '*.tmp-*' -o -name .ogfeed-staging -o -name staging -o -name journal | wc -l)
  [[ $leftovers -eq 0 ]] || { echo "  $leftovers temporaries left"; ok=no; }
  clean=$work/clean
  rm -rf "$clean"
  "$ogfeed" build "$site" -q -o "$clean"
  if ! diff -r -x lock -x cache -x last-build "$out" "$clean" >/dev/null; then
    echo "  differs from a clean build:"; diff -r -q -x lock -x cache -x last-build "$out" "$clean" | head -5
    ok=no
  fi
  echo "round $round: ${killed} after ${delay} ms, consistent: $ok"
  [[ $ok == yes ]] || failures=$((failures + 1))
done
echo "kill-test: $rounds rounds, $failures failed"
[[ $failures -eq 0 ]]
