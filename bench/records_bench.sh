#!/usr/bin/env bash
# Times one `dormlink log-visit` call against one `sqlite3 db "INSERT …"` of an equivalent
# row (per call, as a ratio), and `dormlink verify` on a chain of 1,000,000 records.
#
# Usage: bench/records_bench.sh [BUILD_DIR]      (default: build; nothing is built here)
# Environment: CALLS (200), FILL_COUNT (1000000), VERIFY_RUNS (3), SEED (20260907),
#              SEMESTER (2026-autumn), AS_OF (2026-09-07: import and assign),
#              VISIT_AS_OF (2026-09-14: log-visit), CONFIG (examples/dormlink.toml)
# Writes bench/out/records/ and bench/out/records-results.md; prints the results table on
# stdout. Needs bash, date +%s%N, awk, stat and the sqlite3 CLI.
set -euo pipefail
bench_name=records_bench
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
[[ -d $build ]] || build=$root/$build
calls=${CALLS:-200}
fill_count=${FILL_COUNT:-1000000}
verify_runs=${VERIFY_RUNS:-3}
seed=${SEED:-20260907}
semester=${SEMESTER:-2026-autumn}
as_of=${AS_OF:-2026-09-07}
visit_as_of=${VISIT_AS_OF:-2026-09-14}
config=${CONFIG:-$root/examples/dormlink.toml}
college=$root/examples/college
out=$root/bench/out/records
results=$root/bench/out/records-results.md
dormlink=$build/src/dormlink
fill=$build/bench/dormlink-records-fill

# Checks the binaries, the config and sqlite3 before any work.
check_prerequisites() {
  local binary
  for binary in "$dormlink" "$fill"; do
    [[ -x $binary ]] || die "$binary not found; build first: cmake --build $build -j2"
  done
  [[ -f $config ]] || die "config $config not found (set CONFIG=...)"
  command -v sqlite3 >/dev/null || die "the sqlite3 CLI is not installed"
  ((calls >= 1 && calls <= 5880)) || die "CALLS must be 1..5880 (one distinct minute each)"
}

# Prints the mean of its numeric arguments.
mean() { printf '%s\n' "$@" | awk '{ s += $1 } END { print s / NR }'; }

# Copies a database whose WAL has been checkpointed into the main file.
copy_db() {
  rm -f "$2" "$2-wal" "$2-shm"
  cp "$1" "$2"
}

# dormlink with the bench's config.
dl() {
  local db=$1
  shift
  "$dormlink" --db "$db" --config "$config" "$@"
}

# (a) The example college, imported and assigned: bench/out/records/base.db.
prepare_base() {
  local db=$out/base.db
  note "setting up the example college in $out"
  rm -rf "$out"
  mkdir -p "$out"
  dl "$db" --as-of "$as_of" init >/dev/null
  dl "$db" --as-of "$as_of" import dorms "$college/dorms.csv" >/dev/null
  dl "$db" --as-of "$as_of" import staff "$college/staff.csv" >/dev/null
  dl "$db" --as-of "$as_of" import students "$college/students.csv" --semester "$semester" >/dev/null
  dl "$db" --as-of "$as_of" assign --semester "$semester" >/dev/null
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
}

# The committed pairs of the semester's current assignment, "member dorm" per line.
committed_pairs() {
  sqlite3 -separator ' ' "$1" "SELECT member_id, dorm_code FROM assignment_pair
    WHERE assignment_id = (SELECT max(id) FROM assignment WHERE semester_id = '$semester')
    ORDER BY dorm_code"
}

# The distinct local time of call i: days 07..13 of September 2026, 08:00 to 21:xx.
call_time() {
  local i=$1
  printf '2026-09-%02d %02d:%02d' $((7 + i % 7)) $((8 + (i / 7) % 14)) $(((i / 98) % 60))
}

# (b) CALLS sequential log-visit calls on a copy of base.db; sets visit_times (ms each).
time_log_visit() {
  local db=$out/visit.db i start end member dorm
  copy_db "$out/base.db" "$db"
  visit_times=()
  for ((i = 0; i < calls; i++)); do
    read -r member dorm <<<"${pairs[i % ${#pairs[@]}]}"
    start=$(date +%s%N)
    dl "$db" --as-of "$visit_as_of" -q log-visit --member "$member" --dorm "$dorm" --at "$(call_time "$i")" ||
      die "log-visit $i failed (member $member, dorm $dorm)"
    end=$(date +%s%N)
    visit_times+=("$(elapsed_ms "$start" "$end")")
  done
  [[ $(sqlite3 "$db" "SELECT count(*) FROM record") == "$calls" ]] || die "log-visit did not save $calls records"
  dl "$db" verify >/dev/null || die "verify failed after the log-visit calls"
}

# The scratch table of the baseline: the columns of `record` with their types, STRICT, the
# id key and the unique hash, but no foreign keys, triggers or other indexes.
readonly k_scratch_table="CREATE TABLE scratch_record (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, member_id TEXT NOT NULL, dorm_code TEXT,
  semester_id TEXT NOT NULL, happened_at TEXT NOT NULL, entered_at TEXT NOT NULL,
  entered_by TEXT NOT NULL, channel TEXT, corrects INTEGER, reason TEXT NOT NULL,
  off_assignment INTEGER NOT NULL, content_digest TEXT NOT NULL, prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE) STRICT;"

# One INSERT of the row log-visit call i writes, with stand-in hex digests.
insert_sql() {
  local i=$1 member=$2 dorm=$3 prev hash
  prev=$(printf '%064x' "$i")
  hash=$(printf '%064x' $((i + 1)))
  printf "INSERT INTO scratch_record VALUES (%d, 'visit', '%s', '%s', '%s', '%s', '%s', '%s', \
'in_person', NULL, '', 0, '%s', '%s', '%s');" \
    $((i + 1)) "$member" "$dorm" "$semester" "$(call_time "$i")" "$visit_as_of 23:59:59" "${USER:-bench}" \
    "$(printf '%064x' 255)" "$prev" "$hash"
}

# (b) CALLS sequential sqlite3 INSERTs into a scratch table in a copy of base.db; sets
# sqlite_times (ms each). The SQL text is built before the clock starts.
time_sqlite_insert() {
  local db=$out/baseline.db i start end member dorm sql
  copy_db "$out/base.db" "$db"
  sqlite3 "$db" "$k_scratch_table"
  sqlite_times=()
  for ((i = 0; i < calls; i++)); do
    read -r member dorm <<<"${pairs[i % ${#pairs[@]}]}"
    sql="PRAGMA synchronous = FULL; $(insert_sql "$i" "$member" "$dorm")"
    start=$(date +%s%N)
    sqlite3 "$db" "$sql" || die "sqlite3 INSERT $i failed"
    end=$(date +%s%N)
    sqlite_times+=("$(elapsed_ms "$start" "$end")")
  done
  [[ $(sqlite3 "$db" "SELECT count(*) FROM scratch_record") == "$calls" ]] || die "sqlite3 did not save $calls rows"
}

# (c) Fills a copy of base.db to FILL_COUNT records and times verify VERIFY_RUNS times; sets
# fill_s, fill_line, verify_times (ms each), verify_line and db_bytes.
time_verify() {
  local db=$out/fill.db start end i status
  copy_db "$out/base.db" "$db"
  note "filling $db with $fill_count records"
  start=$(date +%s%N)
  fill_line=$("$fill" --db "$db" --semester "$semester" --count "$fill_count" --seed "$seed") ||
    die "dormlink-records-fill failed"
  end=$(date +%s%N)
  fill_s=$(awk -v ms="$(elapsed_ms "$start" "$end")" 'BEGIN { print ms / 1000 }')
  note "$fill_line"
  db_bytes=$(($(stat -c %s "$db") + $(stat -c %s "$db-wal" 2>/dev/null || echo 0)))
  verify_times=()
  for ((i = 0; i < verify_runs; i++)); do
    note "verify run $((i + 1)) of $verify_runs"
    start=$(date +%s%N)
    status=0
    verify_line=$(dl "$db" verify) || status=$?
    end=$(date +%s%N)
    ((status == 0)) || die "verify failed (exit $status): $verify_line"
    verify_times+=("$(elapsed_ms "$start" "$end")")
  done
  [[ $verify_line == *" $fill_count records intact"* ]] || die "unexpected verify output: $verify_line"
}

# The Markdown results.
print_results() {
  local visit_median visit_mean sqlite_median sqlite_mean verify_ms
  visit_median=$(median "${visit_times[@]}")
  visit_mean=$(mean "${visit_times[@]}")
  sqlite_median=$(median "${sqlite_times[@]}")
  sqlite_mean=$(mean "${sqlite_times[@]}")
  verify_ms=$(median "${verify_times[@]}")
  echo "## Records: log-visit per call, verify on $fill_count records"
  echo
  echo "$(nproc) cores, $(sqlite3 --version | cut -d' ' -f1) (sqlite3 CLI), $calls calls each, sequential."
  echo
  echo "| per call | dormlink log-visit | sqlite3 INSERT | ratio |"
  echo "|---|---:|---:|---:|"
  echo "| median ms | $(fmt_num "$visit_median" 2) | $(fmt_num "$sqlite_median" 2) | $(ratio "$visit_median" "$sqlite_median") |"
  echo "| mean ms | $(fmt_num "$visit_mean" 2) | $(fmt_num "$sqlite_mean" 2) | $(ratio "$visit_mean" "$sqlite_mean") |"
  echo
  echo "| records | fill s (one transaction) | verify median s ($verify_runs runs) | verify us per record | database MB |"
  echo "|---:|---:|---:|---:|---:|"
  echo "| $fill_count | $(fmt_num "$fill_s" 1) | $(fmt_num "$(awk -v v="$verify_ms" 'BEGIN { print v / 1000 }')" 2) \
| $(fmt_num "$(awk -v v="$verify_ms" -v n="$fill_count" 'BEGIN { print v * 1000 / n }')" 2) \
| $(fmt_num "$(awk -v b="$db_bytes" 'BEGIN { print b / 1048576 }')" 1) |"
  echo
  echo "verify runs (ms): ${verify_times[*]}"
  echo
  echo "$fill_line"
}

check_prerequisites
prepare_base
mapfile -t pairs < <(committed_pairs "$out/base.db")
((${#pairs[@]} > 0)) || die "no committed pairs for $semester"
note "timing $calls log-visit calls"
time_log_visit
note "timing $calls sqlite3 INSERT calls"
time_sqlite_insert
time_verify
print_results | tee "$results"
