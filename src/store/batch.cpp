#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/store/roster_store.hpp"
#include "impl.hpp"

namespace dormlink::store {

// Refuses an import dated before the latest change already recorded for its kind.
void check_effective_date(SQLite::Database& db, const char* table, const ImportContext& ctx) {
  SQLite::Statement q(db, fmt::format("SELECT max(valid_from) FROM {}", table));
  q.executeStep();
  if (q.getColumn(0).isNull()) return;
  auto latest = q.getColumn(0).getString();
  auto effective = format_date(ctx.effective);
  if (effective < latest) {
    throw DataError(fmt::format("{}: the database already holds roster changes effective {}; an "
                                "import cannot take effect earlier ({}); use --as-of {} or later",
                                ctx.source_name, latest, effective, latest));
  }
}

std::int64_t insert_batch(SQLite::Database& db, const ImportContext& ctx, const roster::ImportSummary& s) {
  SQLite::Statement q(db,
      "INSERT INTO import_batch (kind, source_name, encoding, semester_id, effective_date, "
      "imported_at, imported_by, row_count, added, changed, departed, unchanged) "
      "VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::bind(q, s.kind, ctx.source_name, ctx.encoding, ctx.semester_id, format_date(ctx.effective),
               ctx.imported_at, ctx.imported_by, static_cast<std::int64_t>(s.rows),
               static_cast<std::int64_t>(s.added), static_cast<std::int64_t>(s.changed),
               static_cast<std::int64_t>(s.departed), static_cast<std::int64_t>(s.unchanged));
  q.exec();
  return db.getLastInsertRowid();
}

}  // namespace dormlink::store
