#!/usr/bin/env python3
"""Issue 21's check of a Zenn or Qiita CLI repository's feed URLs where the
host (zenn.dev, qiita.com) cannot be reached: every link the posts make to
one of their own published posts, by its URL on the host, must be the URL
ogfeed gives that post's entry (head.json holds one key per published post).

    bench/hosted-links.py REPO zenn  OUT/head.json
    bench/hosted-links.py REPO qiita OUT/head.json

Prints: links to its own published posts, and how many equal an entry's URL.
"""
import glob, json, os, re, sys

repo, kind, head = sys.argv[1:4]
host, folder, path = {"zenn": ("zenn.dev", "articles", "articles"),
                      "qiita": ("qiita.com", "public", "items")}[kind]
urls = set(json.load(open(head)))
account = next(iter(urls)).split("/")[3]
posts = {}
for f in glob.glob(os.path.join(repo, folder, "*.md")):
    text = open(f, encoding="utf-8", errors="replace").read()
    if kind == "zenn":
        key = os.path.basename(f)[:-3]
    else:
        m = re.search(r"^id: ['\"]?([0-9a-f]{20})", text, re.M)
        key = m.group(1) if m else None
    draft = re.search(r"^(published: false|private: true|ignorePublish: true)",
                      text, re.M)
    if key:
        posts[key] = (text, bool(draft))
pattern = re.compile(r"https?://" + re.escape(host) + r"/([A-Za-z0-9_-]+)/"
                     + path + r"/([A-Za-z0-9_-]+)")
links = set()
for text, _ in posts.values():
    for m in pattern.finditer(text):
        if m.group(1) == account and m.group(2) in posts and not posts[m.group(2)][1]:
            links.add(f"https://{host}/{account}/{path}/{m.group(2)}")
print(f"account={account} own_published_links={len(links)} "
      f"equal_to_an_entry={len(links & urls)}")
