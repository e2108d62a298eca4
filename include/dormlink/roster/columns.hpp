#pragma once
// Maps a roster's header row (canonical English or Chinese names) to known columns.
// Shared by the roster parsers and the records CSV reader.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/error.hpp"
#include "dormlink/roster/roster.hpp"
#include "dormlink/util/csv.hpp"

namespace dormlink::roster::detail {

// A known column: canonical name and the Chinese / variant headers that mean it.
struct ColumnSpec {
  std::string_view name;
  std::array<std::string_view, 7> aliases;
};

// The header row resolved against a list of ColumnSpec; indexes follow the spec order.
class ColumnMap {
 public:
  // Resolves headers; duplicate columns are problems, unknown ones are noted.
  ColumnMap(const util::CsvTable& table, std::span<const ColumnSpec> specs, const std::string& source,
            ProblemCollector& problems, ParseNotes* notes);

  // True when the file has the column.
  bool has(std::size_t column) const { return m_position[column].has_value(); }
  // The trimmed cell of a record; empty when the column is absent or the row is short.
  std::string_view cell(const util::CsvRecord& record, std::size_t column) const;
  // The header as written in the file, for messages: `column "性别"`.
  std::string header(std::size_t column) const;
  // The number of header fields.
  std::size_t width() const { return m_width; }
  // The number of known columns (the specs).
  std::size_t columns() const { return m_specs.size(); }

 private:
  std::span<const ColumnSpec> m_specs;
  std::vector<std::optional<std::size_t>> m_position;
  std::vector<std::string> m_header_text;
  std::size_t m_width = 0;
};

// Reports the required columns that are missing (one problem for all of them).
void require_columns(const ColumnMap& map, std::span<const ColumnSpec> specs, std::span<const std::size_t> required,
                     const std::string& source, std::size_t header_line, ProblemCollector& problems);

// Adds a problem for a row that has more fields than the header.
bool check_row_width(const ColumnMap& map, const util::CsvRecord& record, const std::string& source,
                     ProblemCollector& problems);

// Called before each data row: true once `problems` is full, after noting how many rows, from
// `line` on, were not checked (`checked` rows of the table's were). The caller stops reading.
bool stop_when_full(ProblemCollector& problems, const util::CsvTable& table, std::size_t checked, std::size_t line);

// Adds a problem when the file has a header but no data rows.
void require_rows(const util::CsvTable& table, const std::string& source, ProblemCollector& problems);

// "source:line".
std::string location(const std::string& source, std::size_t line);

// Splits a multi-value cell on ; ； 、 , ， and trims each part; empty parts dropped.
std::vector<std::string> split_list(std::string_view cell);

// Parses a yes/no cell (是/否/Y/N/yes/no/1/0/true/false/√/✓/×); empty is no.
std::optional<bool> parse_flag(std::string_view cell);

// Shared state while the rows of one file are read: the current record and where its
// problems go, as "file:line: column "header": message".
struct RowReader {
  const ColumnMap& map;
  const ParseContext& context;
  ProblemCollector& problems;
  const util::CsvRecord* record = nullptr;

  std::string_view cell(std::size_t column) const { return map.cell(*record, column); }
  void problem(std::size_t column, const std::string& message);
};

// Adds a problem for each cell of the row that is not plain visible text (a hidden character:
// a control, a bidi control, a zero-width character, a line separator; message.hpp
// name_problem), except in the free-text columns listed. Names, ids, codes and choices must
// be plain text (docs/import.md); free text keeps them and outputs escape them.
void check_plain_cells(RowReader& reader, std::span<const std::size_t> free_text = {});

// Reads an optional e-mail cell into `out` (normalize_email); a bad address is a problem that
// does not show the value.
void read_email(RowReader& reader, std::size_t column, std::string& out);

// Columns that name a dorm: one "dorm" column, or "building" + "room".
struct DormColumns {
  std::size_t dorm;
  std::size_t building;
  std::size_t room;
};

// Reads the dorm of a row; adds a problem (and returns nullopt) when it is missing or malformed.
std::optional<DormCode> read_dorm_code(RowReader& reader, DormColumns columns, const char* who);

// True when the header names a dorm column, or both building and room.
bool has_dorm_columns(const ColumnMap& map, DormColumns columns);

// Throws DataError when problems were collected: "<source>: N problems; nothing was imported".
void throw_if_problems(ProblemCollector& problems, const std::string& source);

}  // namespace dormlink::roster::detail
