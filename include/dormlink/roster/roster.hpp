#pragma once
// Roster rows as imported from Excel-made CSV (docs/import.md): column mapping with Chinese
// headers, value parsing and per-file validation. Pure: no database, no clock.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/model.hpp"
#include "dormlink/util/csv.hpp"

namespace dormlink::roster {

// What a student is, as one roster row says (everything but the id).
struct StudentFacts {
  std::string name;
  Gender gender = Gender::female;
  std::string major;
  int cohort = 0;  // enrolment year (年级 "2023级"); year of study is derived per semester
  std::string class_name;
  std::string dorm;   // dorm code "8-305"; empty for a student who left
  std::string phone;  // digits only; empty when not given. Sensitive.
  std::string email;  // 邮箱, checked by mail::address_problem; empty when not given. Sensitive.
  PoliticalStatus status = PoliticalStatus::masses;
  std::string branch;
  std::vector<AttentionCategory> attention;  // sorted, unique. Sensitive.
  bool dorm_head = false;
  bool studio = false;  // 朋辈工作室: on the peer studio (docs/studio.md)

  bool operator==(const StudentFacts&) const = default;
};

// One validated row of a students roster.
struct StudentRow {
  std::size_t line = 0;
  std::string student_id;
  StudentFacts facts;
};

// What the dorms roster says about one dorm; unset optionals are derived from residents.
struct DormFacts {
  std::optional<Gender> gender;
  std::optional<int> capacity;
  std::optional<int> cohort;  // grade override, as a cohort
  std::optional<std::string> major;

  bool operator==(const DormFacts&) const = default;
};

// One validated row of a dorms roster.
struct DormRow {
  std::size_t line = 0;
  DormCode dorm;
  DormFacts facts;
};

// One staff duty: a person in one role with what it covers.
struct StaffFacts {
  std::string name;
  std::string phone;                 // Sensitive.
  std::string email;                 // 邮箱; empty when not given. Sensitive (routes digests).
  std::vector<int> cohorts;          // grades covered, as cohorts
  std::vector<std::string> classes;  // classes covered
  std::string branch;                // branch covered (branch secretary)
  bool studio = false;               // 朋辈工作室: on the peer studio (docs/studio.md)

  bool operator==(const StaffFacts&) const = default;
};

// One validated row of a staff roster (one person may have several rows, one per role).
struct StaffRow {
  std::size_t line = 0;
  std::string staff_id;
  StaffRole role = StaffRole::counselor;
  StaffFacts facts;
};

// What the parsers need besides the table: the file name for messages and the semester
// that turns a year of study ("3") into a cohort. Without a semester only cohorts are
// accepted.
struct ParseContext {
  std::string source_name;
  const Semester* semester = nullptr;
};

// Columns that were in the file but are not dormlink columns (reported as a notice).
struct ParseNotes {
  std::vector<std::string> ignored_columns;
};

// Parses and validates every row; throws DataError listing every problem with file, line
// and column (never echoing a phone number or an attention category).
std::vector<StudentRow> parse_students(const util::CsvTable& table, const ParseContext& context,
                                       ParseNotes* notes = nullptr);
std::vector<DormRow> parse_dorms(const util::CsvTable& table, const ParseContext& context, ParseNotes* notes = nullptr);
std::vector<StaffRow> parse_staff(const util::CsvTable& table, const ParseContext& context,
                                  ParseNotes* notes = nullptr);

// Parses a grade cell: a year of study 1-6 (needs a semester), "大三", or a cohort "2023" /
// "2023级". Returns the cohort, or an error message (without the value) in `error`.
std::optional<int> parse_grade(std::string_view text, const Semester* semester, std::string& error);

// Student and staff ids (already NFKC'd and trimmed): 1 to 32 ASCII letters, digits, '-' and
// '_', so that an id can name a file (report --out-dir) and never holds a path separator, a
// space or a control character.
bool is_plain_id(std::string_view id);

// Normalises a phone number (NFKC, drop spaces, dashes and a +86 prefix); nullopt when it
// is not a plausible mobile (11 digits starting with 1) or landline (7-12 digits).
std::optional<std::string> normalize_phone(std::string_view text);
// An e-mail cell (邮箱) trimmed and NFKC-normalised; nullopt with `problem` set (never
// repeating the value) when it is not an address (mail::address_problem).
std::optional<std::string> normalize_email(std::string_view text, std::string& problem);

}  // namespace dormlink::roster
