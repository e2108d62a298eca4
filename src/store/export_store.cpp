// What `dormlink export` reads: effective records with names (docs/reports.md "export").
#include "dormlink/store/export_store.hpp"

#include <map>

#include "codec.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

// A record is effective unless a later record (not a purge) points at it (docs/records.md).
constexpr const char* k_records = "SELECT " DORMLINK_SQL_EFFECTIVE_COLUMNS
                                  " "
                                  "FROM record r LEFT JOIN record_content c ON c.record_id = r.id "
                                  "WHERE (:semester = '' OR r.semester_id = :semester) "
                                  "AND " DORMLINK_SQL_LISTED_KINDS " AND " DORMLINK_SQL_NOT_REPLACED
                                  " "
                                  "ORDER BY r.id";

constexpr const char* k_name_on =
    "SELECT name FROM student_version WHERE student_id = :student " DORMLINK_SQL_VERSION_ON_DAY;

}  // namespace

std::vector<records::EffectiveRecord> load_export_records(Database& database, const std::string& semester_id,
                                                          Date names_on) {
  std::vector<records::EffectiveRecord> out;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db, k_records);
    q.bind(":semester", semester_id);
    while (q.executeStep()) out.push_back(read_effective_record(q));
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
        r.students.push_back({id, name_of(id), {}, {}});
      }
    }
  });
  return out;
}

}  // namespace dormlink::store
