#pragma once
// Cases (docs/cases.md): a member's concern about a student, opened on a talk, or an incident;
// the staff's steps (ack, act, close) and the rules of their order; the escalation names; the
// case chain's canonical encoding and its verification. Pure: no I/O, no clock.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/records/chain.hpp"

namespace dormlink::records {

enum class CaseKind { concern, incident };
enum class CaseStep { open, ack, action, close };
// To whom a concern is reported (及时汇报): 辅导员, 班主任, 学院领导.
enum class Escalation { counselor, head_teacher, leader };
// Where a case stands: reported (nobody acknowledged) → acknowledged → action → closed.
enum class CaseStatus { reported, acknowledged, action, closed };

std::string_view key(CaseKind kind);
std::string_view label_zh(CaseKind kind);  // 关注事项, 特殊情况
std::string_view key(CaseStep step);
std::string_view label_zh(CaseStep step);  // 上报, 确认收到, 处理, 结案
std::string_view key(Escalation to);
std::string_view label_zh(Escalation to);  // 辅导员, 班主任, 学院领导
std::string_view key(CaseStatus status);
std::string_view label_zh(CaseStatus status);  // 待确认, 已确认, 处理中, 已结案

// counselor, head_teacher, leader, or 辅导员, 班主任, 学院领导, 领导 (also 院领导); keys in any case.
std::optional<Escalation> parse_escalation(std::string_view text);
std::optional<CaseKind> parse_case_kind(std::string_view text);
std::optional<CaseStep> parse_case_step(std::string_view text);

// One step of a case as stored (table case_event), without its hashes.
struct CaseEvent {
  std::int64_t id = 0;
  CaseKind kind = CaseKind::concern;
  std::int64_t record_id = 0;             // the case's number: the first record of the correction chain
  std::optional<std::string> student_id;  // a concern's student (every event); NULL for incidents
  CaseStep step = CaseStep::open;
  std::optional<Escalation> escalate_to;  // exactly for `open`
  std::optional<std::string> staff_id;    // exactly for staff steps
  std::string happened_at;                // local "YYYY-MM-DD HH:MM"
  std::string entered_at;                 // local "YYYY-MM-DD HH:MM:SS", the real clock
  std::string entered_by;
};

// The canonical encoding of an event's text (a `text` field, or NULL) and its SHA-256, stored
// as text_digest: a purge erases the text, the digest stays.
std::string canonical_case_text(const std::optional<std::string>& text);
Digest case_text_digest(const std::optional<std::string>& text);

// The canonical encoding of an event with its text digest (hex): the input of the case chain's
// hash, hash(n) = SHA-256(hash(n-1) ‖ canonical), hash(0) = 32 zero bytes (k_genesis).
std::string canonical_case_event(const CaseEvent& event, std::string_view text_digest_hex);

// A case folded from its events (in id order), as of a moment.
struct CaseState {
  CaseKind kind = CaseKind::concern;
  std::string opened_at;  // a concern's open time; an incident's found time (given to fold_case)
  std::optional<std::string> student_id;
  std::optional<Escalation> escalate_to;
  std::optional<std::string> acknowledged_at;  // the first staff step's time
  std::optional<std::string> acknowledged_by;
  std::optional<CaseStep> acknowledged_by_step;  // ack, or the act/close that acknowledged it
  int actions = 0;
  std::optional<std::string> closed_at;
  std::optional<std::string> closed_by;
  std::optional<CaseStep> last_step;  // open for a concern with no staff step; none for a new incident
  std::string last_at;                // the last step's time (opened_at when none)
  std::vector<std::int64_t> event_ids;

  CaseStatus status() const;
};

// Folds the events of one case, ignoring those that happened after `as_of` (local
// "YYYY-MM-DD HH:MM"; empty: all). `opened_at` is an incident's found time (a concern's comes
// from its open event).
CaseState fold_case(CaseKind kind, std::string opened_at, const std::vector<CaseEvent>& events,
                    std::string_view as_of = {});

// Why a staff step may not be added.
enum class StepRefusal {
  none,
  not_opened,            // a concern without its open event (cannot happen through dormlink)
  closed,                // anything after close
  already_acknowledged,  // ack twice
  later_than_now,        // --at after the real clock
  before_opened,         // --at before the case opened (concern) or was found (incident)
  before_last_step,      // --at before the case's last step
};

// Checks a new staff step `step` at `at` against the case as it stands; `now` is the real clock
// (local "YYYY-MM-DD HH:MM"). The first refusal in the order above.
StepRefusal check_step(const CaseState& state, CaseStep step, std::string_view at, std::string_view now);

// One stored event as the case chain's verification reads it.
struct CaseChainEntry {
  CaseEvent event;
  std::string text_digest;          // as stored (hex)
  std::string prev_hash;            // as stored (hex)
  std::string hash;                 // as stored (hex)
  bool has_text_row = false;        // a case_text row exists
  bool purged = false;              // its text was erased by a purge
  std::optional<std::string> text;  // the stored text (when a row exists, not purged)
};

// Verifies the case chain one event at a time in id order: numbers 1, 2, … without gaps, each
// hash and link, and each text against its digest (purged texts skipped). The first fault is
// sticky; its id is the case event's number and its text says what is wrong.
class CaseChainVerifier {
 public:
  std::optional<ChainFault> next(const CaseChainEntry& entry);
  Digest head() const noexcept { return m_head; }
  std::size_t count() const noexcept { return m_count; }

 private:
  std::optional<ChainFault> check(const CaseChainEntry& entry);

  Hasher m_hasher;
  Digest m_head = k_genesis;
  std::int64_t m_expected = 1;
  std::size_t m_count = 0;
  std::optional<ChainFault> m_fault;
};

}  // namespace dormlink::records
