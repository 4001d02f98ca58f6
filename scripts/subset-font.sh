#!/usr/bin/env bash
# Regenerates fonts/ from Debian's fonts-noto-cjk: the Japanese face of Noto
# Sans CJK Bold and Regular, subset with fontTools' pyftsubset to ASCII and
# Latin-1 and Latin Extended-A, general punctuation, kana, CJK symbols and
# full-width forms, and every character of JIS X 0213:2004 (levels 1 to 4:
# 𠮷, 剝, 𠮟, 塡, 頰, 德, 鷗 and the rest) and of Windows' CP932 (髙, 﨑),
# keeping all OpenType
# layout features (palt, halt, kern, vert, ...); and a subset of DejaVu Sans
# with the symbols Noto Sans CJK lacks (₀-₉, ≒ ...).
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
# JIS X 0213:2004 (which contains JIS X 0208): every character EUC-JIS-2004
# writes in two bytes (plane 1) or three (0x8F, plane 2), beyond the BMP
# too (𠮷, 𠮟), plus the JIS X 0208 set as EUC-JP writes it and Windows'
# CP932 (its NEC and IBM extensions hold 髙 and 﨑, everyday in names).
for cp in range(0x80, 0x30000):
    ch = chr(cp)
    for codec in ("euc_jis_2004", "euc_jp", "cp932"):
        try:
            b = ch.encode(codec)
        except (UnicodeEncodeError, ValueError):
            continue
        if codec == "cp932":
            if len(b) == 2:  # with the NEC and IBM extensions Windows types (髙, 﨑)
                cps.add(cp)
        elif (len(b) == 2 and b[0] >= 0xA1) or (len(b) == 3 and b[0] == 0x8F):
            cps.add(cp)
# Name characters no JIS standard has, but that Japanese text uses daily:
# 𠮷 (吉野家's 吉), 𡈽 (土 with a dot), 𩸽 (hokke).
cps |= {0x20BB7, 0x2123D, 0x29E3D}
# Characters JIS X 0213 writes as a base letter plus a combining mark
# decompose to two code points; keep the combining marks too.
cps |= set(range(0x0300, 0x0370))
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

# The symbols technical titles use that Noto Sans CJK JP has no glyph for
# (₀-₉ and the other sub- and superscripts, ≒, ⅓, ↺ ...): Debian's DejaVu
# Sans has them, in both weights. Cards take them from this subset before
# any system font, so they render alike on every machine.
dejavu=/usr/share/fonts/truetype/dejavu
/usr/bin/python3 - "$work/symbols.txt" "$dejavu" <<'PY'
import sys
from fontTools.ttLib import TTFont
out, dejavu = sys.argv[1], sys.argv[2]
noto = set(TTFont("fonts/NotoSansJP-Regular-subset.otf").getBestCmap())
noto &= set(TTFont("fonts/NotoSansJP-Bold-subset.otf").getBestCmap())
have = set(TTFont(dejavu + "/DejaVuSans.ttf").getBestCmap())
have &= set(TTFont(dejavu + "/DejaVuSans-Bold.ttf").getBestCmap())
ranges = [(0x2070, 0x209F), (0x2100, 0x214F), (0x2150, 0x218F), (0x2190, 0x21FF),
          (0x2200, 0x22FF), (0x2300, 0x23FF), (0x2460, 0x24FF), (0x25A0, 0x25FF),
          (0x2600, 0x26FF), (0x2700, 0x27BF)]
cps = sorted(c for lo, hi in ranges for c in range(lo, hi + 1) if c in have and c not in noto)
with open(out, "w") as f:
    f.write(",".join("U+%04X" % c for c in cps))
PY
for weight in "" "-Bold"; do
  pyftsubset "$dejavu/DejaVuSans$weight.ttf" --unicodes-file="$work/symbols.txt" \
    --layout-features='*' --name-IDs='*' --notdef-outline --no-hinting \
    --output-file="fonts/DejaVuSans$weight-symbols-subset.ttf"
done
cp /usr/share/doc/fonts-dejavu-core/copyright fonts/LICENSE-DejaVu.txt
ls -l fonts/
