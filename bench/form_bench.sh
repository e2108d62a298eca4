#!/usr/bin/env bash
# Times `dormlink import form` of FORMS returned forms of ROWS rows each (the counselor's Monday
# evening: forty members' files at once), as CSV and as xlsx, against the sqlite3 CLI inserting
# the same rows into a plain table in one process (the floor of writing them at all).
#
# Usage: bench/form_bench.sh [BUILD_DIR]      (default: build; nothing is built here)
# Environment: FORMS (40), ROWS (30), RUNS (5), SEMESTER (2026-autumn), AS_OF (2026-09-07:
#              import and assign), IMPORT_AS_OF (2026-09-21: the forms of period 1 come back),
#              CONFIG (examples/dormlink.toml)
# Writes bench/out/forms/ and bench/out/forms-results.md; prints the results table on stdout.
# Needs bash, date +%s%N, awk, the sqlite3 CLI, and python3-openpyxl for the xlsx forms
# (skipped without it).
set -euo pipefail
bench_name=form_bench
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
[[ -d $build ]] || build=$root/$build
forms=${FORMS:-40}
rows=${ROWS:-30}
runs=${RUNS:-5}
semester=${SEMESTER:-2026-autumn}
as_of=${AS_OF:-2026-09-07}
import_as_of=${IMPORT_AS_OF:-2026-09-21}
config=${CONFIG:-$root/examples/dormlink.toml}
college=$root/examples/college
out=$root/bench/out/forms
results=$root/bench/out/forms-results.md
dormlink=$build/src/dormlink

[[ -x $dormlink ]] || die "$dormlink not found; build first: cmake --build $build -j2"
command -v sqlite3 >/dev/null || die "the sqlite3 CLI is not installed"
((rows >= 1 && rows <= 56)) || die "ROWS must be 1..56 (distinct times in a two-week period)"

dl() {
  local db=$1
  shift
  "$dormlink" --db "$db" --config "$config" "$@"
}

prepare_base() {
  note "setting up the example college in $out"
  rm -rf "$out"
  mkdir -p "$out/csv" "$out/xlsx"
  local db=$out/base.db
  dl "$db" --as-of "$as_of" init >/dev/null
  dl "$db" --as-of "$as_of" import dorms "$college/dorms.csv" >/dev/null
  dl "$db" --as-of "$as_of" import staff "$college/staff.csv" >/dev/null
  dl "$db" --as-of "$as_of" import students "$college/students.csv" --semester "$semester" >/dev/null
  dl "$db" --as-of "$as_of" assign --semester "$semester" >/dev/null
  sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
}

# One CSV form per member: ROWS rows in period 1 (2026-09-07 .. 09-20), alternately a visit of
# one of the member's dorms (no names) and a talk with a resident whose name is unique there.
write_forms() {
  local db=$out/base.db
  sqlite3 -separator '|' "$db" "
    WITH pairs AS (SELECT member_id, dorm_code FROM assignment_pair
                   WHERE assignment_id = (SELECT max(id) FROM assignment WHERE semester_id = '$semester')),
         members AS (SELECT DISTINCT member_id FROM pairs ORDER BY member_id LIMIT $forms),
         residents AS (SELECT v.dorm_code AS dorm, v.name AS name FROM student_version v
                       WHERE v.valid_to IS NULL AND v.dorm_code IS NOT NULL
                       GROUP BY v.dorm_code, v.name HAVING count(*) = 1)
    SELECT p.member_id, p.dorm_code, coalesce((SELECT min(r.name) FROM residents r WHERE r.dorm = p.dorm_code
                                                AND r.name <> (SELECT name FROM student_version
                                                               WHERE student_id = p.member_id AND valid_to IS NULL)), '')
    FROM pairs p JOIN members m USING (member_id) ORDER BY p.member_id, p.dorm_code" >"$out/pairs.txt"
  awk -F'|' -v rows="$rows" -v dir="$out/csv" '
    { dorms[$1] = dorms[$1] " " $2; names[$1 "|" $2] = $3; if (!($1 in seen)) { order[++n] = $1; seen[$1] = 1 } }
    END {
      for (k = 1; k <= n; k++) {
        m = order[k]; split(substr(dorms[m], 2), list, " "); count = length(list)
        file = dir "/form-" m ".csv"
        print "学号," m > file
        print "联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明" > file
        for (i = 0; i < rows; i++) {
          d = list[i % count + 1]; day = 7 + (i % 14); hour = 18 + int(i / 14)
          who = (i % 2 == 1 && names[m "|" d] != "") ? names[m "|" d] "（谈心，当面）" : ""
          printf "%s,2026-09-%02d %02d:%02d,%s,第%d次联系,\n", d, day, hour, i % 60, who, i + 1 > file
        }
        close(file)
      }
    }' "$out/pairs.txt"
  if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    /usr/bin/python3 - "$out/csv" "$out/xlsx" <<'EOF'
import csv, os, sys, openpyxl
src, dst = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src)):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "反馈表"
    with open(os.path.join(src, name), encoding="utf-8") as f:
        for row in csv.reader(f):
            sheet.append(row)
    book.save(os.path.join(dst, name.replace(".csv", ".xlsx")))
EOF
  else
    note "python3-openpyxl is not installed: xlsx forms skipped"
  fi
}

# The floor: the same rows inserted by one sqlite3 process into a plain table, one transaction.
write_sql() {
  {
    echo "CREATE TABLE IF NOT EXISTS bench_row (member TEXT, dorm TEXT, at TEXT, who TEXT, progress TEXT);"
    echo "BEGIN;"
    for f in "$out"/csv/*.csv; do
      local member
      member=$(head -1 "$f" | cut -d, -f2)
      tail -n +3 "$f" | awk -F, -v m="$member" '{ printf "INSERT INTO bench_row VALUES (\x27%s\x27, \x27%s\x27, \x27%s\x27, \x27%s\x27, \x27%s\x27);\n", m, $1, $2, $3, $4 }'
    done
    echo "COMMIT;"
  } >"$out/insert.sql"
}

time_import() {
  local kind=$1 times=() i start end
  for ((i = 0; i < runs; i++)); do
    rm -f "$out/run.db" "$out/run.db-wal" "$out/run.db-shm"
    cp "$out/base.db" "$out/run.db"
    start=$(date +%s%N)
    dl "$out/run.db" --as-of "$import_as_of" -q import form "$out/$kind"/*."$kind" --received "$import_as_of 09:00"
    end=$(date +%s%N)
    times+=("$(elapsed_ms "$start" "$end")")
  done
  median "${times[@]}"
}

time_sql() {
  local times=() i start end
  for ((i = 0; i < runs; i++)); do
    rm -f "$out/sql.db"
    cp "$out/base.db" "$out/sql.db"
    start=$(date +%s%N)
    sqlite3 "$out/sql.db" <"$out/insert.sql"
    end=$(date +%s%N)
    times+=("$(elapsed_ms "$start" "$end")")
  done
  median "${times[@]}"
}

prepare_base
write_forms
write_sql
made=$(ls "$out/csv" | wc -l)
total=$(($(cat "$out"/csv/*.csv | wc -l) - 2 * made))
note "$made forms, $total rows; $runs runs each"
sql_ms=$(time_sql)
csv_ms=$(time_import csv)
records=$(sqlite3 "$out/run.db" "SELECT count(*) FROM record WHERE form_import IS NOT NULL")
[[ $records -eq $total ]] || die "import form recorded $records records, expected $total"
{
  echo "| workload ($made forms x $rows rows, $total records) | dormlink | sqlite3 CLI, same rows | ratio |"
  echo "|---|---|---|---|"
  echo "| import form, CSV | $(fmt_num "$csv_ms" 0) ms | $(fmt_num "$sql_ms" 0) ms | $(ratio "$csv_ms" "$sql_ms") |"
  if ls "$out"/xlsx/*.xlsx >/dev/null 2>&1; then
    xlsx_ms=$(time_import xlsx)
    records=$(sqlite3 "$out/run.db" "SELECT count(*) FROM record WHERE form_import IS NOT NULL")
    [[ $records -eq $total ]] || die "import form (xlsx) recorded $records records, expected $total"
    echo "| import form, xlsx | $(fmt_num "$xlsx_ms" 0) ms | $(fmt_num "$sql_ms" 0) ms | $(ratio "$xlsx_ms" "$sql_ms") |"
  fi
} | tee "$results"
