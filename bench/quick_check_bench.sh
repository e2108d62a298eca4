#!/usr/bin/env bash
# What SQLite's quick_check costs `dormlink check` (which runs it first since it looks for damage,
# docs/backup.md "Damage") at college and university scale: quick_check alone, check end to end
# (with quick_check), and check's own work (load and evaluate, no quick_check), in the same run.
#
# Usage: bench/quick_check_bench.sh [BUILD_DIR]      (default: build; nothing is built here)
# Environment: RUNS (5), SCALES ("college university"), WEEKS (15), SEED (20261220),
#              SEMESTER (2026-autumn), AS_OF (2026-09-07: import and assign),
#              CHECK_AS_OF (2026-12-20), CONFIG (examples/dormlink.toml)
# The college database is built under bench/out/quick_check/ (a few seconds); the university
# one is bench/check_bench.sh's bench/out/check/fill.db, built by it when missing or stale (a few
# minutes). Writes bench/out/quick_check-results.md; prints the results table on stdout.
# Needs bash, date +%s%N, awk, sort, stat and the sqlite3 CLI.
set -euo pipefail
bench_name=quick_check_bench
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
[[ -d $build ]] || build=$root/$build
runs=${RUNS:-5}
scales=${SCALES:-college university}
weeks=${WEEKS:-15}
seed=${SEED:-20261220}
semester=${SEMESTER:-2026-autumn}
as_of=${AS_OF:-2026-09-07}
check_as_of=${CHECK_AS_OF:-2026-12-20}
config=${CONFIG:-$root/examples/dormlink.toml}
out=$root/bench/out/quick_check
check_out=$root/bench/out/check
results=$root/bench/out/quick_check-results.md
dormlink=$build/src/dormlink
gen=$build/examples/generator/dormlink-gen
fill=$build/bench/dormlink-check-fill
load=$build/bench/dormlink-check-load

check_prerequisites() {
  local binary
  for binary in "$dormlink" "$gen" "$fill" "$load"; do
    [[ -x $binary ]] || die "$binary not found; build first: cmake --build $build -j2"
  done
  [[ -f $config ]] || die "config $config not found (set CONFIG=...)"
  command -v sqlite3 >/dev/null || die "the sqlite3 CLI is not installed"
  ((runs >= 1)) || die "RUNS must be at least 1"
}

share() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", 100 * a / b }'; }

dl() {
  local file=$1
  shift
  "$dormlink" --db "$file" --config "$config" "$@"
}

# What a database was built from; one built from the same is reused.
stamp() { echo "seed $seed weeks $weeks semester $semester as_of $as_of config $(cksum <"$config")"; }

# The college: dormlink-gen --scale college, imported, assigned, a semester of records
# (dormlink-check-fill, as check_bench.sh does at university scale). Prints its path.
college_db() {
  local dir=$out/college db=$out/college/fill.db
  if [[ -f $db && -f $dir/stamp && $(cat "$dir/stamp") == "$(stamp)" ]]; then
    echo "$db"
    return
  fi
  note "building the college database in $dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  "$gen" --scale college --out "$dir/college" >/dev/null || die "dormlink-gen failed"
  dl "$db" --as-of "$as_of" init >/dev/null
  local kind
  for kind in dorms staff; do dl "$db" --as-of "$as_of" -q import "$kind" "$dir/college/$kind.csv"; done
  dl "$db" --as-of "$as_of" -q import students "$dir/college/students.csv" --semester "$semester"
  dl "$db" --as-of "$as_of" -q assign --semester "$semester" || die "dormlink assign failed"
  "$fill" --db "$db" --config "$config" --semester "$semester" --weeks "$weeks" --seed "$seed" >"$dir/fill.txt" ||
    die "dormlink-check-fill failed"
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  stamp >"$dir/stamp"
  echo "$db"
}

# The university: bench/check_bench.sh's database, built by it when missing or stale. Prints its path.
university_db() {
  if [[ ! -f $check_out/fill.db || ! -f $check_out/stamp || $(cat "$check_out/stamp") != "$(stamp)" ]]; then
    note "no up-to-date $check_out/fill.db: running RUNS=1 bench/check_bench.sh to build it (a few minutes)"
    RUNS=1 WEEKS=$weeks SEED=$seed SEMESTER=$semester AS_OF=$as_of CHECK_AS_OF=$check_as_of CONFIG=$config \
      "$root/bench/check_bench.sh" "$build" >/dev/null || die "bench/check_bench.sh failed"
  fi
  echo "$check_out/fill.db"
}

# Runs "$@" and prints its wall time in ms; `check` exits 1 when items are overdue.
timed() {
  local start end status=0
  start=$(date +%s%N)
  "$@" >/dev/null || status=$?
  end=$(date +%s%N)
  ((status <= 1)) || die "$* failed (exit $status)"
  elapsed_ms "$start" "$end"
}

# quick_check with dormlink's page cache (cache_size = -65536), through the same SQLite library.
quick_check() {
  local verdict
  verdict=$(sqlite3 -readonly "$1" "PRAGMA cache_size = -65536; PRAGMA quick_check;")
  [[ $verdict == ok ]] || die "quick_check of $1 says: $verdict"
}

integrity_check() { [[ $(sqlite3 -readonly "$1" "PRAGMA cache_size = -65536; PRAGMA integrity_check;") == ok ]]; }

# One round over one database: appends to qc_ms, check_ms and load_ms.
time_round() {
  local db=$1
  qc_ms+=("$(timed quick_check "$db")")
  check_ms+=("$(timed dl "$db" --as-of "$check_as_of" -q check --format json)")
  load_ms+=("$(timed "$load" --db "$db" --config "$config" --as-of "$check_as_of" --semester "$semester")")
}

# Times one scale (a warm-up round, then RUNS interleaved rounds); appends its table row to rows
# and its runs to runs_lines.
measure() {
  local scale=$1 db=$2 records mb integrity
  records=$(sqlite3 -readonly "$db" "SELECT count(*) FROM record;")
  mb=$(awk -v b="$(stat -c %s "$db")" 'BEGIN { printf "%.0f", b / 1048576 }')
  qc_ms=() check_ms=() load_ms=()
  note "$scale: warm-up round"
  time_round "$db"
  qc_ms=() check_ms=() load_ms=()
  for ((i = 1; i <= runs; i++)); do
    note "$scale: round $i of $runs"
    time_round "$db"
  done
  integrity=$(timed integrity_check "$db")
  local q c l
  q=$(median "${qc_ms[@]}") c=$(median "${check_ms[@]}") l=$(median "${load_ms[@]}")
  rows+=("| $scale | $records | $mb | $(fmt_num "$q" 0) | $(fmt_num "$c" 0) | $(fmt_num "$l" 0) | $(ratio "$q" "$l") | $(share "$q" "$c") | $(fmt_num "$integrity" 0) |")
  runs_lines+=("$scale runs (ms): quick_check $(printf '%.0f ' "${qc_ms[@]}")/ check $(printf '%.0f ' "${check_ms[@]}")/ check-load $(printf '%.0f ' "${load_ms[@]}")")
}

print_results() {
  echo "## quick_check against check, as of $check_as_of"
  echo
  echo "$(nproc) cores, SQLite $(sqlite3 --version | cut -d' ' -f1), $runs runs each (interleaved, after one warm-up"
  echo "round; the file is in the page cache), build $(basename "$build")."
  echo
  echo "| scale | records | file MB | quick_check ms | check ms (end to end, with quick_check) | check-load ms (no quick_check) | quick_check / check-load | quick_check share of check | integrity_check ms (1 run) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  printf '%s\n' "${runs_lines[@]}"
}

check_prerequisites
mkdir -p "$out"
rows=()
runs_lines=()
for scale in $scales; do
  case $scale in
    college) db=$(college_db) ;;
    university) db=$(university_db) ;;
    *) die "unknown scale $scale (college, university)" ;;
  esac
  measure "$scale" "$db"
done
print_results | tee "$results"
