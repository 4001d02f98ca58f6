#!/usr/bin/env bash
# The GitHub Action's shell steps (scripts/github-action.sh), run as a runner
# would run them: GITHUB_OUTPUT and GITHUB_STEP_SUMMARY set, inputs in
# INPUT_* variables, with the ogfeed just built.
#   action_test.sh OGFEED SOURCE_DIR WORK_DIR
set -uo pipefail
ogfeed=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
export GITHUB_OUTPUT=$work/output GITHUB_STEP_SUMMARY=$work/summary OGFEED=$ogfeed

# key: two cache keys, stable from run to run.
bash "$src/scripts/github-action.sh" key || fail "key step"
grep -Eq '^bin_key=ogfeed-bin-[0-9.]+-[0-9a-f]{16}$' "$GITHUB_OUTPUT" || fail "bin_key: $(cat "$GITHUB_OUTPUT")"
grep -Eq '^cards_key=ogfeed-cards-[0-9.]+-[0-9a-f]{16}$' "$GITHUB_OUTPUT" || fail "cards_key: $(cat "$GITHUB_OUTPUT")"
first=$(cat "$GITHUB_OUTPUT") && : >"$GITHUB_OUTPUT"
bash "$src/scripts/github-action.sh" key
[[ "$(cat "$GITHUB_OUTPUT")" == "$first" ]] || fail "keys change between runs"

# run: builds, validates in GitHub's annotation format, reports the folder.
cp -r "$src/examples/blog" "$work/site" && rm -rf "$work/site/public"
: >"$GITHUB_OUTPUT"
INPUT_SITE=$work/site INPUT_OUTPUT='' INPUT_ARGS='--no-cards -j 2' \
  bash "$src/scripts/github-action.sh" run >"$work/stdout" 2>"$work/stderr" || fail "run step: $(cat "$work/stderr")"
grep -qx "output=$work/site/public" "$GITHUB_OUTPUT" || fail "run output: $(cat "$GITHUB_OUTPUT")"
[[ -f "$work/site/public/atom.xml" ]] || fail "run wrote no atom.xml"
grep -q '^::error' "$work/stdout" && fail "annotations for a valid site: $(cat "$work/stdout")"
grep -q 'feed files' "$GITHUB_STEP_SUMMARY" || fail "step summary: $(cat "$GITHUB_STEP_SUMMARY")"

# A broken post fails the step, with the error on stderr.
printf -- '---\ntitle: x\ndate: 2024-13-01\n---\n' >"$work/site/posts/broken.md"
INPUT_SITE=$work/site INPUT_OUTPUT='' INPUT_ARGS='--no-cards' \
  bash "$src/scripts/github-action.sh" run >/dev/null 2>"$work/stderr" && fail "run passed a broken post"
grep -q "broken.md:3:7: error" "$work/stderr" || fail "broken post message: $(cat "$work/stderr")"

if [[ $failures -gt 0 ]]; then
  echo "$failures action check(s) failed" >&2
  exit 1
fi
echo "all action checks passed"
