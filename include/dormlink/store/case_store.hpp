#pragma once
// Cases in the database (docs/cases.md): which case a record number means, appending a step to
// the case chain, the cases of a semester (what `check`, the reports and the lists read), the
// case chain's verification and a purge's erasure of the cases' texts.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/model.hpp"
#include "dormlink/records/case.hpp"
#include "dormlink/store/database.hpp"

namespace dormlink::store {

// A record number and the case it leads to: the first record of its correction chain (the
// case's number), the version in force, and that version's facts.
struct CaseTarget {
  bool exists = false;     // record N exists
  std::string given_kind;  // record N's kind key (talk, incident, withdrawal, ...)
  std::int64_t root = 0;   // the first record of N's correction chain: the case's number
  std::string kind;        // the chain's kind key
  std::int64_t in_force = 0;
  bool withdrawn = false;  // the version in force was withdrawn
  std::string member_id;
  std::string dorm;  // empty when none
  std::string semester_id;
  std::string happened_at;  // of the version in force: an incident's found time
  std::string entered_at;   // of the version in force
  std::string reported_at;  // incident: the member's claimed report time, or empty
  std::optional<StaffRole> reported_to;
  std::string incident_category;           // incident: category key
  std::vector<std::string> students;       // named by the version in force, sorted
  std::vector<records::CaseEvent> events;  // the case's events (record_id = root), in id order
};

// The case record N belongs to (exists = false when there is no record N). Inside the caller's
// transaction, or its own.
CaseTarget load_case_target(Database& db, std::int64_t id);

// What append_case_event prints on a receipt.
struct CaseReceipt {
  std::int64_t id = 0;
  std::string hash;        // 64 hex digits
  std::string short_hash;  // 12 hex digits
};

// Appends an event at the end of the case chain (its id is assigned here), with its text in
// case_text when there is one; inside the caller's transaction or its own IMMEDIATE one.
CaseReceipt append_case_event(Database& db, records::CaseEvent event, const std::optional<std::string>& text);

// A staff member on the staff roster on `day` (any role) whose staff id or name is `text`.
struct StaffMatch {
  std::string staff_id;
  std::string name;
};
std::vector<StaffMatch> staff_named(Database& db, const std::string& text, const std::string& day);

// One case of a semester, as check, the reports and the lists read it.
struct CaseInfo {
  records::CaseKind kind = records::CaseKind::concern;
  std::int64_t record_id = 0;  // the case's number
  std::int64_t in_force = 0;   // the version of the record in force
  std::string member_id;
  std::string dorm;
  std::string semester_id;
  std::optional<std::string> student_id;           // a concern's student
  std::vector<std::string> students;               // the students the record in force names
  std::string opened_at;                           // a concern's open time; an incident's found time
  std::string reported_at;                         // an incident's claimed report time (reported_at), or empty
  std::optional<StaffRole> reported_to;            // an incident's claimed recipient
  std::string incident_category;                   // incident: category key
  std::optional<records::Escalation> escalate_to;  // a concern's
  bool withdrawn = false;
  std::vector<records::CaseEvent> events;  // in id order
  records::CaseState state;                // fold_case over every event: first staff step
                                           // (acknowledged_at/by), actions, closed_at/by
};

// Every case whose record in force belongs to `semester_id`, concerns then incidents, by number.
// Withdrawn cases are left out unless `include_withdrawn`. Its own read transaction, or the
// caller's.
std::vector<CaseInfo> load_cases(Database& db, const std::string& semester_id, bool include_withdrawn = false);

// The texts of these case events (event id -> text; purged or absent texts are left out).
// Sensitive: the callers audit (sensitive_access) before printing them.
std::map<std::int64_t, std::string> load_case_texts(Database& db, const std::vector<std::int64_t>& event_ids);

// The result of walking the case chain.
struct CaseVerifyReport {
  std::size_t events = 0;
  std::string head;  // hex hash of the last event; empty when there are none
  std::optional<records::ChainFault> fault;
};

// Walks every case event in id order (records::CaseChainVerifier).
CaseVerifyReport verify_cases(Database& db);

// After a purge record pointing at record `id` was appended: erases the text of every event of
// the case `id` belongs to (text NULL, purged = 1). Returns how many texts were erased.
std::size_t purge_case_texts(Database& db, std::int64_t id);

}  // namespace dormlink::store
