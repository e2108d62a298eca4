#!/usr/bin/env bash
# The scaling table of `dormlink check` and `dormlink report summary`: the same semester (15
# weeks of records) for universities of 5,000 to 80,000 students (about 125,000 to 2,000,000
# records), each timed against its sqlite3 baseline in the same run by bench/check_bench.sh and
# bench/report_bench.sh (median of RUNS, the two sides alternated), then per 1,000 records, so
# that growth faster than the records shows as a rising last column.
#
# Usage: bench/scale_bench.sh [BUILD_DIR]      (default: build; nothing is built here)
# Environment: RUNS (5), SCALES (students; "5000 10000 20000 40000 80000"; 40000 is the
#              university of bench/check_bench.sh and reuses its database), and WEEKS, SEED,
#              CONFIG as bench/check_bench.sh.
# The databases are bench/out/scale/N/fill.db (about 0.8 GB per 1,000,000 records), built once
# and reused while their settings match (building all five takes about ten minutes).
# Writes bench/out/scale-results.md; prints the table on stdout.
set -euo pipefail
bench_name=scale_bench
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
[[ -d $build ]] || build=$root/$build
runs=${RUNS:-5}
scales=${SCALES:-5000 10000 20000 40000 80000}
results=$root/bench/out/scale-results.md

# The median (ms) of a row of a results table: the cell after the row's label.
cell() { awk -F'|' -v label="$2" 'index($2, label) == 2 { gsub(/ /, "", $3); print $3; exit }' "$1"; }
# The summary row of report_bench's table: dormlink and sqlite3 medians.
summary_cells() {
  awk -F'|' 'index($2, " report summary ") == 1 { gsub(/[ ,]/, "", $3); gsub(/[ ,]/, "", $4); print $3, $4; exit }' "$1"
}
per_k() { awk -v ms="$1" -v n="$2" 'BEGIN { printf "%.3f", ms * 1000 / n }'; }

# One scale: both benches, then one line of the table.
run_scale() {
  local students=$1 check_out report_out env records check load sqlite sdl ssql
  if [[ $students == 40000 ]]; then
    check_out=$root/bench/out/check
    env=(STUDENTS=)
  else
    check_out=$root/bench/out/scale/$students
    env=(STUDENTS="$students")
  fi
  report_out=$check_out-report
  note "$students students: check"
  env "${env[@]}" OUT="$check_out" RUNS="$runs" "$root/bench/check_bench.sh" "$build" >/dev/null ||
    die "bench/check_bench.sh failed for $students students"
  note "$students students: report"
  env "${env[@]}" CHECK_OUT="$check_out" OUT="$report_out" RUNS="$runs" "$root/bench/report_bench.sh" "$build" \
    >/dev/null || die "bench/report_bench.sh failed for $students students"
  records=$(sed -E 's/.*appended ([0-9]+) records.*/\1/' "$check_out/fill.txt")
  check=$(cell "$check_out-results.md" "dormlink check --format json")
  load=$(cell "$check_out-results.md" "— of which load_check_input")
  sqlite=$(cell "$check_out-results.md" "sqlite3 CLI: visit and talk aggregates")
  read -r sdl ssql < <(summary_cells "$report_out-results.md")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$students" "$records" "$check" "$load" \
    "$sqlite" "$(ratio "$load" "$sqlite")" "$sdl" "$ssql" "$(ratio "$sdl" "$ssql")" "$(per_k "$check" "$records")" \
    "$(per_k "$load" "$records")" "$(per_k "$sdl" "$records")"
}

[[ -x $build/src/dormlink ]] || die "$build/src/dormlink not found; build first: cmake --build $build -j2"
rows=()
for students in $scales; do
  [[ $students =~ ^[0-9]+$ ]] || die "SCALES must be numbers of students"
  rows+=("$(run_scale "$students")")
done
{
  echo "## Scaling: check and report summary, 15 weeks of records"
  echo
  echo "$(nproc) cores, $(sqlite3 --version | cut -d' ' -f1) (sqlite3 CLI), median of $runs runs, each side's runs"
  echo "alternated with its baseline's (bench/check_bench.sh, bench/report_bench.sh at each scale). check runs"
  echo "the whole-file damage check beside its load; the summary is for the counselor with the most members."
  echo
  echo "| students | records | check ms | load_check_input ms | sqlite3 aggregates ms | load / sqlite3 | summary ms | summary SQL ms | summary / SQL | ms per 1k records: check | load | summary |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} | tee "$results"
