#!/usr/bin/env python3
"""Typesetting quality report over ../shared/bench/titles-ja.jsonl (200 titles).

    bench/card-quality.py [--ogfeed build/ogfeed] [--titles FILE] [--template default] [--show]

Runs `ogfeed card --layout-json --title T` for each title and counts, with
checks written here independently of ogfeed's own code:
  - kinsoku violations (JLREQ: a line starting with a closing bracket,
    、。，．・：；？！, ー, ゝゞ々 or a small kana, or ending with an opening
    bracket) and breaks inside a Latin word or number;
  - breaks inside a BudouX phrase (the reference is npm budoux when it is
    installed in /tmp/peers/satori, else the phrases ogfeed reports);
  - one- or two-character last lines;
  - lines wider than the box, and truncated titles.
"""
import argparse
import json
import os
import subprocess
import sys

NO_START = set("’”）〕］｝〉》」』】｠〙〗»〟｣)]}＞>" "‐〜゠–～" "！？‼⁇⁈⁉" "・：；･" "。．｡" "、，､"
               "ヽヾゝゞ々〻" "ーｰ" "ぁぃぅぇぉァィゥェォっゃゅょゎゕゖッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｯｬｭｮ"
               ".,!?:;%％")
NO_END = set("‘“（〔［｛〈《「『【｟〘〖«〝｢([{＜<")


def is_word(c):
    return ("0" <= c <= "9") or ("A" <= c <= "Z") or ("a" <= c <= "z") or c in "#$¥￥%％.+-_/@&'"


def budoux_phrases(titles):
    peer = "/tmp/peers/satori/node_modules/budoux"
    if not os.path.isdir(peer):
        return None
    script = ("const {loadDefaultJapaneseParser}=require(%r);const p=loadDefaultJapaneseParser();"
              "const lines=require('fs').readFileSync(0,'utf8').split('\\n').filter(Boolean);"
              "for (const t of lines) console.log(JSON.stringify(p.parseBoundaries(JSON.parse(t))));" % peer)
    out = subprocess.run(["node", "-e", script], input="\n".join(json.dumps(t) for t in titles),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return [json.loads(line) for line in out]


def utf16_to_cp(text, indices):
    """Maps UTF-16 code unit indices to code point indices."""
    mapping, u = {}, 0
    for i, ch in enumerate(text):
        mapping[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    return {mapping[i] for i in indices if i in mapping}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--ogfeed", default=os.path.join(here, "..", "build", "ogfeed"))
    ap.add_argument("--titles", default=os.path.join(here, "..", "..", "shared", "bench", "titles-ja.jsonl"))
    ap.add_argument("--template", default="default")
    ap.add_argument("--show", action="store_true", help="print every title's lines")
    args = ap.parse_args()
    titles = [json.loads(line)["title"] for line in open(args.titles, encoding="utf-8")]
    reference = budoux_phrases(titles)
    kinsoku = word = inside = breaks = short = overflow = truncated = mismatched = 0
    for i, title in enumerate(titles):
        out = subprocess.run([args.ogfeed, "card", "--layout-json", "--template", args.template, "--title", title],
                             capture_output=True, text=True, check=True).stdout
        layout = json.loads(out)
        lines = layout["lines"]
        phrases = set(layout["phrases"])
        if reference is not None:
            ref = utf16_to_cp(title, reference[i])
            mismatched += ref != phrases
            phrases = ref
        problems = []
        for k, line in enumerate(lines):
            text = line["text"]
            if line["width"] > layout["box_width"] + 0.5:
                overflow += 1
                problems.append("overflow")
            if k > 0 and text and text[0] in NO_START:
                kinsoku += 1
                problems.append("starts with " + text[0])
            if k + 1 < len(lines) and text and text[-1] in NO_END:
                kinsoku += 1
                problems.append("ends with " + text[-1])
            if k + 1 < len(lines) and text and lines[k + 1]["text"] and is_word(text[-1]) and is_word(lines[k + 1]["text"][0]) \
                    and not title[layout["breaks"][k] - 1].isspace():
                word += 1
                problems.append("splits a word")
        for b in layout["breaks"]:
            breaks += 1
            # A break after spaces sits at a phrase boundary if BudouX has one
            # anywhere in the run of spaces.
            s = b
            while s > 0 and title[s - 1].isspace():
                s -= 1
            if not any(p in phrases for p in range(s, b + 1)):
                inside += 1
                problems.append("inside a phrase at %d" % b)
        if len(lines) > 1 and len(lines[-1]["text"].replace(" ", "")) <= 2:
            short += 1
            problems.append("short last line")
        truncated += layout["truncated"]
        if args.show or problems:
            print("%3d %2dpx %s%s" % (i + 1, layout["font_size"], " | ".join(l["text"] for l in lines),
                                      ("   <- " + ", ".join(problems)) if problems else ""))
    print()
    print("titles=%d breaks=%d" % (len(titles), breaks))
    print("kinsoku_violations=%d word_splits=%d" % (kinsoku, word))
    print("breaks_inside_phrase=%d (%.1f%%)" % (inside, 100.0 * inside / max(1, breaks)))
    print("short_last_lines=%d overflowing_lines=%d truncated=%d" % (short, overflow, truncated))
    print("phrase reference: %s" % ("npm budoux (ogfeed's port differs on %d titles)" % mismatched
                                     if reference is not None else "ogfeed's BudouX port"))


if __name__ == "__main__":
    sys.exit(main())
