// What `dormlink report` reads and writes (docs/reports.md): contacts of a period, the chain
// head, attention categories, submissions and the sensitive-access audit trail.
#include "dormlink/store/report_store.hpp"

#include <chrono>

#include "codec.hpp"
#include "dormlink/records/chain.hpp"
#include "impl.hpp"

namespace dormlink::store {
namespace {

std::string day_after(Date date) { return format_date(Date{to_days(date) + std::chrono::days{1}}); }

// A record is effective unless a later record (not a purge) points at it: a correction
// replaces it, a withdrawal removes it (docs/records.md).
constexpr const char* k_contacts =
    "SELECT " DORMLINK_SQL_EFFECTIVE_COLUMNS
    " "
    "FROM record r LEFT JOIN record_content c ON c.record_id = r.id "
    "WHERE r.member_id = :member AND r.semester_id = :semester AND r.happened_at >= :from AND r.happened_at < :end "
    "AND " DORMLINK_SQL_LISTED_KINDS " AND " DORMLINK_SQL_NOT_REPLACED
    " "
    "ORDER BY r.happened_at, r.id";

// The roster version of a student on a day: the latest begun by then, else the earliest.
constexpr const char* k_student_on =
    "SELECT name, phone, attention FROM student_version WHERE student_id = :student " DORMLINK_SQL_VERSION_ON_DAY;

void load_students(SQLite::Database& db, records::EffectiveRecord& contact, const std::string& on) {
  SQLite::Statement ids(db, "SELECT student_id FROM record_student WHERE record_id = ? ORDER BY student_id");
  ids.bind(1, contact.id);
  SQLite::Statement facts(db, k_student_on);
  while (ids.executeStep()) {
    records::RecordStudent s;
    s.id = ids.getColumn(0).getString();
    facts.reset();
    facts.bind(":student", s.id);
    facts.bind(":on", on);
    if (facts.executeStep()) {
      s.name = facts.getColumn(0).getString();
      s.phone = facts.getColumn(1).getString();
      s.attention = decode_attention(facts.getColumn(2).getString());
    }
    contact.students.push_back(std::move(s));
  }
}

SubmissionRow read_submission(const SQLite::Statement& q) {
  SubmissionRow r;
  r.id = q.getColumn(0).getInt64();
  r.summary = q.getColumn(1).getString() == "summary";
  r.subject_id = q.getColumn(2).getString();
  r.semester_id = q.getColumn(3).getString();
  r.period = q.getColumn(4).getInt();
  r.submitted_at = q.getColumn(5).getString();
  r.recorded_at = q.getColumn(6).getString();
  r.submitted_by = q.getColumn(7).getString();
  r.due_date = q.getColumn(8).getString();
  r.late = q.getColumn(9).getInt() != 0;
  r.language = q.getColumn(10).getString();
  r.format = q.getColumn(11).getString();
  r.audience = q.getColumn(12).getString();
  r.sensitive = q.getColumn(13).getInt() != 0;
  r.document = q.getColumn(14).getString();
  r.document_sha256 = q.getColumn(15).getString();
  r.chain_head = q.getColumn(16).getString();
  r.record_count = q.getColumn(17).getInt64();
  if (!q.getColumn(18).isNull()) r.redacted_by = q.getColumn(18).getInt64();
  const auto source = q.getColumn(19).getString();
  r.source = source == "member"      ? SubmissionSource::member
             : source == "on_behalf" ? SubmissionSource::on_behalf
                                     : SubmissionSource::counselor;
  r.reason = q.getColumn(20).getString();
  if (!q.getColumn(21).isNull()) r.form_import = q.getColumn(21).getInt64();
  r.file_name = q.getColumn(22).getString();
  return r;
}

constexpr const char* k_submission_columns =
    "SELECT id, kind, subject_id, semester_id, period, submitted_at, recorded_at, submitted_by, due_date, late, "
    "language, format, audience, sensitive, document, document_sha256, chain_head, record_count, redacted_by, "
    "source, reason, form_import, coalesce((SELECT file_name FROM form_import f WHERE f.id = form_import), '')";

}  // namespace

records::ChainHead load_chain_head(Database& database) {
  records::ChainHead head;
  database.transaction([&] {
    auto& db = database.impl().db;
    // Records are numbered 1, 2, ... and never deleted (a trigger refuses it; verify finds a
    // gap), so the last number is the count, read from the primary key instead of a scan.
    SQLite::Statement q(db, "SELECT id, hash FROM record ORDER BY id DESC LIMIT 1");
    if (q.executeStep()) {
      head.records = q.getColumn(0).getInt64();
      head.head = q.getColumn(1).getString();
    }
  });
  return head;
}

std::vector<records::EffectiveRecord> load_contacts(Database& database, const std::string& member_id,
                                                    const std::string& semester_id, Date from, Date to, Date names_on) {
  std::vector<records::EffectiveRecord> contacts;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db, k_contacts);
    q.bind(":member", member_id);
    q.bind(":semester", semester_id);
    q.bind(":from", format_date(from));
    q.bind(":end", day_after(to));
    while (q.executeStep()) contacts.push_back(read_effective_record(q));
    const std::string on = format_date(names_on);
    for (auto& c : contacts) load_students(db, c, on);
  });
  return contacts;
}

std::vector<std::pair<std::string, std::vector<AttentionCategory>>> load_attention(
    Database& database, const std::vector<std::string>& student_ids, Date on) {
  std::vector<std::pair<std::string, std::vector<AttentionCategory>>> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db, k_student_on);
    for (const auto& id : student_ids) {
      q.reset();
      q.bind(":student", id);
      q.bind(":on", format_date(on));
      if (!q.executeStep()) continue;
      auto categories = decode_attention(q.getColumn(2).getString());
      if (!categories.empty()) out.emplace_back(id, std::move(categories));
    }
  });
  return out;
}

std::string_view key(SubmissionSource source) {
  switch (source) {
    case SubmissionSource::member:
      return "member";
    case SubmissionSource::on_behalf:
      return "on_behalf";
    default:
      return "counselor";
  }
}

std::int64_t save_submission(Database& database, SubmissionRow row) {
  // A member's form is the file: its hash is the file's (set by the caller), not the empty text's.
  if (row.source != SubmissionSource::member) row.document_sha256 = records::to_hex(records::sha256(row.document));
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(
        db,
        "INSERT INTO submission (kind, subject_id, semester_id, period, submitted_at, submitted_by, due_date, late, "
        "language, format, document, document_sha256, chain_head, record_count, recorded_at, audience, sensitive, "
        "source, reason, form_import) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::bind(q, std::string(row.summary ? "summary" : "feedback"), row.subject_id, row.semester_id, row.period,
                 row.submitted_at, row.submitted_by, row.due_date, row.late ? 1 : 0, row.language, row.format,
                 row.document, row.document_sha256, row.chain_head, row.record_count, row.recorded_at, row.audience,
                 row.sensitive ? 1 : 0, std::string(key(row.source)), row.reason);
    if (row.form_import) q.bind(20, *row.form_import);
    q.exec();
    row.id = db.getLastInsertRowid();
  });
  return row.id;
}

std::optional<StoredSubmission> latest_submission(Database& database, bool summary, const std::string& subject_id,
                                                  const std::string& semester_id, int period) {
  std::optional<StoredSubmission> out;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db, std::string(k_submission_columns) +
                                ", count(*) OVER () FROM submission WHERE semester_id = ? AND kind = ? "
                                "AND subject_id = ? AND period = ? ORDER BY id DESC LIMIT 1");
    SQLite::bind(q, semester_id, std::string(summary ? "summary" : "feedback"), subject_id, period);
    if (!q.executeStep()) return;
    StoredSubmission s;
    s.row = read_submission(q);
    s.count = q.getColumn(23).getInt();
    s.number = s.count;  // the latest is the last of them (ids grow)
    out = std::move(s);
  });
  return out;
}

std::optional<records::EffectiveRecord> load_contact(Database& database, std::int64_t id) {
  std::optional<records::EffectiveRecord> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        "SELECT " DORMLINK_SQL_EFFECTIVE_COLUMNS
                        " "
                        "FROM record r LEFT JOIN record_content c ON c.record_id = r.id WHERE r.id = ?");
    q.bind(1, id);
    if (q.executeStep()) out = read_effective_record(q);
  });
  return out;
}

std::vector<SubmissionRow> latest_feedback_submissions(Database& database, const std::string& semester_id, int period,
                                                       Date on) {
  std::vector<SubmissionRow> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db, std::string(k_submission_columns) +
                                                " FROM submission WHERE semester_id = ? AND kind = 'feedback' "
                                                "AND period = ? AND submitted_at < ? ORDER BY subject_id, id");
    SQLite::bind(q, semester_id, period, day_after(on));
    while (q.executeStep()) {
      auto row = read_submission(q);
      if (!out.empty() && out.back().subject_id == row.subject_id) {
        out.back() = std::move(row);
      } else {
        out.push_back(std::move(row));
      }
    }
  });
  return out;
}

std::vector<SubmissionRow> load_feedback_submissions(Database& database, const std::string& member_id,
                                                     const std::string& semester_id) {
  std::vector<SubmissionRow> out;
  database.transaction([&] {
    SQLite::Statement q(database.impl().db, std::string(k_submission_columns) +
                                                " FROM submission WHERE semester_id = ? AND kind = 'feedback' "
                                                "AND subject_id = ? ORDER BY id");
    SQLite::bind(q, semester_id, member_id);
    while (q.executeStep()) out.push_back(read_submission(q));
  });
  return out;
}

void redact_submission(Database& database, std::int64_t id, const std::string& document, std::int64_t purge_id) {
  database.transaction([&] {
    SQLite::Statement q(database.impl().db, "UPDATE submission SET document = ?, redacted_by = ? WHERE id = ?");
    SQLite::bind(q, document, purge_id, id);
    q.exec();
  });
}

void record_sensitive_access(Database& database, const SensitiveAccess& a) {
  database.transaction([&] {
    SQLite::Statement q(
        database.impl().db,
        "INSERT INTO sensitive_access (accessed_at, accessed_by, command, audience, reason) VALUES (?, ?, ?, ?, ?)");
    SQLite::bind(q, a.accessed_at, a.accessed_by, a.command, a.audience, a.reason);
    q.exec();
  });
}

}  // namespace dormlink::store
