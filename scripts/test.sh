#!/usr/bin/env bash
# Builds ogfeed with warnings as errors and AddressSanitizer + UBSan, checks
# the formatting, and runs the whole test suite through ctest. Installs the
# Debian packages it needs first, with the tools the tests run ogfeed against
# (hugo, jekyll, lintian; a no-op when they are present).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --with-test-tools
build=${OGFEED_TEST_BUILD_DIR:-build-test}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_COMPILE_WARNING_AS_ERROR=ON \
  -DOGFEED_SANITIZE=address,undefined >/dev/null
cmake --build "$build" -j "$(nproc)"
cmake --build "$build" --target check-format
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
