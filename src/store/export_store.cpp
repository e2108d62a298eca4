// What `dormlink export` reads: effective records with names (docs/reports.md "export").
#include "dormlink/store/export_store.hpp"

#include <map>

#include "codec.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

// A record is effective unless a later record (not a purge) points at it (docs/records.md).
constexpr const char* k_records =
    "SELECT r.id, r.kind, r.member_id, r.dorm_code, r.semester_id, r.happened_at, r.channel, r.corrects, r.reason, "
    "r.off_assignment, r.incident_category, r.severity, r.reported_to, r.reported_at, c.progress, c.note, "
    "c.details, coalesce(c.purged, 0) "
    "FROM record r LEFT JOIN record_content c ON c.record_id = r.id "
    "WHERE (:semester = '' OR r.semester_id = :semester) "
    "AND " DORMLINK_SQL_LISTED_KINDS " AND " DORMLINK_SQL_NOT_REPLACED " "
    "ORDER BY r.id";

constexpr const char* k_name_on =
    "SELECT name FROM student_version WHERE student_id = :student "
    DORMLINK_SQL_VERSION_ON_DAY;

report::ExportRecord read_record(const SQLite::Statement& q) {
  report::ExportRecord r;
  r.id = q.getColumn(0).getInt64();
  r.kind = q.getColumn(1).getString();
  r.member_id = q.getColumn(2).getString();
  r.dorm = text_or_empty(q.getColumn(3));
  r.semester_id = q.getColumn(4).getString();
  r.happened_at = q.getColumn(5).getString();
  r.channel = text_or_empty(q.getColumn(6));
  if (!q.getColumn(7).isNull()) r.corrects = q.getColumn(7).getInt64();
  r.reason = q.getColumn(8).getString();
  r.off_assignment = q.getColumn(9).getInt() != 0;
  r.incident_category = text_or_empty(q.getColumn(10));
  r.severity = text_or_empty(q.getColumn(11));
  r.reported_to = text_or_empty(q.getColumn(12));
  r.reported_at = text_or_empty(q.getColumn(13));
  r.progress = text_or_empty(q.getColumn(14));
  r.note = text_or_empty(q.getColumn(15));
  r.details = text_or_empty(q.getColumn(16));
  r.purged = q.getColumn(17).getInt() != 0;
  return r;
}

}  // namespace

std::vector<report::ExportRecord> load_export_records(Database& database, const std::string& semester_id,
                                                      Date names_on) {
  std::vector<report::ExportRecord> out;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db, k_records);
    q.bind(":semester", semester_id);
    while (q.executeStep()) out.push_back(read_record(q));
    SQLite::Statement ids(db, "SELECT student_id FROM record_student WHERE record_id = ? ORDER BY student_id");
    SQLite::Statement name(db, k_name_on);
    const std::string on = format_date(names_on);
    std::map<std::string, std::string> names;
    auto name_of = [&](const std::string& id) -> std::string {
      auto it = names.find(id);
      if (it != names.end()) return it->second;
      name.reset();
      name.bind(":student", id);
      name.bind(":on", on);
      std::string n = name.executeStep() ? name.getColumn(0).getString() : std::string();
      names.emplace(id, n);
      return n;
    };
    for (auto& r : out) {
      r.member_name = name_of(r.member_id);
      ids.reset();
      ids.bind(1, r.id);
      while (ids.executeStep()) {
        std::string id = ids.getColumn(0).getString();
        r.students.emplace_back(id, name_of(id));
      }
    }
  });
  return out;
}

}  // namespace dormlink::store
