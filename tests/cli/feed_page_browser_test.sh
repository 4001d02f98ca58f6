#!/usr/bin/env bash
# Issue 22: the feed page (feed.html) in a real browser. Builds
# examples/blog, then opens its feed.html in Debian's chromium, headless,
# both from a local HTTP server and from file:// (a preview deploy and a
# folder opened on disk), and checks what the browser shows, from its DOM:
# one article per entry of atom.xml, in the same order, each title linked to
# its post; dates written in Japanese ("2024年8月3日"); a summary holding
# "List<DBObject>" shown as text, not swallowed as a tag; the feeds linked
# relatively, so the links work on any host. A screenshot of each is left in
# WORK_DIR for a person to look at. Skipped (77) without chromium.
#   feed_page_browser_test.sh OGFEED SOURCE_DIR WORK_DIR
set -uo pipefail
ogfeed=$(realpath "$1") src=$(realpath "$2") work=$3
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
  echo "SKIP: no chromium (apt-get install chromium)"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work" && work=$(realpath "$work")
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

out="$work/public"
"$ogfeed" build "$src/examples/blog" -o "$out" --no-cards >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; fail "build"; exit 1; }
[[ -f "$out/feed.html" ]] || { fail "no feed.html"; exit 1; }
grep -q '<link rel="related" type="text/html" href="https://blog.example.jp/feed.html"' "$out/atom.xml" \
  || fail "atom.xml does not link feed.html"
grep -q '<atom:link href="https://blog.example.jp/feed.html" rel="related" type="text/html"' "$out/rss.xml" \
  || fail "rss.xml does not link feed.html"

run_browser() { # URL, then chromium's options
  local url=$1
  shift
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$work/profile" "$@" "$url" 2>>"$work/chromium.log"
}

# The entries of atom.xml: "title<TAB>link", newest first.
python3 - "$out/atom.xml" >"$work/entries.tsv" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = {"a": "http://www.w3.org/2005/Atom"}
for e in ET.parse(sys.argv[1]).getroot().findall("a:entry", ns):
    link = e.find("a:link[@rel='alternate']", ns).get("href")
    print(e.find("a:title", ns).text + "\t" + link)
EOF

port=$((20000 + RANDOM % 20000))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$out" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/feed.html" >/dev/null 2>&1 && break
  python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1])" \
    "http://127.0.0.1:$port/feed.html" 2>/dev/null && break
  sleep 0.1
done

for where in "http://127.0.0.1:$port/feed.html" "file://$out/feed.html"; do
  name=$([[ $where == http* ]] && echo http || echo file)
  run_browser "$where" --dump-dom >"$work/$name.dom.html"
  run_browser "$where" --window-size=900,1300 --screenshot="$work/$name.png" >/dev/null
  [[ -s "$work/$name.png" ]] || fail "$name: no screenshot"
  # What the browser shows, read from the DOM it built.
  python3 - "$work/$name.dom.html" "$work/entries.tsv" "$name" <<'EOF' || failures=$((failures + 1))
import sys, html.parser
dom, entries, name = sys.argv[1], sys.argv[2], sys.argv[3]
class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.articles, self.stack, self.lang, self.feeds = [], [], None, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "article":
            self.articles.append({"title": "", "href": None, "time": "", "summary": "", "tags": []})
        elif self.articles and self.stack and "article" in self.stack:
            self.articles[-1]["tags"].append(tag)
        if tag == "a" and self.articles and "h2" in self.stack:
            self.articles[-1]["href"] = a.get("href")
        if tag == "a" and "ul" in self.stack:
            self.feeds.append(a.get("href"))
        if tag == "p" and a.get("class") == "summary":
            tag = "summary"
        self.stack.append(tag)
    def handle_endtag(self, tag):
        while self.stack:
            top = self.stack.pop()
            if top == tag or (tag == "p" and top == "summary"):
                break
    def handle_data(self, data):
        if not self.articles or "article" not in self.stack:
            return
        art = self.articles[-1]
        if "h2" in self.stack:
            art["title"] += data
        elif "time" in self.stack:
            art["time"] += data
        elif "summary" in self.stack:
            art["summary"] += data
page = Page()
page.feed(open(dom, encoding="utf-8").read())
want = [line.rstrip("\n").split("\t") for line in open(entries, encoding="utf-8")]
bad = []
if page.lang != "ja":
    bad.append(f"lang is {page.lang!r}")
if len(page.articles) != len(want):
    bad.append(f"{len(page.articles)} articles shown, atom.xml has {len(want)} entries")
for art, (title, link) in zip(page.articles, want):
    if art["title"].strip() != title or art["href"] != link:
        bad.append(f"article {art['title']!r} -> {art['href']} is not {title!r} -> {link}")
    if not __import__("re").fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", art["time"].strip()):
        bad.append(f"date {art['time']!r} is not written in Japanese")
    if not art["summary"].strip():
        bad.append(f"{title}: no summary shown")
    if set(art["tags"]) - {"h2", "a", "time", "p"}:
        bad.append(f"{title}: the browser made elements {sorted(set(art['tags']))} of its text")
if not any("List<DBObject>" in a["summary"] for a in page.articles):
    bad.append("the summary with List<DBObject> does not show it as text")
if page.feeds[:2] != ["atom.xml", "rss.xml"]:
    bad.append(f"feeds linked as {page.feeds}, not relatively")
for b in bad:
    print(f"FAIL: {name}: {b}", file=sys.stderr)
print(f"{name}: {len(page.articles)} articles, dates like {page.articles[0]['time'].strip()!r}" if page.articles else f"{name}: nothing shown")
sys.exit(1 if bad else 0)
EOF
done

if [[ $failures -ne 0 ]]; then
  echo "$failures failure(s); screenshots and DOMs in $work" >&2
  exit 1
fi
echo "feed page: shown right by $("$browser" --version 2>/dev/null | head -1); screenshots in $work"
