#!/bin/sh
# The counselor's job every second Monday (REQUIREMENTS §3: forms on the Monday after each
# reporting period, the summary to the committee on Tuesday): every member's feedback form and
# the counselor's summary for the period that just ended (--period previous), written into a
# dated folder, one file per document, named by id and period (never by a name), and beside them
# the blank forms of the period now running (--period current) for the members to fill in:
#
#   reports/2026-11-16/feedback-2023110205-p5.md   one per member due a form
#   reports/2026-11-16/summary-T2024001-p5.md      the summary for the committee
#   reports/2026-11-16/summary-T2024001-p5.html    the same with its charts, to project or print
#   reports/2026-11-16/forms/form-2023110205-2026-autumn-p6.xlsx   one per member due the coming form
#
# Usage: biweekly.sh COUNSELOR [--forms DIR] [--submit] [--as-of YYYY-MM-DD] [--out DIR] [--force]
#   COUNSELOR   staff id (or name) of the counselor
#   --forms DIR first import the members' returned forms (every .xlsx and .csv in DIR, all or
#               none: `dormlink import form`); they are the members' own submissions
#   --submit    also record the summary as submitted to the committee (table submission), so
#               that `dormlink check` counts it as handed in
#   --as-of     act as if today were this date (default: today in $DORMLINK_TZ, Asia/Shanghai)
#   --out DIR   where the dated folders go (default: reports)
#   --force     overwrite files of an earlier run of the same day
# Environment: DORMLINK (the binary, default dormlink on PATH), DORMLINK_DB, DORMLINK_CONFIG.
# Exit: 0 done; 64 bad arguments; otherwise dormlink's exit code (73: a file exists, see --force).
set -eu
dormlink=${DORMLINK:-dormlink}

usage() {
  echo "usage: $0 COUNSELOR [--forms DIR] [--submit] [--as-of YYYY-MM-DD] [--out DIR] [--force]" >&2
  exit 64
}

[ $# -ge 1 ] || usage
counselor=$1
shift
submit=""
forms=""
force=""
as_of=""
out=reports
while [ $# -gt 0 ]; do
  case $1 in
    --submit) submit=--submit ;;
    --forms) [ $# -ge 2 ] || usage; forms=$2; shift ;;
    --force) force=--force ;;
    --as-of) [ $# -ge 2 ] || usage; as_of=$2; shift ;;
    --out) [ $# -ge 2 ] || usage; out=$2; shift ;;
    *) usage ;;
  esac
  shift
done
# The folder and the reports use the same date: the college's today unless --as-of says.
[ -n "$as_of" ] || as_of=$(TZ=${DORMLINK_TZ:-Asia/Shanghai} date +%F)

dir=$out/$as_of
mkdir -p "$dir"
chmod 700 "$dir"
if [ -n "$forms" ]; then
  set --
  for f in "$forms"/*.xlsx "$forms"/*.csv; do [ -e "$f" ] && set -- "$@" "$f"; done
  [ $# -eq 0 ] || "$dormlink" --as-of "$as_of" import form "$@"
fi
"$dormlink" --as-of "$as_of" report feedback --all --counselor "$counselor" --period previous \
  --out-dir "$dir" $force
"$dormlink" --as-of "$as_of" report summary --counselor "$counselor" --period previous \
  --out-dir "$dir" $submit $force
# The same summary as one HTML page with its charts, to project in the meeting or print.
"$dormlink" --as-of "$as_of" report summary --counselor "$counselor" --period previous \
  --format html --out-dir "$dir" $force
# The running period's blank forms. After the semester's last period there is none (exit 64), and a
# new semester has no assignment yet (exit 66): dormlink says so above and the job goes on.
mkdir -p "$dir/forms"
chmod 700 "$dir/forms"
set +e
"$dormlink" --as-of "$as_of" form --all --counselor "$counselor" --period current --out-dir "$dir/forms" $force
code=$?
set -e
case $code in
  0) ;;
  64 | 66) echo "$0: no blank forms for the period now running (see above)" >&2 ;;
  *) exit $code ;;
esac
echo "$dir: $(find "$dir" -maxdepth 1 -type f | wc -l) files, $dir/forms: $(find "$dir/forms" -maxdepth 1 -type f | wc -l) blank forms"
