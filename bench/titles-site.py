#!/usr/bin/env python3
"""Writes a site of one post per line of a titles JSONL file
({slug, title, date, tags}), for the card benchmarks:

    bench/titles-site.py ../shared/bench/titles-ja.jsonl OUT_DIR
"""
import json
import os
import sys

src, out = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(out, "posts"), exist_ok=True)
with open(os.path.join(out, "ogfeed.yaml"), "w") as f:
    f.write("title: ogfeed bench\nbase_url: https://example.com/\nfeeds:\n  tags: false\n  categories: false\n")
with open(src, encoding="utf-8") as lines:
    for line in lines:
        post = json.loads(line)
        with open(os.path.join(out, "posts", post["slug"] + ".md"), "w", encoding="utf-8") as f:
            f.write("---\n")
            f.write("title: " + json.dumps(post["title"], ensure_ascii=False) + "\n")
            f.write("date: " + post["date"] + "\n")
            f.write("slug: " + post["slug"] + "\n")
            f.write("tags: " + json.dumps(post.get("tags", []), ensure_ascii=False) + "\n")
            f.write("---\n\nbody\n")
