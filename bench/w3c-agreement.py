#!/usr/bin/env python3
"""Agreement of `ogfeed validate` with the W3C Feed Validation Service on its
own test cases (../shared/w3c-testcases, verdicts.tsv), or on any folder of
feeds with the verdicts bench/w3c-verdicts.py wrote for it (the real feeds of
bench/real-feeds/: --cases DIR --verdicts FILE).

    bench/w3c-agreement.py [--ogfeed build/ogfeed] [--show] [--classes]
                           [--write-classes] [--min-atom X --min-rss Y --min-rss1 Z]
                           [--cases DIR --verdicts FILE]

Validates all cases in one `ogfeed validate --format json` run (timed), then
prints, per format (Atom, RSS 2.0/0.9x, RSS 1.0 by the document's root
element) and per half of a fixed split: of the cases the W3C validator calls
errors, how many ogfeed also calls errors; of the rest, how many ogfeed
passes without an error.

The split is decided once by the file name's SHA-256 (first byte even:
"tuning", odd: "held-out"). Tune against the tuning half only (--show lists
its disagreements; --show-all lists both): the held-out half says whether a
change generalises.

Agreement by rule: docs/w3c-classes.md maps each W3C message class to the
ogfeed rules that report the same problem. --classes prints, per class, how
many cases the W3C validator raised it in, how many of those ogfeed flags
with a mapped rule, and how often a mapped rule fires where W3C does not
raise the class. --write-classes writes those counts into the table.

--min-* make it exit 1 when either half of a format is below a percentage
either way (the ctest guard).
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time

FORMATS = ("atom", "rss", "rss1")
NAMES = {"atom": "Atom 1.0", "rss": "RSS 2.0", "rss1": "RSS 1.0"}


def half_of(path):
    return "tuning" if hashlib.sha256(path.encode()).digest()[0] % 2 == 0 else "held-out"


def format_of(path, full):
    """The format a case is written in, by its root element."""
    with open(full, "rb") as f:
        text = f.read(65536).decode("utf-8", "replace")
    text = re.sub(r"<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>]*>", "", text, flags=re.S)
    m = re.search(r"<([A-Za-z_][\w.:-]*)", text)
    if m and m.group(1).split(":")[-1] == "RDF":
        return "rss1"
    if m and m.group(1).split(":")[-1] == "feed":
        return "atom"
    return "atom" if path.startswith("atom/") else "rss"


def read_class_map(doc):
    """W3C class -> set of ogfeed rules, from the table in docs/w3c-classes.md."""
    classes = {}
    with open(doc, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 3 and re.fullmatch(r"[A-Z][A-Za-z0-9]+", cells[0]):
                classes[cells[0]] = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", cells[2]))
    return classes


def class_counts(rows, reports, class_map):
    """Per class: cases W3C raised it in, of which ogfeed caught; cases a
    mapped rule fired in, of which W3C raised the class."""
    out = {}
    for cls, rules in class_map.items():
        cases = caught = fired = agreed = 0
        for row in rows:
            theirs = cls in row["classes"]
            ours = bool(rules & reports[row["path"]]["rules"])
            cases += theirs
            caught += theirs and ours
            fired += ours
            agreed += theirs and ours
        out[cls] = (cases, caught, fired, agreed)
    return out


def pct(a, b):
    return "-" if b == 0 else "%.0f%%" % (100.0 * a / b)


def write_classes(doc, counts):
    lines = []
    with open(doc, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if line.startswith("|") and len(cells) >= 3 and cells[0] in counts:
                cases, caught, fired, agreed = counts[cells[0]]
                if cells[2] in ("", "-", "—"):
                    measured = ["%d" % cases, "-", "-"]
                else:
                    measured = ["%d" % cases, "%d (%s)" % (caught, pct(caught, cases)),
                                "%d of %d" % (agreed, fired)]
                line = "| " + " | ".join(cells[:3] + measured + cells[6:7]) + " |\n"
            lines.append(line)
    with open(doc, "w", encoding="utf-8") as f:
        f.writelines(lines)


def print_markdown(doc, class_map, counts):
    """The classes W3C raised or a mapped rule fired for, as a Markdown table."""
    levels = {}
    with open(doc, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 3 and cells[0] in class_map:
                levels[cells[0]] = cells[1]
    print("| W3C class | level | feeds W3C raised it in | ogfeed caught | rule agrees | ogfeed rules |")
    print("|---|---|---|---|---|---|")
    for cls, (n, c, fi, a) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if n == 0 and fi == 0:
            continue
        rules = ", ".join(sorted(class_map[cls])) or "—"
        caught = "%d (%s)" % (c, pct(c, n)) if class_map[cls] else "not checked"
        agrees = "%d of %d" % (a, fi) if class_map[cls] else "-"
        print("| %s | %s | %d | %s | %s | %s |" % (cls, levels.get(cls, "?"), n, caught, agrees, rules))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--ogfeed", default=os.path.join(here, "..", "build", "ogfeed"))
    ap.add_argument("--cases", default=os.path.join(here, "..", "..", "shared", "w3c-testcases"))
    ap.add_argument("--verdicts", help="the W3C verdicts (default: CASES/verdicts.tsv; for real "
                    "feeds, bench/w3c-verdicts.py writes them)")
    ap.add_argument("--map", default=os.path.join(here, "..", "docs", "w3c-classes.md"))
    ap.add_argument("--show", action="store_true", help="list the tuning half's disagreements")
    ap.add_argument("--show-all", action="store_true", help="list every disagreement")
    ap.add_argument("--classes", action="store_true", help="print agreement per W3C class")
    ap.add_argument("--write-classes", action="store_true", help="write it into --map")
    ap.add_argument("--markdown", action="store_true",
                    help="print the per-class table as Markdown (classes seen or fired only)")
    for fmt in FORMATS:
        ap.add_argument("--min-" + fmt, type=float, default=0)
    args = ap.parse_args()
    verdicts = args.verdicts or os.path.join(args.cases, "verdicts.tsv")
    if not os.path.isfile(verdicts):
        print("skip: no W3C verdicts at %s" % verdicts)
        return 77
    rows = []
    with open(verdicts, encoding="utf-8") as f:
        next(f)
        for line in f:
            path, _, verdict, errors, warnings = line.rstrip("\n").split("\t")
            full = os.path.join(args.cases, path)
            classes = {c for c in (errors + "," + warnings).split(",") if c not in ("", "-")}
            rows.append({"path": path, "verdict": verdict, "errors": errors, "classes": classes,
                         "format": format_of(path, full), "half": half_of(path)})
    files = [os.path.join(args.cases, r["path"]) for r in rows]
    start = time.monotonic()
    out = subprocess.run([args.ogfeed, "validate", "--format", "json"] + files,
                         capture_output=True, text=True)
    elapsed = time.monotonic() - start
    reports = {}
    for r in json.loads(out.stdout)["files"]:
        reports[os.path.relpath(r["file"], args.cases)] = {
            "error": any(f["severity"] == "error" for f in r["findings"]),
            "rules": {f["rule"] for f in r["findings"]},
            "error_rules": sorted({f["rule"] for f in r["findings"] if f["severity"] == "error"}),
        }
    stats = {}
    misses = []
    for row in rows:
        r = reports[row["path"]]
        theirs = row["verdict"] == "error"
        s = stats.setdefault((row["format"], row["half"]), [0, 0, 0, 0])
        if theirs:
            s[0] += 1
            s[1] += r["error"]
        else:
            s[2] += 1
            s[3] += not r["error"]
        if r["error"] != theirs and (args.show_all or row["half"] == "tuning"):
            misses.append("%s [%s]: w3c=%s (%s) ogfeed=%s" % (
                row["path"], row["half"], row["verdict"], row["errors"],
                ",".join(r["error_rules"]) or "-"))
    if args.show or args.show_all:
        print("\n".join(misses))
        print()
    failed = False
    for fmt in FORMATS:
        for half in ("tuning", "held-out"):
            err, err_ok, ok, ok_ok = stats.get((fmt, half), [0, 0, 0, 0])
            e = 100.0 * err_ok / err if err else 100.0
            o = 100.0 * ok_ok / ok if ok else 100.0
            print("%-8s %-8s errors caught %3d/%3d (%5.1f%%), non-errors passed %3d/%3d (%5.1f%%)"
                  % (NAMES[fmt], half, err_ok, err, e, ok_ok, ok, o))
            if min(e, o) < getattr(args, "min_" + fmt):
                failed = True
    if args.classes or args.write_classes or args.markdown:
        class_map = read_class_map(args.map)
        counts = class_counts(rows, reports, class_map)
        mapped = {c: v for c, v in counts.items() if class_map[c]}
        cases = sum(v[0] for v in mapped.values())
        caught = sum(v[1] for v in mapped.values())
        fired = sum(v[2] for v in mapped.values())
        agreed = sum(v[3] for v in mapped.values())
        if args.classes:
            for cls, (n, c, fi, a) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
                rules = " ".join(sorted(class_map[cls])) or "-"
                print("%-34s %4d cases, caught %4s, rule agrees %4s  %s"
                      % (cls, n, pct(c, n) if class_map[cls] else "-", pct(a, fi), rules))
        print("by rule: %d of %d W3C classes mapped; mapped classes caught in %d of %d cases"
              " (%s), mapped rules fired in %d cases, %d with the class (%s)"
              % (len(mapped), len(counts), caught, cases, pct(caught, cases), fired, agreed,
                 pct(agreed, fired)))
        if args.write_classes:
            write_classes(args.map, counts)
        if args.markdown:
            print_markdown(args.map, class_map, counts)
    print("validated %d files in %.2f s (one ogfeed validate run)" % (len(files), elapsed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
