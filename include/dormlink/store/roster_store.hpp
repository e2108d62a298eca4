#pragma once
// Applying roster imports to the database, with dated history: a change closes the current
// version (valid_to) and adds a new one; nothing is deleted.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/roster/plan.hpp"
#include "dormlink/roster/roster.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// Who imports what, from where, effective when.
struct ImportContext {
  std::string source_name;  // file name as given
  std::string encoding;     // detected or forced encoding name
  std::string semester_id;  // semester used for grades; may be empty
  Date effective{};         // the date the roster holds from (valid_from)
  std::string imported_at;  // local timestamp "YYYY-MM-DD HH:MM:SS"
  std::string imported_by;  // operating-system user
  bool dry_run = false;     // compute the summary, write nothing
  bool departures = true;   // entities missing from the file are marked as left
  // Called with the summary before anything is written (not in a dry run); may throw to
  // write nothing (the CLI's confirmation of an import that marks many as left).
  std::function<void(const roster::ImportSummary&)> before_writing;
};

// Imports a validated students roster in one transaction. Throws DataError (nothing written)
// when the rows contradict the dorms roster or the effective date is before the latest
// roster change.
roster::ImportSummary import_students(Database& db, const std::vector<roster::StudentRow>& rows,
                                      const ImportContext& context);

// Imports a validated dorms roster in one transaction (dorms are never removed).
roster::ImportSummary import_dorms(Database& db, const std::vector<roster::DormRow>& rows,
                                   const ImportContext& context);

// Imports a validated staff roster in one transaction.
roster::ImportSummary import_staff(Database& db, const std::vector<roster::StaffRow>& rows,
                                   const ImportContext& context);

// Who undoes which import, when.
struct UndoContext {
  std::int64_t batch = 0;   // the import_batch to reverse
  std::string imported_at;  // local timestamp "YYYY-MM-DD HH:MM:SS" of the undo
  std::string imported_by;  // operating-system user
  bool dry_run = false;     // check and count, write nothing
};

// Reverses import `batch` in one transaction (docs/import.md "Undoing an import"): its versions
// become zero-length (valid on no day), the versions it had closed are in force again, and a
// new import_batch row with `undoes` = batch records the undo; nothing is deleted, so the
// rosters on every day are what they were before the batch and the history keeps both. Throws
// DataError, naming what to do instead, when there is no such batch, it is an undo, it was
// already undone, a later import of students or dorms (for a students or dorms batch) or of
// staff (for a staff batch) still stands, or it added a student, dorm or staff member that
// records, assignments, inspections or submitted forms name.
roster::UndoSummary undo_import(Database& db, const UndoContext& context);

}  // namespace dormlink::store
