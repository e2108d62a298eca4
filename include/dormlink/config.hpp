#pragma once
// The rules of the scheme, loaded from TOML (docs/config.md). Every default lives here, once;
// examples/dormlink.toml and the file `dormlink init` writes are rendered from / tested
// against these values.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dormlink/calendar.hpp"
#include "dormlink/language.hpp"
#include "dormlink/privacy_rules.hpp"

namespace dormlink {

// How often something recurs: REQUIREMENTS §2 talk period.
enum class Period { week, biweek, month, semester };

// Whether "one activity / one symposium per semester" counts per dorm or per member.
enum class DutyScope { dorm, member };

// [college]
struct CollegeConfig {
  std::string name = "外国语学院";
  std::string time_zone = "Asia/Shanghai";  // IANA name; "today" is computed in this zone
  Language language = Language::zh;

  bool operator==(const CollegeConfig&) const = default;
};

// [assignment] REQUIREMENTS §1 and the assign model (issue "assign").
struct AssignmentConfig {
  int min_dorms = 2;  // 一人两至三间寝室
  int max_dorms = 3;
  int senior_from_grade = 3;          // grades >= this are senior (高年级)
  bool candidates_take_dorms = true;  // 发展对象 may contact dorms
  int w_major = 30;                   // penalty: majors differ (专业对口)
  int w_junior_same_grade = 20;       // penalty: junior dorm, member of the same grade
  int w_building = 3;                 // penalty: member lives in another building
  int w_continuity = 10;              // bonus: member had this dorm last semester
  std::vector<std::string> exclude;   // members (student ids) who take no dorms this year

  // The values the config accepts; assign's suggestions (docs/assign.md) stay inside them.
  static constexpr int k_fewest_dorms = 1;  // min_dorms and max_dorms: 1..10
  static constexpr int k_most_dorms = 10;
  static constexpr int k_highest_senior_from_grade = 6;  // senior_from_grade: 1..6

  bool operator==(const AssignmentConfig&) const = default;
};

// [duties] REQUIREMENTS §2.
struct DutiesConfig {
  int visits_per_week = 2;                      // "二个一、二个二": visits per dorm per teaching week
  Period talk_period = Period::week;            // every resident talked to once per period
  Period attention_talk_period = Period::week;  // attention students: at least this often
  int activities_per_semester = 1;              // dorm activities joined ("二个一")
  int symposiums_per_semester = 1;              // symposiums convened ("二个一")
  DutyScope activity_scope = DutyScope::dorm;   // per dorm or per member
  int incident_report_hours = 24;               // 第一时间: report to the counselor within
  int orientation_weeks = 2;                    // 新生入学教育: first-year dorms, first N autumn weeks
  int work_plan_due_week = 2;                   // 工作计划 due by the end of this teaching week
  bool excused_waives_week = true;              // an excused record waives its dorm's week
  int concern_ack_hours = 48;        // 及时汇报: staff acknowledge a member's concern within (docs/cases.md)
  int concern_open_days = 14;        // a concern still open after this many days is listed
  int repeat_window_days = 30;       // an incident of the same category and student or dorm within: a repeat
  int cultivation_per_activist = 1;  // 培养入党积极分子: contacts per activist per month (0: not counted)

  bool operator==(const DutiesConfig&) const = default;
};

// Days of the week, ISO numbering (Monday = 1).
enum class Weekday { monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday };

// [reporting] REQUIREMENTS §3.
struct ReportingConfig {
  int period_weeks = 2;                              // feedback form every two weeks
  Weekday member_form_due = Weekday::monday;         // the weekday after the period
  Weekday counselor_summary_due = Weekday::tuesday;  // summary to the committee
  bool on_behalf_counts = false;  // a form the counselor submits for a member meets the member's duty

  bool operator==(const ReportingConfig&) const = default;
};

// Which Monday a feedback form falls due on (docs/check.md "Forms"): the text says 每双周的周一.
enum class FormDue {
  after_pair,  // the Monday after each period: weeks 3, 5, 7, ... for pairs (default)
  even_weeks,  // the first Monday of an even teaching week after the period: weeks 4, 6, 8, ...
};

// [forms] REQUIREMENTS §3: the literal reading of 每双周的周一.
struct FormsConfig {
  FormDue due = FormDue::after_pair;

  bool operator==(const FormsConfig&) const = default;
};

// [assessment] REQUIREMENTS §4: component weights (sum 100) and grade bands.
struct AssessmentConfig {
  std::map<std::string, int> weights = {{"visits", 30},          {"talks", 25},         {"activities", 10},
                                        {"symposiums", 10},      {"forms_on_time", 10}, {"incidents_on_time", 5},
                                        {"plan_and_summary", 5}, {"inspection", 5}};
  int excellent_from = 90;   // 优秀
  int pass_from = 75;        // 合格
  int basic_pass_from = 60;  // 基本合格; below: 不合格

  bool operator==(const AssessmentConfig&) const = default;
};

// [privacy] REQUIREMENTS §5: what the committee may see (privacy_rules.hpp).
using PrivacyConfig = PrivacyRules;

// [check] docs/check.md: when an unmet obligation is listed before it is overdue.
struct CheckConfig {
  int due_soon_days = 2;    // due within this many days (the due day included): "due soon"
  int at_risk_weeks = 3;    // semester obligations unmet with this few duty weeks left: "at risk"
  int close_out_days = 28;  // after a semester ends, its open items stay listed this long (上学期未结事项)

  bool operator==(const CheckConfig&) const = default;
};

// [inspection] REQUIREMENTS §4: the inspection group's spot checks.
struct InspectionConfig {
  int sample_percent = 10;  // members sampled when neither --size nor --rate is given
  int recent_days = 14;     // a dorm with no record in this many days is weighted up
  int weight_up = 3;        // low-compliance members and unvisited dorms: this many times as likely

  bool operator==(const InspectionConfig&) const = default;
};

// [limits] docs/config.md: how big an input file may be, so that a wrong file (a device, a
// dump, a file of commas) is refused early with the limit named instead of exhausting memory.
struct LimitsConfig {
  int max_file_mib = 64;    // one input file (roster CSV, --from-csv, standard input), in MiB
  int max_cell_kib = 1024;  // one CSV cell, in KiB
  int max_columns = 1000;   // fields in one CSV row

  bool operator==(const LimitsConfig&) const = default;
};

// [notify] docs/digest.md §2: who `dormlink notify` mails besides the roster's counselors and
// branch secretaries, and from which address.
struct NotifyConfig {
  std::string from = "dormlink@localhost";  // the From address; its domain ends every Message-ID
  std::vector<std::string> committee;       // addresses that get the committee's digest
  bool members = false;                     // mail members their own digest too

  bool operator==(const NotifyConfig&) const = default;
};

// [studio] 朋辈辅导员工作室: who manages the scheme day to day (docs/studio.md). Members may also
// be marked in the rosters' 朋辈工作室 column; either way counts.
struct StudioConfig {
  std::vector<std::string> members;  // staff ids or student ids

  bool operator==(const StudioConfig&) const = default;
};

// The whole configuration.
struct Config {
  CollegeConfig college;
  Calendar calendar;  // [[calendar.semester]]; empty by default
  AssignmentConfig assignment;
  DutiesConfig duties;
  ReportingConfig reporting;
  FormsConfig forms;
  CheckConfig check;
  InspectionConfig inspection;
  AssessmentConfig assessment;
  PrivacyConfig privacy;
  LimitsConfig limits;
  NotifyConfig notify;
  StudioConfig studio;

  bool operator==(const Config&) const = default;
};

// Parses and validates a whole config text. Every problem (syntax, unknown key, wrong type,
// out-of-range value, inconsistent semesters) is collected; throws ConfigError listing all of
// them as "source:line:col: message". Never aborts on malformed input.
Config parse_config(std::string_view text, const std::string& source_name);

// Reads and parses a config file. Throws NotFoundError when it does not exist, IoError or
// PermissionError when it cannot be read, ConfigError when it is invalid.
Config load_config_file(const std::string& path);

// The commented config `dormlink init` writes: every key with its default and a one-line
// comment in English with the Chinese term; parses back to a Config equal to `config`.
std::string render_config(const Config& config);

// One [[calendar.semester]] block as render_config writes it (`dormlink calendar draft`).
std::string render_semester(const Semester& semester);

// The bytes of a config file, read as load_config_file reads them (same errors).
std::string read_config_text(const std::string& path);

// Canonical spellings used in the config and in messages.
std::string_view to_string(Language language);
std::string_view to_string(Period period);
std::string_view to_string(DutyScope scope);
std::string_view to_string(Weekday weekday);
std::string_view to_string(FormDue due);

}  // namespace dormlink
