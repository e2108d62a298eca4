#pragma once
// Refusing a damaged database before a command relies on it (docs/backup.md "Damage").

#include <functional>
#include <string_view>

#include "cli/context.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::cli {

// Opens the database and runs SQLite's quick_check on it before anything is read for the
// command or written (backup, report --submit). A damaged file (SQLite refusing
// it on open, or quick_check finding problems) is a DamageError (exit 65) naming the first
// problems, `not_done` ("nothing was submitted", in the message language: a catalogue entry of
// the caller's), and how to restore the last good backup the
// database's receipts name, or, when none is recorded, `sqlite3 .recover` into a new file.
store::Database open_undamaged(Context& ctx, store::OpenMode mode, std::string_view not_done);

// The same refusal, with quick_check running beside the command's own reading instead of before
// it: the database is opened read-only, quick_check runs on a second read-only connection in a
// thread of its own while `read` runs on the first, and this returns once both are done. A
// damaged file is refused as above — also when `read` itself met the damage — so `read` must
// only read: nothing may be printed or written before this returns. (check and verify: their
// reading and quick_check each take about as long, and a machine has two cores.)
void read_undamaged(Context& ctx, std::string_view not_done, const std::function<void(store::Database&)>& read);

}  // namespace dormlink::cli
