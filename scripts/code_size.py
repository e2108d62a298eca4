#!/usr/bin/env python3
"""Sizes the code under src/: no file over 600 lines, no function over 60 (docs/architecture.md).

A function is a definition starting at column 0 (Google style does not indent namespaces) whose
header line ends with "{" and whose body ends at the next line that is exactly "}". Prints the
largest files and functions; with --check, exits 1 when a limit is exceeded.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_FILE, MAX_FUNCTION = 600, 60
NOT_A_FUNCTION = re.compile(r"^(namespace|struct|class|enum|union|extern|template\s*<[^>]*>\s*(struct|class))\b")


def functions(lines):
    start = None
    for i, line in enumerate(lines):
        if start is None:
            if line[:1].strip() and line.rstrip().endswith("{") and not NOT_A_FUNCTION.match(line) \
                    and "(" in "".join(lines[max(0, i - 3):i + 1]) and not line.startswith(("#", "//", "}")) \
                    and "=" not in line.split("(")[0]:
                start = i
        elif line == "}":
            yield start + 1, i - start + 1, lines[start].strip()
            start = None


def main(argv):
    files, long_functions = [], []
    for folder, _, names in os.walk(os.path.join(ROOT, "src")):
        for name in sorted(names):
            if not name.endswith((".cpp", ".hpp")):
                continue
            path = os.path.relpath(os.path.join(folder, name), ROOT)
            with open(os.path.join(ROOT, path), encoding="utf-8") as f:
                lines = f.read().split("\n")
            count = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
            files.append((count, path))
            for line, size, header in functions(lines):
                if size > MAX_FUNCTION:
                    long_functions.append((size, f"{path}:{line}", header))
    files.sort(reverse=True)
    print("largest files:", ", ".join(f"{p} {n}" for n, p in files[:5]), flush=True)
    too_big = [(n, p) for n, p in files if n > MAX_FILE]
    for n, p in too_big:
        print(f"{p}: {n} lines (limit {MAX_FILE})", file=sys.stderr)
    for n, where, header in sorted(long_functions, reverse=True):
        print(f"{where}: a function of {n} lines (limit {MAX_FUNCTION}): {header}", file=sys.stderr)
    return 1 if "--check" in argv and (too_big or long_functions) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
