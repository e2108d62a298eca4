#pragma once
// Beside the computed assessment (docs/studio.md §1, §3, §4): each member's activists'
// cultivation, the studio's and the branch's marks with who gave them, and the commendation
// list (评优推荐) in a documented, reproducible order. Pure; rendered as sections, sheets and
// top-level JSON keys after the assessment's own (assessment_marks_render.cpp).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/language.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/cultivation.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {

// Who gives a mark: the studio (工作室) or the member's branch (支部).
enum class MarkSource { studio, branch };
std::string_view to_string(MarkSource source);  // "studio", "branch"
// "studio", "工作室", "branch", "支部" (ASCII case ignored); nullopt otherwise.
std::optional<MarkSource> parse_mark_source(std::string_view text);

// A mark as stored: a grade key ("excellent", "pass", "basic_pass", "fail") from 优秀 / 合格 /
// 基本合格 / 不合格 or excellent / pass / basic / basic_pass / fail (ASCII case ignored), or a
// whole score 0..100 without sign or leading zeros ("87"); nullopt for anything else.
std::optional<std::string> parse_mark(std::string_view text);
// A stored mark in the report's language: 优秀 / excellent, or the score.
std::string mark_label(const std::string& mark, Language language);
// A mark's value for the commendation order: a score is itself; a grade the lowest score of
// its band (excellent_from, pass_from, basic_pass_from; fail 0).
int mark_value(const std::string& mark, const AssessmentOptions& options);

// One recorded mark (the latest of its member and source).
struct Mark {
  std::string mark;
  std::string given_by;       // staff or student id
  std::string given_by_name;  // "" when unknown
  std::string given_at;       // local "YYYY-MM-DD HH:MM" (entered_at, the real clock)
  std::string note;           // "" for the committee
};

// A member's marks.
struct MemberMarks {
  std::string member_id;
  std::optional<Mark> studio;
  std::optional<Mark> branch;
};

// One member of the commendation list.
struct Commended {
  int rank = 0;        // 1-based position in the order; tied members share the first one's
  std::size_t member;  // index into Assessment::members
  bool tied = false;   // equal to a neighbour on branch mark, studio mark and score
};

// The first n members of the assessment by branch mark, studio mark, computed score (each
// highest first, no mark below every mark), then student id; members equal to the n-th on the
// first three keys are listed too (tied). n < 1: empty.
std::vector<Commended> commendation(const Assessment& assessment, const std::vector<MemberMarks>& marks, int n);

// What the assessment shows besides its own sections.
struct AssessmentExtras {
  std::optional<Cultivation> cultivation;  // none when [duties] cultivation_per_activist is 0
  std::vector<MemberMarks> marks;          // members with a mark, in the assessment's order
  std::optional<int> commend;              // --commend N
  std::vector<Commended> commended;
};

// The extras of `assessment`: marks kept for its members only (notes dropped for the committee),
// the commendation list when `commend` is given.
AssessmentExtras build_assessment_extras(const Assessment& assessment, std::optional<Cultivation> cultivation,
                                         std::vector<MemberMarks> marks, std::optional<int> commend);

// The sections 入党积极分子培养, 评定 and 评优推荐 (each only when it has something to show),
// Markdown to append to render_assessment_markdown, HTML to append to its page body.
std::string render_extras_markdown(const Assessment& assessment, const AssessmentExtras& extras, Language language);
std::string render_extras_html(const Assessment& assessment, const AssessmentExtras& extras, Language language);
// The sheets `cultivation`, `marks`, `commend` (commend only with --commend).
Workbook extras_workbook(const Assessment& assessment, const AssessmentExtras& extras, Language language);
// The top-level keys `cultivation`, `marks`, `commend` appended to the assessment's JSON document
// (render_assessment_json's text), in the same layout.
std::string with_extras_json(const std::string& document, const Assessment& assessment, const AssessmentExtras& extras);

}  // namespace dormlink::report
