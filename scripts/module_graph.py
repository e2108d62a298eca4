#!/usr/bin/env python3
"""The module dependency graph of dormlink, read from the #include lines of src/ and include/.

A module is a folder (src/store + include/dormlink/store = store) or a base file
(src/calendar.cpp + include/dormlink/calendar.hpp = calendar). Prints one line per module:
"module -> what it includes". With --check FILE, exits 1 unless FILE holds exactly that text
between the lines "<!-- module-graph:begin -->" and "<!-- module-graph:end -->"; with --write
FILE, puts it there.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = re.compile(r'^#include "(?:dormlink/)?([^"]+)"', re.M)
BEGIN, END = "<!-- module-graph:begin -->", "<!-- module-graph:end -->"
# The layers, top to bottom (docs/architecture.md): a module includes only modules after it.
LAYERS = ["main", "cli", "xlsx", "report", "store", "inspect", "check", "records", "assign", "roster", "config",
          "when", "message", "model", "mail", "util", "calendar", "error", "language", "privacy_rules"]


def module_of_path(rel):
    parts = rel.split("/")
    if parts[0] == "include":
        parts = parts[2:]  # include/dormlink/...
    else:
        parts = parts[1:]  # src/...
    if len(parts) > 1:
        return parts[0]
    name = os.path.splitext(parts[0])[0]
    return "model" if name == "dorm_code" else name


def module_of_include(target, here):
    parts = target.split("/")
    if len(parts) > 1:
        return parts[0]
    name = os.path.splitext(parts[0])[0]
    # A private header beside a source in a module folder ("codec.hpp" in src/store) belongs to
    # that folder; a public header (include/dormlink/language.hpp) is its own base-file module.
    in_module_folder = here.startswith("src/") and here.count("/") >= 2
    if in_module_folder and os.path.exists(os.path.join(ROOT, os.path.dirname(here), parts[0])):
        return module_of_path(here)
    return name


def graph():
    edges = {}
    for top in ("src", "include"):
        for folder, _, files in os.walk(os.path.join(ROOT, top)):
            for f in sorted(files):
                if not f.endswith((".cpp", ".hpp")):
                    continue
                rel = os.path.relpath(os.path.join(folder, f), ROOT)
                mod = module_of_path(rel)
                deps = edges.setdefault(mod, set())
                with open(os.path.join(ROOT, rel), encoding="utf-8") as text:
                    for target in INCLUDE.findall(text.read()):
                        dep = module_of_include(target, rel)
                        if dep != mod:
                            deps.add(dep)
    return edges


def render(edges):
    lines = ["```"]
    width = max(len(mod) for mod in edges)
    for mod in sorted(edges):
        deps = ", ".join(sorted(edges[mod])) or "(nothing)"
        lines.append(f"{mod:<{width}} -> {deps}")
    lines.append("```")
    return "\n".join(lines)


def upward(edges):
    """Includes that go up or sideways in LAYERS, and modules LAYERS does not place."""
    problems = []
    for mod, deps in sorted(edges.items()):
        for dep in sorted(deps):
            if mod not in LAYERS or dep not in LAYERS:
                problems.append(f"{mod} -> {dep}: a module not in LAYERS (scripts/module_graph.py)")
            elif LAYERS.index(dep) <= LAYERS.index(mod):
                problems.append(f"{mod} -> {dep}: {dep} is not below {mod}")
    return problems


def between(text):
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return start, end


def main(argv):
    edges = graph()
    text = render(edges)
    if len(argv) == 3 and argv[1] == "--check" and upward(edges):
        print("\n".join(upward(edges)), file=sys.stderr)
        return 1
    if len(argv) == 3 and argv[1] in ("--check", "--write"):
        with open(argv[2], encoding="utf-8") as f:
            doc = f.read()
        start, end = between(doc)
        if argv[1] == "--check":
            if doc[start:end].strip() != text:
                print(f"{argv[2]}: the module graph differs from the includes; run scripts/module_graph.py "
                      f"--write {argv[2]}\nexpected:\n{text}", file=sys.stderr)
                return 1
            return 0
        with open(argv[2], "w", encoding="utf-8") as f:
            f.write(doc[:start] + "\n" + text + "\n" + doc[end:])
        return 0
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
