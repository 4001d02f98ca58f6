#!/usr/bin/env bash
# The shell steps of action.yml, kept here so they can be run and tested
# outside GitHub Actions (tests/cli/action_test.sh sets the GITHUB_*
# variables a runner would).
#
#   github-action.sh key      -> GITHUB_OUTPUT: bin_key (ogfeed's sources),
#                                 cards_key (version + templates + fonts)
#   github-action.sh install  -> builds ogfeed into $OGFEED_PREFIX unless
#                                 a restored cache already has it
#   github-action.sh paths    -> GITHUB_OUTPUT: dir (INPUT_OUTPUT, else
#                                 INPUT_SITE/public), state (SITE/.ogfeed);
#                                 both must lie inside GITHUB_WORKSPACE
#   github-action.sh run      -> ogfeed build $INPUT_SITE -o $INPUT_OUTPUT
#                                 $INPUT_ARGS, then ogfeed validate --format
#                                 github on what it wrote
# Inputs arrive only as INPUT_* variables and are never evaluated as code.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
prefix=${OGFEED_PREFIX:-$here/.action-install}
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
    echo "bin_key=ogfeed-bin-$version-$(tree_hash CMakeLists.txt src scripts templates fonts docs debian)" >>"$GITHUB_OUTPUT"
    echo "cards_key=ogfeed-cards-$version-$(tree_hash templates fonts)" >>"$GITHUB_OUTPUT"
    ;;
  install)
    sudo_=""
    [[ $(id -u) -eq 0 ]] || sudo_=sudo
    $sudo_ bash "$here/scripts/install-deps.sh"
    if [[ ! -x "$prefix/bin/ogfeed" ]]; then
      cmake -S "$here" -B "$here/build-action" -DCMAKE_BUILD_TYPE=Release -DOGFEED_BUILD_TESTS=OFF \
        -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
      cmake --build "$here/build-action" -j"$(nproc)" --target ogfeed docs
      cmake --install "$here/build-action" >/dev/null
    fi
    echo "$prefix/bin" >>"${GITHUB_PATH:-/dev/null}"
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
    ogfeed=${OGFEED:-$prefix/bin/ogfeed}
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
    "$ogfeed" build "$site" -o "$out" "${args[@]}"
    status=0
    "$ogfeed" validate --format github "$out" || status=$?
    printf 'output=%s\n' "$out" >>"$GITHUB_OUTPUT"
    if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
      {
        echo "### ogfeed"
        echo
        echo "Built \`$site\` into \`$out\`: $(find "$out" -name '*.xml' | wc -l) feed files, $(find "$out" -path '*/cards/*' -type f | wc -l) cards."
      } >>"$GITHUB_STEP_SUMMARY"
    fi
    exit "$status"
    ;;
  *)
    echo "usage: github-action.sh key|install|paths|run" >&2
    exit 2
    ;;
esac
