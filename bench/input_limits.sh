#!/usr/bin/env bash
# Measures dormlink's peak memory (maximum resident set size, GNU time) on hostile input files
# under the default [limits] (docs/import.md "Limits"): each must end in a clean exit 65 (66 for
# a device given as the file) and
# peak at no more than 4 times the file's size plus the baseline (the peak of importing a
# one-row file).
#
# Usage: bench/input_limits.sh [BUILD_DIR]      (default: build; nothing is built here)
# Environment: SIZE_MIB (50): the size of each hostile file.
# Writes its files under bench/out/input_limits/ (removed at the end) and prints a Markdown
# table on stdout; exits 1 when an input is not refused cleanly or goes over the bound.
# Needs bash, coreutils, iconv and GNU time (/usr/bin/time; Debian package "time", installed
# by scripts/setup-deps.sh with the test tools).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
[[ -d $build ]] || build=$root/$build
build=$(cd "$build" && pwd)
size_mib=${SIZE_MIB:-50}
dormlink=$build/src/dormlink
work=$root/bench/out/input_limits
gnu_time=/usr/bin/time

die() {
  echo "input_limits: $*" >&2
  exit 1
}

[[ -x $dormlink ]] || die "$dormlink not found; build first: cmake --build $build -j2"
[[ -x $gnu_time ]] || die "GNU time not found at $gnu_time; run scripts/setup-deps.sh"

rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cd "$work"
cp "$root/examples/dormlink.toml" dormlink.toml
"$dormlink" --db college.db --as-of 2026-09-07 init >/dev/null

# The hostile files, about SIZE_MIB MiB each, made with head, tr, yes and iconv (yes ends by
# SIGPIPE: pipefail is off while they are written).
size=$((size_mib * 1048576))
header='学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长'
set +o pipefail
head -c "$size" /dev/zero | tr '\0' ',' >commas.csv
yes , | head -n $((size / 2)) >blank_lines.csv
{ echo "$header"; yes x | head -n $((size / 2 - 64)); } >short_rows.csv
{ echo "$header"; yes 张 | head -n $((size / 3 - 64)); } | iconv -f utf-8 -t gb18030 >short_rows_gbk.csv
{ printf 'a,b\n"'; head -c "$size" /dev/zero | tr '\0' q; printf '",1\n'; } >quoted_cell.csv
{ printf 'a,b\n'; head -c "$size" /dev/zero | tr '\0' q; printf '\n'; } >unquoted_cell.csv
set -o pipefail
printf '%s\n%s\n' "$header" "2026110199,林新,女,英语,1,英语2601,8-101,,群众,,," >one_row.csv

# Peak RSS in KiB and exit code of one import; stdin from $2 when given.
measure() {
  local file=$1 input=${2:-/dev/null} rss
  set +e
  "$gnu_time" -f "%M" -o time.out "$dormlink" --db college.db --as-of 2026-09-08 \
    import students "$file" --dry-run <"$input" >/dev/null 2>stderr.out
  code=$?
  set -e
  rss=$(tail -n 1 time.out)
  peak_kib=$rss
}

measure one_row.csv
baseline_kib=$peak_kib
[[ $code == 0 ]] || die "the one-row baseline import failed: $(cat stderr.out)"

failed=0
printf '| input | size | exit | peak RSS | peak - baseline | bound (4 x size + baseline) | first line of the message |\n'
printf '|---|---:|---:|---:|---:|---:|---|\n'
report() {
  local name=$1 bytes=$2 expected=${3:-65} verdict
  local bound_kib=$((4 * bytes / 1024 + baseline_kib))
  verdict=ok
  if [[ $code != "$expected" || $peak_kib -gt $bound_kib ]]; then verdict=FAIL; failed=1; fi
  printf '| %s | %d MiB | %s | %d MiB | %d MiB | %d MiB %s | %s |\n' "$name" $((bytes / 1048576)) "$code" \
    $((peak_kib / 1024)) $(((peak_kib - baseline_kib) / 1024)) $((bound_kib / 1024)) "$verdict" \
    "$(head -c 110 stderr.out | head -n 1 | sed 's/|/\\|/g')"
}
for file in commas.csv blank_lines.csv short_rows.csv short_rows_gbk.csv quoted_cell.csv \
  unquoted_cell.csv; do
  measure "$file"
  report "$file" "$(stat -c %s "$file")"
done
measure - /dev/zero
report "/dev/zero on stdin (-)" $((64 * 1048576))
measure /dev/zero
report "/dev/zero as FILE" 0 66
printf '\nbaseline (one-row roster, --dry-run): %d MiB peak RSS\n' $((baseline_kib / 1024))
exit "$failed"
