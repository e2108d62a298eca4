// The feedback form (学生党员联系寝室情况反馈表): built from the member's records and the
// obligations check::evaluate returned, privacy applied (docs/reports.md); the wording the form
// shares with the summary (dates, the period, the audience line); a submitted form's text
// redacted after a purge. Rendered by feedback_render.cpp (Markdown, sheets) and
// feedback_json.cpp.
#include "dormlink/report/feedback_report.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/util/pinyin.hpp"
#include "feedback_labels.hpp"

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
    case Rule::concern_ack:  // the form's cases section (feedback_cases.cpp) lists concerns
    case Rule::concern_open:
      return false;
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
  form.hand_in = in.hand_in;
  form.hand_in_reason = in.privacy.audience != Audience::committee;
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
  if (in.cultivation) form.cultivation = shown_cultivation(*in.cultivation, in.privacy);
  form.cases = form_cases(*in.check, *in.obligations, in.member, in.period, in.privacy);
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
  const auto& l = kFeedbackLabels;
  const bool one_week = p.first_week == p.last_week;
  const std::string weeks =
      one_week ? std::to_string(p.first_week) : worded(l.week_range, language, p.first_week, p.last_week);
  return worded(l.period_title, language, p.number, one_week ? "" : "s", weeks, report_date(p.first_day, language),
                report_date(p.last_day, language));
}

std::string audience_note(Audience audience, bool sensitive, bool phones_in_full, Language language) {
  const auto& l = kFeedbackLabels;
  const Words& what = audience == Audience::committee ? l.for_committee
                      : sensitive                     ? l.sensitive
                      : phones_in_full                ? l.phones_in_full
                                                      : l.phones_masked;
  return worded(l.audience, language, audience_label(audience, zh(language)), what(language));
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
// fields come before it: feedback_json.cpp), or the Markdown table rows whose last cell ends "记录 #id" (every
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
  const Words& record = kFeedbackLabels.record;
  const std::string zh_end = escape_markdown_cell(worded(record, Language::zh, id)) + " |";
  const std::string en_end = escape_markdown_cell(worded(record, Language::en, id)) + " |";
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
  const auto shown = [json](std::string_view text) {
    return json ? json_text(Json(std::string(text))) : escape_markdown_cell(text);
  };
  const std::string mark = shown(marker);
  // Later spans first, so that earlier offsets stay valid.
  for (auto span = spans.rbegin(); span != spans.rend(); ++span) {
    auto end = span->second;
    for (const auto* text : {&before.progress, &before.note, &before.details}) {
      if (text->empty()) continue;
      end = replace_within(out, span->first, end, shown(*text), mark);
    }
  }
  return out;
}

}  // namespace dormlink::report
