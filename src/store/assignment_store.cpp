#include "dormlink/store/assignment_store.hpp"

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "impl.hpp"
#include "messages.hpp"

namespace dormlink::store {
namespace {

std::optional<AssignmentRecord> load_header(SQLite::Database& db, const std::string& semester_id) {
  SQLite::Statement q(
      db,
      "SELECT a.id, a.kind, a.valid_from, a.supersedes, a.total_cost, a.created_at, a.created_by, a.note "
      "FROM assignment a WHERE a.semester_id = ? AND NOT EXISTS "
      "(SELECT 1 FROM assignment b WHERE b.supersedes = a.id) ORDER BY a.id DESC LIMIT 1");
  q.bind(1, semester_id);
  if (!q.executeStep()) return std::nullopt;
  AssignmentRecord r;
  r.id = q.getColumn(0).getInt64();
  r.semester_id = semester_id;
  r.kind = q.getColumn(1).getString();
  r.valid_from = q.getColumn(2).getString();
  if (!q.getColumn(3).isNull()) r.supersedes = q.getColumn(3).getInt64();
  r.total_cost = q.getColumn(4).getInt64();
  r.created_at = q.getColumn(5).getString();
  r.created_by = q.getColumn(6).getString();
  r.note = q.getColumn(7).getString();
  return r;
}

void load_pairs(SQLite::Database& db, AssignmentRecord& r) {
  SQLite::Statement q(db,
                      "SELECT dorm_code, member_id, cost, pinned FROM assignment_pair "
                      "WHERE assignment_id = ? ORDER BY dorm_code");
  q.bind(1, r.id);
  while (q.executeStep()) {
    r.pairs.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt(),
                       q.getColumn(3).getInt() != 0});
  }
  SQLite::Statement u(db, "SELECT dorm_code FROM assignment_uncovered WHERE assignment_id = ? ORDER BY dorm_code");
  u.bind(1, r.id);
  while (u.executeStep()) r.uncovered.push_back(u.getColumn(0).getString());
}

}  // namespace

std::optional<AssignmentRecord> load_current_assignment(Database& database, const std::string& semester_id) {
  std::optional<AssignmentRecord> out;
  database.transaction([&] {
    auto& db = database.impl().db;
    out = load_header(db, semester_id);
    if (out) load_pairs(db, *out);
  });
  return out;
}

namespace {

// The id of the semester's assignment in force on `date` (the latest valid by then).
std::optional<std::int64_t> assignment_in_force(SQLite::Database& db, const std::string& semester_id,
                                                const std::string& date) {
  SQLite::Statement q(db,
                      "SELECT id FROM assignment WHERE semester_id = ? AND valid_from <= ? "
                      "ORDER BY valid_from DESC, id DESC LIMIT 1");
  SQLite::bind(q, semester_id, date);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

}  // namespace

std::optional<AssignmentRecord> load_assignment_on(Database& database, const std::string& semester_id,
                                                   const std::string& date) {
  std::optional<AssignmentRecord> out;
  database.transaction([&] {
    auto& db = database.impl().db;
    const auto id = assignment_in_force(db, semester_id, date);
    if (!id) return;
    AssignmentRecord r;
    r.id = *id;
    r.semester_id = semester_id;
    load_pairs(db, r);
    out = std::move(r);
  });
  return out;
}

DormHolder load_dorm_holder(Database& database, const std::string& semester_id, const std::string& date,
                            const std::string& dorm) {
  DormHolder out;
  database.transaction([&] {
    auto& db = database.impl().db;
    const auto id = assignment_in_force(db, semester_id, date);
    if (!id) return;
    out.committed = true;
    SQLite::Statement p(db, "SELECT member_id FROM assignment_pair WHERE assignment_id = ? AND dorm_code = ?");
    SQLite::bind(p, *id, dorm);
    if (p.executeStep() && !p.getColumn(0).isNull()) out.member = p.getColumn(0).getString();
  });
  return out;
}

std::int64_t save_assignment(Database& database, const AssignmentRecord& r) {
  std::int64_t id = 0;
  database.transaction([&] {
    auto& db = database.impl().db;
    auto current = load_header(db, r.semester_id);
    auto current_id = current ? std::optional<std::int64_t>(current->id) : std::nullopt;
    if (current_id != r.supersedes) {
      throw DataError(msg::assignment_changed(r.semester_id));
    }
    SQLite::Statement a(db,
                        "INSERT INTO assignment (semester_id, kind, valid_from, supersedes, total_cost, "
                        "created_at, created_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::bind(a, r.semester_id, r.kind, r.valid_from);
    if (r.supersedes) a.bind(4, *r.supersedes);
    a.bind(5, static_cast<std::int64_t>(r.total_cost));
    a.bind(6, r.created_at);
    a.bind(7, r.created_by);
    a.bind(8, r.note);
    a.exec();
    id = db.getLastInsertRowid();
    SQLite::Statement p(db,
                        "INSERT INTO assignment_pair (assignment_id, dorm_code, member_id, cost, pinned) "
                        "VALUES (?, ?, ?, ?, ?)");
    for (const auto& pair : r.pairs) {
      p.reset();
      SQLite::bind(p, id, pair.dorm_code, pair.member_id, pair.cost, pair.pinned ? 1 : 0);
      p.exec();
    }
    SQLite::Statement u(db, "INSERT INTO assignment_uncovered (assignment_id, dorm_code) VALUES (?, ?)");
    for (const auto& code : r.uncovered) {
      u.reset();
      SQLite::bind(u, id, code);
      u.exec();
    }
  });
  return id;
}

}  // namespace dormlink::store
