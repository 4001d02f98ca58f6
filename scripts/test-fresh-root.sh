#!/usr/bin/env bash
# Runs the README's two commands, exactly as the README writes them, as root
# in a fresh Debian 12 root with Debian's current security and point-release
# updates: what a new user's machine does. The source goes in as a tarball of
# the working tree without .git (as a release tarball would). Needs root, a
# Debian mirror and about 3 GB; takes 15-25 minutes on 2 cores.
#
#   bash scripts/test-fresh-root.sh [ROOT]
#
# Prints the versions of expat, vips, harfbuzz and cmark-gfm it ran with.
set -euo pipefail
root=${1:-/tmp/ogfeed-fresh-root}
mirror=${MIRROR:-http://deb.debian.org/debian}
security=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
cd "$(dirname "$0")/.."

# The README's first two ```sh blocks are the two commands.
mapfile -t commands < <(awk '/^```sh$/ {on=1; next} /^```$/ {if (on) n++; on=0; next}
  on && n < 2 {print}' README.md)
if [[ ${#commands[@]} -ne 2 ]]; then
  echo "test-fresh-root: expected two commands in README.md" >&2
  exit 1
fi

command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
if [[ ! -x "$root/usr/bin/apt-get" ]]; then
  rm -rf "$root"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >/dev/null
fi
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
for fs in proc dev; do
  mountpoint -q "$root/$fs" || mount --rbind "/$fs" "$root/$fs"
done
trap 'umount -R "$root/dev" "$root/proc" 2>/dev/null || true' EXIT
in_root() {
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"
}
in_root apt-get update -qq
in_root apt-get -y -qq upgrade >/dev/null
if in_root apt list --upgradable 2>/dev/null | grep -q upgradable; then
  echo "test-fresh-root: the root is not up to date" >&2
  exit 1
fi

src=/root/ogfeed
rm -rf "${root:?}$src" && mkdir -p "$root$src"
# The working tree as a tarball would hold it: no .git, no build folders.
tar -c --exclude=.git --exclude='./build*' --exclude=./examples/blog/public \
  --exclude=./examples/blog/.ogfeed . | tar -x -C "$root$src"

for i in 0 1; do
  echo "test-fresh-root: command $((i + 1)): ${commands[$i]}"
  if ! in_root bash -c "cd $src && ${commands[$i]}"; then
    echo "test-fresh-root: command $((i + 1)) failed in $root" >&2
    exit 1
  fi
done
echo "test-fresh-root: both README commands passed in a fresh, up-to-date Debian 12 root, with:"
in_root dpkg-query -W -f '  ${Package} ${Version}\n' libexpat1 libvips42 libharfbuzz0b \
  libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 2>/dev/null || true
