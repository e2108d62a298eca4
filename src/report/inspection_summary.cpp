// `dormlink report inspection` (docs/reports.md "inspection"): samples, findings, rates.
#include "dormlink/report/inspection_summary.hpp"

#include <fmt/format.h>

#include "dormlink/report/feedback_report.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/table.hpp"

namespace dormlink::report {

namespace {

bool shows_people(const Privacy& p) { return p.audience != Audience::committee; }
std::string opt_id(const std::optional<std::int64_t>& id) { return id ? std::to_string(*id) : "—"; }

Table samples_table(const InspectionSummary& s, Language language) {
  const bool z = zh(language);
  Table t{{z ? "抽查" : "sample", z ? "日期" : "as of", z ? "抽取时间" : "drawn at", z ? "抽取人" : "drawn by",
           z ? "种子" : "seed", z ? "人数" : "size", z ? "抽中" : "drawn"},
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
  const bool z = zh(language);
  Table t{{z ? "编号" : "finding", z ? "抽查" : "sample", z ? "党员" : "member", z ? "寝室" : "dorm",
           z ? "检查日期" : "inspected", z ? "检查人" : "inspector", z ? "记录" : "record"},
          {Align::left, Align::left, Align::left, Align::left, Align::left, Align::left, Align::left},
          {}};
  if (shows_people(s.privacy)) {
    t.header.push_back(z ? "学生" : "student");
    t.align.push_back(Align::left);
  }
  t.header.push_back(z ? "结论" : "verdict");
  t.align.push_back(Align::left);
  if (shows_people(s.privacy)) {
    t.header.push_back(z ? "备注" : "note");
    t.align.push_back(Align::left);
  }
  for (const auto& f : s.findings) {
    std::vector<std::string> row{std::to_string(f.id),
                                 opt_id(f.sample_id),
                                 f.member_name + " " + f.member_id,
                                 f.dorm,
                                 f.inspected_on,
                                 f.inspector,
                                 f.record_id ? fmt::format("#{}", *f.record_id) : "—"};
    if (shows_people(s.privacy)) row.push_back(f.student.empty() ? "—" : f.student);
    row.push_back(f.contradicted ? (z ? "不属实" : "contradicted") : (z ? "属实" : "confirmed"));
    if (shows_people(s.privacy)) row.push_back(f.note);
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table rates_table(const InspectionSummary& s, Language language) {
  const bool z = zh(language);
  Table t{{z ? "党员" : "member", z ? "学号" : "id", z ? "党支部" : "branch", z ? "不属实" : "contradicted",
           z ? "检查结果" : "findings", z ? "不属实率" : "rate"},
          {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right},
          {}};
  for (const auto& r : s.rates)
    t.rows.push_back({r.member_name, r.member_id, r.branch, std::to_string(r.contradicted), std::to_string(r.total),
                      rate_text(r.contradicted, r.total)});
  return t;
}

Table flagged_table(const InspectionSummary& s, Language language) {
  Table t{{zh(language) ? "标记存疑的记录" : "flagged record"}, {Align::right}, {}};
  for (auto id : s.flagged) t.rows.push_back({std::to_string(id)});
  return t;
}

}  // namespace

std::string rate_text(int contradicted, int total) {
  if (total <= 0) return "—";
  return fmt::format("{:.1f}%", 100.0 * contradicted / total);
}

std::string render_inspection_summary_markdown(const InspectionSummary& s, Language language) {
  const bool z = zh(language);
  std::string out = z ? fmt::format("# {}检查情况\n\n- 学期：{}（{}）\n- 截至：{}\n", s.semester_name, s.semester_name,
                                    s.semester_id, report_date(s.as_of, language))
                      : fmt::format("# Inspection · {}\n\n- Semester: {} ({})\n- As of: {}\n", s.semester_name,
                                    s.semester_name, s.semester_id, format_date(s.as_of));
  if (!s.branch.empty()) out += z ? fmt::format("- 党支部：{}\n", s.branch) : fmt::format("- Branch: {}\n", s.branch);
  out += z ? fmt::format("- 抽查 {} 次，检查结果 {} 条，不属实 {} 条\n", s.samples.size(), s.findings.size(),
                         [&] {
                           int n = 0;
                           for (const auto& f : s.findings) n += f.contradicted ? 1 : 0;
                           return n;
                         }())
           : fmt::format("- {} sample{}, {} finding{}, {} contradicted\n", s.samples.size(),
                         s.samples.size() == 1 ? "" : "s", s.findings.size(), s.findings.size() == 1 ? "" : "s", [&] {
                           int n = 0;
                           for (const auto& f : s.findings) n += f.contradicted ? 1 : 0;
                           return n;
                         }());

  out += z ? "\n## 抽查\n\n" : "\n## Samples\n\n";
  if (s.samples.empty()) {
    out += z ? "本学期没有抽查。\n" : "No sample was drawn this semester.\n";
  } else {
    out += render_markdown(samples_table(s, language));
  }

  out += z ? "\n## 检查结果\n\n" : "\n## Findings\n\n";
  if (s.findings.empty()) {
    out += z ? "本学期没有检查结果。\n" : "No finding was recorded this semester.\n";
  } else {
    out += render_markdown(findings_table(s, language));
  }

  out += z ? "\n## 不属实率\n\n" : "\n## Discrepancy rates\n\n";
  if (s.rates.empty()) {
    out += z ? "没有党员被检查。\n" : "No member was inspected.\n";
  } else {
    out += render_markdown(rates_table(s, language));
  }
  if (!s.flagged.empty()) {
    std::vector<std::string> ids;
    for (auto id : s.flagged) ids.push_back(fmt::format("#{}", id));
    out += z ? fmt::format("\n标记存疑的记录：{}\n", fmt::join(ids, "、"))
             : fmt::format("\nflagged records: {}\n", fmt::join(ids, ", "));
  }
  return visible_document(out);
}

Workbook inspection_workbook(const InspectionSummary& s, Language language) {
  const bool z = zh(language);
  return {{"samples", z ? "抽查" : "Samples", samples_table(s, language)},
          {"findings", z ? "检查结果" : "Findings", findings_table(s, language)},
          {"rates", z ? "不属实率" : "Discrepancy rates", rates_table(s, language)},
          {"flagged", z ? "标记存疑的记录" : "Flagged records", flagged_table(s, language)}};
}

std::string render_inspection_summary_json(const InspectionSummary& s) {
  const auto q = [](const std::string& x) { return "\"" + json_escape(x) + "\""; };
  const auto n = [](const std::optional<std::int64_t>& x) { return x ? std::to_string(*x) : std::string("null"); };
  std::string out = "{\n";
  out += fmt::format("  \"semester\": {{\"id\": {}, \"name\": {}}},\n", q(s.semester_id), q(s.semester_name));
  out += fmt::format("  \"as_of\": \"{}\",\n  \"branch\": {},\n  \"audience\": \"{}\",\n", format_date(s.as_of),
                     s.branch.empty() ? "null" : q(s.branch), to_string(s.privacy.audience));
  out += "  \"samples\": [";
  for (std::size_t i = 0; i < s.samples.size(); ++i) {
    const auto& x = s.samples[i];
    std::vector<std::string> items;
    for (const auto& it : x.items) items.push_back(q(it));
    out += fmt::format(
        "{}\n    {{\"id\": {}, \"as_of\": {}, \"drawn_at\": {}, \"drawn_by\": {}, \"seed\": {}, "
        "\"size\": {}, \"items\": [{}]}}",
        i ? "," : "", x.id, q(x.as_of), q(x.drawn_at), q(x.drawn_by), x.seed, x.size, fmt::join(items, ", "));
  }
  out += s.samples.empty() ? "],\n" : "\n  ],\n";
  out += "  \"findings\": [";
  for (std::size_t i = 0; i < s.findings.size(); ++i) {
    const auto& f = s.findings[i];
    const bool people = shows_people(s.privacy);
    out += fmt::format(
        "{}\n    {{\"id\": {}, \"sample\": {}, \"member_id\": {}, \"dorm\": {}, \"inspected_on\": {}, "
        "\"inspector\": {}, \"record_id\": {}, \"student\": {}, \"verdict\": \"{}\", \"note\": {}}}",
        i ? "," : "", f.id, n(f.sample_id), q(f.member_id), q(f.dorm), q(f.inspected_on), q(f.inspector),
        n(f.record_id), people && !f.student.empty() ? q(f.student) : "null",
        f.contradicted ? "contradicted" : "confirmed", people ? q(f.note) : "null");
  }
  out += s.findings.empty() ? "],\n" : "\n  ],\n";
  out += "  \"rates\": [";
  for (std::size_t i = 0; i < s.rates.size(); ++i) {
    const auto& r = s.rates[i];
    out += fmt::format(
        "{}\n    {{\"member_id\": {}, \"name\": {}, \"branch\": {}, \"contradicted\": {}, \"total\": {}, "
        "\"rate\": {:.4f}}}",
        i ? "," : "", q(r.member_id), q(r.member_name), q(r.branch), r.contradicted, r.total,
        r.total > 0 ? static_cast<double>(r.contradicted) / r.total : 0.0);
  }
  out += s.rates.empty() ? "],\n" : "\n  ],\n";
  std::vector<std::string> flagged;
  for (auto id : s.flagged) flagged.push_back(std::to_string(id));
  out += fmt::format("  \"flagged\": [{}]\n}}\n", fmt::join(flagged, ", "));
  return out;
}

}  // namespace dormlink::report
