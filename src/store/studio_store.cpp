// The peer studio, activists' cultivation and the assessment's marks (studio_store.hpp,
// docs/studio.md): rosters on a date, the semester's cultivation and education records, open
// concerns and findings without a record per member, and assessment_mark.
#include "dormlink/store/studio_store.hpp"

#include <chrono>
#include <optional>

#include "codec.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

// A version in force on day ?1.
constexpr const char* k_valid_on = " valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1) ";

std::string day_after(Date date) { return format_date(Date{to_days(date) + std::chrono::days{1}}); }

// The name of a current student (else staff member) with this id on `on`; nullopt for neither.
std::optional<std::pair<std::string, bool>> current_person(SQLite::Database& db, const std::string& on,
                                                           const std::string& id) {
  SQLite::Statement student(db, std::string("SELECT name FROM student_version WHERE status = 'current' AND ") +
                                    k_valid_on + "AND student_id = ?2");
  SQLite::bind(student, on, id);
  if (student.executeStep()) return std::make_pair(student.getColumn(0).getString(), false);
  SQLite::Statement staff(db, std::string("SELECT min(name) FROM staff_duty_version WHERE status = 'current' AND ") +
                                  k_valid_on + "AND staff_id = ?2 HAVING count(*) > 0");
  SQLite::bind(staff, on, id);
  if (staff.executeStep()) return std::make_pair(staff.getColumn(0).getString(), true);
  return std::nullopt;
}

void add_roster_studio(SQLite::Database& db, const std::string& on, std::map<std::string, StudioPerson>& out) {
  SQLite::Statement students(db, std::string("SELECT student_id, name FROM student_version WHERE status = 'current' "
                                             "AND studio = 1 AND ") +
                                     k_valid_on);
  students.bind(1, on);
  while (students.executeStep()) {
    const auto id = students.getColumn(0).getString();
    out[id] = {id, students.getColumn(1).getString(), false, true, false};
  }
  SQLite::Statement staff(db, std::string("SELECT staff_id, min(name) FROM staff_duty_version WHERE status = "
                                          "'current' AND ") +
                                  k_valid_on + "GROUP BY staff_id HAVING max(studio) = 1");
  staff.bind(1, on);
  while (staff.executeStep()) {
    const auto id = staff.getColumn(0).getString();
    out[id] = {id, staff.getColumn(1).getString(), true, true, false};
  }
}

// Per member id, the count of the first column of `sql` (?1 semester, ?2 the day after `on`).
std::map<std::string, int> counts_by_member(Database& database, const char* sql, const std::string& semester_id,
                                            Date on) {
  std::map<std::string, int> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db, sql);
    SQLite::bind(q, semester_id, day_after(on));
    while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getInt();
  });
  return out;
}

}  // namespace

std::vector<StudioPerson> load_studio(Database& database, Date on, const std::vector<std::string>& config_ids,
                                      std::vector<std::string>& unknown) {
  std::map<std::string, StudioPerson> people;
  database.transaction([&] {
    auto& db = database.impl().db;
    const std::string day = format_date(on);
    add_roster_studio(db, day, people);
    for (const auto& id : config_ids) {
      const auto person = current_person(db, day, id);
      if (!person) {
        unknown.push_back(id);
        continue;
      }
      auto& p = people[id];
      if (!p.roster) p = {id, person->first, person->second, false, false};
      p.config = true;
    }
  });
  std::vector<StudioPerson> out;
  for (auto& [id, p] : people) out.push_back(std::move(p));
  return out;
}

std::vector<BranchSecretary> load_branch_secretaries(Database& database, Date on) {
  std::vector<BranchSecretary> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        std::string("SELECT staff_id, name, branch FROM staff_duty_version WHERE role = "
                                    "'branch_secretary' AND status = 'current' AND ") +
                            k_valid_on + "ORDER BY staff_id");
    q.bind(1, format_date(on));
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  });
  return out;
}

std::vector<std::string> load_activists(Database& database, Date on) {
  std::vector<std::string> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        std::string("SELECT student_id FROM student_version WHERE status = 'current' AND "
                                    "political_status = 'activist' AND ") +
                            k_valid_on + "ORDER BY student_id");
    q.bind(1, format_date(on));
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  });
  return out;
}

std::vector<CultivationRow> load_cultivation_records(Database& database, const std::string& semester_id, Date first,
                                                     Date last) {
  std::vector<CultivationRow> out;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db,
                        "SELECT r.id, r.kind, r.member_id, coalesce(r.dorm_code, ''), substr(r.happened_at, 1, 10) "
                        "FROM record r WHERE r.semester_id = ?1 AND r.kind IN ('cultivation', 'education') AND "
                        "r.happened_at >= ?2 AND r.happened_at < ?3 AND " DORMLINK_SQL_NOT_REPLACED " ORDER BY r.id");
    SQLite::bind(q, semester_id, format_date(first), day_after(last));
    std::map<std::int64_t, std::size_t> index;
    while (q.executeStep()) {
      CultivationRow row;
      row.id = q.getColumn(0).getInt64();
      row.education = q.getColumn(1).getString() == "education";
      row.member_id = q.getColumn(2).getString();
      row.dorm_code = q.getColumn(3).getString();
      row.day = parse_iso_date(q.getColumn(4).getString()).value_or(first);
      index[row.id] = out.size();
      out.push_back(std::move(row));
    }
    SQLite::Statement s(db,
                        "SELECT s.record_id, s.student_id FROM record_student s JOIN record r ON r.id = s.record_id "
                        "WHERE r.semester_id = ?1 AND r.kind IN ('cultivation', 'education') "
                        "ORDER BY s.record_id, s.student_id");
    s.bind(1, semester_id);
    while (s.executeStep()) {
      const auto it = index.find(s.getColumn(0).getInt64());
      if (it != index.end()) out[it->second].students.push_back(s.getColumn(1).getString());
    }
  });
  return out;
}

std::map<std::string, int> open_concerns(Database& db, const std::string& semester_id, Date on) {
  return counts_by_member(db,
                          "SELECT r.member_id, count(*) FROM case_event e JOIN record r ON r.id = e.record_id "
                          "WHERE e.case_kind = 'concern' AND e.step = 'open' AND r.semester_id = ?1 AND "
                          "e.happened_at < ?2 AND NOT EXISTS (SELECT 1 FROM case_event c WHERE c.record_id = "
                          "e.record_id AND c.step = 'close' AND c.happened_at < ?2) GROUP BY r.member_id",
                          semester_id, on);
}

std::map<std::string, int> findings_without_record(Database& db, const std::string& semester_id, Date on) {
  return counts_by_member(db,
                          "SELECT member_id, count(*) FROM inspection_observation WHERE semester_id = ?1 AND "
                          "member_id IS NOT NULL AND inspected_on < ?2 GROUP BY member_id",
                          semester_id, on);
}

void save_marks(Database& database, const std::vector<MarkRow>& marks) {
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        "INSERT INTO assessment_mark (semester_id, member_id, source, mark, given_by, note, "
                        "entered_at, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& m : marks) {
      q.reset();
      SQLite::bind(q, m.semester_id, m.member_id, m.source, m.mark, m.given_by, m.note, m.entered_at, m.entered_by);
      q.exec();
    }
  });
}

std::vector<MarkRow> latest_marks(Database& database, const std::string& semester_id) {
  std::vector<MarkRow> out;
  database.transaction([&] {
    SQLite::Statement q(
        database.impl().db,
        "SELECT m.id, m.member_id, m.source, m.mark, m.given_by, coalesce((SELECT v.name FROM staff_duty_version v "
        "WHERE v.staff_id = m.given_by ORDER BY v.valid_from DESC, v.id DESC LIMIT 1), (SELECT v.name FROM "
        "student_version v WHERE v.student_id = m.given_by ORDER BY v.valid_from DESC, v.id DESC LIMIT 1), ''), "
        "m.note, m.entered_at, m.entered_by FROM assessment_mark m WHERE m.semester_id = ?1 AND NOT EXISTS "
        "(SELECT 1 FROM assessment_mark n WHERE n.semester_id = m.semester_id AND n.member_id = m.member_id AND "
        "n.source = m.source AND n.id > m.id) ORDER BY m.member_id, m.source");
    q.bind(1, semester_id);
    while (q.executeStep()) {
      MarkRow m;
      m.id = q.getColumn(0).getInt64();
      m.semester_id = semester_id;
      m.member_id = q.getColumn(1).getString();
      m.source = q.getColumn(2).getString();
      m.mark = q.getColumn(3).getString();
      m.given_by = q.getColumn(4).getString();
      m.given_by_name = q.getColumn(5).getString();
      m.note = q.getColumn(6).getString();
      m.entered_at = q.getColumn(7).getString();
      m.entered_by = q.getColumn(8).getString();
      out.push_back(std::move(m));
    }
  });
  return out;
}

}  // namespace dormlink::store
