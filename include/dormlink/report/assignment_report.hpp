#pragma once
// The assignment as staff read it (党员联系寝室分配表): one row per pair with its cost terms,
// the cost breakdown, and what changed since the previous assignment. Built once, rendered
// as a terminal table, Markdown, CSV or JSON.

#include <map>
#include <string>
#include <vector>

#include "dormlink/assign/assign.hpp"
#include "dormlink/language.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/json.hpp"

namespace dormlink::report {

// One pair with everything a reader needs to check it.
struct AssignmentLine {
  std::string member_id;
  std::string member_name;
  int member_grade = 0;
  std::string member_major;
  std::string member_branch;
  std::string member_building;
  std::string dorm_code;
  int dorm_grade = 0;
  std::string dorm_major;
  int residents = 0;
  assign::PairCost cost;
  bool pinned = false;
};

// The whole report.
struct AssignmentReport {
  std::string semester_id;
  std::string semester_name;
  std::string kind;                    // solve, best_effort, repair
  bool dry_run = false;                // shown as "预览" / "dry run"
  long long committed_as = 0;          // the assignment's number once committed (0: not committed)
  std::string valid_from;              // ... and the day it is in force from
  std::vector<AssignmentLine> lines;   // by member id, then dorm code
  std::vector<std::string> uncovered;  // dorm codes left for a human
  int members = 0;
  int dorms = 0;
  int major_differs = 0;
  int junior_same_grade = 0;
  int other_building = 0;
  int continuity = 0;
  int pinned = 0;
  long long total_cost = 0;
  int kept = 0;              // dorms with the same member as in `before`
  int changed = 0;           // dorms whose member changed
  int added = 0;             // dorms that had no member in `before`
  std::string before_label;  // what the changes are counted against
};

// Builds the report from a solution. `before` maps dorm code -> member id of the assignment
// the changes are counted against (previous semester, or the current one for a repair).
AssignmentReport build_assignment_report(const assign::Instance& instance, const assign::Solution& solution,
                                         const std::map<std::string, std::string>& before,
                                         const std::vector<assign::IdPair>& pins);

// What became of the assignment: "预览（--dry-run），未提交" / "dry run", "已提交为 #12，自 … 起生效" /
// "committed as #12, valid from …", or "" (computed, not committed).
std::string assignment_status(const AssignmentReport& report, Language language);

std::string render_assignment_text(const AssignmentReport& report, Language language);
std::string render_assignment_markdown(const AssignmentReport& report, Language language);
// The pairs as a table, and as CSV through the one CSV writer (CsvFlavor::excel guards
// formula-like cells; raw is for scripts).
ExportTable assignment_table(const AssignmentReport& report, Language language);
std::string render_assignment_csv(const AssignmentReport& report, Language language, CsvFlavor flavor);
std::string render_assignment_json(const AssignmentReport& report);

// The 党员联系寝室分配表 for export: one row per member with their dorms and the residents'
// count; keys are the headers.
ExportTable assignment_roster_table(const AssignmentReport& report, Language language);

}  // namespace dormlink::report
