#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/store/roster_store.hpp"
#include "impl.hpp"
#include "messages.hpp"

namespace dormlink::store {

// Refuses an import dated before the latest change already recorded in `table`, so versions
// never overlap. Versions of an undone batch no longer count (docs/import.md "Undoing an
// import"): after the undo, an import may take effect on any day from the latest change in force.
void check_effective_date(SQLite::Database& db, const char* table, const ImportContext& ctx) {
  SQLite::Statement q(db, fmt::format("SELECT valid_from, batch_id FROM {} WHERE batch_id NOT IN "
                                      "(SELECT undoes FROM import_batch WHERE undoes IS NOT NULL) "
                                      "ORDER BY valid_from DESC, batch_id DESC LIMIT 1",
                                      table));
  if (!q.executeStep()) return;
  auto latest = q.getColumn(0).getString();
  auto batch = q.getColumn(1).getInt64();
  auto effective = format_date(ctx.effective);
  if (effective < latest) {
    throw DataError(msg::import_earlier(ctx.source_name, latest, batch, effective, latest, batch));
  }
}

std::int64_t insert_batch(SQLite::Database& db, const ImportContext& ctx, const roster::ImportSummary& s) {
  SQLite::Statement q(db,
                      "INSERT INTO import_batch (kind, source_name, encoding, semester_id, effective_date, "
                      "imported_at, imported_by, row_count, added, changed, departed, unchanged) "
                      "VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::bind(q, s.kind, ctx.source_name, ctx.encoding, ctx.semester_id, format_date(ctx.effective), ctx.imported_at,
               ctx.imported_by, static_cast<std::int64_t>(s.rows), static_cast<std::int64_t>(s.added),
               static_cast<std::int64_t>(s.changed), static_cast<std::int64_t>(s.departed),
               static_cast<std::int64_t>(s.unchanged));
  q.exec();
  return db.getLastInsertRowid();
}

}  // namespace dormlink::store
