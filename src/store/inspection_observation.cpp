// Findings without a record (docs/inspect.md "Findings without a record"; inspection_observation
// of schema v11) and what they are linked to when read: the contact records a "no contact"
// finding contradicts, the incident record that reported what the inspection found.
#include "codec.hpp"
#include "dormlink/store/inspection_store.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

std::optional<std::string> optional_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

// The contact kinds (records::is_contact): a record of one of them says the member was there.
constexpr const char* k_contact_kinds =
    "r.kind IN ('visit', 'talk', 'symposium', 'activity', 'orientation', 'education', 'cultivation', 'incident')";

Date date_of(const std::string& text) { return parse_iso_date(text.substr(0, 10)).value_or(Date{}); }

// Effective contact records of the member for the dorm in the semester, on or before the day;
// naming the student when one is given.
std::vector<inspect::Contact> contacts_of(SQLite::Database& db, const Semester& semester,
                                          const inspect::Observation& o) {
  std::string sql = std::string(
                        "SELECT r.id, r.happened_at FROM record r WHERE r.member_id = ? AND r.dorm_code = ? "
                        "AND r.semester_id = ? AND r.happened_at < ? || 'T' AND ") +
                    k_contact_kinds + " AND " DORMLINK_SQL_NOT_REPLACED;
  if (o.student_id) sql += " AND EXISTS (SELECT 1 FROM record_student s WHERE s.record_id = r.id AND s.student_id = ?)";
  SQLite::Statement q(db, sql + " ORDER BY r.id");
  SQLite::bind(q, *o.member_id, o.dorm, semester.id, o.inspected_on);
  if (o.student_id) q.bind(5, *o.student_id);
  std::vector<inspect::Contact> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), date_of(q.getColumn(1).getString())});
  return out;
}

std::vector<std::string> student_ids(SQLite::Database& db, std::int64_t record_id) {
  SQLite::Statement q(db, "SELECT student_id FROM record_student WHERE record_id = ? ORDER BY student_id");
  q.bind(1, record_id);
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

// Effective incident records of the category from `from` to the day, for the dorm or naming the
// student: the candidates inspect::matching_report decides among.
std::vector<inspect::ReportedIncident> incidents_near(SQLite::Database& db, const inspect::Observation& o,
                                                      const std::string& from) {
  SQLite::Statement q(db,
                      "SELECT r.id, coalesce(r.dorm_code, ''), r.incident_category, r.happened_at FROM record r "
                      "WHERE r.kind = 'incident' AND r.incident_category = ? AND r.happened_at >= ? "
                      "AND r.happened_at < ? || 'T' AND " DORMLINK_SQL_NOT_REPLACED
                      " AND (r.dorm_code = ? OR EXISTS (SELECT 1 FROM record_student s WHERE s.record_id = r.id "
                      "AND s.student_id = ?)) ORDER BY r.id");
  SQLite::bind(q, *o.category, from, o.inspected_on, o.dorm, o.student_id.value_or(""));
  std::vector<inspect::ReportedIncident> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt64(),
                   q.getColumn(1).getString(),
                   q.getColumn(2).getString(),
                   date_of(q.getColumn(3).getString()),
                   {}});
  }
  for (auto& r : out) r.students = student_ids(db, r.id);
  return out;
}

inspect::Observation read_observation(const SQLite::Statement& q) {
  inspect::Observation o;
  o.id = q.getColumn(0).getInt64();
  if (!q.getColumn(1).isNull()) o.sample_id = q.getColumn(1).getInt64();
  o.semester_id = q.getColumn(2).getString();
  o.finding = inspect::parse_finding(q.getColumn(3).getString()).value_or(inspect::Finding::other);
  o.dorm = q.getColumn(4).getString();
  o.member_id = optional_text(q.getColumn(5));
  o.student_id = optional_text(q.getColumn(6));
  o.category = optional_text(q.getColumn(7));
  o.inspected_on = q.getColumn(8).getString();
  o.inspector_id = q.getColumn(9).getString();
  o.note = q.getColumn(10).getString();
  o.entered_at = q.getColumn(11).getString();
  o.entered_by = q.getColumn(12).getString();
  return o;
}

}  // namespace

std::int64_t save_observation(Database& database, const inspect::Observation& o) {
  std::int64_t id = 0;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db,
                        "INSERT INTO inspection_observation (sample_id, semester_id, finding, dorm_code, member_id, "
                        "student_id, incident_category, inspected_on, inspector_id, note, entered_at, entered_by) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (o.sample_id) q.bind(1, *o.sample_id);
    q.bind(2, o.semester_id);
    q.bind(3, std::string(inspect::key(o.finding)));
    q.bind(4, o.dorm);
    if (o.member_id) q.bind(5, *o.member_id);
    if (o.student_id) q.bind(6, *o.student_id);
    if (o.category) q.bind(7, *o.category);
    q.bind(8, o.inspected_on);
    q.bind(9, o.inspector_id);
    q.bind(10, o.note);
    q.bind(11, o.entered_at);
    q.bind(12, o.entered_by);
    q.exec();
    id = db.getLastInsertRowid();
  });
  return id;
}

void link_observation(Database& database, const Semester& semester, int window_days, inspect::Observation& o) {
  o.weeks.clear();
  o.reported_by.reset();
  database.transaction([&] {
    auto& db = database.impl().db;
    const Date day = date_of(o.inspected_on);
    if (o.finding == inspect::Finding::no_contact && o.member_id)
      o.weeks = inspect::contradicted_weeks(semester, contacts_of(db, semester, o), day);
    if (o.category) {
      const inspect::FoundIncident found{o.dorm, o.student_id, *o.category, day, window_days};
      const Date from{to_days(day) - std::chrono::days{window_days}};
      o.reported_by = inspect::matching_report(found, incidents_near(db, o, format_date(from)));
    }
  });
}

std::vector<inspect::Observation> load_observations(Database& database, const Semester& semester, int window_days) {
  std::vector<inspect::Observation> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        "SELECT id, sample_id, semester_id, finding, dorm_code, member_id, student_id, "
                        "incident_category, inspected_on, inspector_id, note, entered_at, entered_by "
                        "FROM inspection_observation WHERE semester_id = ? ORDER BY id");
    q.bind(1, semester.id);
    while (q.executeStep()) out.push_back(read_observation(q));
    for (auto& o : out) link_observation(database, semester, window_days, o);
  });
  return out;
}

std::map<std::string, std::string> staff_names(Database& database) {
  std::map<std::string, std::string> out;
  database.transaction([&] {
    // The latest version of each staff id (by valid_from, then id): later rows overwrite.
    SQLite::Statement q(database.impl().db,
                        "SELECT staff_id, name FROM staff_duty_version ORDER BY staff_id, valid_from, id");
    while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getString();
  });
  return out;
}

std::map<std::int64_t, std::string> incident_categories(Database& database, const std::string& semester_id) {
  std::map<std::int64_t, std::string> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        "SELECT id, incident_category FROM record WHERE semester_id = ? AND kind = 'incident'");
    q.bind(1, semester_id);
    while (q.executeStep()) out[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
  });
  return out;
}

}  // namespace dormlink::store
