#!/usr/bin/env python3
"""Runs the W3C Feed Validation Service's own code (github.com/w3c/feedvalidator,
src/feedvalidator) on every feed in a folder, the way the online service does
(its "AA" compatibility filter, first occurrence of each message), and writes
the verdicts in the format of ../shared/w3c-testcases/verdicts.tsv, for
bench/w3c-agreement.py --cases DIR --verdicts FILE.

    /usr/bin/python3 bench/w3c-verdicts.py --feedvalidator FV/src DIR > verdicts.tsv

Needs Debian's python3-lxml, python3-html5lib and python3-rdflib (so
/usr/bin/python3), and a checkout of w3c/feedvalidator. The base URL given to
the validator is http://example.com/FILE, so a feed's rel="self" pointing
elsewhere raises SelfDoesntMatchLocation as it would online for a copy.
"""
import argparse
import os
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feedvalidator", required=True, help="w3c/feedvalidator's src folder")
    ap.add_argument("dir")
    a = ap.parse_args()
    sys.path.insert(0, a.feedvalidator)
    import feedvalidator
    from feedvalidator import compatibility
    from feedvalidator.logging import Error, Warning as W3CWarning

    print("file\tfeed_type\tverdict\terror_classes\twarning_classes")
    for root, _, files in os.walk(a.dir):
        for name in sorted(files):
            full = os.path.join(root, name)
            rel = os.path.relpath(full, a.dir)
            with open(full, "rb") as f:
                data = f.read()
            try:
                result = feedvalidator.validateString(data, firstOccurrenceOnly=1, fallback="utf-8",
                                                      base="http://example.com/" + rel)
                events = result["loggedEvents"]
            except feedvalidator.logging.ValidationFailure as vf:
                events = [vf.event]
            except Exception as e:  # the validator's own crash: no verdict
                print("%s: validator failed: %s" % (rel, e), file=sys.stderr)
                continue
            events = compatibility.AA(events)
            errors = sorted({type(e).__name__ for e in events if isinstance(e, Error)})
            warnings = sorted({type(e).__name__ for e in events if isinstance(e, W3CWarning)})
            verdict = "error" if errors else "warning" if warnings else "clean"
            print("%s\t%s\t%s\t%s\t%s" % (rel, "-", verdict, ",".join(errors) or "-", ",".join(warnings) or "-"))


if __name__ == "__main__":
    main()
