#!/usr/bin/env bash
# Times `dormlink check` on a university-scale semester (40,000 students, 10,000 dorms, about
# 1,000,000 records) against the sqlite3 CLI computing the same visit and talk aggregates with
# the same effective-record filter, and checks that both found the same aggregates.
#
# Usage: bench/check_bench.sh [BUILD_DIR]      (default: build; nothing is built here)
# Environment: RUNS (5), WEEKS (15: records for teaching weeks 1..WEEKS), SEED (20261220),
#              SEMESTER (2026-autumn), AS_OF (2026-09-07: import and assign),
#              CHECK_AS_OF (2026-12-20), CONFIG (examples/dormlink.toml),
#              FRESH (0; 1 rebuilds bench/out/check/fill.db even when its settings match),
#              STUDENTS (empty: the generator's university, 40,000 students and 10,000 dorms;
#              N: N students in N/4 dorms, for bench/scale_bench.sh),
#              OUT (bench/out/check: where the database and the outputs go; the results file is
#              OUT-results.md)
# Writes OUT/ and OUT-results.md; prints the results table on stdout.
# Needs bash, date +%s%N, awk, sort, cmp, stat and the sqlite3 CLI.
set -euo pipefail
bench_name=check_bench
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
[[ -d $build ]] || build=$root/$build
runs=${RUNS:-5}
weeks=${WEEKS:-15}
seed=${SEED:-20261220}
semester=${SEMESTER:-2026-autumn}
as_of=${AS_OF:-2026-09-07}
check_as_of=${CHECK_AS_OF:-2026-12-20}
config=${CONFIG:-$root/examples/dormlink.toml}
fresh=${FRESH:-0}
students=${STUDENTS:-}
out=${OUT:-$root/bench/out/check}
results=$out-results.md
dormlink=$build/src/dormlink
gen=$build/examples/generator/dormlink-gen
fill=$build/bench/dormlink-check-fill
load=$build/bench/dormlink-check-load
db=$out/fill.db

# Checks the binaries, the config and sqlite3 before any work.
check_prerequisites() {
  local binary
  for binary in "$dormlink" "$gen" "$fill" "$load"; do
    [[ -x $binary ]] || die "$binary not found; build first: cmake --build $build -j2"
  done
  [[ -f $config ]] || die "config $config not found (set CONFIG=...)"
  command -v sqlite3 >/dev/null || die "the sqlite3 CLI is not installed"
  ((runs >= 1)) || die "RUNS must be at least 1"
  [[ -z $students || $students =~ ^[0-9]+$ ]] || die "STUDENTS must be a number"
}

# dormlink with the bench's config.
dl() {
  local file=$1
  shift
  "$dormlink" --db "$file" --config "$config" "$@"
}

# A key of SEMESTER's [[calendar.semester]] block in the config (first_monday, teaching_weeks).
semester_key() {
  awk -v id="\"$semester\"" -v key="$1" '$1 == "id" { found = ($3 == id) }
    found && $1 == key { print $3; exit }' "$config"
}

# The day after the last day whose records count: min(CHECK_AS_OF, the semester's last day).
window_end() {
  local first=$1 last
  last=$(date -d "$first + $((7 * $(semester_key teaching_weeks) - 1)) days" +%F)
  [[ $check_as_of < $last ]] && last=$check_as_of
  date -d "$last + 1 day" +%F
}

# What the database was built from; a database built from the same is reused.
stamp() {
  echo "seed $seed weeks $weeks semester $semester as_of $as_of config $(cksum <"$config")${students:+ students $students}"
}

# (a) The university college, imported and assigned, with a semester of records:
# bench/out/check/fill.db. Sets fill_line.
prepare_db() {
  if [[ $fresh != 1 && -f $db && -f $out/stamp && $(cat "$out/stamp") == "$(stamp)" ]]; then
    fill_line=$(cat "$out/fill.txt")
    note "reusing $db (FRESH=1 rebuilds it)"
    return
  fi
  note "generating the university college in $out"
  rm -rf "$out"
  mkdir -p "$out"
  local size=()
  [[ -z $students ]] || size=(--students "$students" --dorms $((students / 4)))
  "$gen" --scale university "${size[@]}" --out "$out/university" >"$out/university.summary" || die "dormlink-gen failed"
  dl "$db" --as-of "$as_of" init >/dev/null
  dl "$db" --as-of "$as_of" import dorms "$out/university/dorms.csv" >/dev/null
  dl "$db" --as-of "$as_of" import staff "$out/university/staff.csv" >/dev/null
  dl "$db" --as-of "$as_of" import students "$out/university/students.csv" --semester "$semester" >/dev/null
  dl "$db" --as-of "$as_of" assign --semester "$semester" >/dev/null || die "dormlink assign failed"
  note "appending a semester of records (weeks 1..$weeks); this takes a few minutes"
  fill_line=$("$fill" --db "$db" --config "$config" --semester "$semester" --weeks "$weeks" --seed "$seed") ||
    die "dormlink-check-fill failed"
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  echo "$fill_line" >"$out/fill.txt"
  stamp >"$out/stamp"
}

# The baseline: the visit and talk aggregates of dormlink check in one sqlite3 script, with the
# same window (first Monday to CHECK_AS_OF) and the same effective-record filter.
write_baseline_sql() {
  local first=$1 end=$2
  cat >"$out/baseline.sql" <<SQL
-- Effective visits and talks of $semester that happened from $first up to $check_as_of:
-- not withdrawn, not replaced by a correction (purged records still count).
WITH effective AS (
  SELECT r.id, r.kind, r.dorm_code, r.entered_at,
         CAST(julianday(substr(r.happened_at, 1, 10)) - julianday('$first') AS INTEGER) / 7 + 1 AS week
  FROM record r
  WHERE r.semester_id = '$semester' AND r.happened_at >= '$first' AND r.happened_at < '$end'
    AND r.kind = 'visit' AND r.dorm_code IS NOT NULL
    AND r.id NOT IN (SELECT corrects FROM record WHERE corrects IS NOT NULL AND kind <> 'purge'))
SELECT 'visit', dorm_code, week, count(*),
       sum(CAST(julianday(substr(entered_at, 1, 10)) - julianday('$first') AS INTEGER) / 7 + 1 > week)
FROM effective GROUP BY dorm_code, week;
-- Per student, the teaching weeks with an effective talk naming them (bit w).
WITH effective AS (
  SELECT r.id, CAST(julianday(substr(r.happened_at, 1, 10)) - julianday('$first') AS INTEGER) / 7 + 1 AS week
  FROM record r
  WHERE r.semester_id = '$semester' AND r.happened_at >= '$first' AND r.happened_at < '$end'
    AND r.kind = 'talk'
    AND r.id NOT IN (SELECT corrects FROM record WHERE corrects IS NOT NULL AND kind <> 'purge'))
SELECT 'talk', s.student_id, sum(DISTINCT 1 << e.week)
FROM effective e JOIN record_student s ON s.record_id = e.id GROUP BY s.student_id;
SQL
}

# One timed run of each side; appends to check_times, load_times, load_ms, evaluate_ms and
# sqlite_times (ms).
time_round() {
  local start end status line
  start=$(date +%s%N)
  status=0
  dl "$db" --as-of "$check_as_of" -q check --format json >"$out/check.json" || status=$?
  end=$(date +%s%N)
  ((status == 0 || status == 1)) || die "dormlink check failed (exit $status)"
  check_times+=("$(elapsed_ms "$start" "$end")")
  # The evening digest of one counselor (docs/digest.md "Performance"): a scoped load.
  start=$(date +%s%N)
  status=0
  dl "$db" --as-of "$check_as_of" check --digest --for "counselor:$digest_counselor" >"$out/digest.txt" || status=$?
  end=$(date +%s%N)
  ((status == 0 || status == 1)) || die "dormlink check --digest failed (exit $status)"
  digest_times+=("$(elapsed_ms "$start" "$end")")
  start=$(date +%s%N)
  line=$("$load" --db "$db" --config "$config" --as-of "$check_as_of" --semester "$semester") ||
    die "dormlink-check-load failed"
  end=$(date +%s%N)
  load_times+=("$(elapsed_ms "$start" "$end")")
  load_ms+=("$(sed -E 's/.*; load ([0-9.]+) ms.*/\1/' <<<"$line")")
  evaluate_ms+=("$(sed -E 's/.*; evaluate ([0-9.]+) ms.*/\1/' <<<"$line")")
  load_line=$line
  start=$(date +%s%N)
  sqlite3 -readonly "$db" <"$out/baseline.sql" >"$out/baseline.out" || die "the sqlite3 baseline failed"
  end=$(date +%s%N)
  sqlite_times+=("$(elapsed_ms "$start" "$end")")
}

# Compares dormlink's aggregates (dormlink-check-load --dump) with the baseline's; sets same.
compare_aggregates() {
  "$load" --db "$db" --config "$config" --as-of "$check_as_of" --semester "$semester" --load-only \
    --dump "$out/dormlink.out" >/dev/null || die "dormlink-check-load --dump failed"
  sort "$out/dormlink.out" >"$out/dormlink.sorted"
  sort "$out/baseline.out" >"$out/baseline.sorted"
  if cmp -s "$out/dormlink.sorted" "$out/baseline.sorted"; then
    same="identical ($(wc -l <"$out/baseline.sorted") rows)"
  else
    die "dormlink and sqlite3 disagree: diff $out/dormlink.sorted $out/baseline.sorted"
  fi
}

# The Markdown results.
print_results() {
  local check_median load_median sqlite_median db_mb
  check_median=$(median "${check_times[@]}")
  load_median=$(median "${load_times[@]}")
  sqlite_median=$(median "${sqlite_times[@]}")
  db_mb=$(awk -v b="$(stat -c %s "$db")" 'BEGIN { printf "%.0f", b / 1048576 }')
  echo "## check: university semester as of $check_as_of"
  echo
  echo "$(nproc) cores, $(sqlite3 --version | cut -d' ' -f1) (sqlite3 CLI), $runs runs each (interleaved, after one"
  echo "warm-up round), database $db_mb MB."
  echo
  echo "| side | median ms | runs (ms) |"
  echo "|---|---:|---|"
  echo "| dormlink check --format json -q (end to end) | $(fmt_num "$check_median" 0) | $(printf '%.0f ' "${check_times[@]}")|"
  echo "| dormlink check --digest --for counselor:$digest_counselor (end to end, $(wc -l <"$out/digest.txt") lines) | $(fmt_num "$(median "${digest_times[@]}")" 0) | $(printf '%.0f ' "${digest_times[@]}")|"
  echo "| dormlink-check-load (end to end) | $(fmt_num "$load_median" 0) | $(printf '%.0f ' "${load_times[@]}")|"
  echo "| — of which load_check_input | $(fmt_num "$(median "${load_ms[@]}")" 0) | $(printf '%.0f ' "${load_ms[@]}")|"
  echo "| — of which check::evaluate | $(fmt_num "$(median "${evaluate_ms[@]}")" 0) | $(printf '%.0f ' "${evaluate_ms[@]}")|"
  echo "| sqlite3 CLI: visit and talk aggregates | $(fmt_num "$sqlite_median" 0) | $(printf '%.0f ' "${sqlite_times[@]}")|"
  echo
  echo "Ratio dormlink check / sqlite3: $(ratio "$check_median" "$sqlite_median");" \
    "load_check_input / sqlite3: $(ratio "$(median "${load_ms[@]}")" "$sqlite_median")."
  echo "Aggregates (visits per dorm-week, talk weeks per student): $same."
  echo
  echo "$load_line"
  echo
  echo "$fill_line"
}

check_prerequisites
mkdir -p "$out"
prepare_db
first=$(semester_key first_monday)
[[ -n $first ]] || die "no first_monday for $semester in $config"
write_baseline_sql "$first" "$(window_end "$first")"
digest_counselor=$(sqlite3 -readonly "$db" "SELECT min(staff_id) FROM staff_duty_version WHERE role = 'counselor'")
check_times=()
digest_times=()
load_times=()
load_ms=()
evaluate_ms=()
sqlite_times=()
note "warm-up round"
time_round
check_times=()
digest_times=()
load_times=()
load_ms=()
evaluate_ms=()
sqlite_times=()
for ((i = 1; i <= runs; i++)); do
  note "round $i of $runs"
  time_round
done
compare_aggregates
print_results | tee "$results"
