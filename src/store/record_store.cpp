#include "dormlink/store/record_store.hpp"

#include <fmt/format.h>

#include <future>

#include "impl.hpp"
#include "messages.hpp"

namespace dormlink::store {
namespace {

using records::Row;

std::optional<std::string> text_or_null(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

void bind_optional(SQLite::Statement& q, int index, const std::optional<std::string>& value) {
  if (value)
    q.bind(index, *value);
  else
    q.bind(index);
}

struct Tip {
  std::int64_t id = 0;
  records::Digest hash = records::k_genesis;
};

Tip chain_tip(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT id, hash FROM record ORDER BY id DESC LIMIT 1");
  Tip tip;
  if (q.executeStep()) {
    tip.id = q.getColumn(0).getInt64();
    tip.hash = records::from_hex(q.getColumn(1).getString()).value_or(records::k_genesis);
  }
  return tip;
}

void insert_row(SQLite::Database& db, const Row& row, const std::string& digest, const std::string& prev,
                const std::string& hash) {
  SQLite::Statement q(
      db,
      "INSERT INTO record (id, kind, member_id, dorm_code, semester_id, happened_at, entered_at, entered_by, "
      "channel, corrects, reason, off_assignment, content_digest, prev_hash, hash, incident_category, severity, "
      "reported_to, reported_at, form_import) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, row.id);
  q.bind(2, std::string(records::key(row.kind)));
  q.bind(3, row.member_id);
  bind_optional(q, 4, row.dorm_code);
  q.bind(5, row.semester_id);
  q.bind(6, row.happened_at);
  q.bind(7, row.entered_at);
  q.bind(8, row.entered_by);
  bind_optional(q, 9, row.channel ? std::optional<std::string>(std::string(records::key(*row.channel))) : std::nullopt);
  if (row.corrects)
    q.bind(10, *row.corrects);
  else
    q.bind(10);
  q.bind(11, row.reason);
  q.bind(12, row.off_assignment ? 1 : 0);
  q.bind(13, digest);
  q.bind(14, prev);
  q.bind(15, hash);
  if (row.incident) {
    const auto& i = *row.incident;
    q.bind(16, std::string(records::key(i.category)));
    bind_optional(q, 17,
                  i.severity ? std::optional<std::string>(std::string(records::key(*i.severity))) : std::nullopt);
    bind_optional(q, 18, i.reported_to ? std::optional<std::string>(std::string(key(*i.reported_to))) : std::nullopt);
    bind_optional(q, 19, i.reported_at);
  }
  if (row.form) q.bind(20, row.form->import_id);
  q.exec();
}

void insert_details(SQLite::Database& db, const Row& row, const records::Content& content) {
  SQLite::Statement s(db, "INSERT INTO record_student (record_id, student_id) VALUES (?, ?)");
  for (const auto& student : row.students) {
    s.reset();
    SQLite::bind(s, row.id, student);
    s.exec();
  }
  SQLite::Statement c(db,
                      "INSERT INTO record_content (record_id, progress, note, details, purged) VALUES (?, ?, ?, ?, 0)");
  c.bind(1, row.id);
  bind_optional(c, 2, content.progress);
  bind_optional(c, 3, content.note);
  bind_optional(c, 4, content.details);
  c.exec();
}

// Reads the hashed row of the statement's current record (columns as k_row_columns).
constexpr const char* k_row_columns =
    "r.id, r.kind, r.member_id, r.dorm_code, r.semester_id, r.happened_at, r.entered_at, r.entered_by, "
    "r.channel, r.corrects, r.reason, r.off_assignment, r.content_digest, r.prev_hash, r.hash, "
    "c.progress, c.note, c.details, c.purged, "
    "(SELECT group_concat(student_id, char(31)) FROM (SELECT student_id FROM record_student s "
    "WHERE s.record_id = r.id ORDER BY student_id)), "
    "r.incident_category, r.severity, r.reported_to, r.reported_at, "
    "r.form_import, (SELECT sha256 FROM form_import f WHERE f.id = r.form_import), "
    "(SELECT coalesce(form_id, '') FROM form_import f WHERE f.id = r.form_import)";

// The current row's columns read straight from SQLite: SQLiteCpp's Column shares ownership
// of the statement (a reference count per column read), which was 4% of verify's walk.
class Cells {
 public:
  explicit Cells(sqlite3_stmt* stmt) : m_stmt(stmt) {}
  bool null(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
  std::int64_t integer(int c) const { return sqlite3_column_int64(m_stmt, c); }
  std::string_view text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, c))) : std::string_view();
  }
  // Assigns a column's text to `out`, keeping its capacity; nullopt for NULL.
  void assign(int c, std::string& out) const { out.assign(text(c)); }
  void assign(int c, std::optional<std::string>& out) const {
    if (null(c)) {
      out.reset();
    } else {
      if (!out) out.emplace();
      out->assign(text(c));
    }
  }
  std::optional<std::string> optional(int c) const {
    return null(c) ? std::nullopt : std::optional<std::string>(std::string(text(c)));
  }

 private:
  sqlite3_stmt* m_stmt;
};

// The incident columns (20-23), when the record is one.
std::optional<records::Incident> read_incident(const Cells& c) {
  if (c.null(20)) return std::nullopt;
  records::Incident incident;
  incident.category = records::parse_incident_category(c.text(20)).value_or(records::IncidentCategory::other_violation);
  if (!c.null(21)) incident.severity = records::parse_severity(c.text(21));
  if (!c.null(22)) incident.reported_to = staff_role_from_key(c.text(22));
  incident.reported_at = c.optional(23);
  return incident;
}

// The named students (column 19: ids joined by U+001F), reusing the strings already there.
void read_students(std::string_view students, std::vector<std::string>& out) {
  std::size_t count = 0;
  for (std::size_t start = 0; !students.empty() && start <= students.size(); ++count) {
    const auto end = students.find('\x1f', start);
    const auto one = students.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (count == out.size()) out.emplace_back();
    out[count].assign(one);
    if (end == std::string_view::npos) {
      ++count;
      break;
    }
    start = end + 1;
  }
  out.resize(count);
}

// Reads the row into `row`, reusing its strings' storage (verify reads a million rows).
void read_row_into(const Cells& c, Row& row) {
  row.id = c.integer(0);
  row.kind = records::parse_kind(c.text(1)).value_or(records::Kind::other);
  c.assign(2, row.member_id);
  c.assign(3, row.dorm_code);
  c.assign(4, row.semester_id);
  c.assign(5, row.happened_at);
  c.assign(6, row.entered_at);
  c.assign(7, row.entered_by);
  row.channel = c.null(8) ? std::nullopt : records::parse_channel(c.text(8));
  row.corrects = c.null(9) ? std::nullopt : std::optional<std::int64_t>(c.integer(9));
  c.assign(10, row.reason);
  row.off_assignment = c.integer(11) != 0;
  row.incident = read_incident(c);
  row.form.reset();
  if (!c.null(24)) row.form = records::FormSource{c.integer(24), std::string(c.text(25)), std::string(c.text(26))};
  read_students(c.text(19), row.students);
}

// A statement stepped with SQLite's own API, for the walk over every record (SQLiteCpp's
// statements hand out only Column objects). Errors throw SQLite::Exception as SQLiteCpp does.
class RawQuery {
 public:
  RawQuery(SQLite::Database& db, const std::string& sql) : m_db(db.getHandle()) {
    const int rc = sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(m_db, rc);
  }
  ~RawQuery() { sqlite3_finalize(m_stmt); }
  RawQuery(const RawQuery&) = delete;
  RawQuery& operator=(const RawQuery&) = delete;

  // True with a row, false at the end.
  bool step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(m_db, rc);
  }
  Cells cells() const { return Cells(m_stmt); }

 private:
  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

}  // namespace

Receipt append_record(Database& database, Row row, const records::Content& content) {
  Receipt receipt;
  database.transaction([&] {
    auto& db = database.impl().db;
    auto tip = chain_tip(db);
    row.id = tip.id + 1;
    auto digest = records::to_hex(records::sha256(records::canonical_content(content)));
    auto hash = records::link(tip.hash, records::canonical_row(row, digest));
    insert_row(db, row, digest, records::to_hex(tip.hash), records::to_hex(hash));
    insert_details(db, row, content);
    receipt = {row.id, records::to_hex(hash), records::short_hash(hash)};
  });
  return receipt;
}

namespace {

// The first record of the same kind, member, time, dorm and students; with `digest`, of the same
// text too; with `in_force`, one no later record corrects or withdraws.
std::optional<std::int64_t> find_same(Database& database, const Row& row, const std::string* digest, bool in_force) {
  std::optional<std::int64_t> found;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(
        db, std::string("SELECT ") + k_row_columns +
                " FROM record r JOIN record_content c ON c.record_id = r.id WHERE r.kind = ? AND r.member_id = ? "
                "AND r.happened_at = ? AND r.dorm_code IS ?" +
                (digest != nullptr ? " AND r.content_digest = ?" : "") +
                (in_force ? " AND NOT EXISTS (SELECT 1 FROM record w WHERE w.corrects = r.id)" : "") +
                " ORDER BY r.id");
    SQLite::bind(q, std::string(records::key(row.kind)), row.member_id, row.happened_at);
    bind_optional(q, 4, row.dorm_code);
    if (digest != nullptr) q.bind(5, *digest);
    std::vector<std::string> students;
    while (!found && q.executeStep()) {
      const auto named = q.getColumn(19);
      read_students(std::string_view(named.getText(), static_cast<std::size_t>(named.getBytes())), students);
      if (students == row.students) found = q.getColumn(0).getInt64();
    }
  });
  return found;
}

}  // namespace

std::optional<std::int64_t> find_duplicate(Database& database, const Row& row, const records::Content& content) {
  const auto digest = records::to_hex(records::sha256(records::canonical_content(content)));
  return find_same(database, row, &digest, false);
}

std::optional<std::int64_t> find_same_contact(Database& database, const Row& row) {
  return find_same(database, row, nullptr, true);
}

namespace {

// The anchors the database holds: every submission and every backup receipt.
std::vector<records::ChainAnchor> stored_anchors(SQLite::Database& db, VerifyReport& report) {
  std::vector<records::ChainAnchor> anchors;
  SQLite::Statement s(db,
                      "SELECT id, kind, subject_id, period, submitted_at, record_count, chain_head "
                      "FROM submission ORDER BY id");
  while (s.executeStep()) {
    anchors.push_back(
        {msg::submission_anchor(
             s.getColumn(0).getInt64(),
             (s.getColumn(1).getString() == "summary" ? msg::summary_kind : msg::feedback_kind)(message_language()),
             s.getColumn(2).getString(), s.getColumn(3).getInt(), s.getColumn(4).getString()),
         s.getColumn(5).getInt64(), s.getColumn(6).getString()});
    ++report.submissions;
  }
  SQLite::Statement b(db, "SELECT id, made_at, path, record_count, chain_head FROM backup_receipt ORDER BY id");
  while (b.executeStep()) {
    anchors.push_back(
        {msg::backup_anchor(b.getColumn(0).getInt64(), b.getColumn(1).getString(), b.getColumn(2).getString()),
         b.getColumn(3).getInt64(), b.getColumn(4).getString()});
    ++report.backups;
  }
  return anchors;
}

// Records are numbered 1, 2, ...: a number skipped was removed.
std::optional<records::ChainFault> gap(std::int64_t expected, std::int64_t id) {
  if (id <= expected) return std::nullopt;  // duplicates and disorder: the chain verifier names them
  const std::string what = id == expected + 1 ? msg::one_missing(expected) : msg::several_missing(expected, id - 1);
  return records::ChainFault{expected,
                             expected == 1 ? msg::chain_starts_at(what, id) : msg::chain_goes(what, expected - 1, id)};
}

// talk_student (schema v10) is check's copy of who each talk named: exactly one row per talk
// and student, with the record's semester and times. The first record it disagrees with, or
// none: a row without its talk, or a talk's student without its row.
std::optional<records::ChainFault> talk_copy_fault(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT min(id) FROM ("
                      "SELECT t.record_id AS id FROM talk_student t WHERE NOT EXISTS (SELECT 1 FROM record r "
                      "JOIN record_student s ON s.record_id = r.id WHERE r.id = t.record_id AND r.kind = 'talk' AND "
                      "r.semester_id = t.semester_id AND r.happened_at = t.happened_at AND r.entered_at = "
                      "t.entered_at AND s.student_id = t.student_id) "
                      "UNION ALL SELECT r.id FROM record r JOIN record_student s ON s.record_id = r.id WHERE r.kind = "
                      "'talk' AND NOT EXISTS (SELECT 1 FROM talk_student t WHERE t.semester_id = r.semester_id AND "
                      "t.happened_at = r.happened_at AND t.record_id = r.id AND t.student_id = s.student_id))");
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  const auto id = q.getColumn(0).getInt64();
  return records::ChainFault{id, msg::talk_copy_differs(id)};
}

// talk_copy_fault beside the walk, on a reader of its own (the second core): the check reads
// every talk twice, and run after the walk it made verify a third slower. It may read a later
// commit than the walk, so a fault it finds is confirmed on the walk's connection (`confirm`).
class TalkCopyProbe {
 public:
  explicit TalkCopyProbe(const Database& database) {
    if (database.path() == ":memory:") return;  // a second connection would open another database
    m_result = std::async(std::launch::async, [&database] {
      auto reader = database.another_reader();
      return talk_copy_fault(reader.impl().db);
    });
  }
  std::optional<records::ChainFault> confirm(SQLite::Database& walked) {
    bool suspect = true;
    try {
      if (m_result.valid()) suspect = m_result.get().has_value();
    } catch (const std::exception&) {  // no second reader: check on the walk's connection
    }
    return suspect ? talk_copy_fault(walked) : std::nullopt;
  }

 private:
  std::future<std::optional<records::ChainFault>> m_result;
};

}  // namespace

VerifyReport verify_records(Database& database, std::vector<records::ChainAnchor> given) {
  VerifyReport report;
  report.given = given.size();
  TalkCopyProbe talk_copy(database);
  database.transaction([&] {
    auto& db = database.impl().db;
    auto anchors = stored_anchors(db, report);
    anchors.insert(anchors.end(), std::make_move_iterator(given.begin()), std::make_move_iterator(given.end()));
    records::AnchorChecker anchored(std::move(anchors));
    RawQuery q(db, std::string("SELECT ") + k_row_columns +
                       " FROM record r LEFT JOIN record_content c ON c.record_id = r.id ORDER BY r.id");
    records::ChainVerifier verifier;
    records::Hasher hasher;
    bool content_fault = false;
    std::int64_t expected = 1;
    // One row, one entry, one content and one buffer for the whole walk: nothing is allocated per
    // record once the longest has been seen.
    Row row;
    records::ChainEntry entry;
    records::Content content;
    std::string content_bytes;
    while (!report.fault && q.step()) {
      const Cells c = q.cells();
      read_row_into(c, row);
      if ((report.fault = gap(expected, row.id))) break;
      expected = row.id + 1;
      const std::string_view digest = c.text(12);
      const std::string_view hash_hex = c.text(14);
      entry.id = row.id;
      records::canonical_row_into(row, digest, entry.canonical);
      entry.stored_hash = records::from_hex(hash_hex).value_or(records::Digest{});
      entry.stored_previous = records::from_hex(c.text(13));
      report.fault = verifier.next(entry);
      const bool purged = !c.null(18) && c.integer(18) != 0;
      if (!report.fault && !purged) {
        c.assign(15, content.progress);
        c.assign(16, content.note);
        c.assign(17, content.details);
        records::canonical_content_into(content, content_bytes);
        // The stored digest is 64 lowercase hex digits of the content's SHA-256 (compared
        // without formatting it: from_hex alone would also accept upper case).
        const bool same = records::from_hex(digest) == hasher.sha256(content_bytes) &&
                          digest.find_first_of("ABCDEF") == std::string_view::npos;
        if (!same) {
          report.fault = records::ChainFault{row.id, msg::text_altered(row.id)};
          content_fault = true;
        }
      }
      if (!report.fault) report.fault = anchored.at(row.id, hash_hex);
    }
    report.records = verifier.count() - (content_fault ? 1u : 0u);
    if (report.records > 0) report.head = records::to_hex(verifier.head());
    if (!report.fault) report.fault = anchored.at_end(static_cast<std::int64_t>(report.records), report.head);
    if (!report.fault) report.fault = talk_copy.confirm(db);
  });
  return report;
}

}  // namespace dormlink::store

namespace dormlink::store {

RecordStatus record_status(Database& database, std::int64_t id) {
  RecordStatus status;
  database.transaction([&] {
    auto& db = database.impl().db;
    SQLite::Statement q(db,
                        "SELECT r.kind, r.member_id, c.purged, r.semester_id, r.dorm_code FROM record r "
                        "LEFT JOIN record_content c ON c.record_id = r.id WHERE r.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return;
    status.exists = true;
    status.kind = q.getColumn(0).getString();
    status.member_id = q.getColumn(1).getString();
    status.purged = !q.getColumn(2).isNull() && q.getColumn(2).getInt() != 0;
    status.semester_id = q.getColumn(3).getString();
    status.dorm_code = text_or_null(q.getColumn(4));
    SQLite::Statement s(db, "SELECT min(id) FROM record WHERE corrects = ? AND kind <> 'purge'");
    s.bind(1, id);
    if (s.executeStep() && !s.getColumn(0).isNull()) status.superseded_by = s.getColumn(0).getInt64();
  });
  return status;
}

void purge_content(Database& database, std::int64_t id) {
  database.transaction([&] {
    SQLite::Statement q(database.impl().db,
                        "UPDATE record_content SET progress = NULL, note = NULL, "
                        "details = NULL, purged = 1 WHERE record_id = ?");
    q.bind(1, id);
    q.exec();
  });
}

}  // namespace dormlink::store
