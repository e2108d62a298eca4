#pragma once
// Private to src/store: how roster facts are spelled in table columns.

#include <string>
#include <vector>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "dormlink/model.hpp"
#include "dormlink/records/effective.hpp"
#include "dormlink/roster/roster.hpp"

namespace dormlink::store {

// "family_hardship;psychological" <-> categories (sorted keys).
std::string encode_attention(const std::vector<AttentionCategory>& categories);
std::vector<AttentionCategory> decode_attention(const std::string& text);

// "2023,2024" <-> cohorts.
std::string encode_cohorts(const std::vector<int>& cohorts);
std::vector<int> decode_cohorts(const std::string& text);

// "英语2301;英语2302" <-> classes.
std::string encode_list(const std::vector<std::string>& items);
std::vector<std::string> decode_list(const std::string& text);

// A column's text, or "" when it is NULL.
inline std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

// The one SQL spelling of "record r is effective" (docs/records.md): no later record other
// than a purge points at it — a correction replaces it, a withdrawal removes it.
#define DORMLINK_SQL_NOT_REPLACED "NOT EXISTS (SELECT 1 FROM record x WHERE x.corrects = r.id AND x.kind <> 'purge')"

// The contact kinds a form or an export lists (plans, summaries and the bookkeeping kinds not).
#define DORMLINK_SQL_LISTED_KINDS "r.kind NOT IN ('plan', 'summary', 'correction', 'withdrawal', 'purge')"

// ORDER BY choosing a student's roster version on day :on: the latest begun by then, else the
// earliest (a record may name a student before their first roster version, after a re-import).
// A zero-length version (replaced the same day, or of an undone import) holds no day and is
// chosen only when there is nothing else.
#define DORMLINK_SQL_VERSION_ON_DAY                                                       \
  "ORDER BY (valid_to IS NULL OR valid_to > valid_from) DESC, (valid_from <= :on) DESC, " \
  "CASE WHEN valid_from <= :on THEN valid_from END DESC, valid_from, id DESC LIMIT 1"

// The columns of a record as records::EffectiveRecord holds it (record r LEFT JOIN
// record_content c), in the order read_effective_record reads them.
#define DORMLINK_SQL_EFFECTIVE_COLUMNS                                                                          \
  "r.id, r.kind, r.member_id, r.dorm_code, r.semester_id, r.happened_at, r.entered_at, r.channel, r.corrects, " \
  "r.reason, r.off_assignment, r.incident_category, r.severity, r.reported_to, r.reported_at, c.progress, "     \
  "c.note, c.details, coalesce(c.purged, 0)"

// Reads the DORMLINK_SQL_EFFECTIVE_COLUMNS of the current row (students and names not).
records::EffectiveRecord read_effective_record(const SQLite::Statement& q);

// The student columns, in the order k_student_columns lists them.
inline constexpr const char* k_student_columns =
    "name, gender, major, cohort, class_name, dorm_code, phone, political_status, branch, "
    "attention, dorm_head, email, studio";

// Reads the k_student_columns of the current row, starting at column `first`.
roster::StudentFacts read_student_facts(const SQLite::Statement& q, int first);

// Splits a dorm code "8-305" at its last '-' into building and room.
DormCode split_dorm_code(const std::string& code);

}  // namespace dormlink::store
