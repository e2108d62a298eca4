#!/usr/bin/env bash
# Times `dormlink assign --dry-run` end to end and its solver (the compressed min-cost-flow
# network) against the direct formulation (one arc per compatible member-dorm pair) in LEMON,
# GLPK (glpsol) and CBC, at college, assignment-university and assignment-stress scale.
#
# Usage: bench/assign_bench.sh [BUILD_DIR]      (default: build; nothing is built here)
# Environment: RUNS (5), STRESS_RUNS (3), BASELINE_RUNS (1), TIMEOUT (300 s per LP solver),
#              DIRECT_MAX_ARCS (50000000: larger direct formulations are skipped),
#              SCALES ("college assign-university assign-stress"), SEMESTER (2026-autumn),
#              AS_OF (2026-09-07), CONFIG (examples/dormlink.toml)
# Writes bench/out/assign/<scale>/ and bench/out/assign-results.md; prints the results table
# on stdout. Needs bash, date +%s%N, awk, timeout; glpsol and cbc are optional.
set -euo pipefail
bench_name=assign_bench
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
[[ -d $build ]] || build=$root/$build
runs=${RUNS:-5}
stress_runs=${STRESS_RUNS:-3}
baseline_runs=${BASELINE_RUNS:-1}
timeout_s=${TIMEOUT:-300}
direct_max_arcs=${DIRECT_MAX_ARCS:-50000000}
scales=${SCALES:-college assign-university assign-stress}
semester=${SEMESTER:-2026-autumn}
as_of=${AS_OF:-2026-09-07}
config=${CONFIG:-$root/examples/dormlink.toml}
out=$root/bench/out/assign
results=$root/bench/out/assign-results.md
gen=$build/examples/generator/dormlink-gen
dormlink=$build/src/dormlink
baselines=$build/bench/dormlink-assign-baselines

# Checks the binaries, the config and the assign command before any work.
check_prerequisites() {
  local binary
  for binary in "$gen" "$dormlink" "$baselines"; do
    [[ -x $binary ]] || die "$binary not found; build first: cmake --build $build -j2"
  done
  [[ -f $config ]] || die "config $config not found (set CONFIG=...)"
  "$dormlink" assign --help >/dev/null 2>&1 ||
    die "this dormlink has no assign command yet; rebuild once it exists"
  command -v glpsol >/dev/null || note "glpsol not found: the GLPK column will say so"
  command -v cbc >/dev/null || note "cbc not found: the CBC column will say so"
}

# Prints a number of milliseconds with one decimal, or the word it was given.
fmt_ms() { if [[ $1 =~ ^[0-9.]+$ ]]; then awk -v v="$1" 'BEGIN { printf "%.1f", v }'; else echo "$1"; fi; }

# Prints a / b with one decimal and "x", or "—" when either is not a number.
ratio() {
  if [[ $1 =~ ^[0-9.]+$ && $2 =~ ^[0-9.]+$ ]] && awk -v b="$2" 'BEGIN { exit !(b > 0) }'; then
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'
  else
    echo "—"
  fi
}

# Prints the value after `key` in a line of "key value" pairs ("solve 20.1 ms" -> 20.1), or
# nothing when the key is absent. Tolerant of order, commas and semicolons.
field() {
  local key=$1 line=$2
  sed -nE "s/.*(^|[ ,;:])$key:? (-?[0-9][0-9.]*).*/\2/p" <<<"$line" | head -n 1
}

# Removes a database and its WAL files.
remove_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }

# dormlink with the bench's database, config and date.
dl() {
  local db=$1
  shift
  "$dormlink" --db "$db" --config "$config" --as-of "$as_of" "$@"
}

# Generates one scale and imports it into a fresh database: init, dorms, staff, students.
prepare_scale() {
  local scale=$1 dir=$out/$1
  note "$scale: generating and importing"
  "$gen" --scale "$scale" --out "$dir" >"$dir.summary" || die "dormlink-gen --scale $scale failed"
  remove_db "$dir/dormlink.db"
  dl "$dir/dormlink.db" init >/dev/null
  dl "$dir/dormlink.db" import dorms "$dir/dorms.csv" >/dev/null
  dl "$dir/dormlink.db" import staff "$dir/staff.csv" >/dev/null
  dl "$dir/dormlink.db" import students "$dir/students.csv" --semester "$semester" >/dev/null
}

# Times `dormlink assign --dry-run --format json --stats` `count` times; sets e2e_ms,
# solver_ms (medians), stats (the last stats line) and keeps the last JSON output.
time_assign() {
  local dir=$1 count=$2 start end i status walls=() solves=()
  for ((i = 0; i < count; i++)); do
    start=$(date +%s%N)
    status=0
    dl "$dir/dormlink.db" assign --semester "$semester" --dry-run --format json --stats \
      >"$dir/assign.json" 2>"$dir/assign.stderr" || status=$?
    end=$(date +%s%N)
    ((status == 0)) || { cat "$dir/assign.stderr" >&2; die "dormlink assign failed on $dir (exit $status)"; }
    walls+=("$(awk -v ns=$((end - start)) 'BEGIN { print ns / 1e6 }')")
    stats=$(grep -m 1 'assign stats' "$dir/assign.stderr" || true)
    solves+=("$(field solve "$stats")")
  done
  e2e_ms=$(median "${walls[@]}")
  solver_ms="n/a"
  [[ -n ${solves[0]} ]] && solver_ms=$(median "${solves[@]}")
  return 0
}

# Runs dormlink-assign-baselines with the instance options and the given extra ones.
baselines_tool() {
  local dir=$1
  shift
  "$baselines" --db "$dir/dormlink.db" --config "$config" --semester "$semester" \
    --as-of "$as_of" "$@" 2>"$dir/baselines.stderr" ||
    { cat "$dir/baselines.stderr" >&2; die "dormlink-assign-baselines failed on $dir"; }
}

# The direct LEMON baseline, the library check and the LP file: sets direct_arcs (one per
# compatible pair, plus one per member and per dorm), lemon_ms (median of BASELINE_RUNS),
# lemon_cost and lp_file; or marks them skipped when there are more than DIRECT_MAX_ARCS.
run_lemon() {
  local dir=$1 report line i times=()
  report=$(baselines_tool "$dir" --no-lemon)
  line=$(grep '^instance:' <<<"$report")
  direct_arcs=$(($(field 'compatible pairs' "$line") + $(field members "$line") + $(field dorms "$line")))
  lp_file=""
  if ((direct_arcs > direct_max_arcs)); then
    lemon_ms="skipped"
    lemon_cost="—"
    return 0
  fi
  lp_file=$dir/direct.lp
  for ((i = 0; i < baseline_runs; i++)); do
    if ((i == 0)); then report=$(baselines_tool "$dir" --compressed --lp "$lp_file"); else
      report=$(baselines_tool "$dir"); fi
    line=$(grep '^direct lemon:' <<<"$report")
    times+=("$(field total "$line")")
  done
  lemon_ms=$(median "${times[@]}")
  lemon_cost=$(field 'total cost' "$line")
}

# Runs one LP solver on the LP file with a timeout; sets solver_time and solver_cost.
# `kind` is glpsol (run as glpsol --lp FILE) or cbc (cbc FILE: read, solve, print).
run_lp_solver() {
  local kind=$1 log=$2 start end status=0 args=("$lp_file")
  solver_time="—" solver_cost="—"
  [[ -n $lp_file ]] || { solver_time="skipped"; return 0; }
  command -v "$kind" >/dev/null || { solver_time="not installed"; return 0; }
  [[ $kind == glpsol ]] && args=(--lp "$lp_file")
  start=$(date +%s%N)
  timeout "$timeout_s" "$kind" "${args[@]}" >"$log" 2>&1 || status=$?
  end=$(date +%s%N)
  if ((status == 124)); then solver_time="timeout (${timeout_s} s)"; return 0; fi
  ((status == 0)) || { solver_time="failed ($status)"; return 0; }
  solver_time=$(awk -v ns=$((end - start)) 'BEGIN { print ns / 1e6 }')
  solver_cost=$(lp_objective "$kind" "$log")
}

# The optimal objective a solver printed, as an integer; "not optimal" when it found none.
lp_objective() {
  local kind=$1 log=$2 value
  if [[ $kind == glpsol ]]; then
    grep -q 'OPTIMAL LP SOLUTION FOUND' "$log" || { echo "not optimal"; return; }
    value=$(grep -E '^\*? *[0-9]+: obj =' "$log" | tail -n 1 | sed -E 's/.*obj = *([-0-9.e+]+).*/\1/')
  else
    value=$(sed -nE 's/^(Optimal objective|Objective value:) *([-0-9.e+]+).*/\2/p' "$log" | tail -n 1)
    [[ -n $value ]] || { echo "not optimal"; return; }
  fi
  awk -v v="$value" 'BEGIN { printf "%.0f", v }'
}

# "yes" when every finished solver's total cost equals dormlink's, else "NO".
costs_equal() {
  local reference=$1 cost
  shift
  for cost in "$@"; do
    [[ $cost =~ ^-?[0-9]+$ && $cost != "$reference" ]] && { echo "NO"; return; }
  done
  echo "yes"
}

# Benchmarks one scale and appends its table row to $rows.
bench_scale() {
  local scale=$1 dir=$out/$1 count=$runs members dorms arcs cost glpk_ms glpk_cost cbc_ms cbc_cost goal
  [[ $scale == *stress* ]] && count=$stress_runs
  prepare_scale "$scale"
  note "$scale: timing dormlink assign ($count runs)"
  time_assign "$dir" "$count"
  members=$(field members "$stats")
  dorms=$(field dorms "$stats")
  arcs=$(field arcs "$stats")
  cost=$(field 'total cost' "$stats")
  note "$scale: direct formulation in LEMON"
  run_lemon "$dir"
  note "$scale: glpsol and cbc"
  run_lp_solver glpsol "$dir/glpsol.log"
  glpk_ms=$solver_time glpk_cost=$solver_cost
  run_lp_solver cbc "$dir/cbc.log"
  cbc_ms=$solver_time cbc_cost=$solver_cost
  rows+="| $scale | ${members:-?} | ${dorms:-?} | ${arcs:-n/a} | $direct_arcs | $(fmt_ms "$e2e_ms") "
  rows+="| $(fmt_ms "$solver_ms") | $(fmt_ms "$lemon_ms") | $(fmt_ms "$glpk_ms") | $(fmt_ms "$cbc_ms") "
  rows+="| $(ratio "$lemon_ms" "$solver_ms") | $(ratio "$glpk_ms" "$solver_ms") "
  rows+="| $(ratio "$cbc_ms" "$solver_ms") | ${cost:-?} / $lemon_cost / $glpk_cost / $cbc_cost "
  rows+="| $(costs_equal "${cost:-?}" "$lemon_cost" "$glpk_cost" "$cbc_cost") |"$'\n'
  goal=$(goal_line "$scale" "$e2e_ms" "$lemon_ms" "$solver_ms")
  [[ -z $goal ]] || goals+="$goal"$'\n'
}

# One line on the issue's goals for a scale: end to end under 0.5 s (university) or 5 s
# (stress), and the direct LEMON baseline at least 20 times slower than the solver.
goal_line() {
  local scale=$1 e2e=$2 lemon=$3 solver=$4 limit=""
  [[ $scale == assign-university ]] && limit=500
  [[ $scale == assign-stress ]] && limit=5000
  [[ -n $limit ]] || return 0
  awk -v s="$scale" -v e="$e2e" -v l="$limit" 'BEGIN {
    printf "- %s: end to end %.1f ms, goal < %d ms: %s\n", s, e, l, (e < l ? "met" : "MISSED") }'
  if [[ $lemon =~ ^[0-9.]+$ && $solver =~ ^[0-9.]+$ ]]; then
    awk -v s="$scale" -v a="$lemon" -v b="$solver" 'BEGIN {
      printf "- %s: direct LEMON / solver %.1fx, goal >= 20x: %s\n", s, a / b, (a >= 20 * b ? "met" : "MISSED") }'
  fi
}

# The whole report: a header, the table, the goals and how it was measured.
render() {
  echo "# dormlink assign: end to end and solver vs direct formulations"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, semester $semester, as of $as_of; medians of $runs runs"
  echo "($stress_runs at stress scale), baselines $baseline_runs run(s), LP solver timeout ${timeout_s} s."
  echo
  echo "| scale | members | dorms | compressed arcs | direct arcs | end-to-end ms | solver ms | direct LEMON ms | GLPK ms | CBC ms | LEMON / solver | GLPK / solver | CBC / solver | total cost (dormlink / LEMON / GLPK / CBC) | costs equal |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
  printf '%s' "$rows"
  echo
  [[ -z $goals ]] || printf '%s\n' "$goals"
  echo "End to end: \`dormlink assign --dry-run --format json --stats\` wall time (process start to"
  echo "exit). Solver: the \`solve\` figure of its \`--stats\` line. Direct LEMON: pairs enumerated,"
  echo "network built and NetworkSimplex run from the same Instance (dormlink-assign-baselines)."
  echo "GLPK and CBC: process wall time of \`glpsol --lp\` and \`cbc\` on the same direct formulation"
  echo "written as a CPLEX LP file, reading the file included. \"skipped\": more than"
  echo "$direct_max_arcs direct arcs (DIRECT_MAX_ARCS)."
}

main() {
  check_prerequisites
  mkdir -p "$out"
  rows="" goals=""
  local scale
  for scale in $scales; do bench_scale "$scale"; done
  render | tee "$results"
}

main
