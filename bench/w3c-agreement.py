#!/usr/bin/env python3
"""Agreement of `ogfeed validate` with the W3C Feed Validation Service on its
own test cases (../shared/w3c-testcases, verdicts.tsv).

    bench/w3c-agreement.py [--ogfeed build/ogfeed] [--show] [--min-atom X --min-rss Y]

Validates all cases in one `ogfeed validate --format json` run (timed), then
prints per format: of the cases the W3C validator calls errors, how many
ogfeed also calls errors; of the rest, how many ogfeed passes without an
error. RSS 1.0 (RDF) cases are listed apart: ogfeed reports them as an
unsupported format. --min-atom/--min-rss make it exit 1 below a percentage
(the ctest guard).
"""
import argparse
import json
import os
import subprocess
import sys
import time


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--ogfeed", default=os.path.join(here, "..", "build", "ogfeed"))
    ap.add_argument("--cases", default=os.path.join(here, "..", "..", "shared", "w3c-testcases"))
    ap.add_argument("--show", action="store_true", help="list every disagreement")
    ap.add_argument("--min-atom", type=float, default=0)
    ap.add_argument("--min-rss", type=float, default=0)
    args = ap.parse_args()
    if not os.path.isfile(os.path.join(args.cases, "verdicts.tsv")):
        print("skip: no W3C test cases at %s" % args.cases)
        return 77
    rows = []
    with open(os.path.join(args.cases, "verdicts.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            path, feed_type, verdict, errors, warnings = line.rstrip("\n").split("\t")
            rows.append((path, feed_type, verdict, errors))
    files = [os.path.join(args.cases, r[0]) for r in rows]
    start = time.monotonic()
    out = subprocess.run([args.ogfeed, "validate", "--format", "json"] + files, capture_output=True, text=True)
    elapsed = time.monotonic() - start
    reports = {os.path.relpath(r["file"], args.cases): r for r in json.loads(out.stdout)["files"]}
    stats = {}
    unsupported = []
    misses = []
    for path, feed_type, verdict, errors in rows:
        r = reports[path]
        fmt = "atom" if path.startswith("atom/") else "rss"
        if r["format"] == "unsupported" and any(f["rule"] == "feed-unsupported-format" for f in r["findings"]):
            unsupported.append((path, verdict))
            continue
        ours = any(f["severity"] == "error" for f in r["findings"])
        theirs = verdict == "error"
        s = stats.setdefault(fmt, {"err": 0, "err_agree": 0, "ok": 0, "ok_agree": 0})
        if theirs:
            s["err"] += 1
            s["err_agree"] += ours
        else:
            s["ok"] += 1
            s["ok_agree"] += not ours
        if ours != theirs:
            mine = ",".join(sorted({f["rule"] for f in r["findings"] if f["severity"] == "error"})) or "-"
            misses.append("%s: w3c=%s (%s) ogfeed=%s" % (path, verdict, errors, mine))
    if args.show:
        print("\n".join(misses))
        print()
    failed = False
    for fmt in ("atom", "rss"):
        s = stats[fmt]
        e = 100.0 * s["err_agree"] / s["err"]
        o = 100.0 * s["ok_agree"] / s["ok"]
        print("%-4s errors caught %d/%d (%.1f%%), non-errors passed %d/%d (%.1f%%)" % (fmt, s["err_agree"], s["err"], e, s["ok_agree"], s["ok"], o))
        floor = args.min_atom if fmt == "atom" else args.min_rss
        if min(e, o) < floor:
            failed = True
    print("rss 1.0 (rdf) and other unsupported: %d (%d of them W3C errors)" % (len(unsupported), sum(v == "error" for _, v in unsupported)))
    print("validated %d files in %.2f s (one ogfeed validate run)" % (len(files), elapsed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
