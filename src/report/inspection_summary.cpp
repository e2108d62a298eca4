// `dormlink report inspection` (docs/reports.md "inspection"): samples, findings, rates.
#include "dormlink/report/inspection_summary.hpp"

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/report/words.hpp"
#include "inspection_words.hpp"

namespace dormlink::report {

namespace {

// Every piece of wording of the inspection summary. Format strings take their arguments in the
// order of the fmt::format call.
constexpr struct InspectionLabels {
  Words title{"# {}检查情况\n\n", "# Inspection · {}\n\n"};
  Words semester_line{"- 学期：{}（{}）\n", "- Semester: {} ({})\n"};
  Words as_of_line{"- 截至：{}\n", "- As of: {}\n"};
  Words branch_line{"- 党支部：{}\n", "- Branch: {}\n"};
  // Samples, findings, contradicted: the plural "s" of English is the second and fourth argument.
  Words counts_line{"- 抽查 {0} 次，检查结果 {2} 条，不属实 {4} 条\n",
                    "- {0} sample{1}, {2} finding{3}, {4} contradicted\n"};
  Words plural{"", "s"};
  Words samples_heading{"\n## 抽查\n\n", "\n## Samples\n\n"};
  Words no_sample{"本学期没有抽查。\n", "No sample was drawn this semester.\n"};
  Words findings_heading{"\n## 检查结果\n\n", "\n## Findings\n\n"};
  Words no_finding{"本学期没有检查结果。\n", "No finding was recorded this semester.\n"};
  Words rates_heading{"\n## 不属实率\n\n", "\n## Discrepancy rates\n\n"};
  Words no_rate{"没有党员被检查。\n", "No member was inspected.\n"};
  Words flagged_line{"\n标记存疑的记录：{}\n", "\nflagged records: {}\n"};
  Words list{"、", ", "};
  Words samples_columns[7]{{"抽查", "sample"}, {"日期", "as of"}, {"抽取时间", "drawn at"}, {"抽取人", "drawn by"},
                           {"种子", "seed"},   {"人数", "size"},  {"抽中", "drawn"}};
  Words findings_columns[7]{{"编号", "finding"},       {"抽查", "sample"},      {"党员", "member"}, {"寝室", "dorm"},
                            {"检查日期", "inspected"}, {"检查人", "inspector"}, {"记录", "record"}};
  Words student{"学生", "student"};
  Words verdict{"结论", "verdict"};
  Words note{"备注", "note"};
  Words contradicted{"不属实", "contradicted"};
  Words confirmed{"属实", "confirmed"};
  Words rates_columns[6]{{"党员", "member"},         {"学号", "id"},           {"党支部", "branch"},
                         {"不属实", "contradicted"}, {"检查结果", "findings"}, {"不属实率", "rate"}};
  Words flagged_column{"标记存疑的记录", "flagged record"};
  Words samples_sheet{"抽查", "Samples"};
  Words findings_sheet{"检查结果", "Findings"};
  Words rates_sheet{"不属实率", "Discrepancy rates"};
  Words flagged_sheet{"标记存疑的记录", "Flagged records"};
  Words observations_heading{"\n## 无记录的检查发现\n\n", "\n## Findings without a record\n\n"};
  Words no_observation{"本学期没有无记录的检查发现。\n", "No finding without a record this semester.\n"};
  Words observations_columns[7]{{"编号", "finding"},    {"抽查", "sample"}, {"发现", "found"},
                                {"寝室", "dorm"},       {"党员", "member"}, {"检查日期", "inspected"},
                                {"检查人", "inspector"}};
  Words category{"突发事件", "incident"};
  Words reported{"报告情况", "reported"};
  Words contradicts{"与之矛盾的记录", "records contradicted"};
  Words observations_sheet{"无记录的检查发现", "Findings without a record"};
} kLabels;

bool shows_people(const Privacy& p) { return p.audience != Audience::committee; }
std::string opt_id(const std::optional<std::int64_t>& id) { return id ? std::to_string(*id) : "—"; }
// "王欣心 T2016002" for a staff id with a name; the stored text itself otherwise.
std::string who(const std::string& id, const std::string& name) { return name.empty() ? id : name + " " + id; }

Table samples_table(const InspectionSummary& s, Language language) {
  Table t{pick(kLabels.samples_columns, language),
          {Align::left, Align::left, Align::left, Align::left, Align::right, Align::right, Align::left},
          {}};
  for (const auto& x : s.samples) {
    std::string items;
    for (std::size_t i = 0; i < x.items.size(); ++i) items += (i ? "；" : "") + x.items[i];
    t.rows.push_back(
        {std::to_string(x.id), x.as_of, x.drawn_at, x.drawn_by, std::to_string(x.seed), std::to_string(x.size), items});
  }
  return t;
}

Table findings_table(const InspectionSummary& s, Language language) {
  Table t{pick(kLabels.findings_columns, language), std::vector<Align>(7, Align::left), {}};
  const bool people = shows_people(s.privacy);
  if (people) t.header.push_back(kLabels.student(language));
  t.header.push_back(kLabels.verdict(language));
  if (people) t.header.push_back(kLabels.note(language));
  t.align.resize(t.header.size(), Align::left);
  for (const auto& f : s.findings) {
    std::vector<std::string> row{std::to_string(f.id),
                                 opt_id(f.sample_id),
                                 f.member_name + " " + f.member_id,
                                 f.dorm,
                                 f.inspected_on,
                                 who(f.inspector, f.inspector_name),
                                 f.record_id ? fmt::format("#{}", *f.record_id) : "—"};
    if (people) row.push_back(f.student.empty() ? "—" : f.student);
    row.push_back(f.contradicted ? kLabels.contradicted(language) : kLabels.confirmed(language));
    if (people) row.push_back(f.note);
    t.rows.push_back(std::move(row));
  }
  return t;
}

// Findings without a record: what was found, whose dorm, the incident and whether a record
// reported it, the records a no_contact finding contradicts by week; the committee sees neither
// the student, nor the note, nor the incident (one dorm's incident of a category is a count
// below privacy.small_count_threshold).
Table observations_table(const InspectionSummary& s, Language language) {
  const auto& l = kLabels;
  Table t{pick(l.observations_columns, language), std::vector<Align>(7, Align::left), {}};
  const bool people = shows_people(s.privacy);
  if (people) t.header.push_back(l.student(language));
  for (const auto& column : {l.category, l.reported, l.contradicts}) t.header.push_back(column(language));
  if (people) t.header.push_back(l.note(language));
  t.align.resize(t.header.size(), Align::left);
  for (const auto& x : s.observations) {
    const auto& o = x.observation;
    std::vector<std::string> row{std::to_string(o.id),
                                 opt_id(o.sample_id),
                                 finding_label(o.finding, language),
                                 o.dorm,
                                 o.member_id ? x.member_name + " " + *o.member_id : "—",
                                 o.inspected_on,
                                 who(o.inspector_id, x.inspector_name)};
    if (people) row.push_back(x.student.empty() ? "—" : x.student);
    const bool incident = people && o.category;
    row.push_back(incident ? incident_category_label(*o.category, language) : "—");
    row.push_back(incident ? report_status(o, language) : "—");
    row.push_back(o.finding == inspect::Finding::no_contact ? weeks_text(o.weeks, language) : "—");
    if (people) row.push_back(o.note);
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table rates_table(const InspectionSummary& s, Language language) {
  Table t{pick(kLabels.rates_columns, language),
          {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right},
          {}};
  for (const auto& r : s.rates)
    t.rows.push_back({r.member_name, r.member_id, r.branch, std::to_string(r.contradicted), std::to_string(r.total),
                      rate_text(r.contradicted, r.total)});
  return t;
}

Table flagged_table(const InspectionSummary& s, Language language) {
  Table t{{kLabels.flagged_column(language)}, {Align::right}, {}};
  for (auto id : s.flagged) t.rows.push_back({std::to_string(id)});
  return t;
}

// The heading and the lines under it.
std::string inspection_header(const InspectionSummary& s, Language language) {
  const auto& l = kLabels;
  std::string out = fmt::format(pattern(l.title, language), s.semester_name);
  out += fmt::format(pattern(l.semester_line, language), s.semester_name, s.semester_id);
  out += fmt::format(pattern(l.as_of_line, language), report_date(s.as_of, language));
  if (!s.branch.empty()) out += fmt::format(pattern(l.branch_line, language), s.branch);
  int contradicted = 0;
  for (const auto& x : s.findings) contradicted += x.contradicted ? 1 : 0;
  const auto plural = [&](std::size_t n) { return n == 1 ? "" : l.plural(language); };
  out += fmt::format(pattern(l.counts_line, language), s.samples.size(), plural(s.samples.size()), s.findings.size(),
                     plural(s.findings.size()), contradicted);
  return out;
}

// A section: its heading, then the table, or the line that says there is nothing.
std::string section(Words heading, bool empty, Words nothing, const Table& table, Language language) {
  return heading(language) + (empty ? std::string(nothing(language)) : render_markdown(table));
}

// "rate": 0.5 -> "rate": 0.5000: the rates are printed with four decimals, as they always were
// (nlohmann prints the shortest form). A "rate" key with an unescaped quote is only ever a key.
std::string four_decimal_rates(std::string text) {
  static constexpr std::string_view key = "\"rate\": ";
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at)) {
    at += key.size();
    const auto end = text.find_first_of(",}", at);
    const std::string fixed = fmt::format("{:.4f}", std::stod(text.substr(at, end - at)));
    text.replace(at, end - at, fixed);
    at += fixed.size();
  }
  return text;
}

Json sample_json(const SummarySample& x) {
  return {{"id", x.id},     {"as_of", x.as_of}, {"drawn_at", x.drawn_at}, {"drawn_by", x.drawn_by},
          {"seed", x.seed}, {"size", x.size},   {"items", x.items}};
}

Json finding_json(const SummaryFinding& f, bool people) {
  const auto number = [](const std::optional<std::int64_t>& n) { return n ? Json(*n) : Json(); };
  return {{"id", f.id},
          {"sample", number(f.sample_id)},
          {"member_id", f.member_id},
          {"dorm", f.dorm},
          {"inspected_on", f.inspected_on},
          {"inspector", f.inspector},
          {"inspector_name", f.inspector_name.empty() ? Json() : Json(f.inspector_name)},
          {"record_id", number(f.record_id)},
          {"student", people && !f.student.empty() ? Json(f.student) : Json()},
          {"verdict", f.contradicted ? "contradicted" : "confirmed"},
          {"note", people ? Json(f.note) : Json()}};
}

Json observation_json(const SummaryObservation& x, bool people) {
  const auto& o = x.observation;
  const auto text = [](const std::optional<std::string>& t) { return t ? Json(*t) : Json(); };
  Json weeks = Json::array();
  for (const auto& w : o.weeks) weeks.push_back({{"week", w.week}, {"records", w.records}});
  return {{"id", o.id},
          {"sample", o.sample_id ? Json(*o.sample_id) : Json()},
          {"finding", std::string(inspect::key(o.finding))},
          {"dorm", o.dorm},
          {"member_id", text(o.member_id)},
          {"inspected_on", o.inspected_on},
          {"inspector", o.inspector_id},
          {"inspector_name", x.inspector_name.empty() ? Json() : Json(x.inspector_name)},
          {"student", people && !x.student.empty() ? Json(x.student) : Json()},
          {"category", people ? text(o.category) : Json()},
          {"reported_by", people && o.reported_by ? Json(*o.reported_by) : Json()},
          {"weeks", std::move(weeks)},
          {"note", people ? Json(o.note) : Json()}};
}

Json rate_json(const SummaryRate& r) {
  const double rate = r.total > 0 ? static_cast<double>(r.contradicted) / r.total : 0.0;
  return {{"member_id", r.member_id},       {"name", r.member_name}, {"branch", r.branch},
          {"contradicted", r.contradicted}, {"total", r.total},      {"rate", rate}};
}

}  // namespace

std::string rate_text(int contradicted, int total) {
  if (total <= 0) return "—";
  return fmt::format("{:.1f}%", 100.0 * contradicted / total);
}

std::string render_inspection_summary_markdown(const InspectionSummary& s, Language language) {
  const auto& l = kLabels;
  std::string out = inspection_header(s, language);
  out += section(l.samples_heading, s.samples.empty(), l.no_sample, samples_table(s, language), language);
  out += section(l.findings_heading, s.findings.empty(), l.no_finding, findings_table(s, language), language);
  out += section(l.observations_heading, s.observations.empty(), l.no_observation, observations_table(s, language),
                 language);
  out += section(l.rates_heading, s.rates.empty(), l.no_rate, rates_table(s, language), language);
  if (!s.flagged.empty()) {
    std::string ids;
    for (auto id : s.flagged) ids += (ids.empty() ? "" : l.list(language)) + fmt::format("#{}", id);
    out += fmt::format(pattern(l.flagged_line, language), ids);
  }
  return visible_document(out);
}

Workbook inspection_workbook(const InspectionSummary& s, Language language) {
  const auto& l = kLabels;
  return {{"samples", l.samples_sheet(language), samples_table(s, language)},
          {"findings", l.findings_sheet(language), findings_table(s, language)},
          {"rates", l.rates_sheet(language), rates_table(s, language)},
          {"flagged", l.flagged_sheet(language), flagged_table(s, language)},
          {"observations", l.observations_sheet(language), observations_table(s, language)}};
}

std::string render_inspection_summary_json(const InspectionSummary& s) {
  Json doc = Json::object();
  doc["semester"] = {{"id", s.semester_id}, {"name", s.semester_name}};
  doc["as_of"] = format_date(s.as_of);
  doc["branch"] = s.branch.empty() ? Json() : Json(s.branch);
  doc["audience"] = std::string(to_string(s.privacy.audience));
  doc["samples"] = Json::array();
  for (const auto& x : s.samples) doc["samples"].push_back(sample_json(x));
  doc["findings"] = Json::array();
  for (const auto& x : s.findings) doc["findings"].push_back(finding_json(x, shows_people(s.privacy)));
  doc["observations"] = Json::array();
  for (const auto& x : s.observations) doc["observations"].push_back(observation_json(x, shows_people(s.privacy)));
  doc["rates"] = Json::array();
  for (const auto& x : s.rates) doc["rates"].push_back(rate_json(x));
  // The flagged records on one line, as they always were (json_document would put a top-level
  // list one element per line): printed after the document's other keys.
  std::string out = four_decimal_rates(json_document(doc));
  out.resize(out.size() - 3);  // "\n}\n"
  return out + ",\n  \"flagged\": " + json_text(Json(s.flagged)) + "\n}\n";
}

}  // namespace dormlink::report
