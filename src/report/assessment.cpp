// The branch's semester assessment (docs/reports.md "assessment"): ratios per component from
// check::evaluate's obligations and the inspection's discrepancies, weighted, summed, banded.
#include "dormlink/report/assessment.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "dormlink/report/check_report.hpp"
#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/util/pinyin.hpp"

namespace dormlink::report {

using check::Obligation;
using check::Rule;
using check::Status;

namespace {

int weight_of(const AssessmentOptions& options, Component c) {
  const auto it = options.weights.find(std::string(to_string(c)));
  return it == options.weights.end() ? 0 : it->second;
}

const check::Person* person_at(const check::CheckInput& input, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= input.people.size()) return nullptr;
  return &input.people[static_cast<std::size_t>(index)];
}

std::string dorm_at(const check::CheckInput& input, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= input.dorms.size()) return "";
  return input.dorms[static_cast<std::size_t>(index)];
}

// The members who held dorms on or before as_of, by pinyin then id.
std::vector<int> members_of(const AssessmentInput& in) {
  std::set<int> found;
  for (const auto& v : in.check->assignments) {
    if (to_days(v.valid_from) > to_days(in.as_of)) continue;
    for (const auto& pair : v.pairs) found.insert(pair.second);
  }
  std::vector<int> members;
  for (int m : found) {
    const auto* p = person_at(*in.check, m);
    if (p == nullptr) continue;
    if (!in.branch.empty() && p->branch != in.branch) continue;
    members.push_back(m);
  }
  std::sort(members.begin(), members.end(), [&](int a, int b) {
    const auto& x = *person_at(*in.check, a);
    const auto& y = *person_at(*in.check, b);
    const int c = util::compare_pinyin(x.name, y.name);
    return c != 0 ? c < 0 : x.id < y.id;
  });
  return members;
}

// Late is about the duty itself only for forms and incident reports (handed in, reported after
// the deadline): half credit. For contacts, plans and summaries met_late means the record was
// entered after the due day while the contact happened in time — allowed and visible in the
// reports (补录), and full credit here, so batch entry of paper forms costs a member nothing.
bool late_costs(check::Rule rule) { return rule == check::Rule::feedback_form || rule == check::Rule::incident_report; }

void count(ComponentScore& s, const Obligation& o) {
  switch (o.status) {
    case Status::met:
      ++s.met;
      break;
    case Status::met_late:
      if (!late_costs(o.rule)) {
        ++s.met;
        break;
      }
      ++s.late;
      s.lost.push_back(o);
      break;
    case Status::waived:
      ++s.waived;
      break;
    case Status::pending:
    case Status::due_soon:
    case Status::at_risk:
      ++s.pending;
      break;
    case Status::overdue:
      ++s.overdue;
      s.lost.push_back(o);
      break;
  }
}

void finish(ComponentScore& s) {
  if (s.component == Component::inspection) {
    s.ratio = s.findings > 0 ? 1.0 - static_cast<double>(s.contradicted) / s.findings : 1.0;
  } else {
    const int closed = s.met + s.late + s.overdue;
    s.ratio = closed > 0 ? (s.met + 0.5 * s.late) / closed : 1.0;
  }
  s.points = s.weight * s.ratio;
}

std::string ratio_text(double ratio) { return fmt::format("{:.1f}%", ratio * 100.0); }

std::string points_text(double points) { return fmt::format("{:.1f}", std::round(points * 10.0) / 10.0); }

bool names_students(const Privacy& privacy) { return privacy.audience != Audience::committee; }

std::string basis(const ComponentScore& s, Language language) {
  const bool z = zh(language);
  if (s.component == Component::inspection) {
    if (s.findings == 0) return z ? "无检查结果，满分" : "no findings: full marks";
    return z ? fmt::format("检查结果 {} 条，不属实 {} 条", s.findings, s.contradicted)
             : fmt::format("{} findings, {} contradicted", s.findings, s.contradicted);
  }
  if (s.met + s.late + s.overdue == 0) return z ? "无已到期事项，满分" : "nothing due yet: full marks";
  return "";
}

std::string lost_line(const Assessment& a, const Obligation& o, Language language) {
  const auto& input = *a.check;
  const bool z = zh(language);
  std::string what = rule_label(o.rule, language);
  const auto dorm = dorm_at(input, o.dorm);
  if (!dorm.empty()) what += " " + dorm;
  if (const auto* s = person_at(input, o.student); s != nullptr && names_students(a.privacy))
    what += fmt::format(fmt::runtime(z ? " {}（{}）" : " {} ({})"), s->name, s->id);
  if (o.record_id != 0) what += fmt::format(" #{}", o.record_id);
  const std::string window = o.window_from == o.window_to
                                 ? report_date(o.window_from, language)
                                 : fmt::format("{}{}{}", report_date(o.window_from, language), z ? "—" : " to ",
                                               report_date(o.window_to, language));
  return fmt::format(fmt::runtime(z ? "- {}：{} · {} {} · {} {} · {} {}/{}" : "- {}: {} · {} {} · {} {} · {} {}/{}"),
                     status_label(o.status, language), what, z ? "时段" : "window", window, z ? "截止" : "due",
                     report_date(o.due, language), z ? "应/实" : "expected/found", o.expected, o.found);
}

}  // namespace

std::string_view to_string(Component component) {
  switch (component) {
    case Component::visits:
      return "visits";
    case Component::talks:
      return "talks";
    case Component::activities:
      return "activities";
    case Component::symposiums:
      return "symposiums";
    case Component::forms_on_time:
      return "forms_on_time";
    case Component::incidents_on_time:
      return "incidents_on_time";
    case Component::plan_and_summary:
      return "plan_and_summary";
    case Component::inspection:
      return "inspection";
  }
  return "?";
}

std::string component_label(Component component, Language language) {
  const bool z = zh(language);
  switch (component) {
    case Component::visits:
      return z ? "走访寝室" : "visits";
    case Component::talks:
      return z ? "谈心覆盖" : "talk coverage";
    case Component::activities:
      return z ? "寝室活动" : "activities";
    case Component::symposiums:
      return z ? "座谈会" : "symposiums";
    case Component::forms_on_time:
      return z ? "按时报送反馈表" : "forms on time";
    case Component::incidents_on_time:
      return z ? "突发事件按时报告" : "incidents reported on time";
    case Component::plan_and_summary:
      return z ? "工作计划与学期总结" : "plan and summary";
    case Component::inspection:
      return z ? "检查核实" : "inspection";
  }
  return "?";
}

bool component_of(Rule rule, Component& component) {
  switch (rule) {
    case Rule::visits:
      component = Component::visits;
      return true;
    case Rule::talks:
    case Rule::attention_talks:
      component = Component::talks;
      return true;
    case Rule::activity:
      component = Component::activities;
      return true;
    case Rule::symposium:
      component = Component::symposiums;
      return true;
    case Rule::feedback_form:
      component = Component::forms_on_time;
      return true;
    case Rule::incident_report:
      component = Component::incidents_on_time;
      return true;
    case Rule::work_plan:
    case Rule::member_summary:
      component = Component::plan_and_summary;
      return true;
    default:
      return false;
  }
}

std::string_view to_string(Band band) {
  switch (band) {
    case Band::excellent:
      return "excellent";
    case Band::pass:
      return "pass";
    case Band::basic_pass:
      return "basic_pass";
    case Band::fail:
      return "fail";
  }
  return "?";
}

std::string band_label(Band band, Language language) {
  const bool z = zh(language);
  switch (band) {
    case Band::excellent:
      return z ? "优秀" : "excellent";
    case Band::pass:
      return z ? "合格" : "pass";
    case Band::basic_pass:
      return z ? "基本合格" : "basic pass";
    case Band::fail:
      return z ? "不合格" : "fail";
  }
  return "?";
}

Band band_of(int score_tenths, const AssessmentOptions& options) {
  if (score_tenths >= options.excellent_from * 10) return Band::excellent;
  if (score_tenths >= options.pass_from * 10) return Band::pass;
  if (score_tenths >= options.basic_pass_from * 10) return Band::basic_pass;
  return Band::fail;
}

std::string format_tenths(int tenths) {
  const char* sign = tenths < 0 ? "-" : "";
  const int t = std::abs(tenths);
  return fmt::format("{}{}.{}", sign, t / 10, t % 10);
}

Assessment build_assessment(const AssessmentInput& in) {
  Assessment a;
  a.check = in.check;
  a.college = in.college;
  a.semester_id = in.check->semester.id;
  a.semester_name = in.check->semester.name;
  a.as_of = in.as_of;
  a.branch = in.branch;
  a.options = in.options;
  a.privacy = in.privacy;
  // The obligations of each member, gathered in one pass (a university has ~750,000).
  std::map<int, std::vector<const Obligation*>> by_member;
  for (const auto& o : *in.obligations) {
    Component c{};
    if (o.member >= 0 && component_of(o.rule, c)) by_member[o.member].push_back(&o);
  }
  for (int member : members_of(in)) {
    const auto& p = *person_at(*in.check, member);
    MemberAssessment m;
    m.member = member;
    m.id = p.id;
    m.name = p.name;
    m.branch = p.branch;
    for (Component c : k_components) {
      ComponentScore s;
      s.component = c;
      s.weight = weight_of(in.options, c);
      m.components.push_back(s);
    }
    if (const auto it = by_member.find(member); it != by_member.end()) {
      for (const Obligation* o : it->second) {
        Component c{};
        component_of(o->rule, c);
        count(m.components[static_cast<std::size_t>(c)], *o);
      }
    }
    auto& inspection = m.components[static_cast<std::size_t>(Component::inspection)];
    for (const auto& d : in.discrepancies) {
      if (d.member_id != p.id) continue;
      inspection.contradicted = d.contradicted;
      inspection.findings = d.total;
      m.contradicted_records = d.records;
    }
    double sum = 0;
    for (auto& s : m.components) {
      finish(s);
      sum += s.points;
    }
    m.score_tenths = static_cast<int>(std::lround(sum * 10.0 + 1e-9));
    m.band = band_of(m.score_tenths, in.options);
    a.members.push_back(std::move(m));
  }
  return a;
}

namespace {

Table summary_table(const Assessment& a, Language language) {
  const bool z = zh(language);
  Table summary;
  summary.header = {z ? "党员" : "member", z ? "学号" : "id", z ? "党支部" : "branch"};
  summary.align = {Align::left, Align::left, Align::left};
  for (Component c : k_components) {
    summary.header.push_back(
        fmt::format(fmt::runtime(z ? "{}（{}）" : "{} ({})"), component_label(c, language), weight_of(a.options, c)));
    summary.align.push_back(Align::right);
  }
  summary.header.push_back(z ? "得分" : "score");
  summary.header.push_back(z ? "等级" : "band");
  summary.align.push_back(Align::right);
  summary.align.push_back(Align::left);
  for (const auto& m : a.members) {
    std::vector<std::string> row{m.name, m.id, m.branch};
    for (const auto& s : m.components) row.push_back(points_text(s.points));
    row.push_back(format_tenths(m.score_tenths));
    row.push_back(band_label(m.band, language));
    summary.rows.push_back(std::move(row));
  }
  return summary;
}

Table components_table(const MemberAssessment& m, Language language) {
  const bool z = zh(language);
  Table t;
  t.header = {z ? "项目" : "component",     z ? "权重" : "weight",        z ? "按时完成" : "met",
              z ? "逾期完成" : "late",      z ? "逾期未完成" : "overdue", z ? "免除" : "waived",
              z ? "未到期" : "not yet due", z ? "得分率" : "ratio",       z ? "得分" : "points",
              z ? "说明" : "note"};
  t.align = {Align::left,  Align::right, Align::right, Align::right, Align::right,
             Align::right, Align::right, Align::right, Align::right, Align::left};
  for (const auto& s : m.components) {
    t.rows.push_back({component_label(s.component, language), std::to_string(s.weight), std::to_string(s.met),
                      std::to_string(s.late), std::to_string(s.overdue), std::to_string(s.waived),
                      std::to_string(s.pending), ratio_text(s.ratio), points_text(s.points), basis(s, language)});
  }
  t.rows.push_back({z ? "合计" : "total", std::to_string([&] {
                      int w = 0;
                      for (const auto& s : m.components) w += s.weight;
                      return w;
                    }()),
                    "", "", "", "", "", "", format_tenths(m.score_tenths), band_label(m.band, language)});
  return t;
}

// The obligations that cost points, one row each.
Table lost_table(const Assessment& a, Language language) {
  const bool z = zh(language);
  const auto& input = *a.check;
  Table t{z ? std::vector<std::string>{"党员学号", "党员", "项目", "状态", "要求", "寝室", "学生", "记录", "起", "止",
                                       "截止", "应完成", "已完成"}
            : std::vector<std::string>{"Member id", "Member", "Component", "Status", "Duty", "Dorm", "Student",
                                       "Record", "From", "To", "Due", "Expected", "Found"},
          {Align::left, Align::left, Align::left, Align::left, Align::left, Align::left, Align::left, Align::right,
           Align::left, Align::left, Align::left, Align::right, Align::right},
          {}};
  for (const auto& m : a.members) {
    for (const auto& s : m.components) {
      for (const auto& o : s.lost) {
        std::string student;
        if (const auto* p = person_at(input, o.student); p != nullptr && names_students(a.privacy))
          student = fmt::format(fmt::runtime(z ? "{}（{}）" : "{} ({})"), p->name, p->id);
        t.rows.push_back({m.id, m.name, component_label(s.component, language), status_label(o.status, language),
                          rule_label(o.rule, language), dorm_at(input, o.dorm), student,
                          o.record_id == 0 ? std::string() : std::to_string(o.record_id),
                          report_date(o.window_from, language), report_date(o.window_to, language),
                          report_date(o.due, language), std::to_string(o.expected), std::to_string(o.found)});
      }
    }
  }
  return t;
}

Table contradicted_table(const Assessment& a, Language language) {
  const bool z = zh(language);
  Table t{z ? std::vector<std::string>{"党员学号", "党员", "检查不属实的记录"}
            : std::vector<std::string>{"Member id", "Member", "Record contradicted"},
          {Align::left, Align::left, Align::right},
          {}};
  for (const auto& m : a.members)
    for (auto id : m.contradicted_records) t.rows.push_back({m.id, m.name, std::to_string(id)});
  return t;
}

}  // namespace

std::string render_assessment_markdown(const Assessment& a, Language language) {
  const bool z = zh(language);
  std::string out;
  out += z ? fmt::format("# {}学期考核 · {}\n\n", a.semester_name, a.college.empty() ? "党支部" : a.college)
           : fmt::format("# Semester assessment · {} · {}\n\n", a.semester_name, a.college);
  out +=
      z ? fmt::format("- 学期：{}（{}）\n- 截至：{}\n", a.semester_name, a.semester_id, report_date(a.as_of, language))
        : fmt::format("- Semester: {} ({})\n- As of: {}\n", a.semester_name, a.semester_id, format_date(a.as_of));
  if (!a.branch.empty()) out += z ? fmt::format("- 党支部：{}\n", a.branch) : fmt::format("- Branch: {}\n", a.branch);
  out +=
      z ? fmt::format("- 等级：优秀 ≥ {}，合格 ≥ {}，基本合格 ≥ {}，不合格低于 {}\n", a.options.excellent_from,
                      a.options.pass_from, a.options.basic_pass_from, a.options.basic_pass_from)
        : fmt::format("- Bands: excellent ≥ {}, pass ≥ {}, basic pass ≥ {}, fail below {}\n", a.options.excellent_from,
                      a.options.pass_from, a.options.basic_pass_from, a.options.basic_pass_from);
  out += z ? "- 计分：按时完成计 1，反馈表逾期报送、突发事件逾期报告计 0.5（走访、谈心等补录不扣分），逾期未完成计 "
             "0；免除和未到期的不计入；无已到期事项的项目满分。\n"
           : "- Scoring: met counts 1, a form submitted or an incident reported late 0.5 (contacts entered late "
             "count in full), overdue 0; waived and not yet due obligations are left out; "
             "a component with nothing due yet gets full marks.\n";
  out += z ? fmt::format("- 阅读对象：{}\n\n", audience_label(a.privacy.audience, true))
           : fmt::format("- For: {}\n\n", audience_label(a.privacy.audience, false));

  if (a.members.empty()) {
    out += z ? "本学期没有联系寝室的党员。\n" : "No member held dorms in this semester.\n";
    return out;
  }

  out += (z ? "## 汇总\n\n" : "## Summary\n\n") + render_markdown(summary_table(a, language));

  for (const auto& m : a.members) {
    out += fmt::format(fmt::runtime(z ? "\n## {}（{}）· {} · {}\n\n" : "\n## {} ({}) · {} · {}\n\n"),
                       escape_markdown_cell(m.name), m.id, format_tenths(m.score_tenths), band_label(m.band, language));
    out += render_markdown(components_table(m, language));
    bool any = false;
    for (const auto& s : m.components) {
      if (s.lost.empty()) continue;
      if (!any) out += z ? "\n扣分依据：\n\n" : "\nWhat cost points:\n\n";
      any = true;
      for (const auto& o : s.lost) out += escape_markdown_cell(lost_line(a, o, language)) + "\n";
    }
    if (!m.contradicted_records.empty()) {
      std::vector<std::string> ids;
      for (auto id : m.contradicted_records) ids.push_back(fmt::format("#{}", id));
      out += z ? fmt::format("\n检查不属实的记录：{}\n", fmt::join(ids, "、"))
               : fmt::format("\nRecords the inspection contradicted: {}\n", fmt::join(ids, ", "));
    }
  }
  return visible_document(out);
}

Workbook assessment_workbook(const Assessment& a, Language language) {
  const bool z = zh(language);
  Table components;
  for (const auto& m : a.members) {
    Table t = components_table(m, language);
    if (components.header.empty()) {
      components.header = t.header;
      components.align = t.align;
      components.header.insert(components.header.begin(), {z ? "党员学号" : "Member id", z ? "党员" : "Member"});
      components.align.insert(components.align.begin(), {Align::left, Align::left});
    }
    for (auto& row : t.rows) {
      row.insert(row.begin(), {m.id, m.name});
      components.rows.push_back(std::move(row));
    }
  }
  if (components.header.empty()) {
    components = components_table(MemberAssessment{}, language);
    components.rows.clear();
    components.header.insert(components.header.begin(), {z ? "党员学号" : "Member id", z ? "党员" : "Member"});
    components.align.insert(components.align.begin(), {Align::left, Align::left});
  }
  return {{"summary", z ? "汇总" : "Summary", summary_table(a, language)},
          {"components", z ? "分项" : "Components", std::move(components)},
          {"lost", z ? "扣分依据" : "What cost points", lost_table(a, language)},
          {"contradicted", z ? "检查不属实" : "Contradicted", contradicted_table(a, language)}};
}

ExportTable assessment_table(const Assessment& a, Language language) {
  const bool z = zh(language);
  ExportTable t;
  t.columns = {{"member_id", z ? "学号" : "Student id", false},
               {"member_name", z ? "党员" : "Member", false},
               {"branch", z ? "党支部" : "Branch", false}};
  for (Component c : k_components) {
    t.columns.push_back(
        {std::string(to_string(c)),
         fmt::format(fmt::runtime(z ? "{}（{}）" : "{} ({})"), component_label(c, language), weight_of(a.options, c)),
         true});
  }
  t.columns.push_back({"score", z ? "得分" : "Score", true});
  t.columns.push_back({"band", z ? "等级" : "Band", false});
  for (const auto& m : a.members) {
    std::vector<std::string> row{m.id, m.name, m.branch};
    for (const auto& s : m.components) row.push_back(points_text(s.points));
    row.push_back(format_tenths(m.score_tenths));
    row.push_back(band_label(m.band, language));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string render_assessment_json(const Assessment& a) {
  const auto q = [](const std::string& s) { return "\"" + json_escape(s) + "\""; };
  std::string out = "{\n";
  out += fmt::format("  \"semester\": {{\"id\": {}, \"name\": {}}},\n", q(a.semester_id), q(a.semester_name));
  out += fmt::format("  \"as_of\": \"{}\",\n", format_date(a.as_of));
  out += fmt::format("  \"branch\": {},\n", a.branch.empty() ? "null" : q(a.branch));
  out += fmt::format("  \"audience\": \"{}\",\n", to_string(a.privacy.audience));
  std::vector<std::string> weights;
  for (Component c : k_components) weights.push_back(fmt::format("\"{}\": {}", to_string(c), weight_of(a.options, c)));
  out += fmt::format("  \"weights\": {{{}}},\n", fmt::join(weights, ", "));
  out += fmt::format("  \"bands\": {{\"excellent\": {}, \"pass\": {}, \"basic_pass\": {}}},\n",
                     a.options.excellent_from, a.options.pass_from, a.options.basic_pass_from);
  out += "  \"members\": [";
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    const auto& m = a.members[i];
    out += i == 0 ? "\n" : ",\n";
    out += fmt::format("    {{\"id\": {}, \"name\": {}, \"branch\": {}, \"score\": {}, \"band\": \"{}\",\n", q(m.id),
                       q(m.name), q(m.branch), format_tenths(m.score_tenths), to_string(m.band));
    std::vector<std::string> records;
    for (auto id : m.contradicted_records) records.push_back(std::to_string(id));
    out += fmt::format("     \"contradicted_records\": [{}],\n     \"components\": [", fmt::join(records, ", "));
    for (std::size_t k = 0; k < m.components.size(); ++k) {
      const auto& s = m.components[k];
      out += k == 0 ? "\n" : ",\n";
      out += fmt::format(
          "       {{\"component\": \"{}\", \"weight\": {}, \"met\": {}, \"met_late\": {}, \"overdue\": {}, "
          "\"waived\": {}, \"not_yet_due\": {}, \"findings\": {}, \"contradicted\": {}, \"ratio\": {:.4f}, "
          "\"points\": {:.1f}, \"lost\": [",
          to_string(s.component), s.weight, s.met, s.late, s.overdue, s.waived, s.pending, s.findings, s.contradicted,
          s.ratio, std::round(s.points * 10.0) / 10.0);
      for (std::size_t j = 0; j < s.lost.size(); ++j) {
        const auto& o = s.lost[j];
        const auto* student = person_at(*a.check, o.student);
        const auto dorm = dorm_at(*a.check, o.dorm);
        out += fmt::format(
            "{}{{\"rule\": \"{}\", \"status\": \"{}\", \"dorm\": {}, \"student_id\": {}, \"period\": {}, "
            "\"record_id\": {}, \"window_from\": \"{}\", \"window_to\": \"{}\", \"due\": \"{}\", \"expected\": {}, "
            "\"found\": {}}}",
            j == 0 ? "" : ", ", check::to_string(o.rule), check::to_string(o.status), dorm.empty() ? "null" : q(dorm),
            student != nullptr && names_students(a.privacy) ? q(student->id) : "null", o.period,
            o.record_id == 0 ? std::string("null") : std::to_string(o.record_id), format_date(o.window_from),
            format_date(o.window_to), format_date(o.due), o.expected, o.found);
      }
      out += "]}";
    }
    out += "\n     ]}";
  }
  out += a.members.empty() ? "]\n" : "\n  ]\n";
  return out + "}\n";
}

}  // namespace dormlink::report
