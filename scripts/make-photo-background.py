#!/usr/bin/env python3
"""Draws templates/photo-background.png, the stand-in photo of the `photo`
card template: a night scene out of focus (soft warm and cool lights on a
dark blue gradient), 600x315, scaled up by the renderer. Deterministic: the
same bytes every run. Replace it (or `background.image` in a copy of the
template) with a photo of your own.

    python3 scripts/make-photo-background.py [OUT.png]
"""
import math
import random
import struct
import sys
import zlib

W, H = 600, 315


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "templates/photo-background.png"
    rng = random.Random(20241202)
    lights = []
    for _ in range(46):
        warm = rng.random() < 0.65
        colour = (255, rng.randint(150, 200), rng.randint(60, 110)) if warm else (
            rng.randint(90, 140), rng.randint(170, 220), 255)
        lights.append((rng.uniform(-40, W + 40), rng.uniform(H * 0.15, H * 1.05),
                       rng.uniform(14, 46), rng.uniform(0.25, 0.7), colour))
    rows = bytearray()
    for y in range(H):
        rows.append(0)  # PNG filter: none
        for x in range(W):
            t = y / H
            r, g, b = 14 + 20 * t, 24 + 30 * t, 48 + 40 * t
            for lx, ly, rad, strength, (cr, cg, cb) in lights:
                d2 = (x - lx) ** 2 + (y - ly) ** 2
                if d2 < 4 * rad * rad:
                    a = strength * math.exp(-d2 / (rad * rad * 0.9))
                    r, g, b = r + (cr - r) * a, g + (cg - g) * a, b + (cb - b) * a
            rows += bytes((min(255, int(r)), min(255, int(g)), min(255, int(b))))

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    with open(out, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
