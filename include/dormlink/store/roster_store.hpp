#pragma once
// Applying roster imports to the database, with dated history: a change closes the current
// version (valid_to) and adds a new one; nothing is deleted.

#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/roster/plan.hpp"
#include "dormlink/roster/roster.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// Who imports what, from where, effective when.
struct ImportContext {
  std::string source_name;   // file name as given
  std::string encoding;      // detected or forced encoding name
  std::string semester_id;   // semester used for grades; may be empty
  Date effective{};          // the date the roster holds from (valid_from)
  std::string imported_at;   // local timestamp "YYYY-MM-DD HH:MM:SS"
  std::string imported_by;   // operating-system user
  bool dry_run = false;      // compute the summary, write nothing
  bool departures = true;    // entities missing from the file are marked as left
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

}  // namespace dormlink::store
