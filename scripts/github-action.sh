#!/usr/bin/env bash
# The shell steps of action.yml, kept here so they can be run and tested
# outside GitHub Actions (tests/cli/action_test.sh sets the GITHUB_*
# variables a runner would).
#
#   github-action.sh key      -> GITHUB_OUTPUT: bin_key (ogfeed's sources),
#                                 cards_key (version + templates + fonts)
#   github-action.sh install  -> installs ogfeed's .deb (made here and
#                                 cached, unless a restored cache has it)
#                                 with its run-time dependencies only
#   github-action.sh paths    -> GITHUB_OUTPUT: dir (INPUT_OUTPUT, else
#                                 INPUT_SITE/public), state (SITE/.ogfeed);
#                                 both must lie inside GITHUB_WORKSPACE
#   github-action.sh run      -> ogfeed build $INPUT_SITE -o $INPUT_OUTPUT
#                                 --format github $INPUT_ARGS (the build
#                                 validates every feed it writes)
# Inputs arrive only as INPUT_* variables and are never evaluated as code.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
: "${GITHUB_OUTPUT:?set by the runner}"

# Fails unless path $2 (the input named $1) lies inside the workspace.
inside_workspace() {
  local ws=${GITHUB_WORKSPACE:-$PWD} path
  path=$(realpath -m -- "$2")
  ws=$(realpath -m -- "$ws")
  if [[ "$path" != "$ws" && "$path" != "$ws"/* ]]; then
    echo "::error::input '$1' ('$2') is outside the workspace ($ws)" >&2
    exit 1
  fi
}

tree_hash() { # a stable hash of files below $here, by path and content
  (cd "$here" && find "$@" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}

case "${1:-}" in
  key)
    version=$(sed -n 's/^project(ogfeed VERSION \([0-9.]*\).*/\1/p' "$here/CMakeLists.txt")
    # The .deb is made for the system it is built on (a debian:bookworm
    # container, an Ubuntu runner): that system is part of its key.
    os=$(. /etc/os-release 2>/dev/null && echo "${ID:-linux}${VERSION_ID:-}")
    echo "bin_key=ogfeed-deb-$os-$version-$(tree_hash CMakeLists.txt src scripts templates fonts docs debian)" >>"$GITHUB_OUTPUT"
    echo "cards_key=ogfeed-cards-$version-$(tree_hash templates fonts)" >>"$GITHUB_OUTPUT"
    ;;
  install)
    # A cache hit holds the .deb: only it and its run-time dependencies are
    # installed. On a miss, the build tools come first (never the test
    # tools), the .deb is made once, and the cache keeps it.
    sudo_=""
    [[ $(id -u) -eq 0 ]] || sudo_=sudo
    apt_get=${OGFEED_APT_GET:-apt-get}
    deb_dir=${OGFEED_DEB_DIR:-$here/.action-deb}
    mkdir -p "$deb_dir"
    deb=$(find "$deb_dir" -maxdepth 1 -name 'ogfeed_*.deb' | head -1)
    if [[ -z "$deb" ]]; then
      $sudo_ bash "$here/scripts/install-deps.sh" --build-only
      cmake -S "$here" -B "$here/build-action" -DCMAKE_BUILD_TYPE=Release -DOGFEED_BUILD_TESTS=OFF \
        -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
      cmake --build "$here/build-action" -j"$(nproc)" --target ogfeed docs
      (cd "$here/build-action" && cpack -G DEB -B "$deb_dir" >/dev/null)
      rm -rf "$deb_dir/_CPack_Packages"
      deb=$(find "$deb_dir" -maxdepth 1 -name 'ogfeed_*.deb' | head -1)
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo_ "$apt_get" update -qq
    $sudo_ "$apt_get" install -y -qq --no-install-recommends "$(realpath "$deb")"
    ;;
  paths)
    site=${INPUT_SITE:-.}
    out=${INPUT_OUTPUT:-$site/public}
    inside_workspace site "$site"
    inside_workspace output "$out"
    {
      printf 'dir=%s\n' "$out"
      printf 'state=%s\n' "$site/.ogfeed"
    } >>"$GITHUB_OUTPUT"
    ;;
  run)
    ogfeed=${OGFEED:-ogfeed}
    site=${INPUT_SITE:-.}
    out=${INPUT_OUTPUT:-$site/public}
    inside_workspace site "$site"
    inside_workspace output "$out"
    # Word-splitting INPUT_ARGS is the point: it holds extra options. No
    # globbing, and nothing in it is ever evaluated.
    set -f
    # shellcheck disable=SC2086
    args=(${INPUT_ARGS:-})
    set +f
    # In a container job the checkout belongs to another user, and git
    # refuses it ("dubious ownership"): posts without a date could not be
    # dated. Trust the workspace, for this job's git only.
    ws=${GITHUB_WORKSPACE:-}
    if [[ -n "$ws" && -d "$ws/.git" && "$(stat -c %u "$ws")" != "$(id -u)" ]]; then
      git config --global --add safe.directory "$ws" 2>/dev/null || true
    fi
    # Errors and warnings are annotations (the first 10 of each, the rest
    # in a log group). The build checks every feed it writes with the
    # validator, so ogfeed's own outputs are validated and nothing else in
    # the folder (a theme's browserconfig.xml) is.
    format=(--format github)
    for a in "${args[@]}"; do
      [[ "$a" == --format || "$a" == --format=* ]] && format=()
    done
    status=0
    # A log of this run's own: two builds at once (jobs sharing /tmp
    # without RUNNER_TEMP) never read each other's.
    log=$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ogfeed-build.XXXXXX")
    trap 'rm -f "$log"' EXIT
    "$ogfeed" build "$site" -o "$out" "${format[@]}" "${args[@]}" >"$log" || status=$?
    cat "$log"
    printf 'output=%s\n' "$out" >>"$GITHUB_OUTPUT"
    if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
      {
        echo "### ogfeed"
        echo
        if [[ $status -eq 0 ]]; then
          echo "Built \`$site\` into \`$out\`: $(grep -E '^(wrote|up to date|nothing)' "$log" | tail -1)"
        else
          echo "The build of \`$site\` failed: see the annotations."
        fi
      } >>"$GITHUB_STEP_SUMMARY"
    fi
    exit "$status"
    ;;
  *)
    echo "usage: github-action.sh key|install|paths|run" >&2
    exit 2
    ;;
esac
