// The member's blank feedback form (report/blank_form.hpp): its content, decided once here —
// the renderers (render_blank_form_csv below, xlsx::render_blank_form) only lay it out.
#include "dormlink/report/blank_form.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "dormlink/error.hpp"
#include "dormlink/language.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/report/words.hpp"
#include "dormlink/util/pinyin.hpp"

namespace dormlink::report {
namespace {

// Why there is no form to make (docs/messages.md), in the message language.
namespace say {
inline constexpr Message no_assignment{
    "{} has no committed assignment in force during period {} ({} to {}); run `dormlink assign` first",
    "{0} 第{1}期（{2} 至 {3}）没有生效的已提交分配；请先运行 `dormlink assign`"};
inline constexpr Message holds_no_dorm{
    "{} ({}) holds no dorm in period {} of {} by the committed assignment; no form to fill",
    "按已提交的分配，{0}（{1}）在 {3} 第{2}期没有联系寝室；没有要填写的反馈表"};
}  // namespace say

// The form's words. Labels, columns and sheet names are the form's own Chinese whatever the
// language (a returned file is read by them); only the instructions follow --lang.
struct BlankFormLabels {
  const char* title = "学生党员联系寝室情况反馈表";
  const char* form_sheet = "反馈表";
  const char* residents_sheet = "寝室学生";
  const char* meta_sheet = "_dormlink";
  std::array<const char*, 8> fields{"党员姓名", "学号",     "党支部",   "学期",
                                    "报送期次", "期次编号", "表单编号", "报送时间"};
  std::array<const char*, 7> columns{"联系寝室名称", "时间", "联系学生姓名及方式", "工作进展及成效", "说明",
                                     "类型",         "方式"};
  std::array<const char*, 3> resident_columns{"寝室", "姓名", "手机"};
  const char* no_contact = "本期无联系";
  std::array<const char*, 2> yes_no{"是", "否"};
  // 报送期次: number, weeks, first day, last day.
  const char* period_value = "第{}期（第{}周，{} 至 {}）";
  const char* week_range = "{}–{}";
  // The instructions: the due day, then how to fill the table.
  Words instructions{
      "填写说明：每次联系填一行；时间写成“10月12日 19:30”；联系学生姓名从“寝室学生”表中选取，多人用“、”分隔，"
      "可在后面注明方式，如“张三、李四（谈心，当面）”；类型、方式从下拉列表中选择；本期没有联系时，"
      "在“本期无联系”右边选“是”；请勿修改表单编号。请于{}前报送辅导员和党支部书记。",
      "How to fill in: one row per contact; 时间 like 10月12日 19:30; names from the sheet 寝室学生, separated "
      "by 、, optionally followed by the manner, e.g. 张三、李四（谈心，当面）; pick 类型 and 方式 from the lists; "
      "with no contact this period, choose 是 next to 本期无联系; do not change 表单编号. Hand it to the "
      "counselor and the branch secretary by {}."};
};

const BlankFormLabels k_labels;

// The kinds a member records on the form, in the regulation's order (REQUIREMENTS §2).
constexpr std::array<records::Kind, 8> k_form_kinds{
    records::Kind::visit,       records::Kind::talk,      records::Kind::symposium,   records::Kind::activity,
    records::Kind::orientation, records::Kind::education, records::Kind::cultivation, records::Kind::incident};
constexpr std::array<records::Channel, 4> k_form_channels{records::Channel::in_person, records::Channel::phone,
                                                          records::Channel::wechat, records::Channel::other};

// 第3期（第5–6周，2026-10-05 至 2026-10-18）.
std::string period_value(const ReportPeriod& p) {
  const std::string weeks = p.first_week == p.last_week
                                ? fmt::format("{}", p.first_week)
                                : fmt::format(fmt::runtime(k_labels.week_range), p.first_week, p.last_week);
  return fmt::format(fmt::runtime(k_labels.period_value), p.number, weeks, format_date(p.first_day),
                     format_date(p.last_day));
}

std::vector<FormField> fields_of(const check::Person& member, const BlankFormInput& in) {
  const auto& p = in.period;
  const std::array<std::string, 8> values{member.name,     member.id,
                                          member.branch,   p.semester_name.empty() ? p.semester_id : p.semester_name,
                                          period_value(p), std::to_string(p.number),
                                          in.form_id,      ""};
  std::vector<FormField> fields;
  for (std::size_t i = 0; i < values.size(); ++i)
    fields.push_back({k_labels.fields[i], values[i], std::string_view(k_labels.fields[i]) == "期次编号"});
  return fields;
}

std::vector<std::vector<std::string>> lists_of(const std::vector<std::string>& dorms) {
  std::vector<std::vector<std::string>> lists(k_labels.columns.size());
  lists[0] = dorms;
  for (auto kind : k_form_kinds) lists[5].emplace_back(records::label_zh(kind));
  for (auto channel : k_form_channels) lists[6].emplace_back(records::label_zh(channel));
  return lists;
}

// The students living in the dorms on the roster's date, the member left out: dorm, name, masked
// phone, by dorm, then pinyin of the name, then id. A dorm without residents keeps a row.
std::vector<std::vector<std::string>> residents_of(const std::vector<std::string>& dorms,
                                                   const std::vector<roster::StudentRow>& students,
                                                   const std::string& member_id) {
  std::vector<const roster::StudentRow*> found;
  for (const auto& s : students) {
    if (s.student_id != member_id && std::binary_search(dorms.begin(), dorms.end(), s.facts.dorm)) found.push_back(&s);
  }
  std::sort(found.begin(), found.end(), [](const roster::StudentRow* a, const roster::StudentRow* b) {
    if (a->facts.dorm != b->facts.dorm) return a->facts.dorm < b->facts.dorm;
    const int c = util::compare_pinyin(a->facts.name, b->facts.name);
    return c != 0 ? c < 0 : a->student_id < b->student_id;
  });
  std::vector<std::vector<std::string>> rows;
  auto next = found.begin();
  for (const auto& dorm : dorms) {
    if (next == found.end() || (*next)->facts.dorm != dorm) rows.push_back({dorm, "", ""});
    for (; next != found.end() && (*next)->facts.dorm == dorm; ++next) {
      const auto& f = (*next)->facts;
      rows.push_back({dorm, f.name, f.phone.empty() ? std::string() : mask_phone(f.phone)});
    }
  }
  return rows;
}

// The assignment versions in force on some day of the period: the one in force on its first day
// (or the first, if it starts later) and those after it that begin by its last day.
std::vector<const check::AssignmentVersion*> versions_during(const check::CheckInput& input,
                                                             const ReportPeriod& period) {
  const auto& versions = input.assignments;
  std::size_t first = 0;
  for (std::size_t v = 0; v < versions.size(); ++v)
    if (to_days(versions[v].valid_from) <= to_days(period.first_day)) first = v;
  std::vector<const check::AssignmentVersion*> out;
  for (std::size_t v = first; v < versions.size() && to_days(versions[v].valid_from) <= to_days(period.last_day); ++v)
    out.push_back(&versions[v]);
  return out;
}

}  // namespace

void require_assignment(const check::CheckInput& input, const ReportPeriod& period) {
  if (!versions_during(input, period).empty()) return;
  throw NotFoundError(say::no_assignment(period.semester_id, period.number, format_date(period.first_day),
                                         format_date(period.last_day)));
}

std::vector<std::string> dorms_of_member(const check::CheckInput& input, int member, const ReportPeriod& period) {
  require_assignment(input, period);
  std::vector<std::string> dorms;
  for (const auto* version : versions_during(input, period)) {
    for (const auto& [dorm, who] : version->pairs)
      if (who == member) dorms.push_back(input.dorms[static_cast<std::size_t>(dorm)]);
  }
  const auto& person = input.people[static_cast<std::size_t>(member)];
  if (dorms.empty()) {
    throw UsageError(say::holds_no_dorm(person.name, person.id, period.number, period.semester_id));
  }
  std::sort(dorms.begin(), dorms.end());
  dorms.erase(std::unique(dorms.begin(), dorms.end()), dorms.end());
  return dorms;
}

BlankForm build_blank_form(const BlankFormInput& in) {
  const auto& member = in.check->people[static_cast<std::size_t>(in.member)];
  const auto dorms = dorms_of_member(*in.check, in.member, in.period);
  BlankForm f;
  f.member_id = member.id;
  f.semester_id = in.period.semester_id;
  f.period = in.period.number;
  f.form_sheet = k_labels.form_sheet;
  f.title = k_labels.title;
  f.fields = fields_of(member, in);
  f.instructions = fmt::format(pattern(k_labels.instructions, in.language), format_date(in.period.form_due));
  f.columns.assign(k_labels.columns.begin(), k_labels.columns.end());
  f.lists = lists_of(dorms);
  f.no_contact = {k_labels.no_contact, "", false};
  f.no_contact_choices.assign(k_labels.yes_no.begin(), k_labels.yes_no.end());
  f.residents_sheet = k_labels.residents_sheet;
  f.resident_columns.assign(k_labels.resident_columns.begin(), k_labels.resident_columns.end());
  if (in.students != nullptr) f.residents = residents_of(dorms, *in.students, member.id);
  f.meta_sheet = k_labels.meta_sheet;
  f.meta = {{"form_id", in.form_id},
            {"member_id", member.id},
            {"semester_id", in.period.semester_id},
            {"period", std::to_string(in.period.number)},
            {"version", in.version},
            {"generated_on", format_date(in.generated_on)}};
  return f;
}

std::string render_blank_form_csv(const BlankForm& form) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& field : form.fields) rows.push_back({field.label, field.value});
  rows.push_back({form.no_contact.label, form.no_contact.value});
  rows.push_back(form.columns);
  return render_rows_csv(rows, CsvFlavor::excel);
}

}  // namespace dormlink::report
