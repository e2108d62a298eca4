#include <fmt/format.h>

#include "codec.hpp"
#include "dormlink/error.hpp"
#include "dormlink/store/roster_store.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

using roster::Current;
using roster::DormFacts;

std::unordered_map<std::string, Current<DormFacts>> load_dorms(SQLite::Database& db) {
  std::unordered_map<std::string, Current<DormFacts>> out;
  SQLite::Statement q(db,
                      "SELECT dorm_code, gender, capacity, cohort, major FROM dorm_version "
                      "WHERE valid_to IS NULL");
  while (q.executeStep()) {
    DormFacts f;
    if (!q.getColumn(1).isNull()) f.gender = gender_from_key(q.getColumn(1).getString());
    if (!q.getColumn(2).isNull()) f.capacity = q.getColumn(2).getInt();
    if (!q.getColumn(3).isNull()) f.cohort = q.getColumn(3).getInt();
    if (!q.getColumn(4).isNull()) f.major = q.getColumn(4).getString();
    out.emplace(q.getColumn(0).getString(), Current<DormFacts>{f, false});
  }
  return out;
}

std::map<std::string, roster::DormOccupancy, std::less<>> load_occupancy(SQLite::Database& db) {
  std::map<std::string, roster::DormOccupancy, std::less<>> out;
  SQLite::Statement q(db,
                      "SELECT dorm_code, min(gender), count(*) FROM student_version "
                      "WHERE valid_to IS NULL AND status = 'current' GROUP BY dorm_code");
  while (q.executeStep()) {
    roster::DormOccupancy o;
    o.gender = gender_from_key(q.getColumn(1).getString()).value_or(Gender::female);
    o.residents = q.getColumn(2).getInt();
    out.emplace(q.getColumn(0).getString(), o);
  }
  return out;
}

void insert_version(SQLite::Statement& q, const std::string& code, const DormFacts& f, const std::string& date,
                    std::int64_t batch) {
  q.reset();
  q.clearBindings();
  q.bind(1, code);
  if (f.gender) q.bind(2, std::string(key(*f.gender)));
  if (f.capacity) q.bind(3, *f.capacity);
  if (f.cohort) q.bind(4, *f.cohort);
  if (f.major) q.bind(5, *f.major);
  q.bind(6, date);
  q.bind(7, batch);
  q.exec();
}

void apply_dorms(SQLite::Database& db, const roster::DormPlan& plan, const std::vector<roster::DormRow>& rows,
                 const std::string& date, std::int64_t batch) {
  // OR IGNORE: a dorm added by an undone import keeps its identity row (roster_store.cpp).
  SQLite::Statement dorm(db, "INSERT OR IGNORE INTO dorm (code, building, room, batch_id) VALUES (?, ?, ?, ?)");
  SQLite::Statement version(db,
                            "INSERT INTO dorm_version (dorm_code, gender, capacity, cohort, major, "
                            "valid_from, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement close(db, "UPDATE dorm_version SET valid_to = ? WHERE dorm_code = ? AND valid_to IS NULL");
  for (auto i : plan.added) {
    const auto& row = rows[i];
    dorm.reset();
    SQLite::bind(dorm, row.dorm.code(), row.dorm.building, row.dorm.room, batch);
    dorm.exec();
    insert_version(version, row.dorm.code(), row.facts, date, batch);
  }
  for (const auto& change : plan.changed) {
    const auto& row = rows[change.row];
    close.reset();
    SQLite::bind(close, date, row.dorm.code());
    close.exec();
    insert_version(version, row.dorm.code(), row.facts, date, batch);
  }
}

}  // namespace

roster::ImportSummary import_dorms(Database& database, const std::vector<roster::DormRow>& rows,
                                   const ImportContext& ctx) {
  roster::ImportSummary summary;
  database.transaction([&] {
    auto& db = database.impl().db;
    check_effective_date(db, "dorm_version", ctx);
    auto plan = roster::plan_dorms(rows, load_dorms(db), load_occupancy(db), ctx.source_name);
    summary = roster::summarize(plan, rows);
    summary.dry_run = ctx.dry_run;
    if (ctx.dry_run) return;
    auto batch = insert_batch(db, ctx, summary);
    summary.batch_id = batch;
    apply_dorms(db, plan, rows, format_date(ctx.effective), batch);
  });
  return summary;
}

}  // namespace dormlink::store
