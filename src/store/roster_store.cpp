#include "dormlink/store/roster_store.hpp"

#include <fmt/format.h>

#include "codec.hpp"
#include "dormlink/error.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

using roster::Current;
using roster::DormFacts;
using roster::StaffFacts;
using roster::StudentFacts;

// Closes the current version of an entity at the effective date.
void close_version(SQLite::Statement& close, const std::string& id, const std::string& date) {
  close.reset();
  SQLite::bind(close, date, id);
  close.exec();
}

std::unordered_map<std::string, Current<StudentFacts>> load_students(SQLite::Database& db) {
  std::unordered_map<std::string, Current<StudentFacts>> out;
  SQLite::Statement q(db, std::string("SELECT student_id, status, ") + k_student_columns +
                              " FROM student_version WHERE valid_to IS NULL");
  while (q.executeStep()) {
    Current<StudentFacts> c{read_student_facts(q, 2), q.getColumn(1).getString() == "left"};
    out.emplace(q.getColumn(0).getString(), std::move(c));
  }
  return out;
}

roster::DormIndex load_dorm_index(SQLite::Database& db) {
  roster::DormIndex index;
  // Dorms with a version in force: a dorm whose only versions were undone is unknown again.
  SQLite::Statement q(db,
                      "SELECT d.code, v.gender, v.capacity FROM dorm d "
                      "JOIN dorm_version v ON v.dorm_code = d.code AND v.valid_to IS NULL");
  while (q.executeStep()) {
    DormFacts f;
    if (!q.getColumn(1).isNull()) f.gender = gender_from_key(q.getColumn(1).getString());
    if (!q.getColumn(2).isNull()) f.capacity = q.getColumn(2).getInt();
    index.facts.emplace(q.getColumn(0).getString(), f);
  }
  return index;
}

// Writes one student version row.
void insert_student_version(SQLite::Statement& q, const std::string& id, const StudentFacts& f, bool left,
                            const std::string& date, std::int64_t batch) {
  q.reset();
  q.clearBindings();
  SQLite::bind(q, id, left ? "left" : "current", f.name, std::string(key(f.gender)), f.major, f.cohort, f.class_name);
  if (left)
    q.bind(8);
  else
    q.bind(8, f.dorm);
  q.bind(9, f.phone);
  q.bind(10, std::string(key(f.status)));
  q.bind(11, f.branch);
  q.bind(12, encode_attention(f.attention));
  q.bind(13, left ? 0 : (f.dorm_head ? 1 : 0));
  q.bind(14, date);
  q.bind(15, batch);
  q.bind(16, f.email);
  q.bind(17, f.studio ? 1 : 0);
  q.exec();
}

// OR IGNORE here and for students: an entity added by an undone import keeps its identity row
// (with that batch's id), and is added again with new versions.
void insert_dorms(SQLite::Database& db, const std::vector<std::string>& codes, const std::string& date,
                  std::int64_t batch) {
  SQLite::Statement dorm(db, "INSERT OR IGNORE INTO dorm (code, building, room, batch_id) VALUES (?, ?, ?, ?)");
  SQLite::Statement version(db, "INSERT INTO dorm_version (dorm_code, valid_from, batch_id) VALUES (?, ?, ?)");
  for (const auto& code : codes) {
    auto parts = split_dorm_code(code);
    dorm.reset();
    SQLite::bind(dorm, code, parts.building, parts.room, batch);
    dorm.exec();
    version.reset();
    SQLite::bind(version, code, date, batch);
    version.exec();
  }
}

void apply_students(SQLite::Database& db, const roster::StudentPlan& plan, const std::vector<roster::StudentRow>& rows,
                    const std::string& date, std::int64_t batch) {
  SQLite::Statement student(db, "INSERT OR IGNORE INTO student (student_id, batch_id) VALUES (?, ?)");
  SQLite::Statement version(db,
                            "INSERT INTO student_version (student_id, status, name, gender, major, cohort, class_name, "
                            "dorm_code, phone, political_status, branch, attention, dorm_head, valid_from, batch_id, "
                            "email, studio) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement close(db, "UPDATE student_version SET valid_to = ? WHERE student_id = ? AND valid_to IS NULL");
  for (auto i : plan.added) {
    student.reset();
    SQLite::bind(student, rows[i].student_id, batch);
    student.exec();
    insert_student_version(version, rows[i].student_id, rows[i].facts, false, date, batch);
  }
  for (const auto& change : plan.changed) {
    close_version(close, rows[change.row].student_id, date);
    insert_student_version(version, rows[change.row].student_id, rows[change.row].facts, false, date, batch);
  }
  for (const auto& [id, facts] : plan.departed) {
    close_version(close, id, date);
    insert_student_version(version, id, facts, true, date, batch);
  }
}

}  // namespace

roster::ImportSummary import_students(Database& database, const std::vector<roster::StudentRow>& rows,
                                      const ImportContext& ctx) {
  roster::ImportSummary summary;
  database.transaction([&] {
    auto& db = database.impl().db;
    check_effective_date(db, "student_version", ctx);
    auto dorms = load_dorm_index(db);
    auto plan = roster::plan_students(rows, load_students(db), dorms, ctx.source_name, ctx.departures);
    summary = roster::summarize(plan, rows);
    summary.new_dorms = roster::new_dorms(rows, dorms);
    summary.dry_run = ctx.dry_run;
    if (ctx.dry_run) return;
    if (ctx.before_writing) ctx.before_writing(summary);
    auto batch = insert_batch(db, ctx, summary);
    summary.batch_id = batch;
    auto date = format_date(ctx.effective);
    insert_dorms(db, summary.new_dorms, date, batch);
    apply_students(db, plan, rows, date, batch);
  });
  return summary;
}

}  // namespace dormlink::store
