// Cases in the database (include/dormlink/store/case_store.hpp, docs/cases.md).
#include "dormlink/store/case_store.hpp"

#include <algorithm>

#include "impl.hpp"

namespace dormlink::store {
namespace {

std::optional<std::string> optional_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

void bind_optional(SQLite::Statement& q, int index, const std::optional<std::string>& value) {
  if (value) {
    q.bind(index, *value);
  } else {
    q.bind(index);
  }
}

constexpr const char* k_event_columns =
    "e.id, e.case_kind, e.record_id, e.student_id, e.step, e.escalate_to, e.staff_id, e.happened_at, "
    "e.entered_at, e.entered_by, e.text_digest, e.prev_hash, e.hash";

records::CaseEvent read_event(const SQLite::Statement& q) {
  records::CaseEvent e;
  e.id = q.getColumn(0).getInt64();
  e.kind = records::parse_case_kind(q.getColumn(1).getString()).value_or(records::CaseKind::concern);
  e.record_id = q.getColumn(2).getInt64();
  e.student_id = optional_text(q.getColumn(3));
  e.step = records::parse_case_step(q.getColumn(4).getString()).value_or(records::CaseStep::open);
  if (!q.getColumn(5).isNull()) e.escalate_to = records::parse_escalation(q.getColumn(5).getString());
  e.staff_id = optional_text(q.getColumn(6));
  e.happened_at = q.getColumn(7).getString();
  e.entered_at = q.getColumn(8).getString();
  e.entered_by = q.getColumn(9).getString();
  return e;
}

std::vector<records::CaseEvent> events_of(SQLite::Database& db, std::int64_t root) {
  std::vector<records::CaseEvent> events;
  SQLite::Statement q(
      db, std::string("SELECT ") + k_event_columns + " FROM case_event e WHERE e.record_id = ? ORDER BY e.id");
  q.bind(1, root);
  while (q.executeStep()) events.push_back(read_event(q));
  return events;
}

// The kind and `corrects` of record `id`; false when there is none.
bool record_link(SQLite::Database& db, std::int64_t id, std::string& kind, std::optional<std::int64_t>& corrects) {
  SQLite::Statement q(db, "SELECT kind, corrects FROM record WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return false;
  kind = q.getColumn(0).getString();
  corrects = q.getColumn(1).isNull() ? std::nullopt : std::optional<std::int64_t>(q.getColumn(1).getInt64());
  return true;
}

bool points_at_record(const std::string& kind) {
  return kind == "withdrawal" || kind == "purge" || kind == "correction";
}

// Walks back from `id` to the chain's first record, then forward to the version in force.
void walk_chain(SQLite::Database& db, CaseTarget& t, std::int64_t id) {
  std::string kind = t.given_kind;
  std::optional<std::int64_t> corrects;
  record_link(db, id, kind, corrects);
  t.root = id;
  while (!points_at_record(kind) && corrects) {
    std::string earlier_kind;
    std::optional<std::int64_t> earlier;
    if (!record_link(db, *corrects, earlier_kind, earlier)) break;
    t.root = *corrects;
    kind = earlier_kind;
    corrects = earlier;
  }
  t.kind = kind;
  t.in_force = t.root;
  SQLite::Statement next(db, "SELECT id, kind FROM record WHERE corrects = ? AND kind <> 'purge' ORDER BY id LIMIT 1");
  while (true) {
    next.reset();
    next.bind(1, t.in_force);
    if (!next.executeStep()) break;
    if (next.getColumn(1).getString() == "withdrawal") {
      t.withdrawn = true;
      break;
    }
    t.in_force = next.getColumn(0).getInt64();
  }
}

void read_in_force(SQLite::Database& db, CaseTarget& t) {
  SQLite::Statement q(db,
                      "SELECT member_id, dorm_code, semester_id, happened_at, entered_at, reported_at, reported_to, "
                      "incident_category FROM record WHERE id = ?");
  q.bind(1, t.in_force);
  if (!q.executeStep()) return;
  t.member_id = q.getColumn(0).getString();
  t.dorm = text_or_empty(q.getColumn(1));
  t.semester_id = q.getColumn(2).getString();
  t.happened_at = q.getColumn(3).getString();
  t.entered_at = q.getColumn(4).getString();
  t.reported_at = text_or_empty(q.getColumn(5));
  if (!q.getColumn(6).isNull()) t.reported_to = staff_role_from_key(q.getColumn(6).getString());
  t.incident_category = text_or_empty(q.getColumn(7));
  SQLite::Statement s(db, "SELECT student_id FROM record_student WHERE record_id = ? ORDER BY student_id");
  s.bind(1, t.in_force);
  while (s.executeStep()) t.students.push_back(s.getColumn(0).getString());
}

CaseTarget target_in(SQLite::Database& db, std::int64_t id) {
  CaseTarget t;
  std::optional<std::int64_t> corrects;
  if (!record_link(db, id, t.given_kind, corrects)) return t;
  t.exists = true;
  walk_chain(db, t, id);
  read_in_force(db, t);
  t.events = events_of(db, t.root);
  return t;
}

struct Tip {
  std::int64_t id = 0;
  records::Digest hash = records::k_genesis;
};

Tip case_tip(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT id, hash FROM case_event ORDER BY id DESC LIMIT 1");
  Tip tip;
  if (q.executeStep()) {
    tip.id = q.getColumn(0).getInt64();
    tip.hash = records::from_hex(q.getColumn(1).getString()).value_or(records::k_genesis);
  }
  return tip;
}

void insert_event(SQLite::Database& db, const records::CaseEvent& e, const std::string& digest, const std::string& prev,
                  const std::string& hash) {
  SQLite::Statement q(db,
                      "INSERT INTO case_event (id, case_kind, record_id, student_id, step, escalate_to, staff_id, "
                      "happened_at, entered_at, entered_by, text_digest, prev_hash, hash) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, e.id);
  q.bind(2, std::string(records::key(e.kind)));
  q.bind(3, e.record_id);
  bind_optional(q, 4, e.student_id);
  q.bind(5, std::string(records::key(e.step)));
  bind_optional(q, 6,
                e.escalate_to ? std::optional<std::string>(std::string(records::key(*e.escalate_to))) : std::nullopt);
  bind_optional(q, 7, e.staff_id);
  q.bind(8, e.happened_at);
  q.bind(9, e.entered_at);
  q.bind(10, e.entered_by);
  q.bind(11, digest);
  q.bind(12, prev);
  q.bind(13, hash);
  q.exec();
}

}  // namespace

CaseTarget load_case_target(Database& database, std::int64_t id) {
  CaseTarget t;
  database.transaction([&] { t = target_in(database.impl().db, id); });
  return t;
}

CaseReceipt append_case_event(Database& database, records::CaseEvent event, const std::optional<std::string>& text) {
  CaseReceipt receipt;
  database.transaction([&] {
    auto& db = database.impl().db;
    const auto tip = case_tip(db);
    event.id = tip.id + 1;
    const auto digest = records::to_hex(records::case_text_digest(text));
    const auto hash = records::link(tip.hash, records::canonical_case_event(event, digest));
    insert_event(db, event, digest, records::to_hex(tip.hash), records::to_hex(hash));
    if (text) {
      SQLite::Statement q(db, "INSERT INTO case_text (event_id, text, purged) VALUES (?, ?, 0)");
      q.bind(1, event.id);
      q.bind(2, *text);
      q.exec();
    }
    receipt = {event.id, records::to_hex(hash), records::short_hash(hash)};
  });
  return receipt;
}

std::vector<StaffMatch> staff_named(Database& database, const std::string& text, const std::string& day) {
  std::vector<StaffMatch> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        "SELECT staff_id, min(name) FROM staff_duty_version WHERE status = 'current' AND "
                        "valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1) AND (staff_id = ?2 OR name = ?2) "
                        "GROUP BY staff_id ORDER BY (staff_id = ?2) DESC, staff_id");
    q.bind(1, day);
    q.bind(2, text);
    while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
  });
  // An id names one person, whoever shares it as a name.
  if (!out.empty() && out.front().staff_id == text) out.resize(1);
  return out;
}

namespace {

CaseInfo info_of(const CaseTarget& t, records::CaseKind kind) {
  CaseInfo c;
  c.kind = kind;
  c.record_id = t.root;
  c.in_force = t.in_force;
  c.member_id = t.member_id;
  c.dorm = t.dorm;
  c.semester_id = t.semester_id;
  c.students = t.students;
  c.withdrawn = t.withdrawn;
  c.events = t.events;
  if (kind == records::CaseKind::incident) {
    c.reported_at = t.reported_at;
    c.reported_to = t.reported_to;
    c.incident_category = t.incident_category;
  }
  c.state = records::fold_case(kind, kind == records::CaseKind::incident ? t.happened_at : std::string(), t.events);
  c.opened_at = c.state.opened_at;
  c.student_id = c.state.student_id;
  c.escalate_to = c.state.escalate_to;
  return c;
}

// The case numbers of one kind: every open event's record (concerns), every incident record
// that corrects none (incidents).
std::vector<std::int64_t> roots_of(SQLite::Database& db, records::CaseKind kind) {
  std::vector<std::int64_t> roots;
  SQLite::Statement q(db, kind == records::CaseKind::concern
                              ? "SELECT DISTINCT record_id FROM case_event WHERE step = 'open' ORDER BY record_id"
                              : "SELECT id FROM record WHERE kind = 'incident' AND corrects IS NULL ORDER BY id");
  while (q.executeStep()) roots.push_back(q.getColumn(0).getInt64());
  return roots;
}

}  // namespace

std::vector<CaseInfo> load_cases(Database& database, const std::string& semester_id, bool include_withdrawn) {
  std::vector<CaseInfo> out;
  database.transaction([&] {
    auto& db = database.impl().db;
    for (const auto kind : {records::CaseKind::concern, records::CaseKind::incident}) {
      for (const auto root : roots_of(db, kind)) {
        const auto t = target_in(db, root);
        if (!t.exists || t.semester_id != semester_id || (t.withdrawn && !include_withdrawn)) continue;
        out.push_back(info_of(t, kind));
      }
    }
  });
  return out;
}

std::map<std::int64_t, std::string> load_case_texts(Database& database, const std::vector<std::int64_t>& event_ids) {
  std::map<std::int64_t, std::string> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db, "SELECT text FROM case_text WHERE event_id = ? AND text IS NOT NULL");
    for (const auto id : event_ids) {
      q.reset();
      q.bind(1, id);
      if (q.executeStep()) out[id] = q.getColumn(0).getString();
    }
  });
  return out;
}

CaseVerifyReport verify_cases(Database& database) {
  CaseVerifyReport report;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        std::string("SELECT ") + k_event_columns +
                            ", t.event_id IS NOT NULL, coalesce(t.purged, 0), t.text FROM case_event e "
                            "LEFT JOIN case_text t ON t.event_id = e.id ORDER BY e.id");
    records::CaseChainVerifier verifier;
    records::CaseChainEntry entry;
    while (!report.fault && q.executeStep()) {
      entry.event = read_event(q);
      entry.text_digest = q.getColumn(10).getString();
      entry.prev_hash = q.getColumn(11).getString();
      entry.hash = q.getColumn(12).getString();
      entry.has_text_row = q.getColumn(13).getInt() != 0;
      entry.purged = q.getColumn(14).getInt() != 0;
      entry.text = optional_text(q.getColumn(15));
      report.fault = verifier.next(entry);
    }
    report.events = verifier.count();
    if (report.events > 0) report.head = records::to_hex(verifier.head());
  });
  return report;
}

std::size_t purge_case_texts(Database& database, std::int64_t id) {
  std::size_t erased = 0;
  database.transaction([&] {
    auto& db = database.impl().db;
    const auto t = target_in(db, id);
    if (!t.exists) return;
    SQLite::Statement q(db,
                        "UPDATE case_text SET text = NULL, purged = 1 WHERE purged = 0 AND event_id IN "
                        "(SELECT id FROM case_event WHERE record_id = ?)");
    q.bind(1, t.root);
    erased = static_cast<std::size_t>(q.exec());
  });
  return erased;
}

}  // namespace dormlink::store
