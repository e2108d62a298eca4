// The feedback form (反馈表) as the attachment lays it out: Markdown and the sheets for CSV and
// Excel (docs/reports.md). Every wording is in feedback_labels.hpp.
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "dormlink/records/record.hpp"
#include "dormlink/report/check_report.hpp"
#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/table.hpp"
#include "feedback_labels.hpp"

namespace dormlink::report {
namespace {

using check::Rule;
using check::Status;

const FeedbackLabels& l = kFeedbackLabels;

// ---- labels of keys ----

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
  if (key == "low") return l.severity_low(language);
  if (key == "medium") return l.severity_medium(language);
  if (key == "high") return l.severity_high(language);
  return key;
}

// A label of model.hpp (staff roles, attention categories) in the language.
template <typename T>
std::string model_label(T value, Language language) {
  if (zh(language)) return std::string(label_zh(value));
  return std::string(label_en(value));
}

std::string role_label(const std::string& key, Language language) {
  const auto role = staff_role_from_key(key);
  return role ? model_label(*role, language) : key;
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

// ---- the cells of a row ----

// "张三 138****0011〔重点关注：家庭经济困难〕"
std::string student_text(const FormStudent& s, Language language) {
  std::string out = s.name;
  if (!s.phone.empty()) out += " " + s.phone;
  if (!s.attention.empty()) {
    std::vector<std::string> labels;
    for (auto a : s.attention) labels.push_back(model_label(a, language));
    out += worded(l.attention, language, joined(labels, l.list_separator(language)));
  }
  return out;
}

// 联系学生姓名及方式: the students, then the kind of contact and its channel in brackets, as
// log-visit --from-csv reads it ("张三、李四（谈心，当面）").
std::string students_cell(const FormContact& c, Language language) {
  std::string who;
  if (!c.students_named) {
    if (c.student_count > 0) who = worded(l.student_count, language, c.student_count);
  } else {
    std::vector<std::string> names;
    for (const auto& s : c.students) names.push_back(student_text(s, language));
    who = joined(names, l.list_separator(language));
  }
  std::vector<std::string> how{kind_label(c.record.kind, language)};
  // An excused week was not a contact: no channel, whatever the record carries.
  if (!c.record.channel.empty() && c.record.kind != "excused") how.push_back(channel_label(c.record.channel, language));
  const std::string way = joined(how, l.how_separator(language));
  return who.empty() ? worded(l.how_only, language, way) : worded(l.who_and_how, language, who, way);
}

std::string progress_cell(const records::EffectiveRecord& r, Language language) {
  if (r.purged) return l.purged(language);
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
  std::string out = worded(l.incident, language, incident_label(r.incident_category, language));
  if (!r.severity.empty()) out += worded(l.severity, language, severity_label(r.severity, language));
  if (r.reported_at.empty()) return out + l.not_reported(language);
  const std::string to = r.reported_to.empty() ? l.reported_to_nobody(language) : role_label(r.reported_to, language);
  return out + worded(l.reported, language, report_time(r.reported_at, language), to);
}

// 说明: the member's note, then what the record says about itself.
std::string note_cell(const records::EffectiveRecord& r, Language language) {
  std::vector<std::string> parts;
  if (!r.purged) parts.push_back(r.note);
  if (r.corrects) parts.push_back(worded(l.corrected, language, *r.corrects, r.reason));
  if (r.off_assignment && !r.corrects) parts.push_back(worded(l.off_assignment, language, r.reason));
  if (r.kind == "excused" && !r.corrects) parts.push_back(worded(l.excused, language, r.reason));
  if (r.kind == "incident") parts.push_back(incident_note(r, language));
  if (entered_late(r)) parts.push_back(worded(l.entered_late, language, report_time(r.entered_at, language)));
  parts.push_back(worded(l.record, language, r.id));
  return joined(parts, l.note_separator(language));
}

std::string dorm_cell(const records::EffectiveRecord& r, Language language) {
  if (!r.dorm.empty()) return r.dorm;
  return l.all_dorms(language);
}

// ---- what was required, what is missing ----

// The window of an obligation as staff say it.
std::string window_label(const FormRequirement& r, Language language) {
  const bool one_week = to_days(r.to) - to_days(r.from) == std::chrono::days{6};
  switch (r.rule) {
    case Rule::visits:
    case Rule::talks:
    case Rule::attention_talks:
      if (one_week) return worded(l.week, language, r.period);
      break;
    case Rule::feedback_form:
      return worded(l.period, language, r.period);
    case Rule::incident_report:
      return worded(l.incident_found, language, r.record, report_date(r.from, language));
    case Rule::activity:
    case Rule::symposium:
    case Rule::work_plan:
    case Rule::member_summary:
      return l.semester(language);
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
  Table t{header_row(l.required_columns, language),
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
  std::string what = rule_label(g.rule, language);
  if (!g.student.empty()) what += worded(l.gap_student, language, g.student);
  const std::string where = joined({g.dorm, window_label(as_requirement(g), language)}, " ");
  return worded(l.gap, language, where, what, g.expected, g.found, status_label(g.status, language),
                report_date(g.due, language));
}

// The missing items as a table (CSV and Excel), the hidden attention gaps as one line.
Table missing_table(const FeedbackForm& f, Language language) {
  Table t{header_row(l.missing_columns, language),
          {Align::left, Align::left, Align::left, Align::left, Align::right, Align::right, Align::left, Align::left},
          {}};
  for (const auto& g : f.missing) {
    t.rows.push_back({rule_label(g.rule, language), g.dorm, window_label(as_requirement(g), language), g.student,
                      std::to_string(g.expected), std::to_string(g.found), status_label(g.status, language),
                      report_date(g.due, language)});
  }
  if (!f.hidden_attention_gaps.zero()) {
    t.rows.push_back({rule_label(Rule::attention_talks, language), "", "", l.names_not_shown(language),
                      f.hidden_attention_gaps.text(), "", "", ""});
  }
  return t;
}

// ---- the form ----

std::string header_lines(const FeedbackForm& f, Language language) {
  const auto e = [](const std::string& s) { return escape_markdown_cell(s); };
  std::string out = l.title(language);
  out += worded(l.member_line, language, e(f.member_name), e(f.member_id), report_date(f.reported_on, language));
  const std::string semester = f.period.semester_name.empty() ? f.period.semester_id : f.period.semester_name;
  const std::string counselor = f.counselor_id.empty()
                                    ? std::string(l.no_counselor(language))
                                    : worded(l.name_and_id, language, e(f.counselor_name), e(f.counselor_id));
  out += worded(l.college_line, language, e(f.college), e(semester), period_title(f.period, language));
  out += worded(l.branch_line, language, e(f.branch), e(f.class_name), counselor);
  out += worded(l.due_line, language, report_date(f.period.form_due, language));
  out += worded(l.hand_in_line, language, escape_markdown_cell(hand_in_text(f.hand_in, language, f.hand_in_reason)));
  out += worded(l.for_line, language, audience_note(f.audience, f.sensitive, f.phones_in_full, language));
  return out;
}

Table contact_table(const FeedbackForm& f, Language language) {
  Table t{header_row(l.contact_columns, language), std::vector<Align>(5, Align::left), {}};
  for (const auto& c : f.contacts) {
    t.rows.push_back({dorm_cell(c.record, language), report_time(c.record.happened_at, language),
                      students_cell(c, language), progress_cell(c.record, language), note_cell(c.record, language)});
  }
  return t;
}

// The header of the form as one row.
Table form_table(const FeedbackForm& f, Language language) {
  Table t{header_row(l.form_columns, language),
          {Align::left, Align::left, Align::right, Align::left, Align::left, Align::left, Align::left, Align::left,
           Align::left, Align::left, Align::left, Align::left, Align::right},
          {}};
  const std::string semester = f.period.semester_name.empty() ? f.period.semester_id : f.period.semester_name;
  const std::string counselor =
      f.counselor_id.empty() ? std::string() : worded(l.name_and_id, language, f.counselor_name, f.counselor_id);
  t.rows.push_back({f.college, semester, std::to_string(f.period.number), report_date(f.period.first_day, language),
                    report_date(f.period.last_day, language), f.branch, f.class_name, counselor,
                    report_date(f.period.form_due, language), report_date(f.reported_on, language),
                    audience_note(f.audience, f.sensitive, f.phones_in_full, language), f.chain.head,
                    std::to_string(f.chain.records)});
  return t;
}

// The member's id and name in front of every row (--all puts every form in one workbook).
Table with_member(Table t, const FeedbackForm& f, Language language) {
  const auto member = header_row(l.member_columns, language);
  t.header.insert(t.header.begin(), member.begin(), member.end());
  t.align.insert(t.align.begin(), {Align::left, Align::left});
  for (auto& row : t.rows) row.insert(row.begin(), {f.member_id, f.member_name});
  return t;
}

std::string footer(const records::ChainHead& chain, Language language) {
  const std::string head = chain.head.empty() ? std::string(l.no_records(language)) : "`" + chain.head + "`";
  return worded(l.chain, language, head, chain.records);
}

}  // namespace

std::string render_feedback_markdown(const FeedbackForm& f, Language language) {
  std::string out = header_lines(f, language);
  out += render_markdown(contact_table(f, language));
  if (f.contacts.empty()) out += l.no_contacts(language);
  out += l.required_heading(language);
  out +=
      f.required.empty() ? std::string(l.nothing_required(language)) : render_markdown(requirement_table(f, language));
  out += l.missing_heading(language);
  for (const auto& g : f.missing) out += "- " + escape_markdown_cell(gap_line(g, language)) + "\n";
  if (!f.hidden_attention_gaps.zero()) out += worded(l.hidden_gaps, language, f.hidden_attention_gaps.text());
  if (f.missing.empty() && f.hidden_attention_gaps.zero()) out += l.nothing_missing(language);
  out += cultivation_form_markdown(f.cultivation, language);
  out += form_cases_markdown(f.cases, language);
  out += "\n---\n\n" + footer(f.chain, language);
  out += l.closing(language);
  return visible_document(out);
}

Workbook feedback_workbook(const FeedbackForm& f, Language language) {
  return {{"contacts", l.contacts_sheet(language), with_member(contact_table(f, language), f, language)},
          {"required", l.required_sheet(language), with_member(requirement_table(f, language), f, language)},
          {"missing", l.missing_sheet(language), with_member(missing_table(f, language), f, language)},
          {"form", l.form_sheet(language), with_member(form_table(f, language), f, language)},
          cultivation_form_sheet(f.cultivation, f.member_name, language),
          form_cases_sheet(f.cases, f.member_id, f.member_name, language)};
}

}  // namespace dormlink::report
