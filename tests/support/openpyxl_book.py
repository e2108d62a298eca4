#!/usr/bin/python3
"""Writes a workbook with python3-openpyxl for the xlsx reader's tests (tests/unit/test_xlsx_read.cpp).

usage: openpyxl_book.py OUT.xlsx [1904]

Sheets: "表单" (shared strings, numbers, booleans, a date and a date-time, a merged title, a
rich-text string with a phonetic run, an inline string and Excel's _xHHHH_ escapes: Debian's
openpyxl writes every string inline and no rich text, so shared strings, rich text and escapes
are patched into its XML afterwards), "Second" (cells
far apart) and "Hidden" (state hidden). With "1904" the workbook uses the 1904 date system.
"""
import datetime
import re
import sys
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904


def build(path, mac1904):
    wb = openpyxl.Workbook()
    if mac1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "表单"
    ws["A1"] = "党员联系寝室反馈表"
    ws.merge_cells("A1:E1")
    ws.append(["日期", "寝室", "人数", "完成", "备注"])
    ws.append([datetime.date(2026, 3, 1), "8-305", 4, True, "RICH"])
    ws.append([datetime.datetime(2026, 3, 2, 19, 30), "8-306", 3.5, False, "INLINE"])
    ws.append(["ESCAPED", None, -0.25, None, None])
    ws["A3"].number_format = "yyyy-mm-dd"
    ws["A4"].number_format = "yyyy/m/d h:mm"
    second = wb.create_sheet("Second")
    second["C7"] = "far"
    second["A2"] = 13800138000
    hidden = wb.create_sheet("Hidden")
    hidden["A1"] = "secret"
    hidden.sheet_state = "hidden"
    wb.save(path)


SPECIAL = {
    # rich text runs and a phonetic run, as Excel writes them
    "RICH": '<r><t>粗体</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 普通 </t></r>'
            '<rPh sb="0" eb="1"><t>ふりがな</t></rPh>',
    # Excel's escapes: _x000D_ is a CR, _x005F_ an underscore
    "ESCAPED": "<t>a_x000D_b_x005F_x0041_</t>",
}
STRINGS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
STRINGS_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def shared(match, items):
    """A cell openpyxl wrote as an inline string, rewritten to use a shared string."""
    ref, text = match.group(1), match.group(2)
    if text == "INLINE":
        return '<c r="%s" t="inlineStr"><is><t>内联</t></is></c>' % ref
    items.append(SPECIAL.get(text, "<t>%s</t>" % text))
    return '<c r="%s" t="s"><v>%d</v></c>' % (ref, len(items) - 1)


def patch(path):
    """Shared strings (this openpyxl writes inline strings only), rich text and escapes."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    items = []
    for name in sorted(n for n in parts if n.startswith("xl/worksheets/sheet")):
        sheet = parts[name].decode("utf-8")
        sheet = re.sub(r'<c r="(\w+)" t="inlineStr"><is><t>(.*?)</t></is></c>', lambda m: shared(m, items), sheet)
        parts[name] = sheet.encode("utf-8")
    sst = "".join("<si>%s</si>" % item for item in items)
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
        % (len(items), len(items), sst)).encode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>",
                        '<Relationship Type="%s" Target="sharedStrings.xml" Id="rId99"/></Relationships>' % STRINGS_TYPE)
    parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = types.replace("</Types>",
                          '<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>' % STRINGS_CONTENT)
    parts["[Content_Types].xml"] = types.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


if __name__ == "__main__":
    build(sys.argv[1], len(sys.argv) > 2 and sys.argv[2] == "1904")
    patch(sys.argv[1])
