#!/usr/bin/env bash
# Proves the Debian package installs and works on a clean Debian 12 root:
# debootstrap a minimal bookworm, `apt-get install ./ogfeed_*.deb` in it (its
# Depends pull in everything), then build examples/blog with cards there and
# validate the feeds. Needs root and a Debian mirror.
#
#   (cd build && cpack -G DEB) && bash scripts/test-deb.sh build/ogfeed_*_amd64.deb [ROOT]
set -euo pipefail
deb=$(realpath "$1")
root=${2:-/tmp/ogfeed-deb-root}
mirror=${MIRROR:-http://deb.debian.org/debian}
cd "$(dirname "$0")/.."
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
if [[ ! -x "$root/usr/bin/apt-get" ]]; then
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
fi
mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT
rm -rf "$root/tmp/ogfeed-test" && mkdir -p "$root/tmp/ogfeed-test"
cp "$deb" "$root/tmp/ogfeed-test/"
cp -r examples/blog "$root/tmp/ogfeed-test/blog" && rm -rf "$root/tmp/ogfeed-test/blog/public"
in_root() { chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }
in_root apt-get update -qq
in_root apt-get install -y -qq "/tmp/ogfeed-test/$(basename "$deb")" >/dev/null
in_root test -x /usr/bin/ogfeed
in_root test -f /usr/share/ogfeed/templates/default.yaml
in_root ogfeed --version
in_root ogfeed build /tmp/ogfeed-test/blog -o /tmp/ogfeed-test/out
in_root ogfeed validate /tmp/ogfeed-test/out/atom.xml /tmp/ogfeed-test/out/rss.xml
cards=$(find "$root/tmp/ogfeed-test/out/cards" -name '*.png' | wc -l)
[[ $cards -gt 0 ]] || { echo "test-deb: no cards were drawn" >&2; exit 1; }
echo "test-deb: $(basename "$deb") installs on a clean Debian 12 root and built examples/blog ($cards cards)"
