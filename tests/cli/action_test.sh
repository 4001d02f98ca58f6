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
export GITHUB_OUTPUT=$work/output GITHUB_STEP_SUMMARY=$work/summary OGFEED=$ogfeed GITHUB_WORKSPACE=$work

# key: two cache keys, stable from run to run.
bash "$src/scripts/github-action.sh" key || fail "key step"
grep -Eq '^bin_key=ogfeed-bin-[0-9.]+-[0-9a-f]{16}$' "$GITHUB_OUTPUT" || fail "bin_key: $(cat "$GITHUB_OUTPUT")"
grep -Eq '^cards_key=ogfeed-cards-[0-9.]+-[0-9a-f]{16}$' "$GITHUB_OUTPUT" || fail "cards_key: $(cat "$GITHUB_OUTPUT")"
first=$(cat "$GITHUB_OUTPUT") && : >"$GITHUB_OUTPUT"
bash "$src/scripts/github-action.sh" key
[[ "$(cat "$GITHUB_OUTPUT")" == "$first" ]] || fail "keys change between runs"

# run: builds, validates in GitHub's annotation format, reports the folder.
cp -r "$src/examples/blog" "$work/site" && rm -rf "$work/site/public" "$work/site/.ogfeed"
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

# Issue 20: inputs reach the scripts only through env:, never pasted into a
# run: script; paths outside the workspace are refused; nothing in an input
# is ever run.
python3 - "$src/action.yml" <<'PY' || fail "action.yml pastes an expression into a run: script"
import re, sys
text = open(sys.argv[1]).read()
for block in re.findall(r"run: (.*)", text):
    assert "${{" not in block, block
PY
: >"$GITHUB_OUTPUT"
(cd "$work" && INPUT_SITE=site INPUT_OUTPUT='$(touch pwned)' bash "$src/scripts/github-action.sh" paths) || fail "paths step"
grep -qx 'dir=$(touch pwned)' "$GITHUB_OUTPUT" || fail "paths output: $(cat "$GITHUB_OUTPUT")"
grep -qx 'state=site/.ogfeed' "$GITHUB_OUTPUT" || fail "paths state: $(cat "$GITHUB_OUTPUT")"
(cd "$work" && INPUT_SITE=site INPUT_OUTPUT=/etc bash "$src/scripts/github-action.sh" paths 2>"$work/err") && fail "an output outside the workspace was accepted"
grep -q "input 'output' ('/etc') is outside the workspace" "$work/err" || fail "outside message: $(cat "$work/err")"
(cd "$work" && INPUT_SITE=site INPUT_OUTPUT='' INPUT_ARGS='--no-cards $(touch pwned2) `touch pwned3` *' \
  bash "$src/scripts/github-action.sh" run >/dev/null 2>&1)
[[ ! -e "$work/pwned" && ! -e "$work/pwned2" && ! -e "$work/pwned3" ]] || fail "an input ran as code"

if [[ $failures -gt 0 ]]; then
  echo "$failures action check(s) failed" >&2
  exit 1
fi
echo "all action checks passed"
