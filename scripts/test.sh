#!/usr/bin/env bash
# Quick start, step 2 of 2: installs what is missing, builds everything with warnings as
# errors, and runs every test (unit and end-to-end) through CTest under AddressSanitizer and
# UndefinedBehaviorSanitizer (GCC, build-test), then 10 seconds of each libFuzzer target
# (clang, build-fuzz: scripts/fuzz.sh). docs/testing.md says what runs and how long.
#   DORMLINK_QUICK=1 scripts/test.sh      the suite without sanitizers, no fuzzing (build-quick)
#   FUZZ_SECONDS=600 scripts/test.sh      longer fuzzing (or scripts/fuzz.sh 3600 alone)
#   DORMLINK_FAULT_KILLS=1000 scripts/test.sh   a longer kill -9 soak (tests/cli/test_e2e_faults.cpp)
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-deps.sh --test

run_suite() {
  local dir=$1; shift
  cmake -S . -B "$dir" --no-warn-unused-cli -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDORMLINK_WERROR=ON \
    "$@" >/dev/null
  cmake --build "$dir" -j2
  ctest --test-dir "$dir" --output-on-failure -j2
}

# Sanitizer reports fail the test that triggers them: ASan and LSan report and exit non-zero,
# UBSan is built with -fno-sanitize-recover and aborts; the e2e tests' child processes
# (the real binary) inherit these.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

if [ "${DORMLINK_QUICK:-0}" = "1" ]; then
  run_suite build-quick
  exit 0
fi
# Bench tools are not tests: not built here. -O1 and line tables only: half the compile time
# of -O2 -g under the sanitizers, with the same reports and stack traces.
run_suite build-test -DDORMLINK_SANITIZE=ON -DDORMLINK_BUILD_BENCH=OFF \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG"
./scripts/fuzz.sh "${FUZZ_SECONDS:-10}"
