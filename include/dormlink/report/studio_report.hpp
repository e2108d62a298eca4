#pragma once
// `dormlink report studio` (docs/studio.md §2): the peer studio's view of a semester — its
// members, then per member who held dorms the assessment draft (score, band), the number of
// open concerns, the inspection's contradicted records and findings without a record, and the
// latest studio and branch marks. The studio are peers: no student's name, no concern's text,
// no finding's note. Pure; the CLI loads.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/language.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/assessment_marks.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {

// One member of the studio.
struct StudioMember {
  std::string id;
  std::string name;
  bool staff = false;
  bool roster = false;  // the roster's 朋辈工作室 column
  bool config = false;  // [studio] members
};

// One member who held dorms.
struct StudioRow {
  std::string id;
  std::string name;
  std::string branch;
  int score_tenths = 0;
  Band band = Band::fail;
  int open_concerns = 0;
  int contradicted = 0;  // records the inspection contradicts
  int findings_without_record = 0;
  std::optional<Mark> studio_mark;
  std::optional<Mark> branch_mark;
};

struct StudioInput {
  const Assessment* assessment = nullptr;              // the draft (its members, score, band)
  std::vector<StudioMember> studio;                    // by id
  std::map<std::string, int> open_concerns;            // by member id
  std::map<std::string, int> contradicted;             // by member id
  std::map<std::string, int> findings_without_record;  // by member id
  std::vector<MemberMarks> marks;
};

struct StudioReport {
  std::string college;
  std::string semester_id;
  std::string semester_name;
  Date as_of{};
  std::string branch;  // --branch; empty for the whole college
  std::vector<StudioMember> studio;
  std::vector<StudioRow> rows;  // in the assessment's order (pinyin of the name, then id)
};

StudioReport build_studio_report(const StudioInput& input);

// Markdown: heading, the studio's members, the overview table.
std::string render_studio_markdown(const StudioReport& report, Language language);
// HTML body: the same as tables.
std::string render_studio_html(const StudioReport& report, Language language);
// Sheets `members` (the studio) and `overview`.
Workbook studio_workbook(const StudioReport& report, Language language);
// JSON (keys English; docs/studio.md §2).
std::string render_studio_json(const StudioReport& report);

}  // namespace dormlink::report
