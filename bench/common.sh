# Shared by the bench scripts (sourced, after setting bench_name): messages, medians, numbers.
# shellcheck shell=bash

# Stops with a message on stderr.
die() {
  echo "$bench_name: $*" >&2
  exit 1
}

# Prints progress on stderr, so that stdout carries only the results.
note() { echo "$bench_name: $*" >&2; }

# Prints the median of its numeric arguments (the mean of the middle two for an even count).
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
    END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Prints a number with the given decimals.
fmt_num() { awk -v v="$1" -v d="$2" 'BEGIN { printf "%.*f", d, v }'; }

# Prints a / b with two decimals and "x".
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }

# Milliseconds between two `date +%s%N` readings.
elapsed_ms() { awk -v ns=$(($2 - $1)) 'BEGIN { print ns / 1e6 }'; }
