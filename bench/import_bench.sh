#!/usr/bin/env bash
# Times dormlink's validated roster import against a plain sqlite3 CLI load of the same rows,
# at university scale (40,000 students) and college scale (1,200 students).
#
# Usage: bench/import_bench.sh [BUILD_DIR]      (default: build; nothing is built here)
# Environment: RUNS (5), SEMESTER (2026-autumn), AS_OF (2026-09-07),
#              CONFIG (examples/dormlink.toml)
# Writes bench/out/{university,college,college-utf8}/ and bench/out/results.md; prints the
# results table on stdout. Needs bash, date +%s%N and the sqlite3 CLI only.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
[[ -d $build ]] || build=$root/$build
runs=${RUNS:-5}
semester=${SEMESTER:-2026-autumn}
as_of=${AS_OF:-2026-09-07}
config=${CONFIG:-$root/examples/dormlink.toml}
out=$root/bench/out
gen=$build/examples/generator/dormlink-gen
dormlink=$build/src/dormlink

# Stops with a message on stderr.
die() {
  echo "import_bench: $*" >&2
  exit 1
}

# Checks that the binaries, the config and sqlite3 are there before any work.
check_prerequisites() {
  [[ -x $gen ]] || die "$gen not found; build first: cmake --build $build -j2"
  [[ -x $dormlink ]] || die "$dormlink not found; build first: cmake --build $build -j2"
  [[ -f $config ]] || die "config $config not found (set CONFIG=...)"
  command -v sqlite3 >/dev/null || die "the sqlite3 CLI is not installed"
  [[ $semester =~ ^([0-9]{4})-(autumn|spring)$ ]] || die "SEMESTER must look like 2026-autumn"
}

# The cohort of grade 0 in the semester: cohort = base - grade (autumn 2026: 2027 - 3 = 2024).
cohort_base() {
  local year=${semester%%-*}
  if [[ $semester == *-autumn ]]; then echo $((year + 1)); else echo "$year"; fi
}

# Runs a command with its output discarded and stores its wall time in microseconds in
# $elapsed; stops the benchmark when the command fails.
time_us() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>"$out/last_stderr" || { cat "$out/last_stderr" >&2; die "failed: $*"; }
  end=$(date +%s%N)
  elapsed=$(((end - start) / 1000))
}

# Prints the median of its integer arguments.
median() {
  local sorted=() value i n
  for value in "$@"; do
    i=${#sorted[@]}
    while ((i > 0 && sorted[i - 1] > value)); do
      sorted[i]=${sorted[i - 1]}
      i=$((i - 1))
    done
    sorted[i]=$value
  done
  n=${#sorted[@]}
  if ((n % 2 == 1)); then echo "${sorted[n / 2]}"; else echo $(((sorted[n / 2 - 1] + sorted[n / 2]) / 2)); fi
}

# Microseconds as milliseconds with one decimal.
ms() { printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100)); }

# a / b with two decimals.
ratio() {
  local hundredths=$(((200 * $1 + $2) / (2 * $2)))
  printf '%d.%02d' $((hundredths / 100)) $((hundredths % 100))
}

# Removes a database and its WAL files.
remove_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }

# dormlink, step by step (database, directory of the scale): init, then the validated imports.
dl_init() { "$dormlink" --db "$1" --config "$config" --as-of "$as_of" init; }
dl_dorms() { "$dormlink" --db "$1" --config "$config" --as-of "$as_of" import dorms "$2/dorms.csv"; }
dl_students() {
  "$dormlink" --db "$1" --config "$config" --as-of "$as_of" import students "$2/students.csv" \
    --semester "$semester"
}

# The baseline, step by step: each is one sqlite3 process reading one SQL script.
sq_init() { sqlite3 -bail "$1" <"$2/baseline_init.sql"; }
sq_dorms() { sqlite3 -bail "$1" <"$2/baseline_dorms.sql"; }
sq_students() { sqlite3 -bail "$1" <"$2/baseline_students.sql"; }

# Full-width digits (U+FF10-U+FF19) to ASCII inside an SQL expression.
ascii_digits_sql() {
  local expr=$1 digit
  local full=(０ １ ２ ３ ４ ５ ６ ７ ８ ９)
  for digit in 0 1 2 3 4 5 6 7 8 9; do expr="replace($expr, '${full[digit]}', '$digit')"; done
  echo "$expr"
}

# "8栋305" and "8号楼305室" to "8-305" inside an SQL expression.
dorm_code_sql() { echo "replace(replace(replace(trim($1, ' 　'), '号楼', '-'), '栋', '-'), '室', '')"; }

# The baseline's create step: the schema dumped from a dormlink database, created in WAL
# mode in one transaction.
write_baseline_init() {
  local schema_db=$1 file=$2
  {
    echo "PRAGMA journal_mode = WAL;"
    echo "BEGIN IMMEDIATE;"
    sqlite3 "$schema_db" .schema
    echo "PRAGMA user_version = $(sqlite3 "$schema_db" 'PRAGMA user_version');"
    echo "COMMIT;"
  } >"$file"
}

# SQL that opens a batch the way dormlink does (kind, file, row count of a staging table).
batch_sql() {
  cat <<SQL
INSERT INTO import_batch (kind, source_name, encoding, semester_id, effective_date, imported_at,
                          imported_by, row_count, added, changed, departed, unchanged)
  SELECT '$1', '$2', 'UTF-8', $3, '$as_of', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'bench',
         count(*), count(*), 0, 0, 0 FROM temp.$4;
SQL
}

# The baseline's dorms step: .import into a staging table, then INSERT ... SELECT.
write_baseline_dorms() {
  local csv=$1 file=$2
  cat >"$file" <<SQL
PRAGMA foreign_keys = ON;
PRAGMA synchronous = FULL;
CREATE TEMP TABLE staging_dorms ("寝室" TEXT, "性别" TEXT, "容量" TEXT);
.import --csv --skip 1 --schema temp '$csv' staging_dorms
CREATE TEMP TABLE dorm_rows AS
  SELECT $(dorm_code_sql '"寝室"') AS code,
         CASE trim("性别") WHEN '女' THEN 'female' WHEN '男' THEN 'male' END AS gender,
         CAST("容量" AS INTEGER) AS capacity
  FROM temp.staging_dorms;
BEGIN IMMEDIATE;
$(batch_sql dorms "$csv" NULL staging_dorms)
INSERT INTO dorm (code, building, room, batch_id)
  SELECT code, substr(code, 1, instr(code, '-') - 1), substr(code, instr(code, '-') + 1),
         (SELECT max(id) FROM import_batch) FROM temp.dorm_rows;
INSERT INTO dorm_version (dorm_code, gender, capacity, valid_from, batch_id)
  SELECT code, gender, capacity, '$as_of', (SELECT max(id) FROM import_batch) FROM temp.dorm_rows;
COMMIT;
SQL
}

# The per-column normalisation of the baseline's students step.
student_rows_sql() {
  cat <<SQL
CREATE TEMP TABLE student_rows AS
  SELECT $(ascii_digits_sql 'trim("学号")') AS student_id,
         trim("姓名", ' 　') AS name,
         CASE trim("性别") WHEN '女' THEN 'female' WHEN '男' THEN 'male' END AS gender,
         trim("专业") AS major,
         CASE WHEN "年级" LIKE '%级' THEN CAST(rtrim("年级", '级') AS INTEGER)
              ELSE $(cohort_base) - CAST("年级" AS INTEGER) END AS cohort,
         trim("班级") AS class_name,
         $(dorm_code_sql '"寝室"') AS dorm_code,
         $(ascii_digits_sql 'trim("联系方式")') AS phone,
         CASE trim("政治面貌")
           WHEN '中共党员' THEN 'party_member' WHEN '中共预备党员' THEN 'probationary_member'
           WHEN '预备党员' THEN 'probationary_member' WHEN '发展对象' THEN 'candidate'
           WHEN '入党积极分子' THEN 'activist' WHEN '积极分子' THEN 'activist'
           WHEN '共青团员' THEN 'league_member' WHEN '团员' THEN 'league_member'
           WHEN '群众' THEN 'masses' END AS political_status,
         trim("党支部") AS branch,
         replace(replace(replace(replace(replace(trim("重点关注"),
           '家庭经济困难', 'family_hardship'), '学习积极性较差', 'low_motivation'),
           '心理素质较差', 'psychological'), '自我约束能力较差', 'self_discipline'), '、', ';')
           AS attention,
         CASE trim("寝室长") WHEN '是' THEN 1 ELSE 0 END AS dorm_head
  FROM temp.staging_students;
SQL
}

# The baseline's students step: .import into a staging table with the roster's columns,
# normalise in SQL, then INSERT ... SELECT into student and student_version.
write_baseline_students() {
  local csv=$1 file=$2
  cat >"$file" <<SQL
PRAGMA foreign_keys = ON;
PRAGMA synchronous = FULL;
CREATE TEMP TABLE staging_students ("学号" TEXT, "姓名" TEXT, "性别" TEXT, "专业" TEXT,
  "年级" TEXT, "班级" TEXT, "寝室" TEXT, "联系方式" TEXT, "政治面貌" TEXT, "党支部" TEXT,
  "重点关注" TEXT, "寝室长" TEXT);
.import --csv --skip 1 --schema temp '$csv' staging_students
$(student_rows_sql)
BEGIN IMMEDIATE;
$(batch_sql students "$csv" "'$semester'" staging_students)
INSERT INTO student (student_id, batch_id)
  SELECT student_id, (SELECT max(id) FROM import_batch) FROM temp.student_rows;
INSERT INTO student_version (student_id, status, name, gender, major, cohort, class_name,
                             dorm_code, phone, political_status, branch, attention, dorm_head,
                             valid_from, batch_id)
  SELECT student_id, 'current', name, gender, major, cohort, class_name, dorm_code, phone,
         political_status, branch, attention, dorm_head, '$as_of',
         (SELECT max(id) FROM import_batch) FROM temp.student_rows;
COMMIT;
SQL
}

# Rows of the dormlink database that the baseline database does not hold identically.
count_differences() {
  local columns="student_id, name, gender, major, cohort, class_name, dorm_code, phone,
                 political_status, branch, attention, dorm_head"
  sqlite3 "$1" "ATTACH '$2' AS b;
    SELECT (SELECT count(*) FROM (SELECT $columns FROM main.student_version
                                  EXCEPT SELECT $columns FROM b.student_version))
         + (SELECT count(*) FROM (SELECT dorm_code, gender, capacity FROM main.dorm_version
                                  EXCEPT SELECT dorm_code, gender, capacity FROM b.dorm_version));"
}

# Times one pipeline (dl or sq) once on a fresh database: its three steps, appending each
# step's time and their total to $times[<pipeline>_<step>].
time_pipeline() {
  local pipeline=$1 db=$2 dir=$3 step total=0
  remove_db "$db"
  for step in init dorms students; do
    time_us "${pipeline}_$step" "$db" "$dir"
    times[${pipeline}_$step]+=" $elapsed"
    total=$((total + elapsed))
  done
  times[${pipeline}_total]+=" $total"
}

# Generates one scale's files and writes the baseline's three SQL scripts next to them.
prepare_scale() {
  local scale=$1 dir=$2 base_dir=$3
  "$gen" --scale "$scale" --out "$dir" >"$out/$scale.summary"
  [[ $dir == "$base_dir" ]] || "$gen" --scale "$scale" --utf8 --out "$base_dir" >/dev/null
  remove_db "$dir/dormlink.db"
  dl_init "$dir/dormlink.db" >/dev/null
  write_baseline_init "$dir/dormlink.db" "$dir/baseline_init.sql"
  write_baseline_dorms "$base_dir/dorms.csv" "$dir/baseline_dorms.sql"
  write_baseline_students "$base_dir/students.csv" "$dir/baseline_students.sql"
}

# One scale: generate, time both pipelines RUNS times on fresh databases, then append the
# medians to $table and a consistency line to $notes.
bench_scale() {
  local scale=$1 dir=$out/$1 base_dir=$out/$1 i step
  # The college roster is GBK (as Excel saves it); the sqlite3 CLI gets a UTF-8 copy.
  [[ $scale == college ]] && base_dir=$out/college-utf8
  prepare_scale "$scale" "$dir" "$base_dir"
  local dl_db=$dir/dormlink.db sq_db=$dir/baseline.db
  times=()
  for ((i = 0; i < runs; i++)); do
    time_pipeline dl "$dl_db" "$dir"
    time_pipeline sq "$sq_db" "$dir"
  done
  local students dorms differences dl sq
  students=$(sqlite3 "$dl_db" 'SELECT count(*) FROM student_version WHERE valid_to IS NULL')
  dorms=$(sqlite3 "$dl_db" 'SELECT count(*) FROM dorm_version WHERE valid_to IS NULL')
  differences=$(count_differences "$dl_db" "$sq_db")
  notes+="- $scale: $students students and $dorms dorms imported by each; rows that differ"
  notes+=" between the two databases: $differences"$'\n'
  for step in init dorms students total; do
    # shellcheck disable=SC2086  # the time lists are space-separated on purpose
    dl=$(median ${times[dl_$step]}) && sq=$(median ${times[sq_$step]})
    table+="| $scale | ${step_labels[$step]} | $(ms "$dl") | $(ms "$sq") | $(ratio "$dl" "$sq") |"$'\n'
  done
}

declare -A times=()
declare -A step_labels=([init]="create database" [dorms]="import dorms.csv"
                        [students]="import students.csv" [total]="**total**")

main() {
  check_prerequisites
  mkdir -p "$out"
  table="| scale | step | dormlink (ms) | sqlite3 CLI (ms) | ratio |"$'\n'
  table+="|---|---|---:|---:|---:|"$'\n'
  notes=""
  bench_scale university
  bench_scale college
  rm -f "$out/last_stderr"
  local report version
  version=$(sqlite3 --version)
  report="# Import benchmark"$'\n\n'
  report+="Median wall time of $runs runs on fresh databases; ratio = dormlink / sqlite3"
  report+=" (sqlite3 ${version%% *}, semester $semester, as of $as_of)."$'\n\n'
  report+="$table"$'\n'"$notes"
  printf '%s' "$report" >"$out/results.md"
  printf '%s' "$report"
}

main
