#!/usr/bin/env python3
"""Gathers real blog titles for bench/card-quality.py: the `title:` of every
Markdown post's front matter in each repository given, one per line, kept
only when it is in the language named (Japanese: has kana; Chinese: Han and
no kana), de-duplicated, at most --per-repo from each repository (sorted, so
a rerun on the same commits gives the same file).

    bench/gather-titles.py --lang ja --out bench/titles/ja.txt \\
        OWNER/NAME=DIR[@COMMIT] ...

Only the titles are kept here; bench/titles/SOURCES.md lists the
repositories and commits they came from.
"""
import argparse
import os
import re
import sys

KANA = re.compile(r"[\u3041-\u30ff]")
HAN = re.compile(r"[\u3400-\u9fff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")


def front_matter_title(text):
    m = re.match(r"\ufeff?---\s*\n(.*?)\n---", text, re.S)
    if not m:
        return None
    t = re.search(r"^title:\s*(.+?)\s*$", m.group(1), re.M)
    if not t:
        return None
    s = t.group(1)
    dq = re.match(r'"((?:[^"\\]|\\.)*)"', s)
    sq = re.match(r"'((?:[^']|'')*)'", s)
    if dq:
        s = dq.group(1).replace('\\"', '"').replace("\\\\", "\\")
    elif sq:
        s = sq.group(1).replace("''", "'")
    else:
        s = re.sub(r"\s+#.*$", "", s)
    return s.strip() or None


def wanted(title, lang):
    if lang == "ja":
        return bool(KANA.search(title))
    if lang.startswith("zh"):
        return bool(HAN.search(title)) and not KANA.search(title)
    if lang == "ko":
        return bool(HANGUL.search(title))
    return True


def titles_in(root, lang):
    found = set()
    for dirpath, dirnames, files in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ("node_modules", ".git", "public")]
        for name in files:
            if not name.endswith((".md", ".markdown")):
                continue
            try:
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    text = f.read(8000)
            except (UnicodeDecodeError, OSError):
                continue
            title = front_matter_title(text)
            if title and wanted(title, lang) and "\n" not in title:
                found.add(title)
    return sorted(found)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-repo", type=int, default=250)
    ap.add_argument("repos", nargs="+", help="OWNER/NAME=DIR")
    a = ap.parse_args()
    seen = set()
    out = []
    for spec in a.repos:
        name, _, root = spec.partition("=")
        got = [t for t in titles_in(root, a.lang) if t not in seen][: a.per_repo]
        seen.update(got)
        out.extend(got)
        print(f"{name}: {len(got)} titles", file=sys.stderr)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("".join(t + "\n" for t in out))
    print(f"{a.out}: {len(out)} titles", file=sys.stderr)


if __name__ == "__main__":
    main()
