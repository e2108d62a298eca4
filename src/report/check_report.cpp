#include "dormlink/report/check_report.hpp"

#include <chrono>

#include <fmt/format.h>

#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {
namespace {

using check::Obligation;
using check::Rule;
using check::Status;

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

std::string person_label(const check::Person* p) {
  return p == nullptr ? std::string() : fmt::format("{} {}", p->name, p->id);
}

bool one_week(const Obligation& o) {
  return std::chrono::sys_days{o.window_to} - std::chrono::sys_days{o.window_from} == std::chrono::days{6};
}

// The window as staff say it: "第5周", "第3期", "本学期", or the dates.
std::string period_label(const Obligation& o, Language language) {
  const bool z = zh(language);
  switch (o.rule) {
    case Rule::visits:
    case Rule::talks:
    case Rule::attention_talks:
      if (one_week(o)) return z ? fmt::format("第{}周", o.period) : fmt::format("week {}", o.period);
      return fmt::format("{}—{}", month_day(o.window_from), month_day(o.window_to));
    case Rule::feedback_form:
    case Rule::counselor_summary:
      return z ? fmt::format("第{}期", o.period) : fmt::format("period {}", o.period);
    case Rule::work_plan:
    case Rule::activity:
    case Rule::symposium:
    case Rule::member_summary:
      return z ? "本学期" : "semester";
    case Rule::orientation:
      return fmt::format("{}—{}", month_day(o.window_from), month_day(o.window_to));
    case Rule::incident_report:
      return z ? fmt::format("#{} {}发现", o.record_id, month_day(o.window_from))
               : fmt::format("#{} found {}", o.record_id, month_day(o.window_from));
    case Rule::no_assignment:
    case Rule::member_left:
    case Rule::member_dorm_count:
    case Rule::dorm_without_member:
      return {};
  }
  return {};
}

std::string late_note(const Obligation& o, Language language) {
  if (o.late == 0) return {};
  return zh(language) ? fmt::format("其中补录 {}", o.late) : fmt::format("{} entered late", o.late);
}

std::string group_heading(const check::CheckInput& input, int counselor, Language language) {
  const auto* c = counselor_at(input, counselor);
  if (c == nullptr) return zh(language) ? "未确定辅导员" : "No counselor";
  return zh(language) ? fmt::format("辅导员 {} {}", c->name, c->staff_id)
                      : fmt::format("Counselor {} {}", c->name, c->staff_id);
}

std::string member_heading(const check::CheckInput& input, const Obligation& o, Language language) {
  if (const auto* m = person_at(input, o.member)) {
    return zh(language) ? fmt::format("党员 {}", person_label(m)) : fmt::format("Member {}", person_label(m));
  }
  if (o.rule == Rule::counselor_summary) return zh(language) ? "辅导员本人" : "The counselor";
  return zh(language) ? "全院" : "College-wide";
}

Table member_table(Language language) {
  Table t;
  if (zh(language)) {
    t.header = {"状态", "事项", "寝室", "学生", "期间", "截止", "应", "实", "备注"};
  } else {
    t.header = {"Status", "Rule", "Dorm", "Student", "Period", "Due", "Expected", "Found", "Note"};
  }
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
          late_note(o, language)};
}

std::string counts_line(const CheckCounts& c, Language language) {
  if (zh(language)) {
    return fmt::format("逾期 {} 项 · 即将到期 {} 项 · 有风险 {} 项", c.overdue, c.due_soon, c.at_risk);
  }
  return fmt::format("{} overdue · {} due soon · {} at risk", c.overdue, c.due_soon, c.at_risk);
}

std::string heading(const CheckListing& l, Language language) {
  const auto& s = l.input->semester;
  std::string week;
  if (l.week) week = zh(language) ? fmt::format(" 第{}周", *l.week) : fmt::format(", week {}", *l.week);
  return zh(language) ? fmt::format("联系寝室检查 {} · {}{}\n", format_date(l.as_of), s.name, week)
                      : fmt::format("Dorm contact check {} · {}{}\n", format_date(l.as_of), s.name, week);
}

std::string json_person(const check::Person* p) {
  if (p == nullptr) return "null";
  return fmt::format("{{\"id\": \"{}\", \"name\": \"{}\"}}", json_escape(p->id), json_escape(p->name));
}

std::string json_counselor(const check::Counselor* c) {
  if (c == nullptr) return "null";
  return fmt::format("{{\"id\": \"{}\", \"name\": \"{}\"}}", json_escape(c->staff_id), json_escape(c->name));
}

std::string json_text_or_null(const std::string& text) {
  return text.empty() ? "null" : fmt::format("\"{}\"", json_escape(text));
}

}  // namespace

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
  const bool z = zh(language);
  switch (rule) {
    case Rule::no_assignment:
      return z ? "本学期未分配" : "no assignment";
    case Rule::member_left:
      return z ? "党员已离开" : "member left";
    case Rule::member_dorm_count:
      return z ? "联系寝室数" : "dorm count";
    case Rule::dorm_without_member:
      return z ? "寝室无人联系" : "dorm without member";
    case Rule::work_plan:
      return z ? "工作计划" : "work plan";
    case Rule::visits:
      return z ? "走访" : "visits";
    case Rule::talks:
      return z ? "谈心" : "talks";
    case Rule::attention_talks:
      return z ? "重点关注谈心" : "attention talks";
    case Rule::orientation:
      return z ? "新生入学教育" : "orientation";
    case Rule::activity:
      return z ? "寝室活动" : "dorm activity";
    case Rule::symposium:
      return z ? "座谈会" : "symposium";
    case Rule::incident_report:
      return z ? "突发事件报告" : "incident report";
    case Rule::feedback_form:
      return z ? "反馈表" : "feedback form";
    case Rule::counselor_summary:
      return z ? "辅导员总结" : "counselor summary";
    case Rule::member_summary:
      return z ? "学期总结" : "semester summary";
  }
  return std::string(check::to_string(rule));
}

std::string status_label(Status status, Language language) {
  const bool z = zh(language);
  switch (status) {
    case Status::met:
      return z ? "已完成" : "met";
    case Status::met_late:
      return z ? "逾期完成" : "met late";
    case Status::waived:
      return z ? "已请假" : "excused";
    case Status::pending:
      return z ? "未到期" : "pending";
    case Status::due_soon:
      return z ? "即将到期" : "due soon";
    case Status::at_risk:
      return z ? "有风险" : "at risk";
    case Status::overdue:
      return z ? "逾期" : "overdue";
  }
  return std::string(check::to_string(status));
}

std::string status_label(Rule rule, Status status, Language language) {
  const bool late_work =
      rule == Rule::feedback_form || rule == Rule::counselor_summary || rule == Rule::incident_report;
  if (status == Status::met_late && !late_work) return zh(language) ? "已完成（补录）" : "met (entered late)";
  return status_label(status, language);
}

std::string render_check_text(const CheckListing& l, Language language) {
  std::string out = heading(l, language);
  out += counts_line(count_statuses(l.items), language) + "\n";
  if (l.items.empty()) {
    out += zh(language) ? "没有逾期或即将到期的事项。\n" : "Nothing is overdue or due soon.\n";
    return out;
  }
  std::size_t i = 0;
  while (i < l.items.size()) {
    const int counselor = l.items[i].counselor;
    out += "\n" + group_heading(*l.input, counselor, language) + "\n";
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
  const auto& s = l.input->semester;
  const auto c = count_statuses(l.items);
  std::string out = "{\n";
  out += fmt::format("  \"as_of\": \"{}\",\n", format_date(l.as_of));
  out += fmt::format("  \"semester\": {{\"id\": \"{}\", \"name\": \"{}\", \"week\": {}}},\n", json_escape(s.id),
                     json_escape(s.name), l.week ? std::to_string(*l.week) : "null");
  out += fmt::format("  \"counts\": {{\"overdue\": {}, \"due_soon\": {}, \"at_risk\": {}, \"pending\": {}}},\n",
                     c.overdue, c.due_soon, c.at_risk, c.pending);
  out += "  \"items\": [";
  for (std::size_t i = 0; i < l.items.size(); ++i) {
    const auto& o = l.items[i];
    out += i == 0 ? "\n" : ",\n";
    out += fmt::format(
        "    {{\"status\": \"{}\", \"rule\": \"{}\", \"counselor\": {}, \"member\": {}, \"dorm\": {}, "
        "\"student\": {}, \"period\": {}, \"record\": {}, \"window\": {{\"from\": \"{}\", \"to\": \"{}\"}}, "
        "\"due\": \"{}\", \"expected\": {}, \"found\": {}, \"late\": {}}}",
        check::to_string(o.status), check::to_string(o.rule), json_counselor(counselor_at(*l.input, o.counselor)),
        json_person(person_at(*l.input, o.member)), json_text_or_null(dorm_at(*l.input, o.dorm)),
        json_person(person_at(*l.input, o.student)), o.period, o.record_id > 0 ? std::to_string(o.record_id) : "null",
        format_date(o.window_from), format_date(o.window_to), format_date(o.due), o.expected, o.found, o.late);
  }
  out += l.items.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

std::string render_check_csv(const CheckListing& l, CsvFlavor flavor) {
  ExportTable t;
  for (const char* key :
       {"status", "rule", "counselor_id", "counselor_name", "member_id", "member_name", "dorm", "student_id",
        "student_name", "period", "record_id", "window_from", "window_to", "due", "expected", "found", "late"}) {
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
  }
  return render_table_csv(t, flavor);
}

}  // namespace dormlink::report
