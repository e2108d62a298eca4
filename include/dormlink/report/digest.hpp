#pragma once
// The evening digest (docs/digest.md §1): for one recipient, what must be acted on tonight,
// short enough to read on a phone. It only selects, groups and words the obligations that
// check::evaluate computed: incidents first, then what became overdue since the recipient's
// last digest, the per-member totals, and what falls due in the next days.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/language.hpp"
#include "dormlink/report/privacy.hpp"

namespace dormlink::report {

// Who a digest is for. `index` is a counselor (index into input.counselors) for a counselor,
// a person (index into input.people) for a member; `branch` names a branch (党支部).
struct DigestRecipient {
  enum class Kind { counselor, branch, member, committee };
  Kind kind = Kind::committee;
  int index = -1;
  std::string branch;
};

// "counselor:T2024001", "branch:英语系学生第一党支部", "member:2023110101", "committee": the key
// under which a recipient's last digest is remembered (digest_mark.recipient).
std::string recipient_key(const check::CheckInput& input, const DigestRecipient& recipient);

// The privacy a recipient's digest is built with: a counselor or member sees names, a branch
// secretary the branch's members with counts for residents, the committee counts only.
Audience audience_of(DigestRecipient::Kind kind);

struct DigestOptions {
  Date as_of{};
  // The day of the recipient's last digest: items whose due day is on or after it became
  // overdue since (an item is overdue from the day after its due day). nullopt: all are new.
  std::optional<Date> since;
  bool all_items = false;  // list every overdue item (new ones marked) and every line of every section
  // shared_names(input) when the caller builds many digests from one input; found here when null.
  std::shared_ptr<const std::vector<std::string>> shared_names;
  // Lines listed per section before "… and N more" (text and Markdown; JSON lists all).
  int new_limit = 12;
  int member_limit = 18;
  int soon_limit = 8;
};

// One line of a list: a member's obligations of one rule and period, counted (a visit line
// covers that week's dorms, a talk line that period's residents), or one incident.
struct DigestLine {
  int member = -1;  // person index; -1 for a counselor's or the college's own items
  int counselor = -1;
  check::Rule rule = check::Rule::visits;
  int period = 0;
  Date due{};
  int count = 0;
  std::int64_t record_id = 0;  // incident_report, concern_*: the case number
  Date found{};                // incident_report: the day it was found; concern_*: opened
  int dorm = -1;               // the dorm when the line is about one (incidents, one visit)
  bool fresh = false;          // became overdue since the last digest
  check::Obligation first;     // the first obligation of the group (for its period's label)
};

// One member's overdue items, totalled.
struct MemberTotals {
  int member = -1;
  int visits = 0;  // visits and orientation
  int talks = 0;   // talks and attention talks
  int forms = 0;   // feedback forms
  int other = 0;   // plans, activities, symposia, summaries, incident reports
  Date oldest{};   // the earliest due day among them
};

// One counselor's numbers in the committee's digest.
struct CounselorTotals {
  int counselor = -1;  // -1: obligations of the college (no assignment, dorms without a member)
  int overdue = 0;
  int fresh = 0;
  int members = 0;  // members with anything overdue
  int due_soon = 0;
  ShownCount incidents;
};

struct Digest {
  const check::CheckInput* input = nullptr;
  DigestRecipient recipient;
  Privacy privacy;
  Date as_of{};
  std::optional<Date> since;
  std::optional<int> week;
  std::string closing_hint;  // the command that lists everything, e.g. "dormlink check --counselor T2024001"
  int overdue = 0;           // everything overdue in the recipient's scope
  int fresh = 0;             // of which became overdue since the last digest
  int due_soon = 0;
  std::vector<DigestLine> incidents;        // not acknowledged in time (overdue or due soon), all
  std::vector<DigestLine> concerns;         // concerns not acknowledged or closed in time (overdue or due soon), all
  std::vector<DigestLine> new_items;        // grouped lines of the fresh items (all_items: of every overdue one)
  std::vector<MemberTotals> members;        // members with something overdue, oldest first
  std::vector<DigestLine> soon;             // grouped lines of the items due soon
  std::vector<CounselorTotals> counselors;  // the committee's digest
  ShownCount committee_incidents;
  // The committee's overdue items per rule (incident reports as privacy counts them).
  std::vector<std::pair<check::Rule, ShownCount>> rule_counts;
  // Names two or more people of the semester share, sorted: a line names such a person with
  // their id (found once here, not per line: a university has 40,000 people).
  std::vector<std::string> shared_names;
  DigestOptions options;
};

// The digest of `recipient` from the obligations check::evaluate returned for the semester
// (overdue, due soon and at risk ones; others are ignored). `privacy` from audience_of.
Digest build_digest(const check::CheckInput& input, const std::vector<check::Obligation>& obligations,
                    const DigestRecipient& recipient, const Privacy& privacy, const DigestOptions& options);

// Whether an obligation belongs to the recipient (members: their own; branches: their
// members'; counselors: their members' and their own; the committee: all).
bool for_recipient(const check::CheckInput& input, const check::Obligation& o, const DigestRecipient& recipient);

// The names two or more people of the input share, sorted (a digest names such a person with
// their id).
std::vector<std::string> shared_names(const check::CheckInput& input);

// Text for mail on a phone: short lines, no tables. Markdown: the same with headings and lists.
std::string render_digest_text(const Digest& digest, Language language);
std::string render_digest_markdown(const Digest& digest, Language language);
// The digest as an HTML section for a phone (html::Layout::phone).
std::string render_digest_html(const Digest& digest, Language language);
// JSON (keys English; every line of every section, whatever the limits).
std::string render_digest_json(const std::vector<Digest>& digests);
// The mail's subject: "dormlink 11月24日：逾期 341 项（新增 12）".
std::string digest_subject(const Digest& digest, Language language);

}  // namespace dormlink::report
