#!/usr/bin/python3
"""Fills a sheet of a flat OpenDocument spreadsheet (.fods) as LibreOffice wrote it, for the
round trip of tests/cli/test_e2e_import_form.cpp: LibreOffice opens dormlink's blank form and
saves it as .fods, this script writes cells, and LibreOffice saves the result as .xlsx. Only
the Python standard library is used.

usage: fods_fill.py IN.fods OUT.fods SHEET ANCHOR ROWS.tsv

ANCHOR is the text of the table's first header cell (联系寝室名称); each line of ROWS.tsv is
one row below it, cells separated by tabs (an empty cell is left as it is).
"""
import copy
import sys
import xml.etree.ElementTree as ET

T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
X = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
C = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


def register_namespaces(path):
    for _, (prefix, uri) in ET.iterparse(path, events=("start-ns",)):
        ET.register_namespace(prefix, uri)


def split_repeated(parent, element, attribute):
    """Makes `element` stand for one row or cell: a repeated one is split in two."""
    key = "{%s}%s" % (T, attribute)
    n = int(element.get(key, "1"))
    if n <= 1:
        return
    rest = copy.deepcopy(element)
    del element.attrib[key]
    if n > 2:
        rest.set(key, str(n - 1))
    elif key in rest.attrib:
        del rest.attrib[key]
    parent.insert(list(parent).index(element) + 1, rest)


def rows_of(table):
    """Every row of the table in order, with its parent (header rows and row groups included)."""
    out = []
    for child in list(table):
        if child.tag == "{%s}table-row" % T:
            out.append((table, child))
        elif child.tag in ("{%s}table-header-rows" % T, "{%s}table-row-group" % T, "{%s}table-rows" % T):
            out.extend(rows_of(child))
    return out


def cell_text(cell):
    return "".join(cell.itertext()).strip()


def cells_of(row):
    return [c for c in row if c.tag in ("{%s}table-cell" % T, "{%s}covered-table-cell" % T)]


def set_cell(row, column, value):
    index = 0
    for cell in cells_of(row):
        n = int(cell.get("{%s}number-columns-repeated" % T, "1"))
        if index + n > column:
            while index < column:
                split_repeated(row, cell, "number-columns-repeated")
                index += 1
                cell = cells_of(row)[cells_of(row).index(cell) + 1]
            split_repeated(row, cell, "number-columns-repeated")
            for child in list(cell):
                cell.remove(child)
            for attribute in list(cell.attrib):
                if attribute.startswith("{%s}" % O) and attribute != "{%s}style-name" % O:
                    del cell.attrib[attribute]
            cell.set("{%s}value-type" % O, "string")
            cell.set("{%s}value-type" % C, "string")
            ET.SubElement(cell, "{%s}p" % X).text = value
            return
        index += n
    raise SystemExit("column %d is past the row's last cell" % (column + 1))


def main():
    source, target, sheet_name, anchor, rows_file = sys.argv[1:6]
    register_namespaces(source)
    tree = ET.parse(source)
    table = next(t for t in tree.iter("{%s}table" % T) if t.get("{%s}name" % T) == sheet_name)
    rows = rows_of(table)
    header = next(i for i, (_, row) in enumerate(rows) if cells_of(row) and cell_text(cells_of(row)[0]) == anchor)
    with open(rows_file, encoding="utf-8") as f:
        values = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    for offset, cells in enumerate(values):
        rows = rows_of(table)
        parent, row = rows[header + 1 + offset]
        split_repeated(parent, row, "number-rows-repeated")
        for column, value in enumerate(cells):
            if value:
                set_cell(row, column, value)
    tree.write(target, encoding="UTF-8", xml_declaration=True)


main()
