#!/usr/bin/env bash
# Quick start, step 1 of 2: installs what is missing, builds dormlink, and runs the main job
# on the bundled example college in ./run/ (init, import the rosters, print the summary,
# assign members to dorms for the autumn semester and print the 分配表, load a semester of
# records, verify their hash chain, check what is overdue in week 12, and run the counselor's
# biweekly job for one counselor: every member's feedback form and the summary for the committee).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target dormlink

dl="$PWD/build/src/dormlink"
rm -rf run && mkdir -p run && cd run
cp ../examples/dormlink.toml dormlink.toml
as_of=2026-09-07   # week 1 of the example college's autumn semester

set -x
"$dl" --as-of "$as_of" init
"$dl" --as-of "$as_of" import dorms ../examples/college/dorms.csv
"$dl" --as-of "$as_of" import staff ../examples/college/staff.csv
"$dl" --as-of "$as_of" import students ../examples/college/students.csv
"$dl" --as-of "$as_of" roster
"$dl" --as-of "$as_of" assign --semester 2026-autumn
# Weeks 1-11 of feedback-form records (generated, fixed seed), entered as of week 12.
"$dl" --as-of 2026-11-27 log-visit --from-csv ../examples/college/records-2026-autumn.csv
"$dl" verify
# What the evening cron job would mail on Tuesday of week 12 (exit 1: something is overdue;
# the feedback forms are all overdue because none has been submitted yet).
"$dl" --as-of 2026-11-24 check > check-2026-11-24.txt || [ $? -eq 1 ]
# The counselor's job on the Monday of week 11 (examples/biweekly.sh): the forms of weeks 9-10
# of 陈逸's members and her summary for the committee, recorded as submitted, in reports/2026-11-16/.
DORMLINK="$dl" ../examples/biweekly.sh T2024001 --as-of 2026-11-16 --submit
set +x
head -n 24 check-2026-11-24.txt
echo "... the whole list: run/check-2026-11-24.txt ($(wc -l < check-2026-11-24.txt) lines)"
echo
sed -n '1,/^## 寝室/p' reports/2026-11-16/summary-T2024001-p5.md | head -n 20
echo "... every form and the summary: run/reports/2026-11-16/"
