#include "dormlink/store/inspection_store.hpp"

#include "codec.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

// The latest finding about each (record, student) stands; findings without a record each
// stand on their own.
constexpr const char* k_standing =
    "NOT (f.record_id IS NOT NULL AND EXISTS (SELECT 1 FROM inspection_finding g WHERE "
    "g.record_id = f.record_id AND g.student_id IS f.student_id AND g.id > f.id))";

std::optional<std::int64_t> optional_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

std::optional<std::string> optional_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

void load_items(SQLite::Database& db, SampleRow& sample) {
  SQLite::Statement q(db,
                      "SELECT position, member_id, dorm_code, weight FROM inspection_sample_item "
                      "WHERE sample_id = ? ORDER BY position");
  q.bind(1, sample.id);
  while (q.executeStep()) {
    sample.items.push_back(
        {q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getInt()});
  }
}

void insert_finding(SQLite::Statement& q, const FindingRow& f) {
  q.reset();
  q.clearBindings();
  if (f.sample_id) q.bind(1, *f.sample_id);
  q.bind(2, f.semester_id);
  q.bind(3, f.member_id);
  q.bind(4, f.dorm_code);
  q.bind(5, f.inspected_on);
  q.bind(6, f.inspector);
  if (f.record_id) q.bind(7, *f.record_id);
  if (f.student_id) q.bind(8, *f.student_id);
  q.bind(9, key(f.verdict));
  q.bind(10, f.note);
  q.bind(11, f.entered_at);
  q.bind(12, f.entered_by);
  q.exec();
}

// The students of a record with their latest roster names, sorted by id.
std::vector<NamedStudent> students_of(SQLite::Database& db, std::int64_t record_id) {
  SQLite::Statement q(
      db,
      "SELECT s.student_id, coalesce((SELECT v.name FROM student_version v WHERE v.student_id = s.student_id "
      "ORDER BY (v.valid_to IS NULL OR v.valid_to > v.valid_from) DESC, v.valid_from DESC, v.id DESC LIMIT 1), '') "
      "FROM record_student s WHERE s.record_id = ? "
      "ORDER BY s.student_id");
  q.bind(1, record_id);
  std::vector<NamedStudent> students;
  while (q.executeStep()) students.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  return students;
}

constexpr const char* k_record_columns =
    "r.id, r.kind, r.member_id, r.dorm_code, r.semester_id, r.happened_at, "
    "(SELECT min(c.id) FROM record c WHERE c.corrects = r.id AND c.kind <> 'purge')";

InspectedRecord read_record(SQLite::Database& db, const SQLite::Statement& q) {
  InspectedRecord r;
  r.id = q.getColumn(0).getInt64();
  r.kind = q.getColumn(1).getString();
  r.member_id = q.getColumn(2).getString();
  r.dorm_code = optional_text(q.getColumn(3));
  r.semester_id = q.getColumn(4).getString();
  r.happened_at = q.getColumn(5).getString();
  r.superseded_by = optional_int(q.getColumn(6));
  r.students = students_of(db, r.id);
  return r;
}

}  // namespace

const char* key(Verdict verdict) { return verdict == Verdict::contradicted ? "contradicted" : "confirmed"; }

std::int64_t save_sample(Database& database, const SampleRow& s) {
  std::int64_t id = 0;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db,
                        "INSERT INTO inspection_sample (semester_id, as_of, seed, size, method, drawn_at, "
                        "drawn_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
    SQLite::bind(q, s.semester_id, s.as_of, s.seed, s.size, s.method, s.drawn_at, s.drawn_by);
    q.exec();
    id = db.getLastInsertRowid();
    SQLite::Statement i(db,
                        "INSERT INTO inspection_sample_item (sample_id, position, member_id, dorm_code, weight) "
                        "VALUES (?, ?, ?, ?, ?)");
    for (const auto& item : s.items) {
      i.reset();
      SQLite::bind(i, id, item.position, item.member_id, item.dorm_code, item.weight);
      i.exec();
    }
  });
  return id;
}

namespace {

// The samples that `where` selects (one bound text or integer), by id, with their items.
template <typename Key>
std::vector<SampleRow> select_samples(Database& database, const char* where, const Key& key) {
  std::vector<SampleRow> out;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db, std::string("SELECT id, semester_id, as_of, seed, size, method, drawn_at, drawn_by "
                                        "FROM inspection_sample WHERE ") +
                                where + " ORDER BY id");
    q.bind(1, key);
    while (q.executeStep()) {
      SampleRow s;
      s.id = q.getColumn(0).getInt64();
      s.semester_id = q.getColumn(1).getString();
      s.as_of = q.getColumn(2).getString();
      s.seed = q.getColumn(3).getInt64();
      s.size = q.getColumn(4).getInt();
      s.method = q.getColumn(5).getString();
      s.drawn_at = q.getColumn(6).getString();
      s.drawn_by = q.getColumn(7).getString();
      out.push_back(std::move(s));
    }
    for (auto& s : out) load_items(db, s);
  });
  return out;
}

}  // namespace

std::optional<SampleRow> load_sample(Database& database, std::int64_t id) {
  auto rows = select_samples(database, "id = ?", id);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<SampleRow> load_samples(Database& database, const std::string& semester_id) {
  return select_samples(database, "semester_id = ?", semester_id);
}

std::vector<std::int64_t> save_findings(Database& database, const std::vector<FindingRow>& findings) {
  std::vector<std::int64_t> ids;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db,
                        "INSERT INTO inspection_finding (sample_id, semester_id, member_id, dorm_code, "
                        "inspected_on, inspector, record_id, student_id, verdict, note, entered_at, entered_by) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& f : findings) {
      insert_finding(q, f);
      ids.push_back(db.getLastInsertRowid());
    }
  });
  return ids;
}

std::vector<FindingRow> load_findings(Database& database, const std::string& semester_id) {
  std::vector<FindingRow> findings;
  database.transaction([&] {
    SQLite::Statement q(
        database.impl().db,
        "SELECT id, sample_id, member_id, dorm_code, inspected_on, inspector, record_id, student_id, verdict, "
        "note, entered_at, entered_by FROM inspection_finding WHERE semester_id = ? ORDER BY id");
    q.bind(1, semester_id);
    while (q.executeStep()) {
      FindingRow f;
      f.id = q.getColumn(0).getInt64();
      f.sample_id = optional_int(q.getColumn(1));
      f.semester_id = semester_id;
      f.member_id = q.getColumn(2).getString();
      f.dorm_code = q.getColumn(3).getString();
      f.inspected_on = q.getColumn(4).getString();
      f.inspector = q.getColumn(5).getString();
      f.record_id = optional_int(q.getColumn(6));
      f.student_id = optional_text(q.getColumn(7));
      f.verdict = q.getColumn(8).getString() == "contradicted" ? Verdict::contradicted : Verdict::confirmed;
      f.note = q.getColumn(9).getString();
      f.entered_at = q.getColumn(10).getString();
      f.entered_by = q.getColumn(11).getString();
      findings.push_back(std::move(f));
    }
  });
  return findings;
}

std::vector<Discrepancy> discrepancy_rates(Database& database, const std::string& semester_id) {
  std::vector<Discrepancy> rates;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db, std::string("SELECT f.member_id, sum(f.verdict = 'contradicted'), count(*) "
                                        "FROM inspection_finding f WHERE f.semester_id = ? AND ") +
                                k_standing + " GROUP BY f.member_id ORDER BY f.member_id");
    q.bind(1, semester_id);
    while (q.executeStep())
      rates.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt(), {}});
    SQLite::Statement r(db, std::string("SELECT DISTINCT f.member_id, f.record_id FROM inspection_finding f "
                                        "WHERE f.semester_id = ? AND f.record_id IS NOT NULL "
                                        "AND f.verdict = 'contradicted' AND ") +
                                k_standing + " ORDER BY f.member_id, f.record_id");
    r.bind(1, semester_id);
    auto member = rates.begin();
    while (r.executeStep()) {
      const std::string id = r.getColumn(0).getString();
      while (member != rates.end() && member->member_id < id) ++member;
      if (member != rates.end() && member->member_id == id) member->records.push_back(r.getColumn(1).getInt64());
    }
  });
  return rates;
}

std::vector<std::int64_t> flagged_records(Database& database, const std::string& semester_id) {
  std::vector<std::int64_t> ids;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        std::string("SELECT DISTINCT f.record_id FROM inspection_finding f WHERE f.semester_id = ? "
                                    "AND f.record_id IS NOT NULL AND f.verdict = 'contradicted' AND ") +
                            k_standing + " ORDER BY f.record_id");
    q.bind(1, semester_id);
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  });
  return ids;
}

std::optional<InspectedRecord> inspected_record(Database& database, std::int64_t id) {
  std::optional<InspectedRecord> out;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db, std::string("SELECT ") + k_record_columns + " FROM record r WHERE r.id = ?");
    q.bind(1, id);
    if (q.executeStep()) out = read_record(db, q);
  });
  return out;
}

std::vector<InspectedRecord> recent_contacts(Database& database, const std::string& member_id,
                                             const std::string& dorm_code, const std::string& from,
                                             const std::string& to) {
  std::vector<InspectedRecord> records;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db,
                        std::string("SELECT ") + k_record_columns +
                            " FROM record r WHERE r.member_id = ? AND r.dorm_code = ? AND r.kind IN ('visit', 'talk') "
                            "AND r.happened_at >= ? AND r.happened_at < ? || 'T' AND " DORMLINK_SQL_NOT_REPLACED
                            " ORDER BY r.happened_at, r.id");
    SQLite::bind(q, member_id, dorm_code, from, to);
    while (q.executeStep()) records.push_back(read_record(db, q));
  });
  return records;
}

}  // namespace dormlink::store
