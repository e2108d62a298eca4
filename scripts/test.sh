#!/usr/bin/env bash
# Quick start, step 2 of 2: installs what is missing, builds everything with warnings as
# errors, and runs every test (unit and end-to-end) through CTest.
#   DORMLINK_SANITIZE=1 scripts/test.sh   also builds and runs the suite under ASan/UBSan
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-deps.sh

run_suite() {
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDORMLINK_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j2
  ctest --test-dir "$dir" --output-on-failure -j2
}

run_suite build-test
if [ "${DORMLINK_SANITIZE:-0}" = "1" ]; then
  run_suite build-asan -DDORMLINK_SANITIZE=ON -DDORMLINK_BUILD_BENCH=OFF  # bench tools are not tests
fi
