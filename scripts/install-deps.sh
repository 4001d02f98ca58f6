#!/usr/bin/env bash
# Installs ogfeed's build and test dependencies from Debian 12 packages
# (--build-only: what building the binary and its .deb needs, nothing more).
# Idempotent: when every package is already installed it exits without touching apt.
set -euo pipefail

# What building ogfeed and its .deb needs (the Action's cache miss).
build_packages=(
  cmake g++ make pkg-config dpkg-dev file  # cpack's .deb: dpkg-shlibdeps, file
  libpugixml-dev libyaml-cpp-dev libtomlplusplus-dev libexpected-dev libfmt-dev
  libfreetype-dev libharfbuzz-dev libvips-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libhowardhinnant-date-dev libxxhash-dev libexpat1-dev
  rapidjson-dev  # JSON Feed: a strict JSON reader with positions (ogfeed validate)
  libfribidi-dev  # right-to-left runs in card titles, in visual order
  libdeflate-dev  # PNG cards: deflate faster than zlib
  libfontconfig-dev
  libsimdjson-dev  # its UTF-8 validator: the text check of every post at memory speed
  libjemalloc-dev  # the binary's allocator: 700,000 allocations in a 10,000-post build
  python3  # makes the man page and the bash completion from --help (scripts/gen-docs.py)
)
packages=(
  "${build_packages[@]}"
  clang-format catch2 tzdata
  libxml2-utils jing
  xsltproc  # the CLI test opens feed.xsl on the example feeds as a browser would
  git  # dates of posts without one (Zenn, Qiita CLI) come from their history
  fonts-noto-color-emoji  # colour emoji on cards (found at its Debian path when installed)
  fonts-noto-cjk fonts-dejavu-core  # system fallback for what fonts/ lacks (Korean, Chinese, Greek...)
)
if [[ "${1:-}" == "--build-only" ]]; then
  # No test tools (clang-format, jing's Java, catch2): only what makes the
  # binary and its package; the .deb brings its own run-time dependencies.
  packages=("${build_packages[@]}")
fi
if [[ "${1:-}" == "--with-test-tools" ]]; then
  # What scripts/test.sh runs ogfeed against: the real generators (the
  # README's snippets and the URL goldens) and lintian (the .deb).
  packages+=(hugo jekyll lintian)
fi
if [[ "${1:-}" == "--with-font-tools" ]]; then
  # Only needed to regenerate fonts/ (scripts/subset-font.sh), never to build.
  packages+=(fonttools)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
