#pragma once
// `dormlink export TABLE` (docs/reports.md "export"): the tables a counselor opens in Excel or
// feeds to a script, built with the audience's privacy (phones masked, attention categories
// only with --include-sensitive) and rendered as CSV for Excel, raw CSV or JSON. Pure: the
// rows come from store/export_store.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dormlink/records/effective.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/roster/roster.hpp"

namespace dormlink::report {

// What a column's cells are in JSON (CSV and Excel cells are text either way).
enum class JsonType {
  text,     // a string
  integer,  // a whole number; an empty cell is null
  flag,     // true when the cell is not empty ("是"), else false
};

// A column of database keys (an enum: a kind, a category, a severity, a role, a status) shown by
// its Chinese words in CSV and Excel; JSON keeps the key (docs/export.md "Formats").
using KeyLabel = std::string (*)(std::string_view key);

// One column: its key (JSON) and its header (CSV; Chinese, the import's headers for rosters).
struct ExportColumn {
  std::string key;
  std::string header;
  bool number = false;  // a count or score: a number cell in Excel, a number in JSON (empty: null)
  JsonType json = JsonType::text;
  KeyLabel label = nullptr;  // set: the cells are keys, shown as this gives them outside JSON
};

// A table of text cells, rows already in export order.
struct ExportTable {
  std::vector<ExportColumn> columns;
  std::vector<std::vector<std::string>> rows;
};

// Current students (`members_only`: 中共党员 and 中共预备党员), by pinyin of names then id,
// in the students roster's columns so a sensitive raw export re-imports to the same roster.
// The phone column is masked unless privacy.phones_in_full(); the attention column is left out
// unless privacy.attention_of_named(). Throws UsageError for the committee (no names).
ExportTable students_table(std::vector<roster::StudentRow> students, const Privacy& privacy, bool members_only);

// Every known dorm, by dorm code, in the dorms roster's columns.
ExportTable dorms_table(std::vector<roster::DormRow> dorms);

// Effective contact records (every contact kind but incidents) / incidents, by record id.
// `corrected` holds the number of the record a correction replaced. Throws UsageError for the
// committee.
ExportTable contacts_table(std::vector<records::EffectiveRecord> rows, const Privacy& privacy);

// An incident's case as the export shows it (docs/cases.md), by the record in force.
struct IncidentCaseCells {
  std::int64_t record = 0;      // the effective incident record
  std::string acknowledged_at;  // local "YYYY-MM-DD HH:MM"; empty when nobody acknowledged it
  std::string status;           // reported, acknowledged, action, closed
  std::int64_t repeat_of = 0;   // the case number of the incident it repeats; 0: none
};
// Incidents with their cases' acknowledged time, status and repeat (rows without a case: empty).
ExportTable incidents_table(std::vector<records::EffectiveRecord> rows, const Privacy& privacy,
                            const std::vector<IncidentCaseCells>& cases = {});

// A report's sheet as an export table (keys = headers) and back, for CSV and JSON of reports
// and for Excel of exports (number columns right-aligned).
ExportTable to_export_table(const Table& table);
Sheet to_sheet(const ExportTable& table, std::string key, std::string name);

enum class CsvFlavor {
  excel,  // UTF-8 BOM, CRLF, formula cells prefixed with '
  raw,    // no BOM, LF, cells as they are
};

// The cells as CSV and Excel show them: a key column's keys by their Chinese words.
std::vector<std::vector<std::string>> shown_rows(const ExportTable& table);

// RFC 4180 CSV (header row from the columns' headers). In both flavours a cell keeps its line
// breaks and tabs (quoted) and shows every other hidden character escaped (\u{1B},
// util::escape_hidden); JSON is the format that gives text back byte for byte.
std::string render_table_csv(const ExportTable& table, CsvFlavor flavor);
// The same for rows of any length (no header of its own): forms of label/value rows.
std::string render_rows_csv(const std::vector<std::vector<std::string>>& rows, CsvFlavor flavor);
// A JSON array of objects keyed by the columns' keys; every value a string.
// One object per row, keys in column order, values typed by the column (JsonType, number):
// ids and counts are numbers, flags booleans, empty numbers null. A number cell that is not
// a number (a suppressed "<3") stays a string.
std::string render_table_json(const ExportTable& table);

// A cell Excel would evaluate (starting with = + - @, TAB or CR) prefixed with '.
std::string formula_safe(std::string_view cell);

}  // namespace dormlink::report
