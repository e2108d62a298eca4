#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ (build-fuzz: clang, ASan+UBSan) and runs each
# for SECONDS over a scratch copy of its seed corpus, so the committed corpus never grows.
# Prints runs, seconds and new crashes per target; exits non-zero on any crash, leak,
# timeout or sanitizer report (the input is kept in build-fuzz/fuzz-artifacts/).
#   scripts/fuzz.sh [SECONDS]            default 10 (or $FUZZ_SECONDS)
#   FUZZ_SECONDS=3600 scripts/fuzz.sh    a long run; the grown corpus stays in build-fuzz/fuzz-work/
#   FUZZ_TARGETS="csv when" scripts/fuzz.sh   only some targets
# Reproduce a crash: build-fuzz/tests/fuzz/fuzz_<target> build-fuzz/fuzz-artifacts/<file>
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-${FUZZ_SECONDS:-10}}
build="build-fuzz"
read -r -a targets <<<"${FUZZ_TARGETS:-csv config when escape record form_cell xlsx}"

# The longest input worth trying per target (bytes): a few roster lines, a whole config,
# a typed date, a cell or row, two field lists, a form cell,
# a small workbook or worksheet.
declare -A max_len=([csv]=4096 [config]=8192 [when]=64 [escape]=1024 [record]=1024 [form_cell]=256 [xlsx]=16384)

cmake -S . -B "$build" --no-warn-unused-cli -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang -DDORMLINK_WERROR=ON \
  -DDORMLINK_SANITIZE=ON -DDORMLINK_FUZZ=ON -DDORMLINK_BUILD_TESTS=OFF -DDORMLINK_BUILD_TOOLS=OFF \
  -DDORMLINK_BUILD_BENCH=OFF >/dev/null  # only the core library and the fuzz targets
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
artifacts=$build/fuzz-artifacts
work=$build/fuzz-work
mkdir -p "$artifacts"

failed=0
printf '%-8s %12s %8s %8s\n' target runs seconds crashes
for t in "${targets[@]}"; do
  corpus=$work/$t
  log=$work/$t.log
  rm -rf "$corpus" && mkdir -p "$corpus"
  cp tests/fuzz/corpus/"$t"/* "$corpus"/
  before=$(find "$artifacts" -name "$t-*" | wc -l)
  status=0
  "$build/tests/fuzz/fuzz_$t" "$corpus" -max_total_time="$seconds" -max_len="${max_len[$t]}" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$t-" \
    >"$log" 2>&1 || status=$?
  after=$(find "$artifacts" -name "$t-*" | wc -l)
  crashes=$((after - before))
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  runs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\1/' <<<"$done_line")
  secs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\2/' <<<"$done_line")
  printf '%-8s %12s %8s %8s\n' "$t" "${runs:--}" "${secs:--}" "$crashes"
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ] || [ -z "$done_line" ] ||
     grep -qE 'ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|runtime error:' "$log"; then
    failed=1
    echo "fuzz: fuzz_$t failed (exit $status); the last lines of $log:" >&2
    tail -n 40 "$log" >&2
  fi
done
exit "$failed"
