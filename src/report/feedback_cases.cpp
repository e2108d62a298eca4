// The member's cases on the feedback form (feedback_cases.hpp): built from check's case items,
// worded in the user's language, never with another member's data.
#include "dormlink/report/feedback_cases.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "case_words.hpp"
#include "dormlink/report/check_report.hpp"
#include "dormlink/report/html.hpp"
#include "dormlink/report/words.hpp"

namespace dormlink::report {
namespace {

using check::Obligation;
using check::Rule;

constexpr struct FormCaseLabels {
  Words heading{"\n## 关注事项与特殊情况\n\n", "\n## Concerns and incidents\n\n"};
  Words html_heading{"关注事项与特殊情况", "Concerns and incidents"};
  Words sheet{"关注事项与特殊情况", "Cases"};
  Words columns[8]{{"编号", "No."},
                   {"类型", "Kind"},
                   {"时间", "When"},
                   {"寝室", "Dorm"},
                   {"内容", "About"},
                   {"党员自报", "Member says reported"},
                   {"确认收到", "Acknowledged"},
                   {"状态", "Status"}};
  Words concern{"关注事项", "concern"};
  Words incident{"特殊情况", "incident"};
  Words about_concern{"{}，上报{}", "{}, to {}"};
  Words overdue{"（超时未确认）", " (overdue)"};
  Words member_columns[2]{{"党员学号", "Member id"}, {"党员姓名", "Member"}};
} k_words;

std::string when_text(const std::optional<LocalDateTime>& when) { return when ? format_local(*when) : "—"; }

std::vector<std::string> row_of(const FormCase& c, Language language) {
  std::string about = c.incident
                          ? case_words::category(c.category, language)
                          : fmt::format(pattern(k_words.about_concern, language), c.student.empty() ? "—" : c.student,
                                        case_words::escalation(c.escalate_to, language));
  std::string status = case_words::stage(c.stage, language);
  if (c.status == check::Status::overdue) status += k_words.overdue(language);
  if (c.repeat_of > 0)
    status += case_words::k_labels.separator(language) +
              fmt::format(pattern(case_words::k_labels.repeat, language), c.repeat_of);
  return {fmt::format("#{}", c.number),
          (c.incident ? k_words.incident : k_words.concern)(language),
          format_local(c.opened),
          c.dorm,
          std::move(about),
          c.incident ? when_text(c.claimed) : "",
          when_text(c.acknowledged),
          std::move(status)};
}

Table cases_table(const std::vector<FormCase>& cases, Language language) {
  Table t{pick(k_words.columns, language), std::vector<Align>(8, Align::left), {}};
  for (const auto& c : cases) t.rows.push_back(row_of(c, language));
  return t;
}

// The obligation check made of a case (incident_report, or a concern's concern_ack), if the
// caller kept it: its status and repeat. A case from before the period whose obligation was met
// may not be among them (EvaluateOptions::keep_met_from).
const Obligation* obligation_of(const std::vector<Obligation>& obligations, Rule rule, std::size_t index) {
  for (const auto& o : obligations)
    if (o.rule == rule && o.case_index == static_cast<int>(index)) return &o;
  return nullptr;
}

void take_obligation(FormCase& c, const Obligation* o) {
  if (o == nullptr) {
    c.status = c.acknowledged ? check::Status::met : check::Status::pending;
    return;
  }
  c.status = o->status;
  c.repeat_of = o->repeat_of;
}

// Opened in the period, or before it and not closed.
bool shown_on_form(const FormCase& c, const ReportPeriod& period) {
  if (within(c.opened.date, period.first_day, period.last_day)) return true;
  return c.stage != check::CaseStage::closed && to_days(c.opened.date) < to_days(period.first_day);
}

}  // namespace

std::vector<FormCase> form_cases(const check::CheckInput& input, const std::vector<Obligation>& obligations, int member,
                                 const ReportPeriod& period, const Privacy& privacy) {
  std::vector<FormCase> out;
  if (member < 0) return out;
  for (std::size_t index = 0; index < input.incidents.size(); ++index) {
    const auto& i = input.incidents[index];
    if (i.member != member) continue;
    FormCase c;
    c.incident = true;
    c.number = i.case_id != 0 ? i.case_id : i.id;
    c.opened = i.found;
    c.dorm = dorm_at(input, i.dorm);
    c.category = i.category;
    c.claimed = i.reported;
    c.acknowledged = i.steps.acknowledged;
    c.stage = i.steps.stage;
    take_obligation(c, obligation_of(obligations, Rule::incident_report, index));
    if (shown_on_form(c, period)) out.push_back(std::move(c));
  }
  for (std::size_t index = 0; index < input.concerns.size(); ++index) {
    const auto& k = input.concerns[index];
    if (k.member != member) continue;
    FormCase c;
    c.number = k.case_id;
    c.opened = k.opened;
    c.dorm = dorm_at(input, k.dorm);
    c.escalate_to = k.escalate_to;
    if (privacy.audience != Audience::committee) c.student = k.student_name;
    c.acknowledged = k.steps.acknowledged;
    c.stage = k.steps.stage;
    take_obligation(c, obligation_of(obligations, Rule::concern_ack, index));
    if (shown_on_form(c, period)) out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const FormCase& a, const FormCase& b) {
    return std::tie(a.opened, a.number, a.incident) < std::tie(b.opened, b.number, b.incident);
  });
  return out;
}

std::string form_cases_markdown(const std::vector<FormCase>& cases, Language language) {
  if (cases.empty()) return {};
  return k_words.heading(language) + render_markdown(cases_table(cases, language));
}

std::string form_cases_html(const std::vector<FormCase>& cases, Language language) {
  if (cases.empty()) return {};
  return html::heading(2, k_words.html_heading(language)) + html::table(cases_table(cases, language), "");
}

Json form_cases_json(const std::vector<FormCase>& cases) {
  Json out = Json::array();
  for (const auto& c : cases) {
    auto when = [](const std::optional<LocalDateTime>& t) { return t ? Json(format_local(*t)) : Json(); };
    out.push_back(Json{{"kind", c.incident ? "incident" : "concern"},
                       {"number", c.number},
                       {"opened", format_local(c.opened)},
                       {"dorm", c.dorm.empty() ? Json() : Json(c.dorm)},
                       {"category", c.category.empty() ? Json() : Json(c.category)},
                       {"escalate_to", c.escalate_to.empty() ? Json() : Json(c.escalate_to)},
                       {"student", c.student.empty() ? Json() : Json(c.student)},
                       {"claimed_reported_at", when(c.claimed)},
                       {"acknowledged_at", when(c.acknowledged)},
                       {"status", std::string(check::to_string(c.stage))},
                       {"obligation", std::string(check::to_string(c.status))},
                       {"repeat_of", c.repeat_of > 0 ? Json(c.repeat_of) : Json()}});
  }
  return out;
}

Sheet form_cases_sheet(const std::vector<FormCase>& cases, const std::string& member_id, const std::string& member_name,
                       Language language) {
  Table t = cases_table(cases, language);
  const auto member = pick(k_words.member_columns, language);
  t.header.insert(t.header.begin(), member.begin(), member.end());
  t.align.insert(t.align.begin(), {Align::left, Align::left});
  for (auto& row : t.rows) row.insert(row.begin(), {member_id, member_name});
  return {"cases", k_words.sheet(language), std::move(t)};
}

}  // namespace dormlink::report
