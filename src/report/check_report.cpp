#include "dormlink/report/check_report.hpp"

#include <chrono>

#include "case_words.hpp"

#include <fmt/format.h>

#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/report/words.hpp"
#include "dormlink/when.hpp"

namespace dormlink::report {
namespace {

using check::Obligation;
using check::Rule;
using check::Status;

// Every word of what `check` prints, zh and en side by side.
constexpr struct CheckLabels {
  Words week{"第{}周", "week {}"};
  Words period{"第{}期", "period {}"};
  Words semester{"本学期", "semester"};
  Words incident{"#{} {}发现", "#{} found {}"};  // record number, the day it was found
  Words late{"其中补录 {}", "{} entered late"};
  Words no_counselor{"未确定辅导员", "No counselor"};
  Words counselor{"辅导员 {} {}", "Counselor {} {}"};
  Words member{"党员 {}", "Member {}"};
  Words the_counselor{"辅导员本人", "The counselor"};
  Words college_wide{"全院", "College-wide"};
  Words cases{"待处理的突发事件与关注事项", "Incidents and concerns waiting for staff"};
  Words of_member{"{}（{}）", "{} ({})"};  // rule, member
  Words header[9]{{"状态", "Status"}, {"事项", "Rule"},   {"寝室", "Dorm"}, {"学生", "Student"}, {"期间", "Period"},
                  {"截止", "Due"},    {"应", "Expected"}, {"实", "Found"},  {"备注", "Note"}};
  Words counts{"逾期 {} 项 · 即将到期 {} 项 · 有风险 {} 项", "{} overdue · {} due soon · {} at risk"};
  Words heading{"联系寝室检查 {} · {}{}\n", "Dorm contact check {} · {}{}\n"};  // date, semester, week
  Words heading_week{" 第{}周", ", week {}"};
  // After a semester ends (docs/check.md "The semester's edges"): semester, its last day.
  Words closing{"上学期未结事项：{}（{} 结束）\n", "Still open from {} (ended {})\n"};
  Words nothing{"没有逾期或即将到期的事项。\n", "Nothing is overdue or due soon.\n"};
  // Rules.
  Words no_assignment{"本学期未分配", "no assignment"};
  Words member_left{"党员已离开", "member left"};
  Words member_dorm_count{"联系寝室数", "dorm count"};
  Words dorm_without_member{"寝室无人联系", "dorm without member"};
  Words work_plan{"工作计划", "work plan"};
  Words visits{"走访", "visits"};
  Words talks{"谈心", "talks"};
  Words attention_talks{"重点关注谈心", "attention talks"};
  Words orientation{"新生入学教育", "orientation"};
  Words activity{"寝室活动", "dorm activity"};
  Words symposium{"座谈会", "symposium"};
  Words incident_report{"突发事件报告", "incident report"};
  Words feedback_form{"反馈表", "feedback form"};
  Words counselor_summary{"辅导员总结", "counselor summary"};
  Words member_summary{"学期总结", "semester summary"};
  // Statuses.
  Words met{"已完成", "met"};
  Words met_late{"逾期完成", "met late"};
  Words met_entered_late{"已完成（补录）", "met (entered late)"};
  Words waived{"已请假", "excused"};
  Words pending{"未到期", "pending"};
  Words due_soon{"即将到期", "due soon"};
  Words at_risk{"有风险", "at risk"};
  Words overdue{"逾期", "overdue"};
} k_labels;

std::string person_label(const check::Person* p) {
  return p == nullptr ? std::string() : fmt::format("{} {}", p->name, p->id);
}

bool one_week(const Obligation& o) {
  return std::chrono::sys_days{o.window_to} - std::chrono::sys_days{o.window_from} == std::chrono::days{6};
}

std::string late_note(const Obligation& o, Language language) {
  if (o.late == 0) return {};
  return fmt::format(fmt::runtime(k_labels.late(language)), o.late);
}

// The note column: entered late, or what a case item says beside its numbers.
std::string note(const check::CheckInput& input, const Obligation& o, Language language) {
  if (o.case_index >= 0) return case_note(input, o, language);
  return late_note(o, language);
}

std::optional<std::string> timestamp(const std::optional<LocalDateTime>& when) {
  if (!when) return std::nullopt;
  return format_local(*when);
}

Json text_or_null(const std::optional<std::string>& text) {
  if (!text || text->empty()) return nullptr;
  return *text;
}

std::string group_heading(const check::CheckInput& input, int counselor, Language language) {
  const auto* c = counselor_at(input, counselor);
  if (c == nullptr) return k_labels.no_counselor(language);
  return fmt::format(fmt::runtime(k_labels.counselor(language)), c->name, c->staff_id);
}

std::string member_heading(const check::CheckInput& input, const Obligation& o, Language language) {
  if (const auto* m = person_at(input, o.member)) {
    return fmt::format(fmt::runtime(k_labels.member(language)), person_label(m));
  }
  if (o.rule == Rule::counselor_summary) return k_labels.the_counselor(language);
  return k_labels.college_wide(language);
}

Table member_table(Language language) {
  Table t;
  t.header = pick(k_labels.header, language);
  t.align = {Align::left, Align::left,  Align::left,  Align::left, Align::left,
             Align::left, Align::right, Align::right, Align::left};
  return t;
}

std::vector<std::string> text_row(const check::CheckInput& input, const Obligation& o, Language language) {
  return {status_label(o.rule, o.status, language),
          rule_label(o.rule, language),
          dorm_at(input, o.dorm),
          person_label(person_at(input, o.student)),
          period_label(o, language),
          month_day(o.due),
          std::to_string(o.expected),
          std::to_string(o.found),
          note(input, o, language)};
}

std::string counts_line(const CheckCounts& c, Language language) {
  return fmt::format(fmt::runtime(k_labels.counts(language)), c.overdue, c.due_soon, c.at_risk);
}

std::string heading(const CheckListing& l, Language language) {
  std::string week;
  if (l.week) week = fmt::format(fmt::runtime(k_labels.heading_week(language)), *l.week);
  std::string out =
      fmt::format(fmt::runtime(k_labels.heading(language)), format_date(l.as_of), l.input->semester.name, week);
  if (semester_ended(l.input->semester, l.as_of))
    out += fmt::format(fmt::runtime(k_labels.closing(language)), l.input->semester.id,
                       format_date(l.input->semester.last_day()));
  return out;
}

Json counselor_json(const check::Counselor* c) {
  if (c == nullptr) return nullptr;
  return Json{{"id", c->staff_id}, {"name", c->name}};
}

Json item_json(const check::CheckInput& input, const Obligation& o) {
  const std::string dorm = dorm_at(input, o.dorm);
  Json item;
  item["status"] = check::to_string(o.status);
  item["rule"] = check::to_string(o.rule);
  item["counselor"] = counselor_json(counselor_at(input, o.counselor));
  item["member"] = person_json(person_at(input, o.member));
  item["dorm"] = dorm.empty() ? Json(nullptr) : Json(dorm);
  item["student"] = person_json(person_at(input, o.student));
  item["period"] = o.period;
  item["record"] = o.record_id > 0 ? Json(o.record_id) : Json(nullptr);
  item["window"] = Json{{"from", format_date(o.window_from)}, {"to", format_date(o.window_to)}};
  item["due"] = format_date(o.due);
  item["expected"] = o.expected;
  item["found"] = o.found;
  item["late"] = o.late;
  const auto c = case_facts(input, o);
  item["case_status"] = c.stage ? Json(std::string(check::to_string(*c.stage))) : Json(nullptr);
  item["category"] = text_or_null(c.category);
  item["escalate_to"] = text_or_null(c.escalate_to);
  item["acknowledged_at"] = text_or_null(timestamp(c.acknowledged));
  item["claimed_reported_at"] = text_or_null(timestamp(c.claimed));
  item["repeat_of"] = o.repeat_of > 0 ? Json(o.repeat_of) : Json(nullptr);
  return item;
}

}  // namespace

CaseFacts case_facts(const check::CheckInput& input, const Obligation& o) {
  CaseFacts f;
  if (o.case_index < 0) return f;
  const auto index = static_cast<std::size_t>(o.case_index);
  if (o.rule == Rule::incident_report && index < input.incidents.size()) {
    const auto& i = input.incidents[index];
    f.stage = i.steps.stage;
    f.category = i.category;
    f.acknowledged = i.steps.acknowledged;
    f.claimed = i.reported;
  } else if ((o.rule == Rule::concern_ack || o.rule == Rule::concern_open) && index < input.concerns.size()) {
    const auto& c = input.concerns[index];
    f.stage = c.steps.stage;
    f.escalate_to = c.escalate_to;
    f.acknowledged = c.steps.acknowledged;
  }
  return f;
}

std::string case_note(const check::CheckInput& input, const Obligation& o, Language language) {
  const auto& w = case_words::k_labels;
  const auto f = case_facts(input, o);
  std::vector<std::string> parts;
  if (o.repeat_of > 0) parts.push_back(fmt::format(pattern(w.repeat, language), o.repeat_of));
  if (f.escalate_to && !f.escalate_to->empty())
    parts.push_back(fmt::format(pattern(w.escalated, language), case_words::escalation(*f.escalate_to, language)));
  if (f.acknowledged) parts.push_back(fmt::format(pattern(w.acknowledged, language), format_local(*f.acknowledged)));
  if (f.claimed) parts.push_back(fmt::format(pattern(w.claimed, language), format_local(*f.claimed)));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : w.separator(language)) + p;
  return out;
}

std::string month_day(Date date) {
  return fmt::format("{:02}-{:02}", static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

const check::Person* person_at(const check::CheckInput& input, int index) {
  if (index < 0 || index >= static_cast<int>(input.people.size())) return nullptr;
  return &input.people[static_cast<std::size_t>(index)];
}

const check::Counselor* counselor_at(const check::CheckInput& input, int index) {
  if (index < 0 || index >= static_cast<int>(input.counselors.size())) return nullptr;
  return &input.counselors[static_cast<std::size_t>(index)];
}

std::string dorm_at(const check::CheckInput& input, int index) {
  if (index < 0 || index >= static_cast<int>(input.dorms.size())) return {};
  return input.dorms[static_cast<std::size_t>(index)];
}

// {"id", "name"} of a person or a counselor, or null.
Json person_json(const check::Person* p) {
  if (p == nullptr) return nullptr;
  return Json{{"id", p->id}, {"name", p->name}};
}

// The window as staff say it: "第5周", "第3期", "本学期", or the dates.
std::string period_label(const Obligation& o, Language language) {
  const auto& l = k_labels;
  switch (o.rule) {
    case Rule::visits:
    case Rule::talks:
    case Rule::attention_talks:
      if (one_week(o)) return fmt::format(fmt::runtime(l.week(language)), o.period);
      return fmt::format("{}—{}", month_day(o.window_from), month_day(o.window_to));
    case Rule::feedback_form:
    case Rule::counselor_summary:
      return fmt::format(fmt::runtime(l.period(language)), o.period);
    case Rule::work_plan:
    case Rule::activity:
    case Rule::symposium:
    case Rule::member_summary:
      return l.semester(language);
    case Rule::orientation:
      return fmt::format("{}—{}", month_day(o.window_from), month_day(o.window_to));
    case Rule::incident_report:
      return fmt::format(fmt::runtime(l.incident(language)), o.record_id, month_day(o.window_from));
    case Rule::concern_ack:
    case Rule::concern_open:
      return fmt::format(pattern(case_words::k_labels.concern_period, language), o.record_id, month_day(o.window_from));
    case Rule::no_assignment:
    case Rule::member_left:
    case Rule::member_dorm_count:
    case Rule::dorm_without_member:
      return {};
  }
  return {};
}

CheckCounts count_statuses(const std::vector<Obligation>& items) {
  CheckCounts c;
  for (const auto& o : items) {
    if (o.status == Status::overdue) ++c.overdue;
    if (o.status == Status::due_soon) ++c.due_soon;
    if (o.status == Status::at_risk) ++c.at_risk;
    if (o.status == Status::pending) ++c.pending;
  }
  return c;
}

std::string rule_label(Rule rule, Language language) {
  switch (rule) {
    case Rule::no_assignment:
      return k_labels.no_assignment(language);
    case Rule::member_left:
      return k_labels.member_left(language);
    case Rule::member_dorm_count:
      return k_labels.member_dorm_count(language);
    case Rule::dorm_without_member:
      return k_labels.dorm_without_member(language);
    case Rule::work_plan:
      return k_labels.work_plan(language);
    case Rule::visits:
      return k_labels.visits(language);
    case Rule::talks:
      return k_labels.talks(language);
    case Rule::attention_talks:
      return k_labels.attention_talks(language);
    case Rule::orientation:
      return k_labels.orientation(language);
    case Rule::activity:
      return k_labels.activity(language);
    case Rule::symposium:
      return k_labels.symposium(language);
    case Rule::incident_report:
      return k_labels.incident_report(language);
    case Rule::concern_ack:
      return case_words::k_labels.concern_ack(language);
    case Rule::concern_open:
      return case_words::k_labels.concern_open(language);
    case Rule::feedback_form:
      return k_labels.feedback_form(language);
    case Rule::counselor_summary:
      return k_labels.counselor_summary(language);
    case Rule::member_summary:
      return k_labels.member_summary(language);
  }
  return std::string(check::to_string(rule));
}

std::string status_label(Status status, Language language) {
  switch (status) {
    case Status::met:
      return k_labels.met(language);
    case Status::met_late:
      return k_labels.met_late(language);
    case Status::waived:
      return k_labels.waived(language);
    case Status::pending:
      return k_labels.pending(language);
    case Status::due_soon:
      return k_labels.due_soon(language);
    case Status::at_risk:
      return k_labels.at_risk(language);
    case Status::overdue:
      return k_labels.overdue(language);
  }
  return std::string(check::to_string(status));
}

std::string status_label(Rule rule, Status status, Language language) {
  const bool late_work = rule == Rule::feedback_form || rule == Rule::counselor_summary ||
                         rule == Rule::incident_report || rule == Rule::concern_ack || rule == Rule::concern_open;
  if (status == Status::met_late && !late_work) return k_labels.met_entered_late(language);
  return status_label(status, language);
}

namespace {

bool is_case_rule(Rule rule) {
  return rule == Rule::incident_report || rule == Rule::concern_ack || rule == Rule::concern_open;
}

}  // namespace

std::string render_check_text(const CheckListing& l, Language language) {
  std::string out = heading(l, language);
  out += counts_line(count_statuses(l.items), language) + "\n";
  if (l.items.empty()) {
    out += k_labels.nothing(language);
    return out;
  }
  std::size_t i = 0;
  while (i < l.items.size()) {
    const int counselor = l.items[i].counselor;
    out += "\n" + group_heading(*l.input, counselor, language) + "\n";
    // The cases come first (docs/check.md "Order"): one table of their own, each row naming its member,
    // so that a member's heading is not repeated below.
    Table cases = member_table(language);
    for (; i < l.items.size() && l.items[i].counselor == counselor && is_case_rule(l.items[i].rule); ++i) {
      auto row = text_row(*l.input, l.items[i], language);
      if (const auto* m = person_at(*l.input, l.items[i].member)) {
        row[1] = fmt::format(fmt::runtime(k_labels.of_member(language)), row[1], m->name);
      }
      cases.rows.push_back(std::move(row));
    }
    if (!cases.rows.empty()) out += "  " + std::string(k_labels.cases(language)) + "\n" + render_text(cases, "    ");
    while (i < l.items.size() && l.items[i].counselor == counselor) {
      const auto& first = l.items[i];
      out += "  " + member_heading(*l.input, first, language) + "\n";
      Table t = member_table(language);
      while (i < l.items.size() && l.items[i].counselor == counselor && l.items[i].member == first.member &&
             (first.member >= 0 || l.items[i].rule == first.rule)) {
        t.rows.push_back(text_row(*l.input, l.items[i], language));
        ++i;
      }
      out += render_text(t, "    ");
    }
  }
  return visible_document(out);
}

std::string render_check_json(const CheckListing& l) {
  const auto c = count_statuses(l.items);
  Json doc;
  doc["as_of"] = format_date(l.as_of);
  doc["semester"] = nullptr;  // no input: the date is outside every semester
  if (l.input != nullptr) {
    const auto& s = l.input->semester;
    doc["semester"] = Json{{"id", s.id},
                           {"name", s.name},
                           {"week", l.week ? Json(*l.week) : Json(nullptr)},
                           {"ended", semester_ended(s, l.as_of)}};
  }
  doc["counts"] =
      Json{{"overdue", c.overdue}, {"due_soon", c.due_soon}, {"at_risk", c.at_risk}, {"pending", c.pending}};
  doc["items"] = Json::array();
  for (const auto& o : l.items) doc["items"].push_back(item_json(*l.input, o));
  return json_document(doc);
}

std::string render_check_csv(const CheckListing& l, CsvFlavor flavor) {
  ExportTable t;
  for (const char* key : {"status",
                          "rule",
                          "counselor_id",
                          "counselor_name",
                          "member_id",
                          "member_name",
                          "dorm",
                          "student_id",
                          "student_name",
                          "period",
                          "record_id",
                          "window_from",
                          "window_to",
                          "due",
                          "expected",
                          "found",
                          "late",
                          "case_status",
                          "category",
                          "escalate_to",
                          "acknowledged_at",
                          "claimed_reported_at",
                          "repeat_of"}) {
    t.columns.push_back({key, key, false});
  }
  for (const auto& o : l.items) {
    const auto* c = counselor_at(*l.input, o.counselor);
    const auto* m = person_at(*l.input, o.member);
    const auto* st = person_at(*l.input, o.student);
    t.rows.push_back({std::string(check::to_string(o.status)), std::string(check::to_string(o.rule)),
                      c ? c->staff_id : "", c ? c->name : "", m ? m->id : "", m ? m->name : "",
                      dorm_at(*l.input, o.dorm), st ? st->id : "", st ? st->name : "", std::to_string(o.period),
                      o.record_id > 0 ? std::to_string(o.record_id) : "", format_date(o.window_from),
                      format_date(o.window_to), format_date(o.due), std::to_string(o.expected), std::to_string(o.found),
                      std::to_string(o.late)});
    const auto f = case_facts(*l.input, o);
    auto& row = t.rows.back();
    row.push_back(f.stage ? std::string(check::to_string(*f.stage)) : "");
    row.push_back(f.category.value_or(""));
    row.push_back(f.escalate_to.value_or(""));
    row.push_back(timestamp(f.acknowledged).value_or(""));
    row.push_back(timestamp(f.claimed).value_or(""));
    row.push_back(o.repeat_of > 0 ? std::to_string(o.repeat_of) : "");
  }
  return render_table_csv(t, flavor);
}

}  // namespace dormlink::report
