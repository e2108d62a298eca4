#!/usr/bin/env python3
"""Every message a person reads comes from the catalogue (docs/messages.md).

Scans src/ for string literals with English words in a statement that throws, adds a problem,
or writes to standard error / a receipt, outside the catalogue's tables (Message, Words,
ChineseText). Such a literal is a message that speaks English only.

  scripts/message_lint.py          list them
  scripts/message_lint.py --check  list them and exit 1 if there are any

A literal that is no message (an internal error only a bug can cause, a SQL fragment) carries
`// not a message: WHY` on its line or the line above.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "src"
TOKEN = re.compile(r'//[^\n]*|/\*.*?\*/|R"\((.*?)\)"|"((?:[^"\\\n]|\\.)*)"|\'(?:[^\'\\\n]|\\.)*\'', re.S)
EMITS = re.compile(r'undamaged\(|problem\(|refuse\(|fail\(|\bthrow\b|\.add\(|Problem\{|receipt\(|\bwarn|\berr\(\)|\bcerr\b|Error\(|\bnote\(')
TABLES = re.compile(r'\bMessage\b|\bWords\b|\bChineseText\b')
MARK = "not a message"


def english_words(text):
    text = re.sub(r'--?[A-Za-z][\w-]*|\{[^}]*\}|%[a-z]|\\[nt]', ' ', text)
    return re.findall(r'[A-Za-z]{3,}', text)


def scan(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    literals = []

    def replace(match):
        whole = match.group(0)
        if whole.startswith("/"):
            return re.sub(r'[^\n]', ' ', whole)
        if whole.startswith("'"):
            return "' '"
        literals.append((match.start(), match.group(2) if match.group(2) is not None else match.group(1) or ""))
        return f'"@{len(literals) - 1}@"' + "\n" * whole.count("\n")

    clean = TOKEN.sub(replace, text)
    found = []
    for statement in re.finditer(r'[^;{}]*;', clean):
        body = statement.group()
        if not EMITS.search(body) or TABLES.search(body):
            continue
        for index in re.findall(r'"@(\d+)@"', body):
            position, literal = literals[int(index)]
            if len(english_words(literal)) < 2 or " " not in literal.strip():
                continue  # a key, a path or an identifier is no sentence
            line = text.count("\n", 0, position) + 1
            nearby = lines[max(0, line - 3):line]
            if any(MARK in l for l in nearby):
                continue
            found.append((line, literal))
    return found


def main():
    check = "--check" in sys.argv[1:]
    total = 0
    for path in sorted(ROOT.rglob("*.[ch]pp")):
        if path.name == "messages.hpp" or path.name.startswith("man_texts"):
            continue
        for line, literal in scan(path):
            total += 1
            print(f"{path.relative_to(ROOT.parent)}:{line}: English-only message: \"{literal[:90]}\"")
    if total:
        print(f"{total} message(s) outside the catalogue; add them to the module's table (docs/messages.md)")
    return 1 if check and total else 0


if __name__ == "__main__":
    sys.exit(main())
