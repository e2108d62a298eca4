#pragma once
// 培养入党积极分子, 知党爱党教育 (REQUIREMENTS §2, docs/studio.md §1): the activists living in
// each member's dorms on the evaluation date, the cultivation contacts naming each of them
// against [duties] cultivation_per_activist per month, and each dorm's cultivation and
// education contacts. Pure: the CLI loads the activists and the records (store/studio_store.hpp).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/check/obligations.hpp"
#include "dormlink/language.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {

// An effective cultivation or education record of the semester.
struct CultivationRecord {
  std::int64_t id = 0;
  bool education = false;     // kind education; else cultivation
  int member = -1;            // person index of the member who made it; -1 when not among the people
  int dorm = -1;              // dorm index; -1 when none
  Date day{};                 // the local day it happened
  std::vector<int> students;  // person indices of the students it names (others left out)
};

struct CultivationInput {
  const check::CheckInput* check = nullptr;
  std::vector<int> activists;  // person indices of the activists on the evaluation date
  std::vector<CultivationRecord> records;
  int per_month = 1;  // [duties] cultivation_per_activist; 0: nothing is counted
  Date as_of{};       // the evaluation date; a later one than the semester's last day counts as that day
};

// One activist of one of the member's dorms.
struct ActivistProgress {
  std::string id;    // empty when the audience sees no names (shown_cultivation)
  std::string name;  // empty likewise
  int months = 0;    // the months of the requirement (docs/studio.md)
  int required = 0;  // per_month x months
  int done = 0;      // cultivation records naming the activist
};

// One of the member's dorms.
struct DormCultivation {
  std::string dorm;
  std::vector<ActivistProgress> activists;  // by pinyin of the name, then id
  int cultivation = 0;                      // the dorm's cultivation records (by anyone)
  int education = 0;                        // the dorm's education records (by anyone)
};

// A member who holds dorms on the evaluation date.
struct MemberCultivation {
  int member = -1;  // person index
  std::string id;
  int per_month = 0;                   // the requirement per activist and month
  Date on{};                           // the evaluation date as counted
  std::vector<DormCultivation> dorms;  // by dorm code
  int activists = 0;
  int required = 0;   // sum over the activists
  int done = 0;       // sum of min(done, required) over the activists
  int education = 0;  // education records the member made (any dorm or none)
};

struct Cultivation {
  bool enabled = false;  // per_month > 0
  int per_month = 0;
  Date on{};                               // the evaluation date as counted (at most the semester's last day)
  std::vector<MemberCultivation> members;  // by student id

  // The member's entry, or nullptr.
  const MemberCultivation* find(const std::string& member_id) const;
};

// The calendar months of the duty weeks (neither holiday nor exam) of `semester` that have
// begun by `on` (Monday <= on) and end on or after `from` (Sunday >= from); a week belongs to
// the month of its Monday. Ascending.
std::vector<std::chrono::year_month> duty_months(const Semester& semester, Date from, Date on);

// The count (docs/studio.md §1). Disabled (no members) when per_month is 0.
Cultivation build_cultivation(const CultivationInput& input);

// A member's entry as an audience may see it: the committee sees counts, never an activist's
// name or id.
MemberCultivation shown_cultivation(MemberCultivation member, const Privacy& privacy);

// The feedback form's section 入党积极分子培养 (Markdown, starting with a blank line), its
// HTML section, its JSON value and its sheet (`cultivation`, rows led by the member's id and
// name). Nothing (empty, null) without an entry.
std::string cultivation_form_markdown(const std::optional<MemberCultivation>& member, Language language);
std::string cultivation_form_html(const std::optional<MemberCultivation>& member, Language language);
Json cultivation_form_json(const std::optional<MemberCultivation>& member);
Sheet cultivation_form_sheet(const std::optional<MemberCultivation>& member, const std::string& member_name,
                             Language language);

}  // namespace dormlink::report
