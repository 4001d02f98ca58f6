# Sourced by the scripts that run the README's snippets word for word
# (tests/cli/snippets_test.sh, scripts/snippets-npm.sh).
# readme_snippet README START [N]: the N-th (default first) code block after
# the line of README that starts with START, its list indent taken off.
readme_snippet() {
  awk -v start="$2" -v n="${3:-1}" '
    index($0, start) == 1 { on = 1; next }
    on && /^ *```/ { if (inside) { if (++seen == n) exit; inside = 0 } else { inside = 1 }; next }
    on && inside && seen == n - 1 { sub(/^  /, ""); print }' "$1"
}
