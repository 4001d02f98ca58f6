#!/usr/bin/env python3
"""Draws the example blog's stand-in author avatar and site logo, so the
example shows both on its cards without anyone's real picture:

  examples/blog/static/images/avatar.png  256x256: a person's silhouette in
                                          a warm circle of colour
  examples/blog/static/images/logo.png    320x96: a mark and a bar "wordmark",
                                          transparent around them

Deterministic: the same bytes every run.

    python3 scripts/make-sample-images.py [OUT_DIR]
"""
import math
import struct
import sys
import zlib


def write_png(path, w, h, pixel):
    rows = bytearray()
    for y in range(h):
        rows.append(0)
        for x in range(w):
            rows.extend(pixel(x + 0.5, y + 0.5))
    def chunk(tag, data):
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(bytes(rows), 9)))
        f.write(chunk(b"IEND", b""))


def cover(d):
    """Coverage of a shape whose signed distance at a pixel is d."""
    return max(0.0, min(1.0, 0.5 - d))


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def avatar(x, y):
    s = 256.0
    top, bottom = (251, 191, 36), (234, 88, 12)
    bg = mix(top, bottom, y / s)
    skin = (255, 247, 237)
    head = math.hypot(x - s / 2, y - s * 0.40) - s * 0.17
    body = math.hypot((x - s / 2) / 1.35, y - s * 0.98) - s * 0.30
    c = max(cover(head), cover(body))
    return (*mix(bg, skin, c), 255)


def logo(x, y):
    w, h = 320.0, 96.0
    teal = (20, 184, 166)
    sky = (125, 211, 252)
    # The mark: a ring and a dot, like a feed icon in a circle.
    ring = abs(math.hypot(x - 48, y - h / 2) - 30) - 7
    dot = math.hypot(x - 48, y - h / 2) - 9
    mark = max(cover(ring), cover(dot))
    # The "wordmark": three rounded bars of falling length.
    bars = 0.0
    for i, length in enumerate((180, 150, 110)):
        cy = 26 + i * 22
        dx = max(96 - x, 0, x - (96 + length))
        d = math.hypot(dx, max(abs(y - cy) - 3, 0)) - 4
        bars = max(bars, cover(d))
    if mark >= bars:
        return (*teal, round(255 * mark))
    return (*sky, round(255 * bars))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "examples/blog/static/images"
    write_png(out + "/avatar.png", 256, 256, avatar)
    write_png(out + "/logo.png", 320, 96, logo)


if __name__ == "__main__":
    main()
