#include "codec.hpp"
#include "dormlink/store/roster_store.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

using roster::Current;
using roster::StaffFacts;

std::unordered_map<std::string, Current<StaffFacts>> load_staff(SQLite::Database& db) {
  std::unordered_map<std::string, Current<StaffFacts>> out;
  SQLite::Statement q(db,
                      "SELECT staff_id, role, status, name, phone, cohorts, classes, branch, email, studio "
                      "FROM staff_duty_version WHERE valid_to IS NULL");
  while (q.executeStep()) {
    Current<StaffFacts> c;
    c.left = q.getColumn(2).getString() == "left";
    c.facts.name = q.getColumn(3).getString();
    c.facts.phone = q.getColumn(4).getString();
    c.facts.cohorts = decode_cohorts(q.getColumn(5).getString());
    c.facts.classes = decode_list(q.getColumn(6).getString());
    c.facts.branch = q.getColumn(7).getString();
    c.facts.email = q.getColumn(8).getString();
    c.facts.studio = q.getColumn(9).getInt() != 0;
    out.emplace(q.getColumn(0).getString() + "/" + q.getColumn(1).getString(), std::move(c));
  }
  return out;
}

// Splits a staff_key() "id/role" back into its parts.
std::pair<std::string, std::string> split_key(const std::string& key) {
  auto pos = key.rfind('/');
  return {key.substr(0, pos), key.substr(pos + 1)};
}

struct StaffWriter {
  SQLite::Statement person;
  SQLite::Statement version;
  SQLite::Statement close;
  std::string date;
  std::int64_t batch;

  StaffWriter(SQLite::Database& db, std::string d, std::int64_t b)
      : person(db, "INSERT OR IGNORE INTO staff (staff_id, batch_id) VALUES (?, ?)"),
        version(db,
                "INSERT INTO staff_duty_version (staff_id, role, status, name, phone, cohorts, "
                "classes, branch, valid_from, batch_id, email, studio) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        close(db,
              "UPDATE staff_duty_version SET valid_to = ? WHERE staff_id = ? AND role = ? "
              "AND valid_to IS NULL"),
        date(std::move(d)),
        batch(b) {}

  void write(const std::string& id, const std::string& role, const StaffFacts& f, bool left) {
    person.reset();
    SQLite::bind(person, id, batch);
    person.exec();
    version.reset();
    SQLite::bind(version, id, role, left ? "left" : "current", f.name, f.phone, encode_cohorts(f.cohorts),
                 encode_list(f.classes), f.branch, date, batch, f.email, f.studio ? 1 : 0);
    version.exec();
  }
  void end_current(const std::string& id, const std::string& role) {
    close.reset();
    SQLite::bind(close, date, id, role);
    close.exec();
  }
};

void apply_staff(StaffWriter& w, const roster::StaffPlan& plan, const std::vector<roster::StaffRow>& rows) {
  for (auto i : plan.added) w.write(rows[i].staff_id, std::string(key(rows[i].role)), rows[i].facts, false);
  for (const auto& change : plan.changed) {
    const auto& row = rows[change.row];
    w.end_current(row.staff_id, std::string(key(row.role)));
    w.write(row.staff_id, std::string(key(row.role)), row.facts, false);
  }
  for (const auto& [staff_key, facts] : plan.departed) {
    auto [id, role] = split_key(staff_key);
    w.end_current(id, role);
    w.write(id, role, facts, true);
  }
}

}  // namespace

roster::ImportSummary import_staff(Database& database, const std::vector<roster::StaffRow>& rows,
                                   const ImportContext& ctx) {
  roster::ImportSummary summary;
  database.transaction([&] {
    auto& db = database.impl().db;
    check_effective_date(db, "staff_duty_version", ctx);
    auto plan = roster::plan_staff(rows, load_staff(db), ctx.departures);
    summary = roster::summarize(plan, rows);
    summary.dry_run = ctx.dry_run;
    if (ctx.dry_run) return;
    if (ctx.before_writing) ctx.before_writing(summary);
    summary.batch_id = insert_batch(db, ctx, summary);
    StaffWriter writer(db, format_date(ctx.effective), summary.batch_id);
    apply_staff(writer, plan, rows);
  });
  return summary;
}

}  // namespace dormlink::store
