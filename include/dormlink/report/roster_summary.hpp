#pragma once
// The roster summary printed after an import and by `dormlink roster`: who is in scope on a
// date, by year of study and gender, and whether there are enough members for the dorms.
// Aggregates only: no phone numbers, no attention categories.

#include <optional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/language.hpp"
#include "dormlink/roster/snapshot.hpp"

namespace dormlink::report {

// What the summary needs from the config.
struct RosterSummaryOptions {
  std::string college_name;
  const Semester* semester = nullptr;  // the semester around the date, if any
  int min_dorms = 2;
  int max_dorms = 3;
  bool candidates_take_dorms = true;
};

// One year of study.
struct GradeLine {
  int year = 0;    // year of study in the semester (0 when there is no semester)
  int cohort = 0;  // enrolment year
  int women = 0;
  int men = 0;
  int members = 0;     // 中共党员 + 中共预备党员
  int candidates = 0;  // 发展对象
  int activists = 0;   // 入党积极分子
  int dorms = 0;       // occupied dorms whose grade (highest resident grade) is this one
};

// The summary's data; renderers only format it.
struct RosterSummary {
  std::string college_name;
  std::string as_of;
  std::string semester_id;
  std::string semester_name;
  std::optional<int> teaching_week;
  std::vector<GradeLine> grades;                    // by cohort, youngest first
  std::vector<std::pair<std::string, int>> majors;  // students per major, by count then name
  int students = 0;
  int women = 0;
  int men = 0;
  int dorms_known = 0;
  int dorms_occupied = 0;
  int dorms_women = 0;
  int dorms_men = 0;
  int dorms_mixed_grade = 0;
  int dorms_without_head = 0;
  int contacting_members = 0;  // members (+ candidates when they take dorms)
  int min_dorms = 2;
  int max_dorms = 3;
  int attention_students = 0;                      // count only
  std::vector<std::pair<std::string, int>> staff;  // role key -> people
  std::vector<roster::ImportRecord> last_imports;  // latest import of each kind
};

// Builds the summary from the rosters valid on `as_of`.
RosterSummary build_roster_summary(const roster::Snapshot& snapshot, const RosterSummaryOptions& options, Date as_of);

// Renders for the terminal (CJK-aware column alignment) or as Markdown.
std::string render_roster_summary_text(const RosterSummary& summary, Language language);
std::string render_roster_summary_markdown(const RosterSummary& summary, Language language);

}  // namespace dormlink::report
