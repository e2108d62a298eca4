// `dormlink import undo BATCH`: reversing an import without deleting anything (docs/import.md
// "Undoing an import"). The batch's versions are closed on the day they began (zero-length:
// valid on no day), the versions it had closed are in force again, and a new import_batch row
// points at the batch it reverses.
#include <array>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/store/roster_store.hpp"
#include "impl.hpp"
#include "messages.hpp"

namespace dormlink::store {
namespace {

// Versions of a batch that was not undone (the alias is the version row).
#define DORMLINK_SQL_LIVE(alias) alias ".batch_id NOT IN (SELECT undoes FROM import_batch WHERE undoes IS NOT NULL)"

// A version table and how its rows name one entity.
struct VersionTable {
  const char* table;
  const char* key;          // the entity's id column, for messages and references
  const char* same_entity;  // SQL: version p is of the same entity as version v
  const char* noun;         // "student", "dorm", "staff member"
  Words named;              // the noun in messages
};

constexpr VersionTable k_student_versions{"student_version", "student_id", "p.student_id = v.student_id", "student",
                                          msg::student_noun};
constexpr VersionTable k_dorm_versions{"dorm_version", "dorm_code", "p.dorm_code = v.dorm_code", "dorm",
                                       msg::dorm_noun};
constexpr VersionTable k_staff_versions{"staff_duty_version", "staff_id", "p.staff_id = v.staff_id AND p.role = v.role",
                                        "staff member", msg::staff_noun};

// The version tables an import of `kind` writes: a students import also creates the dorms its
// rows name.
std::vector<VersionTable> tables_of(const std::string& kind) {
  if (kind == "students") return {k_student_versions, k_dorm_versions};
  if (kind == "dorms") return {k_dorm_versions};
  return {k_staff_versions};
}

// Kinds whose later imports an undo must not pass over: students are checked against the dorms
// roster and create dorms, so students and dorms imports stack together; staff stand alone.
const char* related_kinds(const std::string& kind) { return kind == "staff" ? "('staff')" : "('students', 'dorms')"; }

// What points at an entity: an undo that removed the entity would leave these naming no one.
struct Reference {
  const char* noun;  // "student", "dorm", "staff member": the entity kind it names
  Words what;        // for the message: "record #12"
  const char* table;
  const char* column;  // the column holding the entity's id
  const char* id;      // the referencing row's number
  const char* only;    // extra condition on the referencing row, or ""
};

constexpr std::array<Reference, 12> k_references{{
    {"student", msg::record_ref, "record", "member_id", "id", ""},
    {"student", msg::record_ref, "record_student", "student_id", "record_id", ""},
    {"student", msg::assignment_ref, "assignment_pair", "member_id", "assignment_id", ""},
    {"student", msg::sample_ref, "inspection_sample_item", "member_id", "sample_id", ""},
    {"student", msg::finding_ref, "inspection_finding", "member_id", "id", ""},
    {"student", msg::finding_ref, "inspection_finding", "student_id", "id", ""},
    {"student", msg::feedback_ref, "submission", "subject_id", "id", " AND x.kind = 'feedback'"},
    {"dorm", msg::record_ref, "record", "dorm_code", "id", ""},
    {"dorm", msg::assignment_ref, "assignment_pair", "dorm_code", "assignment_id", ""},
    {"dorm", msg::assignment_ref, "assignment_uncovered", "dorm_code", "assignment_id", ""},
    {"dorm", msg::sample_ref, "inspection_sample_item", "dorm_code", "sample_id", ""},
    {"staff member", msg::summary_ref, "submission", "subject_id", "id", " AND x.kind = 'summary'"},
}};

// One import_batch row, as far as an undo needs it.
struct Batch {
  std::int64_t id = 0;
  std::string kind;
  std::string source_name;
  std::string effective_date;
  std::int64_t undoes = 0;
  std::int64_t undone_by = 0;
};

std::optional<Batch> load_batch(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db,
                      "SELECT b.kind, b.source_name, b.effective_date, coalesce(b.undoes, 0), "
                      "coalesce((SELECT u.id FROM import_batch u WHERE u.undoes = b.id), 0) "
                      "FROM import_batch b WHERE b.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return Batch{id,
               q.getColumn(0).getString(),
               q.getColumn(1).getString(),
               q.getColumn(2).getString(),
               q.getColumn(3).getInt64(),
               q.getColumn(4).getInt64()};
}

// Refuses what cannot be undone: no such batch, an undo, a batch undone already.
void check_batch(const std::optional<Batch>& batch, std::int64_t id) {
  if (!batch) {
    throw DataError(msg::no_batch(id));
  }
  if (batch->undoes != 0) {
    throw DataError(msg::batch_is_undo(id, batch->undoes));
  }
  if (batch->undone_by != 0) {
    throw DataError(msg::batch_undone_already(id, batch->undone_by));
  }
}

// Refuses when a later import that depends on this one still stands: undo those first, latest
// first (their rosters were checked against, and built on, this one).
void check_latest(SQLite::Database& db, const Batch& batch) {
  SQLite::Statement q(db, fmt::format("SELECT b.id, b.kind FROM import_batch b WHERE b.id > ? AND "
                                      "b.undoes IS NULL AND b.kind IN {} AND NOT EXISTS (SELECT 1 FROM "
                                      "import_batch u WHERE u.undoes = b.id) ORDER BY b.id DESC",
                                      related_kinds(batch.kind)));
  q.bind(1, batch.id);
  const Language language = message_language();
  std::string later;
  std::int64_t latest = 0;
  int count = 0;
  while (q.executeStep()) {
    if (latest == 0) latest = q.getColumn(0).getInt64();
    const auto kind = q.getColumn(1).getString();
    const auto& word = kind == "students" ? msg::students_kind : kind == "dorms" ? msg::dorms_kind : msg::staff_kind;
    if (count++ > 0) later += msg::batch_separator(language);
    later += msg::later_batch(q.getColumn(0).getInt64(), word(language));
  }
  if (latest == 0) return;
  throw DataError(msg::batch_not_latest(batch.id, later, count == 1 ? "s" : "", latest));
}

// Refuses when the batch added an entity that something else now names.
void check_references(SQLite::Database& db, const Batch& batch, const VersionTable& t) {
  for (const auto& ref : k_references) {
    if (std::string_view(ref.noun) != t.noun) continue;
    SQLite::Statement q(
        db, fmt::format("SELECT v.{key}, x.{id} FROM {table} v JOIN {ref} x ON x.{column} = v.{key}{only} "
                        "WHERE v.batch_id = ? AND NOT EXISTS (SELECT 1 FROM {table} p WHERE {same} AND p.id < v.id "
                        "AND " DORMLINK_SQL_LIVE("p") ") ORDER BY x.{id} LIMIT 1",
                        fmt::arg("key", t.key), fmt::arg("id", ref.id), fmt::arg("table", t.table),
                        fmt::arg("ref", ref.table), fmt::arg("column", ref.column), fmt::arg("only", ref.only),
                        fmt::arg("same", t.same_entity)));
    q.bind(1, batch.id);
    if (!q.executeStep()) continue;
    const Language language = message_language();
    throw DataError(msg::batch_named(batch.id, t.named(language), q.getColumn(0).getString(), ref.what(language),
                                     q.getColumn(1).getInt64()));
  }
}

// One version of the batch and the version it closed (0: the batch added the entity).
struct Reversal {
  std::int64_t version = 0;
  std::int64_t prior = 0;
};

// The batch's versions with what each closed: the entity's latest earlier version from a
// batch still in force. Every one must be in force itself (the batches that could have closed
// it came later and were undone, which reopened it), and must have closed its prior on its
// first day; anything else is a damaged history, and nothing is changed.
std::vector<Reversal> reversals(SQLite::Database& db, const Batch& batch, const VersionTable& t) {
  SQLite::Statement q(
      db, fmt::format("SELECT v.id, v.valid_to IS NULL, coalesce(p.id, 0), p.id IS NULL OR p.valid_to = v.valid_from "
                      "FROM (SELECT v.id, v.valid_from, v.valid_to, (SELECT max(p.id) FROM {table} p WHERE {same} AND "
                      "p.id < v.id AND " DORMLINK_SQL_LIVE("p") ") AS prior FROM {table} v WHERE v.batch_id = ?) v "
                                                                "LEFT JOIN {table} p ON p.id = v.prior ORDER BY v.id",
                      fmt::arg("table", t.table), fmt::arg("same", t.same_entity)));
  q.bind(1, batch.id);
  std::vector<Reversal> out;
  while (q.executeStep()) {
    if (q.getColumn(1).getInt() == 0 || q.getColumn(3).getInt() == 0) {
      throw Error(ExitCode::internal, msg::history_damaged(t.table, q.getColumn(0).getInt64(), batch.id));
    }
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(2).getInt64()});
  }
  return out;
}

// Closes the batch's versions on their first day and puts the versions they closed back in force.
void apply(SQLite::Database& db, const VersionTable& t, const std::vector<Reversal>& list) {
  SQLite::Statement close(db, fmt::format("UPDATE {} SET valid_to = valid_from WHERE id = ?", t.table));
  SQLite::Statement reopen(db, fmt::format("UPDATE {} SET valid_to = NULL WHERE id = ?", t.table));
  for (const auto& r : list) {
    close.reset();
    close.bind(1, r.version);
    close.exec();
  }
  for (const auto& r : list) {
    if (r.prior == 0) continue;
    reopen.reset();
    reopen.bind(1, r.prior);
    reopen.exec();
  }
}

// The undo's own import_batch row: the undone batch's file, date and counts, today's who and when.
std::int64_t insert_undo_batch(SQLite::Database& db, const UndoContext& ctx) {
  SQLite::Statement q(
      db,
      "INSERT INTO import_batch (kind, source_name, encoding, semester_id, effective_date, imported_at, "
      "imported_by, row_count, added, changed, departed, unchanged, undoes) SELECT kind, source_name, "
      "encoding, semester_id, effective_date, ?, ?, row_count, added, changed, departed, unchanged, id "
      "FROM import_batch WHERE id = ?");
  SQLite::bind(q, ctx.imported_at, ctx.imported_by, ctx.batch);
  q.exec();
  return db.getLastInsertRowid();
}

}  // namespace

roster::UndoSummary undo_import(Database& database, const UndoContext& ctx) {
  roster::UndoSummary summary;
  database.transaction([&] {
    auto& db = database.impl().db;
    const auto batch = load_batch(db, ctx.batch);
    check_batch(batch, ctx.batch);
    check_latest(db, *batch);
    std::vector<std::pair<VersionTable, std::vector<Reversal>>> work;
    for (const auto& t : tables_of(batch->kind)) {
      check_references(db, *batch, t);
      work.emplace_back(t, reversals(db, *batch, t));
    }
    summary = {batch->id, 0, batch->kind, batch->source_name, batch->effective_date, 0, 0, ctx.dry_run};
    for (const auto& [t, list] : work) {
      for (const auto& r : list) {
        if (r.prior != 0) {
          ++summary.restored;
        } else {
          ++summary.removed;
        }
      }
    }
    if (ctx.dry_run) return;
    for (const auto& [t, list] : work) apply(db, t, list);
    summary.undo_batch = insert_undo_batch(db, ctx);
  });
  return summary;
}

}  // namespace dormlink::store
