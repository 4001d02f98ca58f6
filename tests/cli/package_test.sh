#!/usr/bin/env bash
# Issue 22: the .deb that `cpack -G DEB` makes passes lintian with no error
# or warning, and carries the licence, the fonts' licence, the changelog and
# a compressed man page.
#   package_test.sh BUILD_DIR WORK_DIR
set -uo pipefail
build=$1 work=$2
for tool in lintian dpkg-deb cpack; do
  command -v "$tool" >/dev/null || { echo "skip: $tool is not installed"; exit 77; }
done
rm -rf "$work" && mkdir -p "$work"
(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/ogfeed_*_amd64.deb)
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/ogfeed ./usr/share/doc/ogfeed/copyright ./usr/share/doc/ogfeed/changelog.gz \
  ./usr/share/man/man1/ogfeed.1.gz ./usr/share/ogfeed/fonts/OFL.txt \
  ./usr/share/bash-completion/completions/ogfeed; do
  grep -q " $f\$" <<<"$contents" || fail "the package lacks $f"
done
grep -Eq " \./usr/lib/([^/]+/)?ogfeed/modules/ogfeed-vips\.so\$" <<<"$contents" ||
  fail "the package lacks its image module, ogfeed-vips.so"
# lintian refuses to run as root without this; its findings are what count.
lintian --allow-root --tag-display-limit 0 --fail-on error,warning "$deb" >"$work/lintian.txt" 2>&1 ||
  fail "lintian: $(cat "$work/lintian.txt")"
# Unpacked anywhere, the package's ogfeed finds its fonts and its image
# module (libvips, loaded for pictures and JPEG) from where it sits.
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/ogfeed" card --title "パッケージのカード" -o "$work/card.jpg" 2>"$work/card.err" ||
  fail "the unpacked ogfeed cannot draw a JPEG card: $(cat "$work/card.err")"
[[ "$(head -c 3 "$work/card.jpg" 2>/dev/null | od -An -tx1 | tr -d ' ')" == ffd8ff ]] ||
  fail "card.jpg is not a JPEG"
[[ $failures -eq 0 ]] || exit 1
echo "package: lintian finds nothing in $(basename "$deb")"
