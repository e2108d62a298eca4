#pragma once
// Returned form files in the database (docs/forms.md): the secret that form ids are made from,
// one form_import row per imported file (append-only, unique by SHA-256), and the records a
// file brought in, so that a later file for the same member and period can replace them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/store/database.hpp"

namespace dormlink::store {

// The database's form secret (meta 'form_secret', made by the schema 7 migration).
std::string form_secret(Database& db);

// One imported form file (table form_import).
struct FormImportRow {
  std::int64_t id = 0;  // assigned by save_form_import
  std::string sha256;   // of the file's bytes, hex
  std::string form_id;  // from the file's hidden sheet or '#' lines; empty for a form typed from scratch
  std::string member_id;
  std::string semester_id;
  int period = 0;
  std::string file_name;    // as given on the command line, without its folders
  std::string file_format;  // xlsx, csv
  std::string received_at;  // local "YYYY-MM-DD HH:MM" (--received)
  bool no_contact = false;  // 本期无联系 ticked
  std::int64_t row_count = 0;
  std::optional<std::int64_t> replaces;  // the earlier file for the same member and period
  std::string entered_at;                // local "YYYY-MM-DD HH:MM:SS" by the real clock
  std::string entered_by;
};

// The import of a file with this SHA-256, if any.
std::optional<FormImportRow> find_form_import(Database& db, const std::string& sha256);

// The latest import for a member's form of a period, if any.
std::optional<FormImportRow> latest_form_import(Database& db, const std::string& member_id,
                                                const std::string& semester_id, int period);

// Appends an import inside the caller's transaction; returns its id.
std::int64_t save_form_import(Database& db, const FormImportRow& row);

// The records of an import that are still in force (neither corrected nor withdrawn), by id.
std::vector<std::int64_t> live_records_of_import(Database& db, std::int64_t import_id);

}  // namespace dormlink::store
