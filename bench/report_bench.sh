#!/usr/bin/env bash
# Times `dormlink report summary` (one counselor, one reporting period), `report summary
# --college` (every counselor, one period), both also as HTML with charts (docs/html.md), and `dormlink report assessment` (the whole
# university, one semester) on the university-scale database of
# bench/check_bench.sh (40,000 students, 10,000 dorms, about 1,000,000 records) against the
# sqlite3 CLI computing the same core aggregates with the same effective-record filter, and
# checks that both sides found the same per-member numbers.
#
# Usage: bench/report_bench.sh [BUILD_DIR]     (default: build; nothing is built here)
# Environment: RUNS (5), AS_OF (2026-12-20: the date of both reports), PERIOD (7: weeks 13-14),
#              COUNSELOR (a staff id; empty: the one with the most members in the period),
#              SEMESTER (2026-autumn), CONFIG (examples/dormlink.toml), and for the database
#              WEEKS (15), SEED (20261220), FILL_AS_OF (2026-09-07), STUDENTS (empty) and
#              CHECK_OUT (bench/out/check: check_bench.sh's OUT) as bench/check_bench.sh;
#              OUT (bench/out/report: the outputs; the results file is OUT-results.md).
# The database is CHECK_OUT/fill.db, built and stamped by bench/check_bench.sh; when it is
# missing or was built from other settings, this script runs `RUNS=1 bench/check_bench.sh` once
# to build it (a few minutes), and otherwise only reads it.
# Writes OUT/ and OUT-results.md; prints the results on stdout.
# Needs bash, date +%s%N, awk, sort, cmp and the sqlite3 CLI (with readfile() and JSON).
set -euo pipefail
bench_name=report_bench
# shellcheck source=bench/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
[[ -d $build ]] || build=$root/$build
runs=${RUNS:-5}
as_of=${AS_OF:-2026-12-20}
period=${PERIOD:-7}
counselor=${COUNSELOR:-}
semester=${SEMESTER:-2026-autumn}
config=${CONFIG:-$root/examples/dormlink.toml}
weeks=${WEEKS:-15}
seed=${SEED:-20261220}
fill_as_of=${FILL_AS_OF:-2026-09-07}
students=${STUDENTS:-}
check_out=${CHECK_OUT:-$root/bench/out/check}
db=$check_out/fill.db
out=${OUT:-$root/bench/out/report}
results=$out-results.md
dormlink=$build/src/dormlink
load=$build/bench/dormlink-report-load

check_prerequisites() {
  local binary
  for binary in "$dormlink" "$load"; do
    [[ -x $binary ]] || die "$binary not found; build first: cmake --build $build -j2"
  done
  [[ -f $config ]] || die "config $config not found (set CONFIG=...)"
  command -v sqlite3 >/dev/null || die "the sqlite3 CLI is not installed"
  [[ $(sqlite3 :memory: "SELECT json_extract('{\"a\":1}', '\$.a')" 2>/dev/null) == 1 ]] ||
    die "the sqlite3 CLI has no JSON functions"
  ((runs >= 1)) || die "RUNS must be at least 1"
  [[ $period =~ ^[0-9]+$ ]] || die "PERIOD must be a number"
}

# "met" or "MISSED" for the issue's goal: dormlink within 2x of sqlite3 and under 1000 ms.
goal() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= 2 * b && a < 1000) ? "met" : "MISSED" }'; }
runs_list() { printf '%.0f ' "$@" | sed 's/ $//'; }

dl() { "$dormlink" --db "$db" --config "$config" --as-of "$as_of" "$@"; }

# A key of SEMESTER's [[calendar.semester]] block in the config, as written (first_monday,
# teaching_weeks, holiday_weeks, exam_weeks).
semester_key() {
  awk -v id="\"$semester\"" -v key="$1" '$1 == "id" { found = ($3 == id) }
    found && $1 == key { sub(/^[^=]*=[ \t]*/, ""); sub(/[ \t]*#.*$/, ""); print; exit }' "$config"
}

# A key of a [section] of the config (reporting.period_weeks).
section_key() {
  awk -v section="[$1]" -v key="$2" '/^\[/ { found = ($1 == section) }
    found && $1 == key { print $3; exit }' "$config"
}

# The stamp bench/check_bench.sh writes next to fill.db (its stamp()).
fill_stamp() {
  echo "seed $seed weeks $weeks semester $semester as_of $fill_as_of config $(cksum <"$config")${students:+ students $students}"
}

# The university database of bench/check_bench.sh, built by it when missing or stale.
prepare_db() {
  if [[ -f $db && -f $check_out/stamp && $(cat "$check_out/stamp") == "$(fill_stamp)" ]]; then
    note "reusing $db (built by bench/check_bench.sh)"
  else
    note "no up-to-date $db: running RUNS=1 bench/check_bench.sh to build it (a few minutes)"
    RUNS=1 WEEKS=$weeks SEED=$seed SEMESTER=$semester AS_OF=$fill_as_of CONFIG=$config STUDENTS=$students \
      OUT=$check_out "$root/bench/check_bench.sh" "$build" >/dev/null || die "bench/check_bench.sh failed"
  fi
  fill_line=$(cat "$check_out/fill.txt")
}

# Dates of teaching week w: its Monday and Sunday.
monday() { date -d "$first + $((7 * ($1 - 1))) days" +%F; }
sunday() { date -d "$first + $((7 * ($1 - 1) + 6)) days" +%F; }
min_date() { if [[ $1 < $2 ]]; then echo "$1"; else echo "$2"; fi; }
next_day() { date -d "$1 + 1 day" +%F; }

# Whether week w has duties (not a holiday or exam week).
has_duties() { [[ " $no_duty " != *" $1 "* ]]; }

# `VALUES (week, 'monday', 'sunday'), ...` for the duty weeks in first..last whose Monday is on
# or before AS_OF (the weeks check::evaluate opens a window for).
week_values() {
  local w sep=""
  for ((w = $1; w <= $2; w++)); do
    has_duties "$w" || continue
    [[ $(monday "$w") > $as_of ]] && continue
    printf "%s(%d, '%s', '%s')" "$sep" "$w" "$(monday "$w")" "$(sunday "$w")"
    sep=", "
  done
}

# The calendar: first Monday, duty weeks, the period's weeks and days.
read_calendar() {
  first=$(semester_key first_monday)
  [[ -n $first ]] || die "no first_monday for $semester in $config"
  teaching_weeks=$(semester_key teaching_weeks)
  no_duty=$(echo "$(semester_key holiday_weeks) $(semester_key exam_weeks)" | tr -d '[],')
  period_weeks=$(section_key reporting period_weeks)
  period_weeks=${period_weeks:-2}
  p_first=$(((period - 1) * period_weeks + 1))
  p_last=$((period * period_weeks))
  ((p_last <= teaching_weeks)) || p_last=$teaching_weeks
  ((p_first <= p_last)) || die "period $period is beyond the semester's $teaching_weeks weeks"
  p_from=$(monday "$p_first")
  [[ $p_from > $as_of ]] && die "period $period begins after AS_OF $as_of"
  p_end=$(min_date "$(sunday "$p_last")" "$as_of")
  semester_end=$(min_date "$(sunday "$teaching_weeks")" "$as_of")
  [[ -n $(week_values "$p_first" "$p_last") ]] || die "period $period has no duty week on or before $as_of"
}

# The effective records both baselines use (as in check_bench's baseline.sql): of SEMESTER,
# happened from $1 up to the day $2, neither withdrawn nor replaced by a correction (purged
# records still count). Visits and talks are read from the covering index record_check, the
# other kinds ($3) from record_check_other; with the teaching week.
effective_sql() {
  local from=$1 end
  end=$(next_day "$2")
  cat <<SQL
PRAGMA temp_store = MEMORY;
CREATE TEMP TABLE replaced(id INTEGER PRIMARY KEY);
INSERT OR IGNORE INTO replaced SELECT corrects FROM record WHERE corrects IS NOT NULL AND kind <> 'purge';
-- Per dorm and week: effective visits.
CREATE TEMP TABLE visit_count(dorm_code TEXT, week INTEGER, n INTEGER, PRIMARY KEY (dorm_code, week));
INSERT INTO visit_count
  SELECT dorm_code, CAST(julianday(substr(happened_at, 1, 10)) - julianday('$first') AS INTEGER) / 7 + 1 AS week,
         count(*)
  FROM record
  WHERE semester_id = '$semester' AND kind = 'visit' AND happened_at >= '$from' AND happened_at < '$end'
    AND dorm_code IS NOT NULL AND id NOT IN (SELECT id FROM replaced)
  GROUP BY 1, 2;
-- Per student, the weeks with an effective talk naming them (bit w).
CREATE TEMP TABLE talk_weeks(student_id TEXT PRIMARY KEY, bits INTEGER);
INSERT INTO talk_weeks
  SELECT s.student_id, sum(DISTINCT 1 << (CAST(julianday(substr(r.happened_at, 1, 10)) - julianday('$first') AS INTEGER) / 7 + 1))
  FROM record r JOIN record_student s ON s.record_id = r.id
  WHERE r.semester_id = '$semester' AND r.kind = 'talk' AND r.happened_at >= '$from' AND r.happened_at < '$end'
    AND r.id NOT IN (SELECT id FROM replaced)
  GROUP BY s.student_id;
-- Excused, activity and symposium records.
CREATE TEMP TABLE other AS
  SELECT kind, member_id, dorm_code,
         CAST(julianday(substr(happened_at, 1, 10)) - julianday('$first') AS INTEGER) / 7 + 1 AS week
  FROM record
  WHERE semester_id = '$semester' AND kind IN ($3) AND happened_at >= '$from' AND happened_at < '$end'
    AND id NOT IN (SELECT id FROM replaced);
CREATE TEMP TABLE excused_dorm(dorm_code TEXT, week INTEGER, PRIMARY KEY (dorm_code, week));
INSERT OR IGNORE INTO excused_dorm SELECT dorm_code, week FROM other WHERE kind = 'excused' AND dorm_code IS NOT NULL;
CREATE TEMP TABLE excused_member(member_id TEXT, week INTEGER, PRIMARY KEY (member_id, week));
INSERT OR IGNORE INTO excused_member SELECT member_id, week FROM other WHERE kind = 'excused' AND dorm_code IS NULL;
SQL
}

# Members' dorm-weeks ($1: the pairs table) over the weeks table wk: visits found, whether the
# week is excused; only dorms with a resident on the Monday (check's rule for visits). Then the
# talk obligations: each resident but the member, living there on the Monday and still on the
# Sunday (or AS_OF), found when talked with that week.
obligations_sql() {
  cat <<SQL
CREATE TEMP TABLE dorm_week AS
  SELECT p.member_id, p.dorm_code, w.week, w.monday, min(w.sunday, '$as_of') AS still_there,
         coalesce(v.n, 0) AS visits,
         (EXISTS (SELECT 1 FROM excused_dorm x WHERE x.dorm_code = p.dorm_code AND x.week = w.week)
          OR EXISTS (SELECT 1 FROM excused_member x WHERE x.member_id = p.member_id AND x.week = w.week)) AS excused
  FROM $1 p CROSS JOIN wk w
  LEFT JOIN visit_count v ON v.dorm_code = p.dorm_code AND v.week = w.week
  WHERE EXISTS (SELECT 1 FROM student_version s WHERE s.dorm_code = p.dorm_code AND s.valid_from <= w.monday
                AND (s.valid_to IS NULL OR s.valid_to > w.monday));
CREATE TEMP TABLE talk_due AS
  SELECT d.member_id, d.dorm_code, d.week, s.student_id, d.excused,
         coalesce((SELECT (t.bits >> d.week) & 1 FROM talk_weeks t WHERE t.student_id = s.student_id), 0) AS found
  FROM dorm_week d
  JOIN student_version s ON s.dorm_code = d.dorm_code AND s.valid_from <= d.monday
                        AND (s.valid_to IS NULL OR s.valid_to > d.still_there)
  WHERE s.student_id <> d.member_id;
SQL
}

# The summary baseline: for COUNSELOR's members (cohort in the counselor's cohorts; the
# university's counselors have no classes) and their dorms in the assignment in force at the
# period's end, over the period's duty weeks: dorms; visits due / found (2 per dorm-week, an
# excused dorm-week with fewer than 2 visits left out); talks due / found (one per resident and
# week, an excused unmet one left out); residents due a talk / talked with at least once.
write_summary_sql() {
  {
    echo "-- report summary --counselor $counselor --period $period (weeks $p_first-$p_last) as of $as_of"
    effective_sql "$p_from" "$p_end" "'excused'"
    cat <<SQL
CREATE TEMP TABLE wk(week INTEGER PRIMARY KEY, monday TEXT NOT NULL, sunday TEXT NOT NULL);
INSERT INTO wk VALUES $(week_values "$p_first" "$p_last");
CREATE TEMP TABLE pair AS
  SELECT p.member_id, p.dorm_code
  FROM assignment_pair p
  JOIN student_version m ON m.student_id = p.member_id AND m.valid_from <= '$p_end'
                        AND (m.valid_to IS NULL OR m.valid_to > '$p_end')
  WHERE p.assignment_id = (SELECT id FROM assignment WHERE semester_id = '$semester' AND valid_from <= '$p_end'
                           ORDER BY valid_from DESC, id DESC LIMIT 1)
    AND instr(',' || (SELECT cohorts FROM staff_duty_version WHERE staff_id = '$counselor' AND role = 'counselor'
                      AND valid_to IS NULL) || ',', ',' || m.cohort || ',') > 0;
SQL
    obligations_sql pair
    cat <<SQL
-- id|dorms|visits due|visits found|talks due|talks found|residents due|residents talked with
WITH v AS (
  SELECT member_id, sum(CASE WHEN excused AND visits < 2 THEN 0 ELSE 2 END) AS due,
         sum(CASE WHEN excused AND visits < 2 THEN 0 ELSE visits END) AS found
  FROM dorm_week GROUP BY member_id),
t AS (
  SELECT member_id, count(*) AS due, sum(found) AS found,
         count(DISTINCT student_id) AS residents,
         count(DISTINCT CASE WHEN found THEN student_id END) AS talked
  FROM talk_due WHERE found OR NOT excused GROUP BY member_id)
SELECT p.member_id, count(*), coalesce(v.due, 0), coalesce(v.found, 0), coalesce(t.due, 0), coalesce(t.found, 0),
       coalesce(t.residents, 0), coalesce(t.talked, 0)
FROM pair p LEFT JOIN v USING (member_id) LEFT JOIN t USING (member_id)
GROUP BY p.member_id;
SQL
  } >"$out/report_summary_baseline.sql"
}

# The college summary baseline (report summary --college): the summary baseline's visits and
# talks for every member in the assignment in force at the period's end, summed per counselor
# (the member's cohort in the counselor's cohorts): staff id, visits due / found, talks due /
# found.
write_college_sql() {
  {
    echo "-- report summary --college --period $period (weeks $p_first-$p_last) as of $as_of"
    effective_sql "$p_from" "$p_end" "'excused'"
    cat <<SQL
CREATE TEMP TABLE wk(week INTEGER PRIMARY KEY, monday TEXT NOT NULL, sunday TEXT NOT NULL);
INSERT INTO wk VALUES $(week_values "$p_first" "$p_last");
CREATE TEMP TABLE pair AS
  SELECT p.member_id, p.dorm_code, c.staff_id
  FROM assignment_pair p
  JOIN student_version m ON m.student_id = p.member_id AND m.valid_from <= '$p_end'
                        AND (m.valid_to IS NULL OR m.valid_to > '$p_end')
  JOIN staff_duty_version c ON c.role = 'counselor' AND c.valid_to IS NULL
                           AND instr(',' || c.cohorts || ',', ',' || m.cohort || ',') > 0
  WHERE p.assignment_id = (SELECT id FROM assignment WHERE semester_id = '$semester' AND valid_from <= '$p_end'
                           ORDER BY valid_from DESC, id DESC LIMIT 1);
SQL
    obligations_sql pair
    cat <<SQL
-- staff id|visits due|visits found|talks due|talks found
WITH v AS (
  SELECT member_id, sum(CASE WHEN excused AND visits < 2 THEN 0 ELSE 2 END) AS due,
         sum(CASE WHEN excused AND visits < 2 THEN 0 ELSE visits END) AS found
  FROM dorm_week GROUP BY member_id),
t AS (
  SELECT member_id, count(*) AS due, sum(found) AS found
  FROM talk_due WHERE found OR NOT excused GROUP BY member_id),
c AS (SELECT DISTINCT member_id, staff_id FROM pair)
SELECT c.staff_id, coalesce(sum(v.due), 0), coalesce(sum(v.found), 0), coalesce(sum(t.due), 0),
       coalesce(sum(t.found), 0)
FROM c LEFT JOIN v USING (member_id) LEFT JOIN t USING (member_id)
GROUP BY c.staff_id;
SQL
  } >"$out/report_college_baseline.sql"
}

# The assessment baseline: every member with dorms in the assignment in force on AS_OF, over the
# semester's duty weeks up to AS_OF: visits and talks obligations met (visits: at least 2 in the
# dorm-week; talks: talked with that week), waived (excused and unmet) and the rest (overdue or
# not yet due); per dorm, activities and symposiums (met: at least one effective record in the
# semester up to AS_OF); feedback forms submitted (distinct periods).
write_assessment_sql() {
  {
    echo "-- report assessment --semester $semester as of $as_of (weeks 1-$teaching_weeks)"
    effective_sql "$first" "$semester_end" "'excused', 'activity', 'symposium'"
    cat <<SQL
CREATE TEMP TABLE wk(week INTEGER PRIMARY KEY, monday TEXT NOT NULL, sunday TEXT NOT NULL);
INSERT INTO wk VALUES $(week_values 1 "$teaching_weeks");
CREATE TEMP TABLE pair AS
  SELECT member_id, dorm_code FROM assignment_pair
  WHERE assignment_id = (SELECT id FROM assignment WHERE semester_id = '$semester' AND valid_from <= '$as_of'
                         ORDER BY valid_from DESC, id DESC LIMIT 1);
SQL
    obligations_sql pair
    cat <<SQL
-- id|visits met|waived|other|talks met|waived|other|activities met|other|symposiums met|other|forms submitted
WITH v AS (
  SELECT member_id, sum(visits >= 2) AS met, sum(excused AND visits < 2) AS waived,
         sum(NOT excused AND visits < 2) AS other
  FROM dorm_week GROUP BY member_id),
t AS (
  SELECT member_id, sum(found) AS met, sum(excused AND NOT found) AS waived, sum(NOT excused AND NOT found) AS other
  FROM talk_due GROUP BY member_id),
k AS (
  SELECT p.member_id,
         sum(p.dorm_code IN (SELECT dorm_code FROM other WHERE kind = 'activity' AND week >= 1)) AS activities,
         sum(p.dorm_code IN (SELECT dorm_code FROM other WHERE kind = 'symposium' AND week >= 1)) AS symposiums,
         count(*) AS dorms
  FROM pair p GROUP BY p.member_id),
f AS (
  SELECT subject_id AS member_id, count(DISTINCT period) AS forms
  FROM submission WHERE kind = 'feedback' AND semester_id = '$semester' AND substr(submitted_at, 1, 10) <= '$as_of'
  GROUP BY subject_id)
SELECT k.member_id, coalesce(v.met, 0), coalesce(v.waived, 0), coalesce(v.other, 0),
       coalesce(t.met, 0), coalesce(t.waived, 0), coalesce(t.other, 0),
       k.activities, k.dorms - k.activities, k.symposiums, k.dorms - k.symposiums, coalesce(f.forms, 0)
FROM k LEFT JOIN v USING (member_id) LEFT JOIN t USING (member_id) LEFT JOIN f USING (member_id);
SQL
  } >"$out/report_assessment_baseline.sql"
}

# Extracting dormlink's numbers from its JSON, in the baselines' formats, with the sqlite3 CLI.
write_extract_sql() {
  cat >"$out/summary_extract.sql" <<'SQL'
SELECT json_extract(value, '$.id'), json_extract(value, '$.dorms'),
       json_extract(value, '$.visits.expected'), json_extract(value, '$.visits.found'),
       json_extract(value, '$.talks.expected'), json_extract(value, '$.talks.found'),
       json_extract(value, '$.residents.expected'), json_extract(value, '$.residents.found')
FROM json_each(readfile('summary.json'), '$.members');
SQL
  cat >"$out/college_extract.sql" <<'SQL'
SELECT json_extract(value, '$.id'), json_extract(value, '$.visits.expected'), json_extract(value, '$.visits.found'),
       json_extract(value, '$.talks.expected'), json_extract(value, '$.talks.found')
FROM json_each(readfile('college.json'), '$.counselors');
SQL
  cat >"$out/assessment_extract.sql" <<'SQL'
WITH c AS (
  SELECT json_extract(m.value, '$.id') AS id, json_extract(c.value, '$.component') AS component,
         json_extract(c.value, '$.met') + json_extract(c.value, '$.met_late') AS met,
         json_extract(c.value, '$.waived') AS waived,
         json_extract(c.value, '$.overdue') + json_extract(c.value, '$.not_yet_due') AS other
  FROM json_each(readfile('assessment.json'), '$.members') m, json_each(m.value, '$.components') c)
SELECT id,
       max(CASE component WHEN 'visits' THEN met END), max(CASE component WHEN 'visits' THEN waived END),
       max(CASE component WHEN 'visits' THEN other END),
       max(CASE component WHEN 'talks' THEN met END), max(CASE component WHEN 'talks' THEN waived END),
       max(CASE component WHEN 'talks' THEN other END),
       max(CASE component WHEN 'activities' THEN met END), max(CASE component WHEN 'activities' THEN other END),
       max(CASE component WHEN 'symposiums' THEN met END), max(CASE component WHEN 'symposiums' THEN other END),
       max(CASE component WHEN 'forms_on_time' THEN met END)
FROM c GROUP BY id;
SQL
}

# The counselor with the most members in the summary (dormlink's own notion of "whose member").
choose_counselor() {
  local id best=-1 n
  for id in $(sqlite3 -readonly "$db" \
    "SELECT staff_id FROM staff_duty_version WHERE role = 'counselor' AND valid_to IS NULL ORDER BY staff_id"); do
    dl report summary --counselor "$id" --period "$period" --format json >"$out/summary.json" ||
      die "dormlink report summary --counselor $id failed"
    n=$(cd "$out" && sqlite3 :memory: "SELECT json_array_length(readfile('summary.json'), '\$.members')")
    note "counselor $id: $n members in period $period"
    if ((n > best)); then
      best=$n
      counselor=$id
    fi
  done
  [[ -n $counselor ]] || die "no counselor in $db"
}

# One timed run of a command; appends the ms to the array named $1. Stdout goes to $2.
timed() {
  local -n times=$1
  local file=$2 start end
  shift 2
  start=$(date +%s%N)
  "$@" >"$file" || die "failed: $*"
  end=$(date +%s%N)
  times+=("$(elapsed_ms "$start" "$end")")
}

# The in-process steps of both reports (dormlink-report-load); appends each step's ms to
# step_ms[step] and keeps the step order in steps.
time_steps() {
  local name value
  while IFS='|' read -r name value; do
    if [[ $name == obligations ]]; then
      obligations=$value
      continue
    fi
    [[ -v "step_ms[$name]" ]] || steps+=("$name")
    step_ms[$name]+="$value "
  done < <("$load" --db "$db" --config "$config" --as-of "$as_of" --semester "$semester" \
    --counselor "$counselor" --period "$period" --out-dir "$out/load" || die "dormlink-report-load failed")
}

time_round() {
  timed summary_dl "$out/summary.json" dl report summary --counselor "$counselor" --period "$period" --format json
  timed summary_sql "$out/summary_baseline.out" sqlite3 -readonly "$db" ".read $out/report_summary_baseline.sql"
  timed college_dl "$out/college.json" dl report summary --college --period "$period" --format json
  timed college_sql "$out/college_baseline.out" sqlite3 -readonly "$db" ".read $out/report_college_baseline.sql"
  timed college_html "$out/college.html" dl report summary --college --period "$period" --format html
  timed summary_html "$out/summary.html" dl report summary --counselor "$counselor" --period "$period" --format html
  timed assessment_dl "$out/assessment.json" dl report assessment --semester "$semester" --format json
  timed assessment_sql "$out/assessment_baseline.out" sqlite3 -readonly "$db" \
    ".read $out/report_assessment_baseline.sql"
  time_steps
}

# Both sides' per-member numbers must be identical; sets summary_same and assessment_same.
# dormlink-report-load's documents must be the CLI's, byte for byte.
compare() {
  local step
  for step in summary assessment; do
    cmp -s "$out/load/$step.json" "$out/$step.json" ||
      die "dormlink-report-load's $step differs from the CLI's: diff $out/load/$step.json $out/$step.json"
    (cd "$out" && sqlite3 :memory: ".read ${step}_extract.sql") | sort >"$out/${step}_dormlink.sorted"
    sort "$out/${step}_baseline.out" >"$out/${step}_baseline.sorted"
    cmp -s "$out/${step}_dormlink.sorted" "$out/${step}_baseline.sorted" ||
      die "$step: dormlink and sqlite3 disagree: diff $out/${step}_dormlink.sorted $out/${step}_baseline.sorted"
    same="identical ($(wc -l <"$out/${step}_baseline.sorted") members)"
    if [[ $step == summary ]]; then summary_same=$same; else assessment_same=$same; fi
  done
  (cd "$out" && sqlite3 :memory: ".read college_extract.sql") | sort >"$out/college_dormlink.sorted"
  sort "$out/college_baseline.out" | awk -F'|' '$2 + $4 > 0' >"$out/college_baseline.sorted"
  cmp -s "$out/college_dormlink.sorted" "$out/college_baseline.sorted" ||
    die "college: dormlink and sqlite3 disagree: diff $out/college_dormlink.sorted $out/college_baseline.sorted"
  college_same="identical ($(wc -l <"$out/college_baseline.sorted") counselors)"
  summary_totals=$(awk -F'|' '{ v += $4; vd += $3; t += $6; td += $5; r += $8; rd += $7 }
    END { printf "visits found %d, due %d; talks %d of %d; residents talked with %d of %d", v, vd, t, td, r, rd }' \
    "$out/summary_baseline.sorted")
  assessment_totals=$(awk -F'|' '{ v += $2; vw += $3; vo += $4; t += $5; tw += $6; to += $7; a += $8; s += $10 }
    END { printf "visit dorm-weeks met %d, waived %d, other %d; talks met %d, waived %d, other %d; dorms with an activity %d, with a symposium %d", v, vw, vo, t, tw, to, a, s }' \
    "$out/assessment_baseline.sorted")
}

print_results() {
  local sdl ssql adl asql cdl csql db_mb
  sdl=$(median "${summary_dl[@]}")
  ssql=$(median "${summary_sql[@]}")
  adl=$(median "${assessment_dl[@]}")
  asql=$(median "${assessment_sql[@]}")
  cdl=$(median "${college_dl[@]}")
  csql=$(median "${college_sql[@]}")
  chtml=$(median "${college_html[@]}")
  shtml=$(median "${summary_html[@]}")
  db_mb=$(awk -v b="$(stat -c %s "$db")" 'BEGIN { printf "%.0f", b / 1048576 }')
  echo "## report: university semester as of $as_of"
  echo
  echo "$(nproc) cores, $(sqlite3 --version | cut -d' ' -f1) (sqlite3 CLI), $runs runs each (interleaved, after one"
  echo "warm-up round), database $db_mb MB. Summary: counselor $counselor, period $period (weeks $p_first-$p_last)."
  echo
  echo "| step | dormlink median ms | sqlite3 median ms | ratio |"
  echo "|---|---:|---:|---:|"
  echo "| report summary --counselor $counselor --period $period --format json | $(fmt_num "$sdl" 0) | $(fmt_num "$ssql" 0) | $(ratio "$sdl" "$ssql") |"
  echo "| report assessment --semester $semester --format json | $(fmt_num "$adl" 0) | $(fmt_num "$asql" 0) | $(ratio "$adl" "$asql") |"
  echo "| report summary --college --period $period --format json | $(fmt_num "$cdl" 0) | $(fmt_num "$csql" 0) | $(ratio "$cdl" "$csql") |"
  echo "| report summary --college --period $period --format html (charts) | $(fmt_num "$chtml" 0) | $(fmt_num "$csql" 0) | $(ratio "$chtml" "$csql") |"
  echo "| report summary --counselor $counselor --period $period --format html (charts) | $(fmt_num "$shtml" 0) | $(fmt_num "$ssql" 0) | $(ratio "$shtml" "$ssql") |"
  echo
  echo "Goal (within 2x of sqlite3 and under a second): summary $(goal "$sdl" "$ssql"); assessment $(goal "$adl" "$asql");"
  echo "college summary $(goal "$cdl" "$csql"). HTML of the college summary under 1.5 s:"
  echo "$(awk -v a="$chtml" 'BEGIN { print (a < 1500) ? "met" : "MISSED" }') ($(runs_list "${college_html[@]}") ms);"
  echo "of the counselor's summary: $(runs_list "${summary_html[@]}") ms."
  echo
  echo "Runs (ms): summary dormlink $(runs_list "${summary_dl[@]}") / sqlite3 $(runs_list "${summary_sql[@]}");"
  echo "assessment dormlink $(runs_list "${assessment_dl[@]}") / sqlite3 $(runs_list "${assessment_sql[@]}");"
  echo "college summary dormlink $(runs_list "${college_dl[@]}") / sqlite3 $(runs_list "${college_sql[@]}")."
  echo
  echo "Per-member numbers, dormlink's JSON against the baseline: summary $summary_same ($summary_totals);"
  echo "assessment $assessment_same ($assessment_totals); college summary per counselor (visits and talks due and"
  echo "found) $college_same."
  echo
  echo "Where dormlink spends it: the steps of both reports in one process (dormlink-report-load, whose two"
  echo "JSON documents are byte-identical to the CLI's), median of $runs runs. The summary reads only its"
  echo "counselor's part of the semester (store::CheckScope); the assessment reads all of it: $obligations"
  echo "obligations (evaluate with keep_met)."
  echo
  echo "| step | used by | median ms | runs (ms) |"
  echo "|---|---|---:|---|"
  local name used
  for name in "${steps[@]}"; do
    case $name in
      "load_check_input(counselor)" | "evaluate(keep_met, counselor)" | load_chain_head | build_counselor_summary | \
        render_summary_json) used=summary ;;
      load_check_input | "evaluate(keep_met)" | discrepancy_rates | build_assessment | render_assessment_json) \
        used=assessment ;;
      total) used="(both, one process)" ;;
      *) used=both ;;
    esac
    # shellcheck disable=SC2086
    echo "| $name | $used | $(fmt_num "$(median ${step_ms[$name]})" 0) | $(printf '%.0f ' ${step_ms[$name]})|"
  done
  echo
  echo "$fill_line"
}

check_prerequisites
prepare_db
mkdir -p "$out"
read_calendar
write_extract_sql
if [[ -z $counselor ]]; then
  choose_counselor
  note "timing counselor $counselor"
fi
write_summary_sql
write_assessment_sql
write_college_sql
mkdir -p "$out/load"
declare -A step_ms=()
steps=()
summary_dl=() summary_sql=() assessment_dl=() assessment_sql=() college_dl=() college_sql=() college_html=() summary_html=()
note "warm-up round"
time_round
summary_dl=() summary_sql=() assessment_dl=() assessment_sql=() college_dl=() college_sql=() college_html=() summary_html=()
step_ms=()
steps=()
for ((i = 1; i <= runs; i++)); do
  note "round $i of $runs"
  time_round
done
compare
print_results | tee "$results"
