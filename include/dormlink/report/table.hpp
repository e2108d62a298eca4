#pragma once
// Plain-text and Markdown tables. Text columns are padded by terminal width, so Chinese
// names (two columns per character) line up; Markdown cells are escaped.

#include <string>
#include <string_view>
#include <vector>

namespace dormlink::report {

enum class Align { left, right };

// A table: a header row, data rows, and per-column alignment.
struct Table {
  std::vector<std::string> header;
  std::vector<Align> align;
  std::vector<std::vector<std::string>> rows;
};

// One table of a report as a spreadsheet sheet (docs/reports.md "CSV and Excel"): `key` names
// it for `--sheet` (stable, English), `name` is its tab in Excel (zh or en, at most 31
// characters). Right-aligned columns hold numbers and counts.
struct Sheet {
  std::string key;
  std::string name;
  Table table;
};

// A report's tables in the order they appear in the document.
using Workbook = std::vector<Sheet>;

// Appends the rows of each sheet of `more` to the sheet with the same key in `into`, or the
// sheet itself when `into` has none (--all: every member's form in one workbook).
void append_workbook(Workbook& into, Workbook more);

// The sheet with this key, or nullptr.
const Sheet* find_sheet(const Workbook& workbook, std::string_view key);

// Columns separated by two spaces, padded to the widest cell; a dashed line under the header.
// Each cell is shown on one line with its hidden characters escaped (util::escape_hidden, mark).
std::string render_text(const Table& table, std::string_view indent = "");

// GitHub-flavoured Markdown; every cell passes through escape_markdown_cell.
std::string render_markdown(const Table& table);

// The last step of every text and Markdown renderer: whatever a value that skipped its cell
// escape held, the document prints no hidden character raw (util::escape_hidden; tab and line
// breaks stay). Clean documents come back byte for byte.
std::string visible_document(std::string_view document);

// Escapes a value for one Markdown table cell: | \ ` * _ [ ] < > # ~ &, a line break as "↵"
// (no raw HTML), controls and bidi/zero-width characters as \u{202E} (util::escape_hidden).
std::string escape_markdown_cell(std::string_view text);

}  // namespace dormlink::report
