#!/usr/bin/env bash
# Issue 22: every option a subcommand's parser knows (its OptionSpec table in
# src/cli/<command>_command.cpp) is in that command's --help, in the man
# page and in the bash completion, so none is missing from any of them.
#   options_test.sh OGFEED SOURCE_DIR BUILD_DIR (where the man page and the
#   completion were made: scripts/gen-docs.py)
set -uo pipefail
ogfeed=$1 src=$2 build=$3
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
man=$(sed 's/\\-/-/g' "$build/ogfeed.1")
completion=$(cat "$build/ogfeed.bash")
for command in build card validate init; do
  table=$(grep -oP '^\s*\{"\K[a-z][a-z-]*(?=",)' "$src/src/cli/${command}_command.cpp" | sort -u)
  [[ -n "$table" ]] || fail "$command: no option table found"
  help=$("$ogfeed" "$command" --help)
  # The completion's word list for this command: the compgen -W after "$command)".
  words=$(awk -v c="    $command)" '$0 == c { on = 1 } on && /compgen -W "--/ { print; exit }' <<<"$completion")
  for name in $table; do
    grep -q -- "--$name\b" <<<"$help" || fail "$command --$name is not in 'ogfeed $command --help'"
    grep -q -- "--$name\b" <<<"$man" || fail "$command --$name is not in the man page"
    grep -q -- "--$name\b" <<<"$words" || fail "$command --$name is not in the bash completion"
  done
done
[[ $failures -eq 0 ]] || exit 1
echo "options: every option of every command is in --help, the man page and the completion"
