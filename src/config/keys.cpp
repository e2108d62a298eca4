// The one table of the config's sections and keys (docs/config.md): names, the members they
// set, ranges and string checks, and the comments render_config writes; the enum spellings;
// owner_of and the "did you mean" suggestion for unknown keys. The defaults themselves are
// the member initialisers of dormlink/config.hpp.
#include "keys.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "dormlink/mail/message.hpp"
#include "dormlink/util/text.hpp"
#include "dormlink/util/timezone.hpp"
#include "messages.hpp"
#include "precheck.hpp"

namespace dormlink::config_detail {
namespace {

constexpr std::array<EnumName<Language>, 2> k_language_names{{{Language::zh, "zh"}, {Language::en, "en"}}};
constexpr std::array<EnumName<Period>, 4> k_period_names{
    {{Period::week, "week"}, {Period::biweek, "biweek"}, {Period::month, "month"}, {Period::semester, "semester"}}};
constexpr std::array<EnumName<DutyScope>, 2> k_scope_names{{{DutyScope::dorm, "dorm"}, {DutyScope::member, "member"}}};
constexpr std::array<EnumName<Weekday>, 7> k_weekday_names{{{Weekday::monday, "monday"},
                                                            {Weekday::tuesday, "tuesday"},
                                                            {Weekday::wednesday, "wednesday"},
                                                            {Weekday::thursday, "thursday"},
                                                            {Weekday::friday, "friday"},
                                                            {Weekday::saturday, "saturday"},
                                                            {Weekday::sunday, "sunday"}}};
constexpr std::array<EnumName<FormDue>, 2> k_form_due_names{
    {{FormDue::after_pair, "after_pair"}, {FormDue::even_weeks, "even_weeks"}}};

std::optional<std::string> check_time_zone(const std::string& value) {
  if (util::is_known_time_zone(value)) return std::nullopt;
  return msg::unknown_time_zone(quoted(value));
}

using C = CollegeConfig;
constexpr std::array<KeySpec<C>, 3> k_college_keys{{
    {"name", &C::name, "college name in report titles (学院名称)", 0, 0, check_not_empty},
    {"time_zone", &C::time_zone, "IANA time zone in which \"today\" is reckoned (时区)", 0, 0, check_time_zone},
    {"language", &C::language, "report language: \"zh\" or \"en\" (报表语言)"},
}};

// REQUIREMENTS §1: 一人两至三间寝室; the weights are the assign model's penalties, bonus.
using A = AssignmentConfig;
constexpr std::array<KeySpec<A>, 9> k_assignment_keys{{
    {"min_dorms", &A::min_dorms, "fewest dorms per member (一人两至三间寝室)", A::k_fewest_dorms, A::k_most_dorms},
    {"max_dorms", &A::max_dorms, "most dorms per member (一人两至三间寝室)", A::k_fewest_dorms, A::k_most_dorms},
    {"senior_from_grade", &A::senior_from_grade, "years of study from this one up are senior (高年级)", 1,
     A::k_highest_senior_from_grade},
    {"candidates_take_dorms", &A::candidates_take_dorms, "candidates may contact dorms (党员发展对象)"},
    {"w_major", &A::w_major, "penalty: member's major differs from the dorm's (专业对口)", 0, 1000},
    {"w_junior_same_grade", &A::w_junior_same_grade,
     "penalty: junior dorm, member of the same grade (高年级联系低年级)", 0, 1000},
    {"w_building", &A::w_building, "penalty: member lives in another building (楼栋)", 0, 1000},
    {"w_continuity", &A::w_continuity, "bonus: member had this dorm last semester (连续联系)", 0, 1000},
    {"exclude", &A::exclude, "student ids of members who take no dorms (e.g. on placement, 实习)"},
}};

// REQUIREMENTS §2: "二个一、二个二", 谈心, 重点关注, 第一时间, 新生入学教育
using D = DutiesConfig;
constexpr std::array<KeySpec<D>, 14> k_duties_keys{{
    {"visits_per_week", &D::visits_per_week, "visits per dorm per teaching week (走访, \"二个二\")", 1, 7},
    {"talk_period", &D::talk_period, "talk to every resident once per week|biweek|month|semester (谈心)"},
    {"attention_talk_period", &D::attention_talk_period,
     "talk to each attention student at least this often (重点关注)"},
    {"activities_per_semester", &D::activities_per_semester,
     "dorm activities joined per semester (寝室活动, \"二个一\")", 0, 10},
    {"symposiums_per_semester", &D::symposiums_per_semester, "symposiums convened per semester (座谈会, \"二个一\")", 0,
     10},
    {"activity_scope", &D::activity_scope, "count them per \"dorm\" or per \"member\" (每间寝室)"},
    {"incident_report_hours", &D::incident_report_hours,
     "report an incident to the counselor within N hours (第一时间)", 1, 720},
    {"orientation_weeks", &D::orientation_weeks,
     "first-year dorms: orientation in the first N autumn weeks (新生入学教育)", 0, 8},
    {"work_plan_due_week", &D::work_plan_due_week, "work plan due by the end of this teaching week (工作计划)", 1, 30},
    {"excused_waives_week", &D::excused_waives_week,
     "an excused record waives its dorm's visits and talks that week (因故未走访)"},
    {"concern_ack_hours", &D::concern_ack_hours, "staff acknowledge a member's concern within N hours (及时汇报)", 1,
     720},
    {"concern_open_days", &D::concern_open_days, "a concern still open after N days is listed (跟进)", 1, 366},
    {"repeat_window_days", &D::repeat_window_days,
     "an incident of the same category, student or dorm within N days is a repeat (屡次)", 1, 366},
    {"cultivation_per_activist", &D::cultivation_per_activist,
     "cultivation contacts per activist per month, 0: not counted (培养入党积极分子)", 0, 10},
}};

// REQUIREMENTS §3: the form every two weeks, due Monday; the summary to the committee Tuesday.
using R = ReportingConfig;
constexpr std::array<KeySpec<R>, 4> k_reporting_keys{{
    {"period_weeks", &R::period_weeks, "feedback form every N teaching weeks (反馈表, 每两周)", 1, 8},
    {"member_form_due", &R::member_form_due, "members' forms due on this weekday after the period (报送时间)"},
    {"counselor_summary_due", &R::counselor_summary_due,
     "counselor's summary to the committee on this weekday (学院党委)"},
    {"on_behalf_counts", &R::on_behalf_counts,
     "a form the counselor submits for a member (--on-behalf) meets the member's duty (代为报送)"},
}};

// REQUIREMENTS §3: 每双周的周一, after each pair (default) or on the even weeks.
using F = FormsConfig;
constexpr std::array<KeySpec<F>, 1> k_forms_keys{{
    {"due", &F::due, "forms due the Monday after each pair, or on even weeks' Mondays (每双周的周一)"},
}};

// docs/check.md: "due soon", "at risk" and the close-out after a semester.
using K = CheckConfig;
constexpr std::array<KeySpec<K>, 3> k_check_keys{{
    {"due_soon_days", &K::due_soon_days, "list unmet duties this many days before they fall due (即将到期)", 1, 14},
    {"at_risk_weeks", &K::at_risk_weeks, "semester duties unmet with this few duty weeks left are at risk (有风险)", 0,
     30},
    {"close_out_days", &K::close_out_days,
     "a semester's open items stay listed this many days after it ends (上学期未结事项)", 0, 366},
}};

// REQUIREMENTS §4: 检查组 不定期检查.
using I = InspectionConfig;
constexpr std::array<KeySpec<I>, 3> k_inspection_keys{{
    {"sample_percent", &I::sample_percent, "members sampled by default, in percent (抽查比例)", 1, 100},
    {"recent_days", &I::recent_days, "a dorm with no record in this many days is weighted up (近期未走访)", 1, 120},
    {"weight_up", &I::weight_up, "low-compliance members and unvisited dorms are this many times as likely (加权)", 1,
     20},
}};

// REQUIREMENTS §4: grade bands 优秀 >= 90, 合格 >= 75, 基本合格 >= 60.
using S = AssessmentConfig;
constexpr std::array<KeySpec<S>, 3> k_assessment_keys{{
    {"excellent_from", &S::excellent_from, "score from which a member is excellent (优秀)", 0, 100},
    {"pass_from", &S::pass_from, "score from which a member passes (合格)", 0, 100},
    {"basic_pass_from", &S::basic_pass_from, "score for a basic pass; below it fails (基本合格, 不合格)", 0, 100},
}};

using P = PrivacyConfig;
constexpr std::array<KeySpec<P>, 3> k_privacy_keys{{
    {"committee_sees_attention_names", &P::committee_sees_attention_names,
     "committee sees attention categories of named students (重点关注)"},
    {"small_count_threshold", &P::small_count_threshold, "the committee sees counts below this as \"<N\" (小数不显示)",
     1, 100},
    {"mask_phones", &P::mask_phones, "mask phone numbers in reports (手机号码脱敏)"},
}};

// Input limits: generous for any college's rosters, small enough to stop a wrong file early.
using L = LimitsConfig;
constexpr std::array<KeySpec<L>, 3> k_limits_keys{{
    {"max_file_mib", &L::max_file_mib, "largest input file (roster CSV, --from-csv), in MiB (文件大小上限)", 1, 4096},
    {"max_cell_kib", &L::max_cell_kib, "longest CSV cell, in KiB (单元格长度上限)", 1, 1048576},
    {"max_columns", &L::max_columns, "most fields in one CSV row (列数上限)", 1, 100000},
}};

// An address in [notify]; the message names the key, never the address.
std::optional<std::string> check_address(const std::string& value) {
  if (auto problem = mail::address_problem(value)) return msg::bad_address(*problem);
  return std::nullopt;
}

using N = NotifyConfig;
constexpr std::array<KeySpec<N>, 3> k_notify_keys{{
    {"from", &N::from, "From address of the digests; its domain ends each Message-ID (发件人)", 0, 0, check_address},
    {"committee", &N::committee, "addresses that get the committee's digest (党委收件人)", 0, 0, check_address},
    {"members", &N::members, "also mail each member with an e-mail their own digest (党员本人)"},
}};

// Edit distance counting an adjacent transposition as one edit, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    before.swap(previous);
    previous.swap(current);
  }
  return previous[b.size()];
}

}  // namespace

std::span<const EnumName<Language>> names_of(Language) { return k_language_names; }
std::span<const EnumName<Period>> names_of(Period) { return k_period_names; }
std::span<const EnumName<DutyScope>> names_of(DutyScope) { return k_scope_names; }
std::span<const EnumName<Weekday>> names_of(Weekday) { return k_weekday_names; }
std::span<const EnumName<FormDue>> names_of(FormDue) { return k_form_due_names; }

// "a", "b", "c" (or a, b, c unquoted) for messages.
std::string join_names(std::span<const std::string_view> names, bool quote) {
  std::string out;
  for (const auto name : names) {
    if (!out.empty()) out += ", ";
    out += quote ? fmt::format("\"{}\"", name) : std::string(name);
  }
  return out;
}

std::optional<std::string> check_not_empty(const std::string& value) {
  if (!util::trim(value).empty()) return std::nullopt;
  return msg::must_not_be_empty();
}

std::optional<std::string> check_semester_id(const std::string& value) {
  if (value.empty()) return msg::must_not_be_empty();
  if (std::all_of(value.begin(), value.end(), [](char c) { return is_bare_key_char(c); })) {
    return std::nullopt;
  }
  return msg::ascii_id(quoted(value));
}

using T = StudioConfig;
constexpr std::array<KeySpec<T>, 1> k_studio_keys{{
    {"members", &T::members, "staff or student ids of the studio's members (朋辈辅导员工作室)", 0, 0, check_not_empty},
}};

constexpr SectionSpec<C> k_college{"college", "The college (学院)", k_college_keys};
constexpr SectionSpec<A> k_assignment{
    "assignment", "Who contacts which dorms (工作方式): 专业对口, 性别相同, 高年级联系低年级", k_assignment_keys};
constexpr SectionSpec<D> k_duties{"duties", "What each member does (工作职责)", k_duties_keys};
constexpr SectionSpec<R> k_reporting{"reporting", "The feedback form (联系寝室情况反馈表) and the counselor's summary",
                                     k_reporting_keys};
constexpr SectionSpec<F> k_forms{"forms", "When the feedback form falls due (报送时间)", k_forms_keys};
constexpr SectionSpec<K> k_check{"check", "What `dormlink check` lists before it is overdue (检查)", k_check_keys};
constexpr SectionSpec<I> k_inspection{"inspection", "The inspection group's spot checks (检查组)", k_inspection_keys};
constexpr SectionSpec<S> k_assessment{
    "assessment", "The branch's semester assessment (考核): grade bands, then weights", k_assessment_keys};
constexpr SectionSpec<P> k_privacy{"privacy", "What the committee may see (隐私)", k_privacy_keys};
constexpr SectionSpec<L> k_limits{"limits", "How large an input file may be (输入文件上限)", k_limits_keys};
constexpr SectionSpec<N> k_notify{"notify", "Who `dormlink notify` mails the evening digest to (邮件提醒)",
                                  k_notify_keys};
constexpr SectionSpec<T> k_studio{"studio", "The peer counselors' studio (朋辈辅导员工作室)", k_studio_keys};

// The assessment components, in the order render_config writes them.
constexpr std::array<NamedComment, 8> k_weight_components{{
    {"visits", "visits made as due (走访)"},
    {"talks", "talks held as due (谈心)"},
    {"activities", "dorm activities joined (寝室活动)"},
    {"symposiums", "symposiums convened (座谈会)"},
    {"forms_on_time", "feedback forms filed on time (反馈表按时报送)"},
    {"incidents_on_time", "incidents reported in time (突发事件及时报告)"},
    {"plan_and_summary", "work plan and semester summary (工作计划, 总结)"},
    {"inspection", "inspection group findings (检查组)"},
}};

// The keys of a [[calendar.semester]] block.
constexpr std::array<NamedComment, 6> k_semester_keys{{
    {"id", "used on the command line (学期代号)"},
    {"name", "used in reports (学期名称)"},
    {"first_monday", "Monday of teaching week 1 (第一教学周星期一)"},
    {"teaching_weeks", "number of teaching weeks, 1..30 (教学周)"},
    {"holiday_weeks", "weeks without duties: holidays (节假日)"},
    {"exam_weeks", "weeks without duties: exams (考试周)"},
}};

// The top-level tables.
constexpr std::array<std::string_view, 13> k_section_names{
    "college",    "calendar",   "assignment", "duties", "reporting", "forms", "check",
    "inspection", "assessment", "privacy",    "limits", "notify",    "studio"};

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The table label ("[duties]") of the section a key name belongs to, if any.
std::optional<std::string> owner_of(std::string_view key) {
  if (contains(key_names(k_college), key)) return "[college]";
  if (contains(key_names(k_assignment), key)) return "[assignment]";
  if (contains(key_names(k_duties), key)) return "[duties]";
  if (contains(key_names(k_reporting), key)) return "[reporting]";
  if (contains(key_names(k_forms), key)) return "[forms]";
  if (contains(key_names(k_check), key)) return "[check]";
  if (contains(key_names(k_inspection), key)) return "[inspection]";
  if (contains(key_names(k_assessment), key) || key == "weights") return "[assessment]";
  if (contains(key_names(k_privacy), key)) return "[privacy]";
  if (contains(key_names(k_limits), key)) return "[limits]";
  if (contains(key_names(k_notify), key)) return "[notify]";
  if (contains(key_names(k_studio), key)) return "[studio]";
  if (contains(first_names(k_weight_components), key)) return "[assessment.weights]";
  if (contains(first_names(k_semester_keys), key)) return "[[calendar.semester]]";
  if (key == "semester") return "[calendar]";
  return std::nullopt;
}

// The known name closest to a misspelt one, when it is close enough to be a typo.
std::optional<std::string_view> nearest_name(std::string_view name, const std::vector<std::string_view>& known) {
  if (name.size() > 64) return std::nullopt;
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;
  for (const auto candidate : known) {
    const std::size_t distance = edit_distance(lower, candidate);
    if (distance < best_distance && distance * 3 <= std::max(lower.size(), candidate.size())) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace dormlink::config_detail

namespace dormlink {

std::string_view to_string(Language language) { return config_detail::enum_name(language); }
std::string_view to_string(Period period) { return config_detail::enum_name(period); }
std::string_view to_string(DutyScope scope) { return config_detail::enum_name(scope); }
std::string_view to_string(Weekday weekday) { return config_detail::enum_name(weekday); }
std::string_view to_string(FormDue due) { return config_detail::enum_name(due); }

}  // namespace dormlink
