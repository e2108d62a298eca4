#include "dormlink/store/roster_query.hpp"

#include <map>

#include "codec.hpp"
#include "dormlink/util/text.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

// A version is valid on D when valid_from <= D < valid_to (valid_to NULL: still valid). A
// zero-length version (a same-day correction, an undone import) is valid on no day, and a
// dorm is on the roster of D only when one of its versions is valid then.
constexpr const char* k_valid_on = "valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)";

// The students valid on `date` that `where` (SQL over student_version, with ?2 and ?3 bound to
// `a` and `b` when given) selects, by id.
std::vector<roster::StudentRow> load_students(SQLite::Database& db, const std::string& date,
                                              const std::string& where = "1", const std::string* a = nullptr,
                                              const std::string* b = nullptr) {
  std::vector<roster::StudentRow> out;
  SQLite::Statement q(db, std::string("SELECT student_id, ") + k_student_columns +
                              " FROM student_version WHERE status = 'current' AND " + k_valid_on + " AND (" + where +
                              ") ORDER BY student_id");
  q.bind(1, date);
  if (a != nullptr) q.bind(2, *a);
  if (b != nullptr) q.bind(3, *b);
  while (q.executeStep()) {
    roster::StudentRow row;
    row.student_id = q.getColumn(0).getString();
    row.facts = read_student_facts(q, 1);
    out.push_back(std::move(row));
  }
  return out;
}

// The dorms on the roster of `date`; with `code`, that one only.
std::vector<roster::DormRow> load_dorms(SQLite::Database& db, const std::string& date,
                                        const std::string* code = nullptr) {
  std::vector<roster::DormRow> out;
  SQLite::Statement q(
      db, std::string("SELECT d.code, d.building, d.room, v.gender, v.capacity, v.cohort, v.major FROM dorm d "
                      "JOIN (SELECT * FROM dorm_version WHERE ") +
              k_valid_on + (code != nullptr ? " AND dorm_code = ?2" : "") +
              ") v ON v.dorm_code = d.code "
              "ORDER BY d.code");
  q.bind(1, date);
  if (code != nullptr) q.bind(2, *code);
  while (q.executeStep()) {
    roster::DormRow row;
    row.dorm = DormCode{q.getColumn(1).getString(), q.getColumn(2).getString()};
    if (!q.getColumn(3).isNull()) row.facts.gender = gender_from_key(q.getColumn(3).getString());
    if (!q.getColumn(4).isNull()) row.facts.capacity = q.getColumn(4).getInt();
    if (!q.getColumn(5).isNull()) row.facts.cohort = q.getColumn(5).getInt();
    if (!q.getColumn(6).isNull()) row.facts.major = q.getColumn(6).getString();
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<roster::StaffRow> load_staff(SQLite::Database& db, const std::string& date) {
  std::vector<roster::StaffRow> out;
  SQLite::Statement q(
      db,
      std::string("SELECT staff_id, role, name, phone, cohorts, classes, branch, email, studio FROM staff_duty_version "
                  "WHERE status = 'current' AND ") +
          k_valid_on + " ORDER BY staff_id, role");
  q.bind(1, date);
  while (q.executeStep()) {
    roster::StaffRow row;
    row.staff_id = q.getColumn(0).getString();
    row.role = staff_role_from_key(q.getColumn(1).getString()).value_or(StaffRole::inspector);
    row.facts.name = q.getColumn(2).getString();
    row.facts.phone = q.getColumn(3).getString();
    row.facts.cohorts = decode_cohorts(q.getColumn(4).getString());
    row.facts.classes = decode_list(q.getColumn(5).getString());
    row.facts.branch = q.getColumn(6).getString();
    row.facts.email = q.getColumn(7).getString();
    row.facts.studio = q.getColumn(8).getInt() != 0;
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<roster::ImportRecord> load_imports(SQLite::Database& db) {
  std::vector<roster::ImportRecord> out;
  SQLite::Statement q(db,
                      "SELECT b.id, b.kind, b.source_name, b.encoding, b.effective_date, b.imported_at, "
                      "b.imported_by, b.row_count, coalesce(b.undoes, 0), coalesce(u.id, 0) "
                      "FROM import_batch b LEFT JOIN import_batch u ON u.undoes = b.id ORDER BY b.id");
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                   q.getColumn(6).getString(), q.getColumn(7).getInt64(), q.getColumn(8).getInt64(),
                   q.getColumn(9).getInt64()});
  }
  return out;
}

}  // namespace

EntrySlice load_entry_slice(Database& database, Date date, const std::vector<std::string>& texts,
                            const std::optional<std::string>& dorm) {
  EntrySlice slice;
  database.transaction([&] {
    auto& db = database.impl().db;
    const auto day = format_date(date);
    std::map<std::string, roster::StudentRow> found;  // by id: one row per student, in id order
    auto add = [&](std::vector<roster::StudentRow> rows) {
      const bool any = !rows.empty();
      for (auto& row : rows) found.emplace(row.student_id, std::move(row));
      return any;
    };
    for (const auto& typed : texts) {
      const auto text = util::normalize_code(typed);
      if (text.empty()) continue;
      // A prefix range over the name index: every name that begins with the text.
      const std::string upper = text + "\xF4\x8F\xBF\xBF";  // U+10FFFF sorts after any continuation
      const bool by_id = add(load_students(db, day, "student_id = ?2", &text));
      const bool by_name = add(load_students(db, day, "name >= ?2 AND name < ?3", &text, &upper));
      if (!by_id && !by_name) slice.complete = false;
    }
    if (dorm) {
      add(load_students(db, day, "dorm_code = ?2", &*dorm));
      slice.snapshot.dorms = load_dorms(db, day, &*dorm);
    }
    for (auto& [id, row] : found) slice.snapshot.students.push_back(std::move(row));
  });
  return slice;
}

roster::Snapshot load_roster(Database& database, Date date) {
  roster::Snapshot snapshot;
  database.transaction([&] {
    auto& db = database.impl().db;
    auto day = format_date(date);
    snapshot.students = load_students(db, day);
    snapshot.dorms = load_dorms(db, day);
    snapshot.staff = load_staff(db, day);
    snapshot.imports = load_imports(db);
  });
  return snapshot;
}

std::optional<LaterOnRoster> later_on_roster(Database& database, Date date, const std::string& text) {
  std::optional<LaterOnRoster> found;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        "SELECT student_id, name, valid_from, batch_id FROM student_version "
                        "WHERE (student_id = :text OR name = :text) AND valid_from > :date AND status = 'current' "
                        "AND (valid_to IS NULL OR valid_to > valid_from) ORDER BY valid_from, id LIMIT 1");
    q.bind(":text", text);
    q.bind(":date", format_date(date));
    if (q.executeStep())
      found = LaterOnRoster{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                            q.getColumn(3).getInt64()};
  });
  return found;
}

std::optional<LaterOnRoster> later_dorm_on_roster(Database& database, Date date, const std::string& code) {
  std::optional<LaterOnRoster> found;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        "SELECT dorm_code, valid_from, batch_id FROM dorm_version WHERE dorm_code = :code AND "
                        "valid_from > :date AND (valid_to IS NULL OR valid_to > valid_from) ORDER BY valid_from, id "
                        "LIMIT 1");
    q.bind(":code", code);
    q.bind(":date", format_date(date));
    if (q.executeStep())
      found = LaterOnRoster{q.getColumn(0).getString(), q.getColumn(0).getString(), q.getColumn(1).getString(),
                            q.getColumn(2).getInt64()};
  });
  return found;
}

}  // namespace dormlink::store
