#pragma once
// Refusing a damaged database before a command relies on it (docs/backup.md "Damage").

#include <string_view>

#include "cli/context.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::cli {

// Opens the database and runs SQLite's quick_check on it before anything is read for the
// command or written (check, verify, backup, report --submit). A damaged file (SQLite refusing
// it on open, or quick_check finding problems) is a DamageError (exit 65) naming the first
// problems, `not_done` ("nothing was submitted"), and how to restore the last good backup the
// database's receipts name, or, when none is recorded, `sqlite3 .recover` into a new file.
store::Database open_undamaged(Context& ctx, store::OpenMode mode, std::string_view not_done);

}  // namespace dormlink::cli
