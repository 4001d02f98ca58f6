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
grep -Eq '^bin_key=ogfeed-deb-[a-z0-9.]+-[0-9.]+-[0-9a-f]{16}$' "$GITHUB_OUTPUT" || fail "bin_key: $(cat "$GITHUB_OUTPUT")"
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
grep -q 'wrote [0-9]* feeds' "$GITHUB_STEP_SUMMARY" || fail "step summary: $(cat "$GITHUB_STEP_SUMMARY")"

# Issue 22: only ogfeed's own outputs are validated: a theme's XML file in
# the output folder is none of its business.
printf '<?xml version="1.0"?><browserconfig><msapplication/></browserconfig>\n' >"$work/site/public/browserconfig.xml"
: >"$GITHUB_OUTPUT"
INPUT_SITE=$work/site INPUT_OUTPUT='' INPUT_ARGS='--no-cards' \
  bash "$src/scripts/github-action.sh" run >"$work/stdout" 2>"$work/stderr" || fail "a theme's browserconfig.xml failed the step: $(cat "$work/stdout" "$work/stderr")"

# Issue 22: the `output` input is honoured.
: >"$GITHUB_OUTPUT"
INPUT_SITE=$work/site INPUT_OUTPUT=$work/elsewhere INPUT_ARGS='--no-cards' \
  bash "$src/scripts/github-action.sh" run >/dev/null 2>&1 || fail "run with an output"
[[ -f "$work/elsewhere/atom.xml" ]] || fail "the output input was ignored"
grep -qx "output=$work/elsewhere" "$GITHUB_OUTPUT" || fail "run output: $(cat "$GITHUB_OUTPUT")"

# Issue 22: many warnings: the first 10 are annotations, the rest are in a
# log group, with one summary line.
for i in $(seq 1 14); do
  printf -- '---\ntitle: w%s\ndate: 2024-02-%02d\nimage: /missing-%s.png\n---\nbody\n' "$i" "$i" "$i" >"$work/site/posts/w$i.md"
done
INPUT_SITE=$work/site INPUT_OUTPUT='' INPUT_ARGS='--no-cards' \
  bash "$src/scripts/github-action.sh" run >"$work/stdout" 2>"$work/stderr" || fail "warnings failed the step"
[[ $(grep -c '^::warning ' "$work/stdout") -eq 10 ]] || fail "warning annotations: $(grep -c '^::warning ' "$work/stdout"), not 10"
grep -q '^::group::ogfeed: [0-9]* more warnings$' "$work/stdout" || fail "no group of the other warnings: $(cat "$work/stdout")"
grep -q '^::notice title=ogfeed::[0-9]* more warnings than the annotations show' "$work/stdout" || fail "no summary line"
rm -f "$work"/site/posts/w*.md

# A broken post fails the step, with the error as an annotation at its
# line and column.
printf -- '---\ntitle: x\ndate: 2024-13-01\n---\n' >"$work/site/posts/broken.md"
INPUT_SITE=$work/site INPUT_OUTPUT='' INPUT_ARGS='--no-cards' \
  bash "$src/scripts/github-action.sh" run >"$work/stdout" 2>"$work/stderr" && fail "run passed a broken post"
grep -q "^::error file=.*broken.md,line=3,col=7::" "$work/stdout" || fail "broken post annotation: $(cat "$work/stdout" "$work/stderr")"
grep -q "failed: see the annotations" "$GITHUB_STEP_SUMMARY" || fail "step summary of a failure: $(cat "$GITHUB_STEP_SUMMARY")"
rm -f "$work/site/posts/broken.md"

# Issue 22: install. A cache hit installs the cached .deb and nothing else:
# no build, no build tools.
mkdir -p "$work/deb" "$work/bin"
: >"$work/deb/ogfeed_9.9.9_amd64.deb"
printf '#!/bin/sh\necho "$*" >>%q\n' "$work/apt.log" >"$work/bin/apt-get"
printf '#!/bin/sh\necho "$0 $*" >>%q\nexit 1\n' "$work/built.log" >"$work/bin/cmake"
cp "$work/bin/cmake" "$work/bin/cpack"
chmod +x "$work/bin/"*
PATH=$work/bin:$PATH OGFEED_APT_GET=$work/bin/apt-get OGFEED_DEB_DIR=$work/deb \
  bash "$src/scripts/github-action.sh" install >/dev/null 2>&1 || fail "install from the cache"
[[ ! -e "$work/built.log" ]] || fail "a cache hit built ogfeed: $(cat "$work/built.log")"
grep -q "^install -y -qq --no-install-recommends $work/deb/ogfeed_9.9.9_amd64.deb\$" "$work/apt.log" ||
  fail "install: $(cat "$work/apt.log")"
[[ $(grep -c '^install' "$work/apt.log") -eq 1 ]] || fail "install ran apt more than once: $(cat "$work/apt.log")"
# A miss installs the build tools only: no test tool, no Java, no LLVM.
build_only=$(bash -c 'eval "$(sed -n "/^build_packages=(/,/^)/p" "$1")"; echo "${build_packages[*]}"' _ "$src/scripts/install-deps.sh")
[[ -n "$build_only" ]] || fail "no build_packages in install-deps.sh"
for tool in clang-format catch2 jing lintian hugo jekyll xsltproc libxml2-utils chromium; do
  [[ " $build_only " == *" $tool "* ]] && fail "install-deps --build-only installs $tool"
done

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
