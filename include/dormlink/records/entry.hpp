#pragma once
// Turning what a member typed into a record row: who, which dorm, whom they talked with,
// and every check the regulation's trust needs (docs/records.md). Pure: the caller passes the
// rosters and the assignment valid on the record's date, and "now".

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/records/case.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/roster/snapshot.hpp"
#include "dormlink/when.hpp"

namespace dormlink::records {

// A concern typed with a talk (docs/cases.md): what the member found, to whom it goes, and
// which of the talk's students it is about (empty: the talk's one student).
struct ConcernRequest {
  std::string text;
  Escalation escalate_to = Escalation::counselor;
  std::string about;      // id, name, unique name prefix or pinyin of one of the talk's students
  bool in_table = false;  // from a CSV file or a form: messages say to split the row, not --concern-about
};

// A record as typed: names may be ids, names or unique name prefixes; the dorm a code.
struct EntryRequest {
  Kind kind = Kind::visit;
  std::string member;
  std::optional<std::string> dorm;
  LocalDateTime at;
  std::vector<std::string> talked;
  std::optional<Channel> channel;
  Content content;
  std::string reason;                     // why the member recorded a dorm that is not theirs, or an excuse
  std::optional<Incident> incident;       // required for kind incident
  std::optional<ConcernRequest> concern;  // a talk's concern about one of its students
};

// What the checks read.
struct EntryContext {
  const roster::Snapshot* snapshot = nullptr;                      // rosters valid on the record's date
  const std::map<std::string, std::string>* assignment = nullptr;  // dorm -> member on that date
  const Calendar* calendar = nullptr;
  LocalDateTime now;  // the college's local time
  // Why a typed member or resident (option, text) is not on the day's rosters, when the caller
  // can tell better than "no current student" (the rosters start after the record's day); may
  // be empty.
  std::function<std::optional<std::string>(std::string_view, const std::string&)> explain_absent;
};

// The row (id and entry fields left empty) and the member's name for the receipt.
struct ResolvedEntry {
  Row row;
  std::string member_name;
  // With a concern: the student it is about, or why that cannot be told (the record is no
  // talk, names no student or several and the request does not say which); the callers decide
  // how to refuse it (log-visit: exit 64; a CSV file or a form: a problem at its line).
  std::optional<std::string> concern_student;
  std::string concern_problem;
};

// What a correction points at, as the database knows it.
struct CorrectionTarget {
  std::int64_t id = 0;
  bool exists = false;
  std::string kind;  // key of the record's kind
  std::string member_id;
  std::optional<std::string> dorm_code;
  std::optional<std::int64_t> superseded_by;  // a later correction or withdrawal of it
};

// Checks that the resolved `row` may correct `target`: the target exists and is live (not
// already corrected or withdrawn), is a contact, incident, plan or summary rather than a
// pointer record, belongs to the same member and is of the same kind. Throws DataError naming
// every problem; the correction needs a reason (UsageError otherwise).
void check_correction(const Row& row, const CorrectionTarget& target, const std::string& reason);

// Resolves and checks a request. Throws DataError listing every problem: unknown or
// ambiguous member, not a member, unknown dorm, a dorm not assigned to the member on that date
// (allowed with a reason, then marked off_assignment), a student who does not live there, a
// time in the future or outside every semester, a contact without a dorm, an excuse without
// a reason, an incident reported before it was found or after `now`.
ResolvedEntry resolve_entry(const EntryRequest& request, const EntryContext& context);

// The member (or candidate) a typed text names, found as resolve_entry finds --member: id,
// name, unique name prefix or pinyin. Throws DataError with resolve_entry's message otherwise.
const roster::StudentRow& find_member(const std::string& text, const EntryContext& context);

// A resolve_entry message as a form or a CSV file shows it: every option it names (--talked,
// --dorm, --at, --member, …) becomes the column the value came from (column "联系学生姓名及方式").
std::string in_form_columns(std::string_view message);

}  // namespace dormlink::records
