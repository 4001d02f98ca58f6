#!/usr/bin/env bash
# Regenerates fonts/ from Debian's fonts-noto-cjk: the Japanese face of Noto
# Sans CJK Bold and Regular, subset with fontTools' pyftsubset to ASCII and
# Latin-1, general punctuation, kana, CJK symbols and full-width forms, and
# every character of JIS X 0208 (level 1 and 2 kanji), keeping all OpenType
# layout features (palt, halt, kern, vert, ...).
#   bash scripts/install-deps.sh --with-font-tools && bash scripts/subset-font.sh
set -euo pipefail
# Debian's python3 has fontTools (python3-fonttools); a pyenv python on PATH does not.
cd "$(dirname "$0")/.."
src=/usr/share/fonts/opentype/noto
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$work/unicodes.txt" <<'PY'
import sys
cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))
ranges = [(0x2000, 0x206F), (0x2070, 0x209F), (0x2100, 0x214F), (0x2150, 0x218F), (0x2190, 0x21FF),
          (0x2200, 0x22FF), (0x2300, 0x23FF), (0x2460, 0x24FF), (0x2500, 0x257F),
          (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF), (0x3000, 0x303F),
          (0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF), (0x3200, 0x32FF),
          (0x3300, 0x33FF), (0xFF00, 0xFFEF)]
for lo, hi in ranges:
    cps |= set(range(lo, hi + 1))
# JIS X 0208: every character EUC-JP writes in two bytes (A1A1..FEFE).
for cp in range(0x80, 0x10000):
    try:
        b = chr(cp).encode("euc_jp")
    except (UnicodeEncodeError, ValueError):
        continue
    if len(b) == 2 and b[0] >= 0xA1:
        cps.add(cp)
with open(sys.argv[1], "w") as f:
    f.write(",".join("U+%04X" % c for c in sorted(cps)))
PY

mkdir -p fonts
for weight in Bold Regular; do
  /usr/bin/python3 -c "from fontTools.ttLib import TTCollection as C; C('$src/NotoSansCJK-$weight.ttc').fonts[0].save('$work/jp-$weight.otf')"
  pyftsubset "$work/jp-$weight.otf" --unicodes-file="$work/unicodes.txt" \
    --layout-features='*' --name-IDs='*' --name-languages='*' --notdef-outline \
    --no-hinting --output-file="fonts/NotoSansJP-$weight-subset.otf"
done
cp /usr/share/doc/fonts-noto-cjk/copyright fonts/LICENSE-NotoSansCJK.txt
ls -l fonts/
