#!/usr/bin/env bash
# Times one `dormlink log-visit` call against one `sqlite3 db "INSERT …"` of an equivalent row
# (per call, the two alternated, as a ratio) at college and university scale, and `dormlink
# verify` on the university's 1,000,000 records against the read-and-hash floor
# (dormlink-verify-floor: the same SELECT and two SHA-256 per row), alternated too.
#
# Usage: bench/records_bench.sh [BUILD_DIR]      (default: build; nothing is built here)
# Environment: CALLS (200 per scale), FILL_COUNT (1000000: records of the university),
#              COLLEGE_FILL (20000: records of the college), VERIFY_RUNS (5), SEED (20260907),
#              SEMESTER (2026-autumn), AS_OF (2026-09-07: import and assign),
#              VISIT_AS_OF (2026-11-16: log-visit), CONFIG (examples/dormlink.toml),
#              FRESH (0; 1 rebuilds the filled databases even when their settings match)
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
college_fill=${COLLEGE_FILL:-20000}
verify_runs=${VERIFY_RUNS:-5}
seed=${SEED:-20260907}
semester=${SEMESTER:-2026-autumn}
as_of=${AS_OF:-2026-09-07}
visit_as_of=${VISIT_AS_OF:-2026-11-16}
config=${CONFIG:-$root/examples/dormlink.toml}
fresh=${FRESH:-0}
college=$root/examples/college
out=$root/bench/out/records
results=$root/bench/out/records-results.md
dormlink=$build/src/dormlink
fill=$build/bench/dormlink-records-fill
floor=$build/bench/dormlink-verify-floor
gen=$build/examples/generator/dormlink-gen

# Checks the binaries, the config and sqlite3 before any work.
check_prerequisites() {
  local binary
  for binary in "$dormlink" "$fill" "$floor" "$gen"; do
    [[ -x $binary ]] || die "$binary not found; build first: cmake --build $build -j2"
  done
  [[ -f $config ]] || die "config $config not found (set CONFIG=...)"
  command -v sqlite3 >/dev/null || die "the sqlite3 CLI is not installed"
  ((calls >= 1 && calls <= 5880)) || die "CALLS must be 1..5880 (one distinct minute each)"
}


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

# What a filled database was built from; one built from the same is reused.
stamp() { echo "scale $1 fill $2 seed $seed semester $semester as_of $as_of config $(cksum <"$config")"; }

# (a) SCALE (college: examples/college; university: dormlink-gen --scale university) imported
# and assigned as a college would, then COUNT records appended: bench/out/records/SCALE.db.
prepare_scale() {
  local scale=$1 count=$2 db=$out/$1.db roster
  if [[ $fresh != 1 && -f $db && -f $out/$scale.stamp && $(cat "$out/$scale.stamp") == "$(stamp "$scale" "$count")" ]]; then
    note "reusing $db (FRESH=1 rebuilds it)"
    return
  fi
  note "setting up the $scale scale in $db"
  mkdir -p "$out"
  rm -f "$db" "$db-wal" "$db-shm" "$out/$scale.stamp"
  roster=$college
  if [[ $scale == university ]]; then
    roster=$out/university-roster
    "$gen" --scale university --out "$roster" >/dev/null
  fi
  dl "$db" --as-of "$as_of" init >/dev/null
  dl "$db" --as-of "$as_of" import dorms "$roster/dorms.csv" >/dev/null
  dl "$db" --as-of "$as_of" import staff "$roster/staff.csv" >/dev/null
  dl "$db" --as-of "$as_of" import students "$roster/students.csv" --semester "$semester" >/dev/null
  dl "$db" --as-of "$as_of" assign --semester "$semester" >/dev/null
  if ((count > 0)); then
    note "filling $db with $count records"
    "$fill" --db "$db" --semester "$semester" --count "$count" --seed "$seed" >"$out/$scale.fill.txt" ||
      die "dormlink-records-fill failed"
  fi
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  stamp "$scale" "$count" >"$out/$scale.stamp"
}

# The committed pairs of the semester's current assignment, "member dorm" per line.
committed_pairs() {
  sqlite3 -separator ' ' "$1" "SELECT member_id, dorm_code FROM assignment_pair
    WHERE assignment_id = (SELECT max(id) FROM assignment WHERE semester_id = '$semester')
    ORDER BY dorm_code"
}

# The distinct local time of call i: November 9..15 of 2026 (among the filled records),
# 08:00 to 21:xx.
call_time() {
  local i=$1
  printf '2026-11-%02d %02d:%02d' $((9 + i % 7)) $((8 + (i / 7) % 14)) $(((i / 98) % 60))
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

# (b) CALLS calls of each side at SCALE, alternated (dormlink, then sqlite3, call by call), on
# copies of SCALE.db; sets visit_times and sqlite_times (ms each).
time_calls() {
  local scale=$1 db=$out/visit.db base=$out/baseline.db i start end member dorm sql
  local -a pairs
  mapfile -t pairs < <(committed_pairs "$out/$scale.db")
  ((${#pairs[@]} > 0)) || die "no committed pairs for $semester at $scale scale"
  copy_db "$out/$scale.db" "$db"
  copy_db "$out/$scale.db" "$base"
  sqlite3 "$base" "$k_scratch_table"
  local before
  before=$(sqlite3 "$db" "SELECT count(*) FROM record")
  visit_times=()
  sqlite_times=()
  for ((i = 0; i < calls; i++)); do
    read -r member dorm <<<"${pairs[i % ${#pairs[@]}]}"
    start=$(date +%s%N)
    dl "$db" --as-of "$visit_as_of" -q log-visit --member "$member" --dorm "$dorm" --at "$(call_time "$i")" ||
      die "log-visit $i failed at $scale scale (member $member, dorm $dorm)"
    end=$(date +%s%N)
    visit_times+=("$(elapsed_ms "$start" "$end")")
    sql="PRAGMA synchronous = FULL; $(insert_sql "$i" "$member" "$dorm")"
    start=$(date +%s%N)
    sqlite3 "$base" "$sql" || die "sqlite3 INSERT $i failed"
    end=$(date +%s%N)
    sqlite_times+=("$(elapsed_ms "$start" "$end")")
  done
  [[ $(sqlite3 "$db" "SELECT count(*) FROM record") == "$((before + calls))" ]] || die "log-visit did not save $calls records"
  [[ $(sqlite3 "$base" "SELECT count(*) FROM scratch_record") == "$calls" ]] || die "sqlite3 did not save $calls rows"
}

# (c) verify on the university's records and the read-and-hash floor with and without
# quick_check, VERIFY_RUNS times each, alternated; sets verify_times, floor_times, walk_times
# (ms each), verify_line and db_bytes.
time_verify() {
  local db=$out/university.db start end i status floor_line
  local records
  records=$(sqlite3 "$db" "SELECT count(*) FROM record")
  db_bytes=$(($(stat -c %s "$db") + $(stat -c %s "$db-wal" 2>/dev/null || echo 0)))
  verify_times=()
  floor_times=()
  walk_times=()
  for ((i = 0; i < verify_runs; i++)); do
    note "verify run $((i + 1)) of $verify_runs"
    start=$(date +%s%N)
    status=0
    verify_line=$(dl "$db" verify) || status=$?
    end=$(date +%s%N)
    ((status == 0)) || die "verify failed (exit $status): $verify_line"
    verify_times+=("$(elapsed_ms "$start" "$end")")
    start=$(date +%s%N)
    floor_line=$("$floor" --db "$db" --quick-check) || die "dormlink-verify-floor failed"
    end=$(date +%s%N)
    floor_times+=("$(elapsed_ms "$start" "$end")")
    start=$(date +%s%N)
    "$floor" --db "$db" >/dev/null || die "dormlink-verify-floor failed"
    end=$(date +%s%N)
    walk_times+=("$(elapsed_ms "$start" "$end")")
  done
  [[ $verify_line == *" $records records intact"* ]] || die "unexpected verify output: $verify_line"
  [[ $floor_line == "verify-floor: $records rows"* ]] || die "unexpected floor output: $floor_line"
}

# One row of the per-call table: scale, then the medians and their ratio.
call_row() {
  local scale=$1 students visit_median sqlite_median
  students=$(sqlite3 "$out/$scale.db" "SELECT count(*) FROM student")
  visit_median=$(median "${visit_times[@]}")
  sqlite_median=$(median "${sqlite_times[@]}")
  echo "$visit_median" >"$out/$scale.visit-median"
  echo "| $scale | $(fmt_num "$students" 0) | $(sqlite3 "$out/$scale.db" "SELECT count(*) FROM record") \
| $(fmt_num "$visit_median" 2) | $(fmt_num "$sqlite_median" 2) | $(ratio "$visit_median" "$sqlite_median") |"
}

check_prerequisites
prepare_scale college "$college_fill"
prepare_scale university "$fill_count"
rows=()
for scale in college university; do
  note "timing $calls log-visit and sqlite3 INSERT calls at $scale scale, alternated"
  time_calls "$scale"
  rows+=("$(call_row "$scale")")
done
time_verify
verify_ms=$(median "${verify_times[@]}")
floor_ms=$(median "${floor_times[@]}")
walk_ms=$(median "${walk_times[@]}")
{
  echo "## Records: log-visit per call at two scales, verify against its floor"
  echo
  echo "$(nproc) cores, $(sqlite3 --version | cut -d' ' -f1) (sqlite3 CLI), $calls calls per side and scale, alternated."
  echo
  echo "| scale | students | records | dormlink log-visit median ms | sqlite3 INSERT median ms | ratio |"
  echo "|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "university / college (log-visit medians): $(ratio "$(cat "$out/university.visit-median")" "$(cat "$out/college.visit-median")")"
  echo
  echo "| verify | records | dormlink verify median s | floor: quick_check, then read and hash, s | ratio | floor: read and hash only, s | ratio | database MB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  echo "| university | $(sqlite3 "$out/university.db" "SELECT count(*) FROM record") \
| $(fmt_num "$(awk -v v="$verify_ms" 'BEGIN { print v / 1000 }')" 2) \
| $(fmt_num "$(awk -v v="$floor_ms" 'BEGIN { print v / 1000 }')" 2) | $(ratio "$verify_ms" "$floor_ms") \
| $(fmt_num "$(awk -v v="$walk_ms" 'BEGIN { print v / 1000 }')" 2) | $(ratio "$verify_ms" "$walk_ms") \
| $(fmt_num "$(awk -v b="$db_bytes" 'BEGIN { print b / 1048576 }')" 1) |"
  echo
  echo "verify runs (ms): ${verify_times[*]}; floor runs (ms): ${floor_times[*]}; read-and-hash runs (ms): ${walk_times[*]}"
} | tee "$results"
