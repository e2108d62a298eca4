#pragma once
// What `dormlink report` reads and writes (docs/reports.md): a member's effective records of a
// period with the names of students and dorms, the records' chain head, attention categories
// for named lists, submitted forms and summaries (table `submission`), and the audit trail of
// sensitive reports (table `sensitive_access`). It reads records as records::EffectiveRecord
// and knows nothing of how reports show them.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/model.hpp"
#include "dormlink/records/chain.hpp"
#include "dormlink/records/effective.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// The hash of the last record and the number of records (docs/records.md "The chain").
records::ChainHead load_chain_head(Database& db);

// The member's effective records of the semester (neither withdrawn nor replaced by a
// correction; corrections carry `corrects`) that happened on days from..to (inclusive):
// contacts, excused and incident records; not plans, summaries, withdrawals or purges. In
// time order, then by number. Students carry the name, phone and attention categories of
// their roster version on `names_on` (the latest one begun by then, else the earliest).
std::vector<records::EffectiveRecord> load_contacts(Database& db, const std::string& member_id,
                                                    const std::string& semester_id, Date from, Date to, Date names_on);

// Attention categories on `on` of the given students (those with none are left out), by id.
std::vector<std::pair<std::string, std::vector<AttentionCategory>>> load_attention(
    Database& db, const std::vector<std::string>& student_ids, Date on);

// Who handed a form in (docs/forms.md "Submissions change meaning"): the member, with a
// returned file (`import form`); the counselor, a summary of their own; or the counselor on
// the member's behalf (`report feedback --submit --on-behalf --reason`).
enum class SubmissionSource { member, counselor, on_behalf };
std::string_view key(SubmissionSource source);

// A submitted feedback form or counselor summary (table submission, append-only).
struct SubmissionRow {
  std::int64_t id = 0;   // assigned by save_submission
  bool summary = false;  // kind: summary (subject: staff id) or feedback (subject: student id)
  std::string subject_id;
  std::string semester_id;
  int period = 0;
  std::string submitted_at;  // local "YYYY-MM-DD HH:MM:SS" (its date follows --as-of)
  std::string recorded_at;   // local "YYYY-MM-DD HH:MM:SS" by the real clock
  std::string submitted_by;
  std::string due_date;         // YYYY-MM-DD, check::form_due_date
  bool late = false;            // submitted after due_date
  std::string language;         // zh, en
  std::string format;           // md, json
  std::string audience;         // counselor, branch, committee
  bool sensitive = false;       // the document holds sensitive fields
  std::string document;         // exactly as printed
  std::string document_sha256;  // hex
  std::string chain_head;
  std::int64_t record_count = 0;
  std::optional<std::int64_t> redacted_by;  // the purge that last erased text from the document
  SubmissionSource source = SubmissionSource::counselor;
  std::string reason;                       // why the counselor submitted for the member (on_behalf)
  std::optional<std::int64_t> form_import;  // the returned file (member)
  std::string file_name;                    // that file's name, read with the row (not stored here)
};

// Appends a submission inside the caller's transaction (or its own); returns its id. The
// document's SHA-256 is computed here.
std::int64_t save_submission(Database& db, SubmissionRow row);

// The latest submission of a subject's form or summary for a period, with how many there are
// (`count`) and which of them it is (`number`, 1-based); nullopt when none.
struct StoredSubmission {
  SubmissionRow row;
  int number = 0;
  int count = 0;
};
std::optional<StoredSubmission> latest_submission(Database& db, bool summary, const std::string& subject_id,
                                                  const std::string& semester_id, int period);

// One record (any kind, effective or not) with its text as stored now; nullopt when there is
// no such record. Students are not loaded.
std::optional<records::EffectiveRecord> load_contact(Database& db, std::int64_t id);

// The latest feedback form of each member for a period submitted on or before `on` (a date),
// by member id.
std::vector<SubmissionRow> latest_feedback_submissions(Database& db, const std::string& semester_id, int period,
                                                       Date on);

// Every feedback form of a member submitted for the semester, oldest first.
std::vector<SubmissionRow> load_feedback_submissions(Database& db, const std::string& member_id,
                                                     const std::string& semester_id);

// Replaces a submitted document with its redacted form, marking it as redacted by the purge
// record `purge_id`: the one change a submission allows (a trigger refuses any other).
void redact_submission(Database& db, std::int64_t id, const std::string& document, std::int64_t purge_id);

// One row of the sensitive_access audit trail.
struct SensitiveAccess {
  std::string accessed_at;  // local "YYYY-MM-DD HH:MM:SS" by the real clock
  std::string accessed_by;
  std::string command;  // what was printed: command, subject, semester, period
  std::string audience;
  std::string reason;  // --reason, never empty
};

// Appends an audit row inside the caller's transaction (or its own).
void record_sensitive_access(Database& db, const SensitiveAccess& access);

}  // namespace dormlink::store
