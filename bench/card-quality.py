#!/usr/bin/env python3
"""Typesetting quality report, per language: real titles gathered from public
blog repositories (bench/titles/ja.txt, zh-hans.txt, zh-hant.txt: see
bench/titles/SOURCES.md and bench/gather-titles.py), the 200 titles of
../shared/bench/titles-ja.jsonl when present, and this folder's
stress-titles.txt (brackets, colons, 〜 subtitles, ・ lists, identifiers,
katakana compounds, short titles), laid out in every template.

    bench/card-quality.py [--ogfeed build/ogfeed] [--template NAME]... [--show]
                          [--set NAME=LANG:FILE]...

Lays each set out with `ogfeed card --layout-json --language LANG --titles
FILE` and counts,
with checks written here independently of ogfeed's own code, per template:
  kinsoku     a line starting with a closing bracket, 、。，．・：；？！, ー,
              ゝゞ々 or a small kana, or ending with an opening bracket
  word        a break inside a Latin word, number or identifier
  bracket     a break inside a bracket pair 「」『』（）【】... (when the
              title closes it)
  dot_end     a line ending in ・ (a list split at its separator)
  tilde_end   a line ending in an opening 〜 / ～ (a subtitle's opener left
              behind)
  katakana    a break between two katakana (a compound split)
  short_last  a last line of 3 characters or fewer
  overflow    a line wider than the box; truncated titles
  particle    a break inside a compound particle (に｜おける, に｜ついて...)
  inside      breaks inside a BudouX phrase of the set's language (the
              reference is npm budoux's model for it when budoux is installed
              in /tmp/peers/satori, else ogfeed's port), but
              for breaks right after ：！？」』）】 or before a subtitle's 〜,
              counted apart as inside_at_clause: BudouX often joins "：" to
              the next word, and those are the breaks a designer makes first;
              and but for breaks at a space between words, counted apart as
              at_space (BudouX's phrases often span Latin words and spaces,
              and a space is where every language may break)
  colon       titles with a full-width colon set on several lines, and how
              many of them break right after it
  overlaps    pairs of elements (title, site, author, date, tags) that
              overlap on a card with a long site name, author and five tags
and, across templates, how many titles break at different places in two
templates whose title boxes have the same width and line count.
Exits 1 when a count the issue requires to be zero is not, or when inside
breaks pass 2% of all breaks in Japanese or 5% in Chinese (issue 24).
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
PAIRS = {"「": "」", "『": "』", "（": "）", "【": "】", "〔": "〕", "［": "］", "《": "》", "〈": "〉",
         "(": ")", "[": "]", "“": "”"}
TILDES = "〜～"
CLAUSE_ENDS = "：！？」』）】"
MUST_BE_ZERO = ["kinsoku", "word", "particle", "bracket", "dot_end", "tilde_end", "short_last", "overflow", "truncated",
                "overlaps"]
# Issue 24: inside-phrase breaks allowed, as a share of all breaks.
INSIDE_LIMIT = {"ja": 0.02, "zh-hans": 0.05, "zh-hant": 0.05}
# Compound particles, one unit each: a break inside one is a split.
PARTICLES = ["における", "において", "について", "についての", "に対する", "に対して", "によって", "による", "によると",
             "として", "としての", "のための", "に関する", "に関して", "にとって", "に向けて", "に向けた", "をもとに",
             "をめぐる", "を通じて", "とともに", "に基づく", "に沿って"]
BUDOUX_LOADERS = {"ja": "loadDefaultJapaneseParser", "zh-hans": "loadDefaultSimplifiedChineseParser",
                  "zh-hant": "loadDefaultTraditionalChineseParser"}
# What `ogfeed card --language` is given for each set's language.
OGFEED_LANGUAGE = {"ja": "ja", "zh-hans": "zh-CN", "zh-hant": "zh-TW"}


def is_word(c):
    return ("0" <= c <= "9") or ("A" <= c <= "Z") or ("a" <= c <= "z") or c in "#$¥￥%％.+-_/@&':()"


def is_katakana(c):
    return "\u30a1" <= c <= "\u30fa" or c == "ー"


def bracket_depths(title):
    """depth[i]: how many bracket pairs (closed later in the title) hold the gap before title[i]."""
    depth = [0] * (len(title) + 1)
    stack = []
    closes = {}
    for i, c in enumerate(title):
        if c in PAIRS:
            stack.append((c, i))
        elif stack and PAIRS[stack[-1][0]] == c:
            closes[stack.pop()[1]] = i
    for o, cl in closes.items():
        for k in range(o + 1, cl + 1):
            depth[k] += 1
    return depth


def opening_tildes(title):
    """Indices of 〜 that open a subtitle: a later 〜 closes it, or a space comes before it."""
    idx = [i for i, c in enumerate(title) if c in TILDES]
    out = set()
    for n, i in enumerate(idx):
        if i > 0 and title[i - 1].isdigit() and i + 1 < len(title) and title[i + 1].isdigit():
            continue  # a range: 1〜3
        if n + 1 < len(idx) or (i > 0 and title[i - 1] in " \u3000"):
            out.add(i)
    return out


def particle_gaps(title):
    """Gaps (indices) strictly inside a compound particle."""
    gaps = set()
    for p in PARTICLES:
        start = title.find(p)
        while start >= 0:
            gaps.update(range(start + 1, start + len(p)))
            start = title.find(p, start + 1)
    return gaps


def budoux_phrases(titles, lang="ja"):
    peer = "/tmp/peers/satori/node_modules/budoux"
    if not os.path.isdir(peer):
        return None
    loader = BUDOUX_LOADERS[lang]
    script = ("const m=require(%r);const p=m.%s();"
              "const lines=require('fs').readFileSync(0,'utf8').split('\\n').filter(Boolean);"
              "for (const t of lines) console.log(JSON.stringify(p.parseBoundaries(JSON.parse(t))));" % (peer, loader))
    out = subprocess.run(["node", "-e", script], input="\n".join(json.dumps(t) for t in titles),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return [json.loads(line) for line in out]


def utf16_to_cp(text, indices):
    mapping, u = {}, 0
    for i, ch in enumerate(text):
        mapping[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    return {mapping[i] for i in indices if i in mapping}


def layouts(ogfeed, template, titles, work, lang):
    path = os.path.join(work, "titles.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(titles) + "\n")
    out = subprocess.run([ogfeed, "card", "--layout-json", "--template", template,
                          "--language", OGFEED_LANGUAGE[lang], "--titles", path],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(out) == len(titles), (len(out), len(titles))
    return [json.loads(line) for line in out]


def check(title, layout, phrases, counts, show, tag):
    lines = layout["lines"]
    breaks = layout["breaks"]
    depth = bracket_depths(title)
    openers = opening_tildes(title)
    particles = particle_gaps(title)
    problems = []

    def count(name, what):
        counts[name] += 1
        problems.append(what)

    for k, line in enumerate(lines):
        text = line["text"]
        if line["width"] > layout["box_width"] + 0.5:
            count("overflow", "overflow")
        if k > 0 and text and text[0] in NO_START and not (text[0] in TILDES and breaks[k - 1] in openers):
            # (a subtitle's opening 〜 starts its line: the rule)
            count("kinsoku", "starts with " + text[0])
        if k + 1 < len(lines) and text:
            if text[-1] in NO_END:
                count("kinsoku", "ends with " + text[-1])
            if text[-1] in "・･":
                count("dot_end", "ends with ・")
            end = breaks[k]
            while end > 0 and title[end - 1].isspace():
                end -= 1
            if text[-1] in TILDES and end - 1 in openers:
                count("tilde_end", "ends with an opening " + text[-1])
    for b in breaks:
        counts["breaks"] += 1
        before, after = title[b - 1], title[b]
        if is_word(before) and is_word(after):
            count("word", "splits %s|%s" % (before, after))
        if depth[b] > 0:
            count("bracket", "inside brackets at %d" % b)
        if b in particles:
            count("particle", "splits a compound particle at %d" % b)
        if is_katakana(before) and is_katakana(after):
            count("katakana", "splits katakana %s|%s" % (before, after))
        s = b
        while s > 0 and title[s - 1].isspace():
            s -= 1
        if not any(p in phrases for p in range(s, b + 1)):
            if s < b:
                counts["at_space"] += 1  # a space between words: always a place to break
            elif title[s - 1] in CLAUSE_ENDS or b in openers:
                counts["inside_at_clause"] += 1  # BudouX joins "：" to what follows
            else:
                count("inside", "inside a phrase at %d" % b)
    if len(lines) > 1 and len(lines[-1]["text"].replace(" ", "").replace("\u3000", "")) <= 3:
        count("short_last", "short last line")
    if layout["truncated"]:
        count("truncated", "truncated")
    if "：" in title and len(lines) > 1:
        counts["colon_titles"] += 1
        colon = title.index("：")
        counts["colon_breaks"] += any(b == colon + 1 for b in breaks)
    counts["lines"] += len(lines)
    if show or problems:
        print("  %-8s %2dpx %s%s" % (tag, layout["font_size"], " | ".join(l["text"] for l in lines),
                                     ("   <- " + ", ".join(problems)) if problems else ""))


def title_box(here, template):
    """The title box settings that decide where a title breaks."""
    try:
        import yaml
    except ImportError:
        return None
    with open(os.path.join(here, "..", "templates", template + ".yaml"), encoding="utf-8") as f:
        t = yaml.safe_load(f).get("title", {})
    size = t.get("size", {})
    return {"ems": float(t.get("width", 1040)) / float(size.get("max", 64)),
            "range": float(size.get("min", 32)) / float(size.get("max", 64)),
            "lines": t.get("max_lines", 3), "features": sorted(t.get("features", ["kern"])),
            "spacing": t.get("latin_spacing"),
            # Every line count fits at the largest size: the height never decides.
            "fits": float(t.get("height", 300)) >= t.get("max_lines", 3) * float(size.get("max", 64))
                    * float(t.get("line_height", 1.3))}


def alike(a, b):
    if a is None or b is None:
        return False
    return (abs(a["ems"] - b["ems"]) <= 0.02 * a["ems"] and abs(a["range"] - b["range"]) <= 0.02
            and a["fits"] and b["fits"]
            and all(a[k] == b[k] for k in ("lines", "features", "spacing")))


def footer_overlaps(ogfeed, template):
    """Pairs of overlapping elements on a card with a long site name, author
    (with the example's avatar), the example's logo and five tags (issue 10:
    none may overlap)."""
    example = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "blog")
    out = subprocess.run([ogfeed, "card", "--layout-json", "--template", template,
                          "--site-dir", example,
                          "--title", "メモリリークの調査：ヒープダンプを読む",
                          "--site", "株式会社サンプルテクノロジーズ エンジニアブログ",
                          "--author", "田中 健太郎 (@kentaro_tanaka)",
                          "--tags", "Go,Kubernetes,パフォーマンス,メモリ,デバッグ",
                          "--date", "2024-05-01"], capture_output=True, text=True, check=True)
    e = [x for x in json.loads(out.stdout)["elements"] if x["name"] not in ("background", "panel")]
    pairs = 0
    for i in range(len(e)):
        for j in range(i + 1, len(e)):
            a, b = e[i], e[j]
            pairs += not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                          or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
    return pairs


def load_sets(here, args):
    """[(name, lang, titles)]: --set NAME=LANG:FILE, else the default sets."""
    sets = []
    specs = args.set or ["ja=ja:" + os.path.join(here, "titles", "ja.txt"),
                         "zh-hans=zh-hans:" + os.path.join(here, "titles", "zh-hans.txt"),
                         "zh-hant=zh-hant:" + os.path.join(here, "titles", "zh-hant.txt"),
                         "stress=ja:" + os.path.join(here, "stress-titles.txt")]
    for spec in specs:
        name, _, rest = spec.partition("=")
        lang, _, path = rest.partition(":")
        with open(path, encoding="utf-8") as f:
            sets.append((name, lang, [t for t in f.read().splitlines() if t]))
    if not args.set and os.path.exists(args.titles):
        sets.insert(1, ("bench", "ja", [json.loads(line)["title"] for line in open(args.titles, encoding="utf-8")]))
    elif not args.set:
        print("note: %s not found; left out" % args.titles)
    return sets


def summary(counts, names):
    return (" ".join("%s=%d" % (n, counts[n]) for n in names)
            + " inside_pct=%.2f" % (100.0 * counts["inside"] / max(1, counts["breaks"]))
            + " with_clause_pct=%.2f" % (100.0 * (counts["inside"] + counts["inside_at_clause"])
                                         / max(1, counts["breaks"])))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--ogfeed", default=os.path.join(here, "..", "build", "ogfeed"))
    ap.add_argument("--titles", default=os.path.join(here, "..", "..", "shared", "bench", "titles-ja.jsonl"))
    ap.add_argument("--set", action="append", help="NAME=LANG:FILE (LANG: ja, zh-hans, zh-hant); default: "
                    "bench/titles/*.txt, the shared 200 and the stress titles")
    ap.add_argument("--template", action="append", help="default: every template in templates/")
    ap.add_argument("--show", action="store_true", help="print every title's lines")
    args = ap.parse_args()
    sets = load_sets(here, args)
    templates = args.template or sorted(f[:-5] for f in os.listdir(os.path.join(here, "..", "templates"))
                                        if f.endswith(".yaml"))
    work = "/tmp/ogfeed-card-quality"
    os.makedirs(work, exist_ok=True)
    names = ["kinsoku", "word", "particle", "bracket", "dot_end", "tilde_end", "katakana", "short_last", "overflow",
             "truncated", "inside", "inside_at_clause", "at_space", "breaks", "lines", "colon_titles", "colon_breaks"]
    references = {name: budoux_phrases(titles, lang) for name, lang, titles in sets}
    by_lang = {}
    by_template = {}
    overlaps = 0
    failed = False
    for template in templates:
        print("template %s" % template)
        for set_name, lang, titles in sets:
            counts = dict.fromkeys(names, 0)
            reference = references[set_name]
            result = layouts(args.ogfeed, template, titles, work, lang)
            by_template.setdefault(template, {})[set_name] = result
            for i, (title, layout) in enumerate(zip(titles, result)):
                phrases = utf16_to_cp(title, reference[i]) if reference is not None else set(layout["phrases"])
                check(title, layout, phrases, counts, args.show, "%s%d" % (set_name[:2], i + 1))
            print("  %-8s %s" % (set_name, summary(counts, names)))
            total = by_lang.setdefault(lang, dict.fromkeys(names, 0))
            for n in names:
                total[n] += counts[n]
        o = footer_overlaps(args.ogfeed, template)
        overlaps += o
        print("  overlaps=%d" % o)
    print()
    for lang, total in by_lang.items():
        print("%-8s all templates: %s" % (lang, summary(total, names)))
        limit = INSIDE_LIMIT.get(lang, 0.03)
        bad = [n for n in MUST_BE_ZERO if n in total and total[n]]
        if total["inside"] > limit * max(1, total["breaks"]):
            bad.append("inside > %g%%" % (100 * limit))
        if bad:
            print("         FAILS: " + ", ".join(bad))
            failed = True
    print("colon titles on several lines broken after the colon: %d of %d"
          % (sum(t["colon_breaks"] for t in by_lang.values()), sum(t["colon_titles"] for t in by_lang.values())))
    print("overlapping elements on a busy card, all templates: %d" % overlaps)
    failed = failed or overlaps > 0
    # The same title, broken differently in templates with alike boxes: the
    # same line count and OpenType features, a line as many ems long (box
    # width / largest size, within 2%), the same size range, and room for
    # every line count at the largest size.
    boxes = {t: title_box(here, t) for t in templates}
    differ = compared = 0
    for a in templates:
        for b in templates:
            if a >= b or not alike(boxes[a], boxes[b]):
                continue
            for set_name, _, _ in sets:
                for la, lb in zip(by_template[a][set_name], by_template[b][set_name]):
                    compared += 1
                    differ += la["breaks"] != lb["breaks"]
    failed = failed or differ > 0
    pairs = sorted("%s~%s" % (a, b) for a in templates for b in templates if a < b and alike(boxes[a], boxes[b]))
    print("alike boxes (%s), titles broken differently: %d of %d" % (", ".join(pairs) or "none", differ, compared))
    print("phrase reference: %s" % ("npm budoux, each set's language" if budoux_phrases(["テスト"]) is not None
                                    else "ogfeed's BudouX port"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
