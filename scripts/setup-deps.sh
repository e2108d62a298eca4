#!/usr/bin/env bash
# Installs the Debian 12 packages that dormlink needs to build, test and benchmark.
# Idempotent: asks apt only for what is missing, and does nothing when all is present.
set -euo pipefail

packages=(
  cmake g++ make pkg-config          # toolchain
  libcli11-dev                       # command-line parsing (src/cli only)
  libsqlitecpp-dev libsqlite3-dev    # storage (src/store only)
  libfmt-dev                         # all output
  libtomlplusplus-dev                # config parsing (src/config/validate.cpp only)
  libicu-dev                         # NFKC normalisation, time zones, later pinyin collation
  liblemon-dev                       # min-cost flow (NetworkSimplex), header-only, src/assign only
  nettle-dev                         # SHA-256 for the records' hash chain (src/records only; Nettle, linked statically)
  libxlsxwriter-dev                  # Excel output of reports, exports and blank forms (src/xlsx only)
  libminizip-dev libexpat1-dev       # reading returned .xlsx forms: zip and XML (src/xlsx/read.cpp only)
  zlib1g-dev binutils                # zlib linked statically with minizip; objdump reads libxlsxwriter's SONAME (cmake/DormlinkStartup.cmake)
  nlohmann-json3-dev                 # typed JSON output (numbers, booleans, null), header-only, src/report only
  doctest-dev                        # unit and end-to-end tests
  sqlite3                            # tests inspect databases; bench baseline
  cmark-gfm                          # tests parse report Markdown with a real GFM parser
  time                               # GNU time: peak memory on hostile inputs (bench/input_limits.sh)
  clang libclang-rt-14-dev           # the libFuzzer targets (scripts/fuzz.sh)
  faketime                           # tests move the real clock (libfaketime), never --as-of
  python3                            # tests parse JSON output; scripts/module_graph.py
  clang-format clang-tidy            # the format, format-check and tidy targets (.clang-format, .clang-tidy)
)
# Real clients that only the tests use: scripts/setup-deps.sh --test (scripts/test.sh)
# fills forms as a member would, with openpyxl and with LibreOffice Calc headless, and
# completes command lines in bash (with bash-completion) and zsh; man-db renders the man pages;
# chromium (with fonts-noto-cjk) renders the HTML reports and prints their PDF, tidy validates the
# HTML, poppler-utils (pdfinfo, pdftotext) reads the PDF back.
# Baselines that only the benchmarks use: scripts/setup-deps.sh --bench
for arg in "$@"; do
  case "$arg" in
    --test) packages+=(python3-openpyxl libreoffice-calc-nogui zsh bash-completion man-db groff-base
                       chromium fonts-noto-cjk tidy poppler-utils) ;;
    --bench) packages+=(glpk-utils coinor-cbc hyperfine) ;;
    *) echo "setup-deps: unknown option $arg (use --test or --bench)" >&2; exit 64 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
