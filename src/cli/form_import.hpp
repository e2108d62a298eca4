#pragma once
// `dormlink import form`: a member's returned feedback form read and checked as the member's
// own submission (docs/forms.md "Filled forms in"). One file at a time: read it (xlsx or CSV)
// into text grids, find its member and period, read and resolve its rows; the command saves
// every file's records in one transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "cli/entry_resolver.hpp"
#include "dormlink/check/period.hpp"
#include "dormlink/records/form_table.hpp"
#include "dormlink/store/form_store.hpp"

namespace dormlink::cli {

// A returned file as read: its bytes' hash and its sheets as text.
struct FormFile {
  std::string name;    // as given on the command line
  std::string format;  // xlsx, csv
  std::string sha256;  // of the bytes, hex
  records::FormGrid main;
  std::optional<records::FormGrid> hidden;  // the `_dormlink` sheet
};

// Reads one file: an .xlsx workbook (by its bytes, whatever its name) or CSV in any encoding
// import reads (`encoding` forces one: forced_encoding). Throws DataError naming the file.
FormFile read_form_file(Context& ctx, const std::string& path, std::optional<util::Encoding> encoding);

// What one file will record.
struct FormPlan {
  FormFile file;
  records::FormHeader header;
  std::string member_id;
  std::string member_name;
  check::ReportPeriod period;
  std::vector<records::FormRow> rows;
  std::vector<records::ResolvedEntry> entries;  // one per row, in order
  // Per entry: the record that already says the same (typed with log-visit before the form came
  // back), which the form does not record twice; 0 for a new record.
  std::vector<std::int64_t> already;
  std::optional<store::FormImportRow> replaces;  // the earlier file for the same member and period
  std::vector<std::int64_t> withdrawn;           // its records still in force, withdrawn by this one
};

struct FormImportOptions {
  std::string member;  // --member: for a form that names no member
  bool strict = false;
};

// Checks one file against the database and the rosters: member, period, form id, a file
// imported before, every row. Throws DataError listing every problem with file, sheet, row and
// column; `today` dates a form typed from scratch.
FormPlan plan_form(Context& ctx, store::Database& db, EntryResolver& resolver, FormFile file,
                   const FormImportOptions& options);

}  // namespace dormlink::cli
