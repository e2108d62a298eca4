// The feedback form (学生党员联系寝室情况反馈表): built from the member's records and the
// obligations check::evaluate returned, privacy applied, then rendered (docs/reports.md).
#include "dormlink/report/feedback_report.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "dormlink/records/record.hpp"
#include "dormlink/report/check_report.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/util/pinyin.hpp"

namespace dormlink::report {
namespace {

using check::Obligation;
using check::Rule;
using check::Status;

bool unmet(Status s) {
  return s == Status::pending || s == Status::due_soon || s == Status::at_risk || s == Status::overdue;
}

// How bad a status is, for the worst status of an aggregated line.
int badness(Status s) {
  switch (s) {
    case Status::met:
      return 0;
    case Status::waived:
      return 1;
    case Status::met_late:
      return 2;
    case Status::pending:
      return 3;
    case Status::at_risk:
      return 4;
    case Status::due_soon:
      return 5;
    case Status::overdue:
      return 6;
  }
  return 0;
}

bool semester_rule(Rule rule) {
  return rule == Rule::activity || rule == Rule::symposium || rule == Rule::member_summary || rule == Rule::work_plan;
}

// The member's obligations the form lists: duties due within the period, the period's own
// form, incidents found within it. Structural rules and the counselor's summary are not a
// member's.
bool on_form(const Obligation& o, const ReportPeriod& p) {
  switch (o.rule) {
    case Rule::feedback_form:
      return o.period == p.number;
    case Rule::incident_report:
      return within(o.window_from, p.first_day, p.last_day);
    case Rule::visits:
    case Rule::talks:
    case Rule::attention_talks:
    case Rule::orientation:
    case Rule::activity:
    case Rule::symposium:
    case Rule::work_plan:
    case Rule::member_summary:
      return within(o.due, p.first_day, p.last_day);
    case Rule::no_assignment:
    case Rule::member_left:
    case Rule::member_dorm_count:
    case Rule::dorm_without_member:
    case Rule::counselor_summary:
      return false;
  }
  return false;
}

std::string dorm_of(const check::CheckInput& input, int dorm) {
  return dorm < 0 || dorm >= static_cast<int>(input.dorms.size()) ? std::string()
                                                                  : input.dorms[static_cast<std::size_t>(dorm)];
}

bool student_less(const FormStudent& a, const FormStudent& b) {
  const int c = util::compare_pinyin(a.name, b.name);
  return c != 0 ? c < 0 : a.id < b.id;
}

FormStudent shown_student(const records::RecordStudent& s, const Privacy& privacy) {
  FormStudent f{s.id, s.name, {}, {}};
  if (privacy.phones_shown() && !s.phone.empty()) f.phone = privacy.phones_in_full() ? s.phone : mask_phone(s.phone);
  if (privacy.attention_of_named()) f.attention = s.attention;
  return f;
}

FormContact form_contact(const records::EffectiveRecord& c, const Privacy& privacy) {
  FormContact f;
  f.record = c;
  f.record.students.clear();
  f.student_count = static_cast<int>(c.students.size());
  // The committee sees aggregates only: how many students, never who.
  f.students_named = privacy.audience != Audience::committee;
  if (f.students_named) {
    for (const auto& s : c.students) f.students.push_back(shown_student(s, privacy));
    std::sort(f.students.begin(), f.students.end(), student_less);
  }
  return f;
}

// Talks are one obligation per resident; the form shows one line per dorm and talk period.
using RequirementKey = std::tuple<int, std::string, int, int, std::int64_t>;

void add_requirement(std::map<RequirementKey, FormRequirement>& lines, const Obligation& o, const std::string& dorm) {
  const bool per_student = o.rule == Rule::talks || o.rule == Rule::attention_talks;
  const RequirementKey key{static_cast<int>(o.rule), dorm,
                           static_cast<int>(to_days(o.window_from).time_since_epoch().count()), o.period, o.record_id};
  auto [it, fresh] = lines.try_emplace(key);
  auto& line = it->second;
  if (fresh) {
    line = FormRequirement{o.rule, o.status, dorm, o.period, o.record_id, o.window_from, o.window_to, o.due, 0, 0, 0};
  } else if (badness(o.status) > badness(line.status)) {
    line.status = o.status;
  }
  if (o.status == Status::waived && per_student) return;  // a waived resident is not expected
  if (per_student) {
    line.expected += 1;
    line.found += o.status == Status::met || o.status == Status::met_late ? 1 : 0;
    line.late += o.status == Status::met_late ? 1 : 0;
  } else {
    line.expected += o.expected;
    line.found += o.found;
    line.late += o.late;
  }
}

// Returns false for a gap left out of the list (counted in hidden_gaps instead).
bool add_gap(FeedbackForm& form, const FeedbackInput& in, const Obligation& o) {
  FormGap gap{
      o.rule,     o.status, dorm_of(*in.check, o.dorm), {}, o.period, o.record_id, o.window_from, o.window_to, o.due,
      o.expected, o.found};
  // Naming the student would say they need extra care.
  if (o.rule == Rule::attention_talks && !in.privacy.attention_of_named()) return false;
  if (o.student >= 0 && in.privacy.audience != Audience::committee) {
    gap.student = in.check->people[static_cast<std::size_t>(o.student)].name;
  }
  form.missing.push_back(std::move(gap));
  return true;
}

void fill_obligations(FeedbackForm& form, const FeedbackInput& in) {
  std::map<RequirementKey, FormRequirement> lines;
  int hidden_gaps = 0;
  for (const auto& o : *in.obligations) {
    if (o.member != in.member) continue;
    const bool listed = on_form(o, in.period);
    if (listed) {
      // The committee sees no per-dorm count of attention students.
      const bool hidden = o.rule == Rule::attention_talks && in.privacy.suppresses_small_counts();
      if (!hidden) add_requirement(lines, o, dorm_of(*in.check, o.dorm));
    }
    if (unmet(o.status) && (listed || (semester_rule(o.rule) && o.status == Status::at_risk)) && !add_gap(form, in, o))
      ++hidden_gaps;
  }
  form.hidden_attention_gaps = in.privacy.count(hidden_gaps);
  for (auto& [key, line] : lines) form.required.push_back(std::move(line));
  std::stable_sort(form.missing.begin(), form.missing.end(), [](const FormGap& a, const FormGap& b) {
    return std::tie(a.rule, a.dorm, a.from) < std::tie(b.rule, b.dorm, b.from);
  });
}

}  // namespace

FeedbackForm build_feedback_form(const FeedbackInput& in) {
  const auto& member = in.check->people.at(static_cast<std::size_t>(in.member));
  FeedbackForm form;
  form.college = in.college;
  form.period = in.period;
  form.reported_on = in.as_of;
  form.member_id = member.id;
  form.member_name = member.name;
  form.class_name = member.class_name;
  form.branch = member.branch;
  if (const int c = check::counselor_of(*in.check, in.member); c >= 0) {
    form.counselor_id = in.check->counselors[static_cast<std::size_t>(c)].staff_id;
    form.counselor_name = in.check->counselors[static_cast<std::size_t>(c)].name;
  }
  form.audience = in.privacy.audience;
  form.sensitive = in.privacy.include_sensitive;
  form.phones_shown = in.privacy.phones_shown();
  form.phones_in_full = in.privacy.phones_in_full();
  for (const auto& c : in.contacts) form.contacts.push_back(form_contact(c, in.privacy));
  std::stable_sort(form.contacts.begin(), form.contacts.end(), [](const FormContact& a, const FormContact& b) {
    return std::tie(a.record.happened_at, a.record.id) < std::tie(b.record.happened_at, b.record.id);
  });
  fill_obligations(form, in);
  form.chain = in.chain;
  return form;
}

// ---- shared wording ----

std::string report_date(Date date, Language language) {
  if (!zh(language)) return format_date(date);
  return fmt::format("{}年{}月{}日", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::string report_time(std::string_view local, Language language) {
  const auto date = parse_iso_date(local.substr(0, std::min<std::size_t>(local.size(), 10)));
  if (!date) return std::string(local);
  std::string time(local.size() >= 16 ? local.substr(11, 5) : std::string_view());
  return time.empty() ? report_date(*date, language) : report_date(*date, language) + " " + time;
}

std::string period_title(const ReportPeriod& p, Language language) {
  const std::string weeks = p.first_week == p.last_week ? std::to_string(p.first_week)
                                                        : fmt::format(fmt::runtime(zh(language) ? "{}—{}" : "{}–{}"),
                                                                      p.first_week, p.last_week);
  if (zh(language)) {
    return fmt::format("第{}期（第{}周，{}—{}）", p.number, weeks, report_date(p.first_day, language),
                       report_date(p.last_day, language));
  }
  return fmt::format("period {} (week{} {}, {} to {})", p.number, p.first_week == p.last_week ? "" : "s", weeks,
                     report_date(p.first_day, language), report_date(p.last_day, language));
}

std::string audience_note(Audience audience, bool sensitive, bool phones_in_full, Language language) {
  const bool z = zh(language);
  const std::string who = audience_label(audience, z);
  std::string what;
  if (audience == Audience::committee) {
    what = z ? "含党员姓名、学号和统计数，不含其他学生的姓名、手机号和重点关注类别"
             : "members' names and student ids, and counts: no other student's name, no phone numbers, no "
               "attention categories";
  } else if (sensitive) {
    what = z ? "含敏感信息，查阅原因已登记" : "sensitive fields included; the access is recorded with its reason";
  } else {
    what = phones_in_full ? (z ? "不含重点关注类别" : "no attention categories")
                          : (z ? "手机号已脱敏，不含重点关注类别" : "phone numbers masked, no attention categories");
  }
  return z ? fmt::format("{}（{}）", who, what) : fmt::format("{} ({})", who, what);
}

namespace {

// ---- labels ----

std::string kind_label(const std::string& key, Language language) {
  if (!zh(language)) return key;
  const auto kind = records::parse_kind(key);
  return kind ? std::string(records::label_zh(*kind)) : key;
}

std::string channel_label(const std::string& key, Language language) {
  if (!zh(language)) {
    std::string out = key;
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
  }
  const auto channel = records::parse_channel(key);
  return channel ? std::string(records::label_zh(*channel)) : key;
}

std::string incident_label(const std::string& key, Language language) {
  if (!zh(language)) {
    std::string out = key;
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
  }
  const auto category = records::parse_incident_category(key);
  return category ? std::string(records::label_zh(*category)) : key;
}

std::string severity_label(const std::string& key, Language language) {
  if (!zh(language)) return key;
  if (key == "low") return "轻";
  if (key == "medium") return "一般";
  if (key == "high") return "严重";
  return key;
}

std::string role_label(const std::string& key, Language language) {
  const auto role = staff_role_from_key(key);
  if (!role) return key;
  return std::string(zh(language) ? label_zh(*role) : label_en(*role));
}

std::string attention_label(AttentionCategory category, Language language) {
  return std::string(zh(language) ? label_zh(category) : label_en(category));
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

// "张三 138****0011〔重点关注：家庭经济困难〕"
std::string student_text(const FormStudent& s, Language language) {
  std::string out = s.name;
  if (!s.phone.empty()) out += " " + s.phone;
  if (!s.attention.empty()) {
    std::vector<std::string> labels;
    for (auto a : s.attention) labels.push_back(attention_label(a, language));
    out += zh(language) ? fmt::format("〔重点关注：{}〕", joined(labels, "、"))
                        : fmt::format(" [attention: {}]", joined(labels, ", "));
  }
  return out;
}

// 联系学生姓名及方式: the students, then the kind of contact and its channel in brackets, as
// log-visit --from-csv reads it ("张三、李四（谈心，当面）").
std::string students_cell(const FormContact& c, Language language) {
  const bool z = zh(language);
  std::string who;
  if (!c.students_named) {
    if (c.student_count > 0)
      who = z ? fmt::format("{}名学生", c.student_count) : fmt::format("{} students", c.student_count);
  } else {
    std::vector<std::string> names;
    for (const auto& s : c.students) names.push_back(student_text(s, language));
    who = joined(names, z ? "、" : ", ");
  }
  std::vector<std::string> how{kind_label(c.record.kind, language)};
  // An excused week was not a contact: no channel, whatever the record carries.
  if (!c.record.channel.empty() && c.record.kind != "excused") how.push_back(channel_label(c.record.channel, language));
  const std::string way = joined(how, z ? "，" : ", ");
  if (z) return fmt::format("{}（{}）", who, way);
  return who.empty() ? fmt::format("({})", way) : fmt::format("{} ({})", who, way);
}

std::string progress_cell(const records::EffectiveRecord& r, Language language) {
  if (r.purged) return zh(language) ? "（内容已按隐私要求清除）" : "(text erased on request)";
  return joined({r.progress, r.details}, "\n");
}

// Whether a record was entered after the Sunday of the week it happened in.
bool entered_late(const records::EffectiveRecord& r) {
  const auto happened =
      parse_iso_date(std::string_view(r.happened_at).substr(0, std::min<std::size_t>(r.happened_at.size(), 10)));
  const auto entered =
      parse_iso_date(std::string_view(r.entered_at).substr(0, std::min<std::size_t>(r.entered_at.size(), 10)));
  if (!happened || !entered) return false;
  const auto day = to_days(*happened);
  const auto sunday = day + std::chrono::days{7 - static_cast<int>(std::chrono::weekday{day}.iso_encoding())};
  return to_days(*entered) > sunday;
}

std::string incident_note(const records::EffectiveRecord& r, Language language) {
  const bool z = zh(language);
  std::string out = z ? fmt::format("特殊情况：{}", incident_label(r.incident_category, language))
                      : fmt::format("incident: {}", incident_label(r.incident_category, language));
  if (!r.severity.empty()) {
    out += z ? fmt::format("，严重程度{}", severity_label(r.severity, language))
             : fmt::format(", severity {}", severity_label(r.severity, language));
  }
  if (r.reported_at.empty()) return out + (z ? "，未报告" : ", not reported");
  const std::string to = r.reported_to.empty() ? std::string() : role_label(r.reported_to, language);
  return out + (z ? fmt::format("，{}报告{}", report_time(r.reported_at, language), to)
                  : fmt::format(", reported {} to {}", report_time(r.reported_at, language), to.empty() ? "?" : to));
}

// 说明: the member's note, then what the record says about itself.
std::string note_cell(const records::EffectiveRecord& r, Language language) {
  const bool z = zh(language);
  std::vector<std::string> parts;
  if (!r.purged) parts.push_back(r.note);
  if (r.corrects) {
    parts.push_back(z ? fmt::format("已更正（更正记录 #{}，原因：{}）", *r.corrects, r.reason)
                      : fmt::format("corrected (replaces record #{}; reason: {})", *r.corrects, r.reason));
  }
  if (r.off_assignment && !r.corrects) {
    parts.push_back(z ? fmt::format("非本人联系寝室（{}）", r.reason)
                      : fmt::format("not an assigned dorm ({})", r.reason));
  }
  if (r.kind == "excused" && !r.corrects)
    parts.push_back(z ? fmt::format("原因：{}", r.reason) : "reason: " + r.reason);
  if (r.kind == "incident") parts.push_back(incident_note(r, language));
  if (entered_late(r)) {
    parts.push_back(z ? fmt::format("补录于{}", report_time(r.entered_at, language))
                      : fmt::format("entered late, {}", report_time(r.entered_at, language)));
  }
  parts.push_back(z ? fmt::format("记录 #{}", r.id) : fmt::format("record #{}", r.id));
  return joined(parts, z ? "；" : "; ");
}

std::string dorm_cell(const records::EffectiveRecord& r, Language language) {
  if (!r.dorm.empty()) return r.dorm;
  return zh(language) ? "全部联系寝室" : "all dorms";
}

// The window of an obligation as staff say it.
std::string window_label(const FormRequirement& r, Language language) {
  const bool z = zh(language);
  const bool one_week = to_days(r.to) - to_days(r.from) == std::chrono::days{6};
  switch (r.rule) {
    case Rule::visits:
    case Rule::talks:
    case Rule::attention_talks:
      if (one_week) return z ? fmt::format("第{}周", r.period) : fmt::format("week {}", r.period);
      break;
    case Rule::feedback_form:
      return z ? fmt::format("第{}期", r.period) : fmt::format("period {}", r.period);
    case Rule::incident_report:
      return z ? fmt::format("#{} {}发现", r.record, report_date(r.from, language))
               : fmt::format("#{} found {}", r.record, report_date(r.from, language));
    case Rule::activity:
    case Rule::symposium:
    case Rule::work_plan:
    case Rule::member_summary:
      return z ? "本学期" : "semester";
    default:
      break;
  }
  return fmt::format("{}—{}", report_date(r.from, language), report_date(r.to, language));
}

FormRequirement as_requirement(const FormGap& g) {
  return FormRequirement{g.rule, g.status, g.dorm, g.period, g.record, g.from, g.to, g.due, g.expected, g.found, 0};
}

// A contact made in time but entered after the due day is done, not late work (one rule for
// every kind: status_label in check_report).
std::string requirement_status(Rule rule, Status status, Language language) {
  return status_label(rule, status, language);
}

Table requirement_table(const FeedbackForm& form, Language language) {
  const bool z = zh(language);
  Table t{z ? std::vector<std::string>{"要求", "寝室", "时间", "应完成", "已完成", "状态", "截止"}
            : std::vector<std::string>{"Duty", "Dorm", "When", "Expected", "Found", "Status", "Due"},
          {Align::left, Align::left, Align::left, Align::right, Align::right, Align::left, Align::left},
          {}};
  for (const auto& r : form.required) {
    t.rows.push_back({rule_label(r.rule, language), r.dorm, window_label(r, language), std::to_string(r.expected),
                      std::to_string(r.found), requirement_status(r.rule, r.status, language),
                      report_date(r.due, language)});
  }
  return t;
}

std::string gap_line(const FormGap& g, Language language) {
  const bool z = zh(language);
  std::string what = rule_label(g.rule, language);
  if (!g.student.empty()) what += z ? fmt::format("：{}", g.student) : fmt::format(": {}", g.student);
  const std::string where = joined({g.dorm, window_label(as_requirement(g), language)}, " ");
  return z ? fmt::format("{} {}：应 {}，实 {}（{}，截止 {}）", where, what, g.expected, g.found,
                         status_label(g.status, language), report_date(g.due, language))
           : fmt::format("{} {}: expected {}, found {} ({}, due {})", where, what, g.expected, g.found,
                         status_label(g.status, language), report_date(g.due, language));
}

std::string header_lines(const FeedbackForm& f, Language language) {
  const bool z = zh(language);
  const auto e = [](const std::string& s) { return escape_markdown_cell(s); };
  std::string out = z ? "# 学生党员联系寝室情况反馈表\n\n" : "# Student Party member dorm contact feedback form\n\n";
  out += z ? fmt::format("党员姓名：{}（{}）　　报送时间：{}\n\n", e(f.member_name), e(f.member_id),
                         report_date(f.reported_on, language))
           : fmt::format("Member: {} ({})    Submitted: {}\n\n", e(f.member_name), e(f.member_id),
                         report_date(f.reported_on, language));
  const std::string semester = f.period.semester_name.empty() ? f.period.semester_id : f.period.semester_name;
  const std::string counselor = f.counselor_id.empty() ? (z ? "无" : "none")
                                                       : fmt::format(fmt::runtime(z ? "{}（{}）" : "{} ({})"),
                                                                     e(f.counselor_name), e(f.counselor_id));
  if (z) {
    out += fmt::format("- 学院：{}　学期：{}　{}\n", e(f.college), e(semester), period_title(f.period, language));
    out += fmt::format("- 党支部：{}　班级：{}　辅导员：{}\n", e(f.branch), e(f.class_name), counselor);
    out += fmt::format("- 应报送：{}（报送辅导员和党支部书记）\n", report_date(f.period.form_due, language));
    out += fmt::format("- 阅读对象：{}\n\n", audience_note(f.audience, f.sensitive, f.phones_in_full, language));
  } else {
    out +=
        fmt::format("- College: {} · semester: {} · {}\n", e(f.college), e(semester), period_title(f.period, language));
    out += fmt::format("- Branch: {} · class: {} · counselor: {}\n", e(f.branch), e(f.class_name), counselor);
    out += fmt::format("- Due: {} (to the counselor and the branch secretary)\n",
                       report_date(f.period.form_due, language));
    out += fmt::format("- For: {}\n\n", audience_note(f.audience, f.sensitive, f.phones_in_full, language));
  }
  return out;
}

Table contact_table(const FeedbackForm& f, Language language) {
  const bool z = zh(language);
  Table t{z ? std::vector<std::string>{"联系寝室名称", "时间", "联系学生姓名及方式", "工作进展及成效", "说明"}
            : std::vector<std::string>{"Dorm", "Time", "Students contacted and how", "Progress and effect", "Notes"},
          std::vector<Align>(5, Align::left),
          {}};
  for (const auto& c : f.contacts) {
    t.rows.push_back({dorm_cell(c.record, language), report_time(c.record.happened_at, language),
                      students_cell(c, language), progress_cell(c.record, language), note_cell(c.record, language)});
  }
  return t;
}

// The missing items as a table (CSV and Excel), the hidden attention gaps as one line.
Table missing_table(const FeedbackForm& f, Language language) {
  const bool z = zh(language);
  Table t{z ? std::vector<std::string>{"要求", "寝室", "时间", "学生", "应完成", "已完成", "状态", "截止"}
            : std::vector<std::string>{"Duty", "Dorm", "When", "Student", "Expected", "Found", "Status", "Due"},
          {Align::left, Align::left, Align::left, Align::left, Align::right, Align::right, Align::left, Align::left},
          {}};
  for (const auto& g : f.missing) {
    t.rows.push_back({rule_label(g.rule, language), g.dorm, window_label(as_requirement(g), language), g.student,
                      std::to_string(g.expected), std::to_string(g.found), status_label(g.status, language),
                      report_date(g.due, language)});
  }
  if (!f.hidden_attention_gaps.zero()) {
    t.rows.push_back({rule_label(Rule::attention_talks, language), "", "", z ? "（姓名不显示）" : "(names not shown)",
                      f.hidden_attention_gaps.text(), "", "", ""});
  }
  return t;
}

// The header of the form as one row.
Table form_table(const FeedbackForm& f, Language language) {
  const bool z = zh(language);
  Table t{z ? std::vector<std::string>{"学院", "学期", "期", "起", "止", "党支部", "班级", "辅导员", "应报送",
                                       "报送时间", "阅读对象", "记录链头", "记录数"}
            : std::vector<std::string>{"College", "Semester", "Period", "From", "To", "Branch", "Class", "Counselor",
                                       "Due", "Submitted", "For", "Chain head", "Records"},
          {Align::left, Align::left, Align::right, Align::left, Align::left, Align::left, Align::left, Align::left,
           Align::left, Align::left, Align::left, Align::left, Align::right},
          {}};
  const std::string semester = f.period.semester_name.empty() ? f.period.semester_id : f.period.semester_name;
  const std::string counselor =
      f.counselor_id.empty() ? std::string()
                             : fmt::format(fmt::runtime(z ? "{}（{}）" : "{} ({})"), f.counselor_name, f.counselor_id);
  t.rows.push_back({f.college, semester, std::to_string(f.period.number), report_date(f.period.first_day, language),
                    report_date(f.period.last_day, language), f.branch, f.class_name, counselor,
                    report_date(f.period.form_due, language), report_date(f.reported_on, language),
                    audience_note(f.audience, f.sensitive, f.phones_in_full, language), f.chain.head,
                    std::to_string(f.chain.records)});
  return t;
}

// The member's id and name in front of every row (--all puts every form in one workbook).
Table with_member(Table t, const FeedbackForm& f, Language language) {
  const bool z = zh(language);
  t.header.insert(t.header.begin(), {z ? "党员学号" : "Member id", z ? "党员姓名" : "Member"});
  t.align.insert(t.align.begin(), {Align::left, Align::left});
  for (auto& row : t.rows) row.insert(row.begin(), {f.member_id, f.member_name});
  return t;
}

std::string footer(const records::ChainHead& chain, Language language) {
  const bool z = zh(language);
  const std::string head = chain.head.empty() ? (z ? "（无记录）" : "(no records)") : "`" + chain.head + "`";
  return z ? fmt::format("记录链头 {}（共 {} 条记录）\n", head, chain.records)
           : fmt::format("Records' chain head {} ({} records)\n", head, chain.records);
}

}  // namespace

std::string render_feedback_markdown(const FeedbackForm& f, Language language) {
  const bool z = zh(language);
  std::string out = header_lines(f, language);
  out += render_markdown(contact_table(f, language));
  if (f.contacts.empty()) out += z ? "\n本期没有联系记录。\n" : "\nNo contact was recorded in this period.\n";
  out += z ? "\n## 本期要求\n\n" : "\n## Required this period\n\n";
  if (f.required.empty()) {
    out += z ? "本期没有要求完成的事项。\n" : "Nothing was required of this member in this period.\n";
  } else {
    out += render_markdown(requirement_table(f, language));
  }
  out += z ? "\n## 尚缺\n\n" : "\n## Missing\n\n";
  for (const auto& g : f.missing) out += "- " + escape_markdown_cell(gap_line(g, language)) + "\n";
  if (!f.hidden_attention_gaps.zero()) {
    out += z ? fmt::format("- 重点关注学生谈心：缺 {} 项（姓名不显示）\n", f.hidden_attention_gaps.text())
             : fmt::format("- attention talks: {} missing (names not shown)\n", f.hidden_attention_gaps.text());
  }
  if (f.missing.empty() && f.hidden_attention_gaps.zero()) out += z ? "无。\n" : "Nothing.\n";
  out += "\n---\n\n" + footer(f.chain, language);
  if (z) {
    out +=
        "\n各位党员同志要按时上报反馈表给所在党支部书记，要突出党员深入寝室联系学生的工作进展及成效，"
        "要求内容客观翔实、全面准确、简明扼要。\n";
  }
  return visible_document(out);
}

Workbook feedback_workbook(const FeedbackForm& f, Language language) {
  const bool z = zh(language);
  return {{"contacts", z ? "反馈表" : "Contacts", with_member(contact_table(f, language), f, language)},
          {"required", z ? "本期要求" : "Required", with_member(requirement_table(f, language), f, language)},
          {"missing", z ? "尚缺" : "Missing", with_member(missing_table(f, language), f, language)},
          {"form", z ? "表头" : "Form", with_member(form_table(f, language), f, language)}};
}

// ---- JSON ----

namespace {

std::string q(std::string_view s) { return "\"" + json_escape(s) + "\""; }
std::string q_or_null(std::string_view s) { return s.empty() ? "null" : q(s); }

std::string json_student(const FormStudent& s) {
  std::string out = fmt::format("{{\"id\": {}, \"name\": {}", q(s.id), q(s.name));
  if (!s.phone.empty()) out += fmt::format(", \"phone\": {}", q(s.phone));
  if (!s.attention.empty()) {
    std::vector<std::string> keys;
    for (auto a : s.attention) keys.push_back(q(key(a)));
    out += fmt::format(", \"attention\": [{}]", fmt::join(keys, ", "));
  }
  return out + "}";
}

std::string json_incident(const records::EffectiveRecord& r) {
  if (r.kind != "incident") return "null";
  return fmt::format("{{\"category\": {}, \"severity\": {}, \"reported_to\": {}, \"reported_at\": {}}}",
                     q(r.incident_category), q_or_null(r.severity), q_or_null(r.reported_to), q_or_null(r.reported_at));
}

std::string json_contact(const FormContact& c) {
  const auto& r = c.record;
  std::string students = "null";
  if (c.students_named) {
    std::vector<std::string> items;
    for (const auto& s : c.students) items.push_back(json_student(s));
    students = fmt::format("[{}]", fmt::join(items, ", "));
  }
  return fmt::format(
      "{{\"record\": {}, \"kind\": {}, \"dorm\": {}, \"at\": {}, \"entered_at\": {}, \"channel\": {}, "
      "\"student_count\": {}, \"students\": {}, \"progress\": {}, \"note\": {}, \"details\": {}, \"purged\": {}, "
      "\"corrects\": {}, \"reason\": {}, \"off_assignment\": {}, \"incident\": {}}}",
      r.id, q(r.kind), q_or_null(r.dorm), q(r.happened_at), q(r.entered_at), q_or_null(r.channel), c.student_count,
      students, q(r.progress), q(r.note), q(r.details), r.purged ? "true" : "false",
      r.corrects ? std::to_string(*r.corrects) : "null", q(r.reason), r.off_assignment ? "true" : "false",
      json_incident(r));
}

std::string json_requirement(const FormRequirement& r) {
  return fmt::format(
      "{{\"rule\": {}, \"status\": {}, \"dorm\": {}, \"period\": {}, \"record\": {}, \"from\": {}, \"to\": {}, "
      "\"due\": {}, \"expected\": {}, \"found\": {}, \"late\": {}}}",
      q(check::to_string(r.rule)), q(check::to_string(r.status)), q_or_null(r.dorm), r.period,
      r.record == 0 ? "null" : std::to_string(r.record), q(format_date(r.from)), q(format_date(r.to)),
      q(format_date(r.due)), r.expected, r.found, r.late);
}

std::string json_gap(const FormGap& g) {
  return fmt::format(
      "{{\"rule\": {}, \"status\": {}, \"dorm\": {}, \"student\": {}, \"period\": {}, \"record\": {}, \"from\": {}, "
      "\"to\": {}, \"due\": {}, \"expected\": {}, \"found\": {}}}",
      q(check::to_string(g.rule)), q(check::to_string(g.status)), q_or_null(g.dorm), q_or_null(g.student), g.period,
      g.record == 0 ? "null" : std::to_string(g.record), q(format_date(g.from)), q(format_date(g.to)),
      q(format_date(g.due)), g.expected, g.found);
}

template <typename T, typename F>
std::string json_list(const std::vector<T>& items, F each) {
  if (items.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < items.size(); ++i) out += "    " + each(items[i]) + (i + 1 < items.size() ? ",\n" : "\n");
  return out + "  ]";
}

}  // namespace

std::string json_period(const ReportPeriod& p) {
  return fmt::format(
      "{{\"number\": {}, \"weeks\": [{}, {}], \"from\": {}, \"to\": {}, \"form_due\": {}, "
      "\"summary_due\": {}}}",
      p.number, p.first_week, p.last_week, q(format_date(p.first_day)), q(format_date(p.last_day)),
      q(format_date(p.form_due)), q(format_date(p.summary_due)));
}

std::string render_feedback_json(const FeedbackForm& f) {
  std::string out = "{\n  \"kind\": \"feedback\",\n";
  out += fmt::format("  \"college\": {},\n", q(f.college));
  out += fmt::format("  \"semester\": {{\"id\": {}, \"name\": {}}},\n", q(f.period.semester_id),
                     q(f.period.semester_name));
  out += fmt::format("  \"period\": {},\n", json_period(f.period));
  out += fmt::format("  \"reported_on\": {},\n", q(format_date(f.reported_on)));
  out += fmt::format("  \"member\": {{\"id\": {}, \"name\": {}, \"class\": {}, \"branch\": {}}},\n", q(f.member_id),
                     q(f.member_name), q(f.class_name), q(f.branch));
  out += fmt::format("  \"counselor\": {},\n",
                     f.counselor_id.empty()
                         ? "null"
                         : fmt::format("{{\"id\": {}, \"name\": {}}}", q(f.counselor_id), q(f.counselor_name)));
  out += fmt::format("  \"audience\": {},\n  \"sensitive\": {},\n", q(to_string(f.audience)),
                     f.sensitive ? "true" : "false");
  out += fmt::format("  \"contacts\": {},\n", json_list(f.contacts, json_contact));
  out += fmt::format("  \"required\": {},\n", json_list(f.required, json_requirement));
  out += fmt::format("  \"missing\": {},\n", json_list(f.missing, json_gap));
  out += fmt::format("  \"hidden_attention_gaps\": {},\n", f.hidden_attention_gaps.json());
  out += fmt::format("  \"chain\": {{\"head\": {}, \"records\": {}}}\n}}\n", q_or_null(f.chain.head), f.chain.records);
  return out;
}

// ---- redaction after a purge ----

namespace {

// Replaces `needle` within text[from, to); returns where the span ends now.
std::size_t replace_within(std::string& text, std::size_t from, std::size_t to, std::string_view needle,
                           std::string_view replacement) {
  for (auto at = text.find(needle, from); at != std::string::npos && at + needle.size() <= to;
       at = text.find(needle, at + replacement.size())) {
    text.replace(at, needle.size(), replacement);
    to = to + replacement.size() - needle.size();
  }
  return to;
}

// The spans of a document that show record `id`: its JSON object up to "corrects" (the text
// fields come before it), or the Markdown table rows whose last cell ends "记录 #id" (every
// row's 说明 does: note_cell).
std::vector<std::pair<std::size_t, std::size_t>> record_spans(std::string_view document, bool json, std::int64_t id) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  if (json) {
    const std::string start = fmt::format("{{\"record\": {}, ", id);
    for (auto at = document.find(start); at != std::string_view::npos; at = document.find(start, at + 1)) {
      const auto end = document.find("\"corrects\": ", at);
      if (end != std::string_view::npos) spans.emplace_back(at, end);
    }
    return spans;
  }
  // note_cell's last part, after a space or "；"/"; ".
  const std::string zh_end = escape_markdown_cell(fmt::format("记录 #{}", id)) + " |";
  const std::string en_end = escape_markdown_cell(fmt::format("record #{}", id)) + " |";
  for (std::size_t line = 0; line < document.size();) {
    auto end = document.find('\n', line);
    if (end == std::string_view::npos) end = document.size();
    const auto text = document.substr(line, end - line);
    if (text.starts_with("| ") && (text.ends_with(zh_end) || text.ends_with(en_end))) spans.emplace_back(line, end);
    line = end + 1;
  }
  return spans;
}

}  // namespace

std::string redact_contact(std::string_view document, bool json, const records::EffectiveRecord& before,
                           std::string_view marker) {
  std::string out(document);
  const auto spans = record_spans(document, json, before.id);
  const std::string mark = json ? q(marker) : escape_markdown_cell(marker);
  // Later spans first, so that earlier offsets stay valid.
  for (auto span = spans.rbegin(); span != spans.rend(); ++span) {
    auto end = span->second;
    for (const auto* text : {&before.progress, &before.note, &before.details}) {
      if (text->empty()) continue;
      end = replace_within(out, span->first, end, json ? q(*text) : escape_markdown_cell(*text), mark);
    }
  }
  return out;
}

}  // namespace dormlink::report
