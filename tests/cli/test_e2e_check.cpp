// End-to-end: dormlink check on a small college over a whole (short) semester with a holiday,
// excused weeks, a resident who moves, a member replaced mid-week by a repair, incidents and
// late entries; the overdue lists on chosen dates were worked out by hand (docs/check.md).
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "harness.hpp"

using dormlink::e2e::Sandbox;

namespace {

// Weeks: 1 = 09-07..13, 2 = 09-14..20, 3 = 09-21..27 (holiday), 4 = 09-28..10-04,
// 5 = 10-05..11, 6 = 10-12..18 (exams). Reporting periods (1-2), (3-4), (5-6).
constexpr const char* k_config = R"(
[college]
name = "示例学院"
[[calendar.semester]]
id = "2026-autumn"
name = "2026秋"
first_monday = 2026-09-07
teaching_weeks = 6
holiday_weeks = [3]
exam_weeks = [6]
[duties]
orientation_weeks = 0
work_plan_due_week = 1
[check]
due_soon_days = 2
at_risk_weeks = 1
)";

constexpr const char* k_staff =
    "工号,姓名,角色,联系方式,负责年级,负责班级,党支部\n"
    "T001,陈老师,辅导员,13900000001,2023级,,\n";

// Members M1 李明, M2 王强 (leaves on 09-30) and M3 赵刚 (an activist until 09-30, then a
// probationary member) share 1-501; juniors in 1-101..1-104. S8 moves 1-103 -> 1-104 on 09-16.
std::string students(int version) {
  std::string s = "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n";
  s += "2023110101,李明,男,英语,2023级,英语2301,1-501,13800000001,中共党员,英语党支部,,是\n";
  if (version < 3) s += "2023110102,王强,男,英语,2023级,英语2301,1-501,13800000002,中共党员,英语党支部,,否\n";
  s += std::string("2023110103,赵刚,男,英语,2023级,英语2301,1-501,13800000003,") +
       (version < 3 ? "入党积极分子" : "中共预备党员") + ",英语党支部,,否\n";
  s += "2025110101,张一,男,英语,2025级,英语2501,1-101,13800000011,共青团员,,,是\n";
  s += "2025110102,张二,男,英语,2025级,英语2501,1-101,13800000012,共青团员,,,否\n";
  s += "2025110103,陈三,男,英语,2025级,英语2501,1-102,13800000013,共青团员,,,是\n";
  s += "2025110104,陈四,男,英语,2025级,英语2501,1-102,13800000014,共青团员,,家庭经济困难,否\n";
  s += "2025110105,刘五,男,英语,2025级,英语2501,1-103,13800000015,共青团员,,,是\n";
  s += "2025110106,刘六,男,英语,2025级,英语2501,1-103,13800000016,共青团员,,,否\n";
  s += "2025110107,周七,男,英语,2025级,英语2501,1-104,13800000017,共青团员,,,是\n";
  s += std::string("2025110108,周八,男,英语,2025级,英语2501,") + (version < 2 ? "1-103" : "1-104") +
       ",13800000018,共青团员,,,否\n";
  return s;
}

// The records, in the feedback form's columns; each row is one record.
class Records {
 public:
  Records() {
    m_csv << "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型,工作进展及成效,说明,原因,事件类别,报告对象,报告时间\n";
  }
  void add(const std::string& member, const std::string& dorm, const std::string& at, const std::string& kind,
           const std::string& students = "", const std::string& reason = "", const std::string& category = "",
           const std::string& reported_at = "") {
    m_csv << member << ',' << dorm << ',' << at << ',' << students << ',' << kind << ",正常,," << reason << ','
          << category << ',' << (reported_at.empty() ? "" : "辅导员") << ',' << reported_at << '\n';
  }
  // Two visits (Tuesday and Thursday) and one talk with `talked` in the week of `monday_day`.
  void normal_week(const std::string& member, const std::string& dorm, int month, int monday_day,
                   const std::string& talked) {
    add(member, dorm, day(month, monday_day + 1, "19:00"), "visit");
    add(member, dorm, day(month, monday_day + 3, "19:00"), "visit");
    add(member, dorm, day(month, monday_day + 3, "19:30"), "talk", talked);
  }
  static std::string day(int month, int d, const char* time) {
    if (d > 30 && month == 9) return day(10, d - 30, time);
    char buf[32];
    std::snprintf(buf, sizeof buf, "2026-%02d-%02d %s", month, d, time);
    return buf;
  }
  std::string csv() const { return m_csv.str(); }

 private:
  std::ostringstream m_csv;
};

constexpr const char* M1 = "2023110101";
constexpr const char* M2 = "2023110102";
constexpr const char* M3 = "2023110103";

std::string scenario_records() {
  Records r;
  r.add(M1, "", "2026-09-08 12:00", "plan");
  r.add(M2, "", "2026-09-08 12:00", "plan");
  // Week 1 (Monday 09-07): 1-102 gets one visit only.
  r.normal_week(M1, "1-501", 9, 7, "2023110102、2023110103");
  r.normal_week(M1, "1-101", 9, 7, "2025110101、2025110102");
  r.add(M1, "1-102", "2026-09-08 19:00", "visit");
  r.add(M1, "1-102", "2026-09-08 19:30", "talk", "2025110103、2025110104");
  r.normal_week(M2, "1-103", 9, 7, "2025110105、2025110106、2025110108");
  r.normal_week(M2, "1-104", 9, 7, "2025110107");
  // Week 2 (09-14): 1-101 excused (no visit, no talk); 1-103 talks with 刘五 only, and 周八
  // moves out on 09-16 (due in neither dorm this week).
  r.normal_week(M1, "1-501", 9, 14, "2023110102、2023110103");
  r.add(M1, "1-101", "2026-09-14 12:00", "excused", "", "寝室同学外出参加比赛");
  r.normal_week(M1, "1-102", 9, 14, "2025110103、2025110104");
  r.normal_week(M2, "1-103", 9, 14, "2025110105");
  r.normal_week(M2, "1-104", 9, 14, "2025110107");
  // Week 3 is a holiday: nothing. Week 4 (09-28): 王强 visits his dorms on Monday, leaves on
  // Wednesday 09-30; 赵刚 takes over: visits 1-103 on Thursday, but not 1-104.
  r.normal_week(M1, "1-501", 9, 28, "2023110103");
  r.normal_week(M1, "1-101", 9, 28, "2025110101、2025110102");
  r.normal_week(M1, "1-102", 9, 28, "2025110103、2025110104");
  r.add(M1, "1-102", "2026-09-29 21:00", "incident", "2025110103", "", "使用违规电器", "2026-09-29 22:00");
  r.add(M2, "1-103", "2026-09-28 19:00", "visit");
  r.add(M3, "1-103", "2026-10-01 19:00", "visit");
  r.add(M3, "1-103", "2026-10-01 19:30", "talk", "2025110105、2025110106");
  r.add(M2, "1-104", "2026-09-28 19:00", "visit");
  r.add(M3, "1-104", "2026-10-01 20:00", "talk", "2025110107、2025110108");
  // Week 5 (10-05): all visits; 1-101 has an incident on 10-06 that is never reported;
  // symposiums in 1-501 and 1-101, an activity in 1-101.
  r.normal_week(M1, "1-501", 10, 5, "2023110103");
  r.normal_week(M1, "1-101", 10, 5, "2025110101、2025110102");
  r.normal_week(M1, "1-102", 10, 5, "2025110103、2025110104");
  r.normal_week(M3, "1-103", 10, 5, "2025110105、2025110106");
  r.normal_week(M3, "1-104", 10, 5, "2025110107、2025110108");
  r.add(M1, "1-101", "2026-10-06 21:00", "incident", "2025110101", "", "私自在外住宿");
  r.add(M1, "1-501", "2026-10-07 20:00", "symposium");
  r.add(M1, "1-101", "2026-10-08 20:00", "symposium");
  r.add(M1, "1-101", "2026-10-10 15:00", "activity");
  return r.csv();
}

void run_ok(const Sandbox& box, std::vector<std::string> args) {
  auto r = box.run(args);
  INFO(args.back() << ": " << r.err);
  REQUIRE(r.exit_code == 0);
}

// Builds the whole scenario in the sandbox as college.db.
void build_scenario(const Sandbox& box) {
  box.write("dormlink.toml", k_config);
  box.write("staff.csv", k_staff);
  for (int v = 1; v <= 3; ++v) box.write("students-v" + std::to_string(v) + ".csv", students(v));
  box.write("records.csv", scenario_records());
  const std::vector<std::string> db{"--db", "college.db", "-q"};
  auto with = [&db](const char* as_of, std::vector<std::string> more) {
    std::vector<std::string> all = db;
    all.push_back("--as-of");
    all.push_back(as_of);
    all.insert(all.end(), more.begin(), more.end());
    return all;
  };
  run_ok(box, with("2026-09-07", {"init"}));
  run_ok(box, with("2026-09-07", {"import", "staff", "staff.csv"}));
  run_ok(box, with("2026-09-07", {"import", "students", "students-v1.csv"}));
  run_ok(box, with("2026-09-07",
                   {"assign", "--semester", "2026-autumn", "--pin", "2023110101:1-501", "--pin", "2023110101:1-101",
                    "--pin", "2023110101:1-102", "--pin", "2023110102:1-103", "--pin", "2023110102:1-104"}));
  run_ok(box, with("2026-09-16", {"import", "students", "students-v2.csv"}));
  run_ok(box, with("2026-09-30", {"import", "students", "students-v3.csv"}));
  run_ok(box, with("2026-09-30", {"assign", "--repair"}));
  run_ok(box, with("2026-10-18", {"log-visit", "--from-csv", "records.csv"}));
  // 陈老师 acknowledges the incident of 09-29 an hour after it was found (docs/check.md "Cases");
  // the one of 10-06 nobody acknowledges.
  const auto reported =
      box.query_int("college.db", "SELECT id FROM record WHERE kind = 'incident' AND happened_at = '2026-09-29 21:00'");
  run_ok(box,
         with("2026-10-18", {"incident", "ack", std::to_string(reported), "--by", "T001", "--at", "2026-09-29 22:00"}));
}

// The CSV listing without its `late` column (every record here was entered after its week:
// the test enters them all today), one line per item.
std::vector<std::string> listing(const Sandbox& box, const char* as_of, int expected_exit) {
  auto r = box.run({"--db", "college.db", "--as-of", as_of, "check", "--format", "csv"});
  INFO(r.err);
  CHECK(r.exit_code == expected_exit);
  std::vector<std::string> lines;
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // status,rule,counselor_id,counselor_name,member_id,member_name,dorm,student_id,student_name,period,
    // record_id,window_from,window_to,due,expected,found,late, then the case columns -> drop the
    // names, `late` and the case columns.
    std::vector<std::string> cells;
    std::stringstream cells_in(line);
    std::string cell;
    while (std::getline(cells_in, cell, ',')) cells.push_back(cell);
    if (line.back() == ',') cells.push_back("");
    REQUIRE(cells.size() == 23);
    lines.push_back(cells[0] + " " + cells[1] + " " + cells[4] + " " + cells[6] + " " + cells[7] + " p" + cells[9] +
                    " " + cells[10] + " due " + cells[13] + " " + cells[14] + "/" + cells[15]);
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "\n" + l;
  return out;
}

}  // namespace

// Compares a listing, printing the whole actual list when it differs.
#define CHECK_LISTING(actual, ...)   \
  do {                               \
    const auto got_ = (actual);      \
    INFO("actual:" << joined(got_)); \
    CHECK(got_ == __VA_ARGS__);      \
  } while (false)

TEST_SUITE("e2e.check") {
  TEST_CASE("a small college's semester gives exactly the hand-checked lists on chosen dates") {
    Sandbox box;
    build_scenario(box);

    SUBCASE("Sunday of week 2: week 1's missing visit is overdue; this week's gaps are due today") {
      CHECK_LISTING(listing(box, "2026-09-20", 1),
                    std::vector<std::string>{
                        "overdue visits 2023110101 1-102  p1  due 2026-09-13 2/1",
                        "due_soon feedback_form 2023110101   p1  due 2026-09-21 1/0",
                        "due_soon talks 2023110102 1-103 2025110106 p2  due 2026-09-20 1/0",
                        "due_soon feedback_form 2023110102   p1  due 2026-09-21 1/0",
                    });
    }
    SUBCASE("Monday of the holiday week: the missed talk is overdue; forms are due today, the summary tomorrow") {
      CHECK_LISTING(listing(box, "2026-09-21", 1),
                    std::vector<std::string>{
                        "due_soon counselor_summary    p1  due 2026-09-22 1/0",
                        "overdue visits 2023110101 1-102  p1  due 2026-09-13 2/1",
                        "due_soon feedback_form 2023110101   p1  due 2026-09-21 1/0",
                        "overdue talks 2023110102 1-103 2025110106 p2  due 2026-09-20 1/0",
                        "due_soon feedback_form 2023110102   p1  due 2026-09-21 1/0",
                    });
    }
    SUBCASE("Thursday of week 5, after the repair") {
      CHECK_LISTING(
          listing(box, "2026-10-08", 1),
          std::vector<std::string>{
              // The unacknowledged incident leads the counselor's list.
              "overdue incident_report 2023110101 1-101  p0 60 due 2026-10-07 1/0",
              "overdue counselor_summary    p1  due 2026-09-22 1/0",
              "overdue counselor_summary    p2  due 2026-10-06 1/0",
              "overdue visits 2023110101 1-102  p1  due 2026-09-13 2/1",
              "at_risk activity 2023110101 1-101  p0  due 2026-10-18 1/0",  // its activity is on Saturday 10-10
              "at_risk activity 2023110101 1-102  p0  due 2026-10-18 1/0",
              "at_risk activity 2023110101 1-501  p0  due 2026-10-18 1/0",
              "at_risk symposium 2023110101 1-102  p0  due 2026-10-18 1/0",
              "overdue feedback_form 2023110101   p1  due 2026-09-21 1/0",
              "overdue feedback_form 2023110101   p2  due 2026-10-05 1/0",
              "at_risk member_summary 2023110101   p0  due 2026-10-18 1/0",
              "overdue talks 2023110102 1-103 2025110106 p2  due 2026-09-20 1/0",
              "overdue feedback_form 2023110102   p1  due 2026-09-21 1/0",
              "overdue feedback_form 2023110102   p2  due 2026-10-05 1/0",
              "overdue work_plan 2023110103   p0  due 2026-10-07 1/0",
              "overdue visits 2023110103 1-104  p4  due 2026-10-04 2/1",
              "at_risk activity 2023110103 1-103  p0  due 2026-10-18 1/0",
              "at_risk activity 2023110103 1-104  p0  due 2026-10-18 1/0",
              "at_risk symposium 2023110103 1-103  p0  due 2026-10-18 1/0",
              "at_risk symposium 2023110103 1-104  p0  due 2026-10-18 1/0",
              "overdue feedback_form 2023110103   p2  due 2026-10-05 1/0",
              "at_risk member_summary 2023110103   p0  due 2026-10-18 1/0",
          });
    }
  }

  TEST_CASE(
      "after the semester: its open items for close_out_days, then a warning, and --semester shows how it ended") {
    Sandbox box;
    build_scenario(box);  // one semester, weeks 1-6: its last day is 2026-10-18
    // The day after: the semester's open items, headed as such, exit 1.
    auto closing = box.run({"--db", "college.db", "--as-of", "2026-10-19", "check"});
    CHECK(closing.exit_code == 1);
    CHECK(closing.out.find("上学期未结事项：2026-autumn（2026-10-18 结束）") != std::string::npos);
    CHECK(closing.out.find("overdue") == std::string::npos);
    auto closing_json = box.run({"--db", "college.db", "--as-of", "2026-11-15", "check", "--format", "json"});
    CHECK(closing_json.exit_code == 1);  // day 28 of close_out_days = 28
    CHECK(closing_json.out.find("\"ended\": true") != std::string::npos);
    auto closing_en = box.run({"--db", "college.db", "--as-of", "2026-10-19", "--lang", "en", "check"});
    CHECK(closing_en.out.find("Still open from 2026-autumn (ended 2026-10-18)") != std::string::npos);
    // After close_out_days, and no next semester: a warning naming the calendar, exit 0.
    auto outside = box.run({"--db", "college.db", "--as-of", "2026-11-16", "check"}, {{"DORMLINK_MESSAGES", ""}});
    CHECK(outside.exit_code == 0);
    CHECK(outside.out == "2026-11-16 不在任何学期内，没有到期事项。\n");
    CHECK(outside.err.find(
              "2026-11-16 不在 dormlink.toml 的任何学期内（校历中有：2026-autumn 2026-09-07..2026-10-18）") !=
          std::string::npos);
    CHECK(outside.err.find("dormlink calendar draft 2027-spring --start 2027-03-01 >> dormlink.toml") !=
          std::string::npos);
    auto quiet = box.run({"--db", "college.db", "--as-of", "2026-11-16", "-q", "check", "--format", "json"});
    CHECK(quiet.exit_code == 0);
    CHECK_FALSE(quiet.err.empty());  // the calendar needs a semester: said even with -q
    auto json = box.run({"--db", "college.db", "--as-of", "2026-11-16", "check", "--format", "json"});
    CHECK(json.out.find("\"items\": []") != std::string::npos);
    CHECK(quiet.out == json.out);  // JSON is always a value, -q or not
    // close_out_days = 0: the day after the semester is already outside it.
    box.write("dormlink.toml", std::string(k_config) + "close_out_days = 0\n");  // [check] is the last table
    CHECK(box.run({"--db", "college.db", "--as-of", "2026-10-19", "check"}).exit_code == 0);

    auto ended = box.run({"--db", "college.db", "--as-of", "2026-10-19", "check", "--semester", "2026-autumn",
                          "--member", "李明", "--format", "csv"});
    CHECK(ended.exit_code == 1);
    // 1-102 never had an activity or a symposium; 1-501 no activity; nobody wrote a summary.
    for (const char* line :
         {"overdue,activity,T001,陈老师,2023110101,李明,1-102,", "overdue,activity,T001,陈老师,2023110101,李明,1-501,",
          "overdue,symposium,T001,陈老师,2023110101,李明,1-102,",
          "overdue,member_summary,T001,陈老师,2023110101,李明,,"}) {
      CHECK(ended.out.find(line) != std::string::npos);
    }
    CHECK(ended.out.find("activity,T001,陈老师,2023110101,李明,1-101,") == std::string::npos);
    CHECK(ended.out.find("2023110103") == std::string::npos);  // --member: only 李明's items
  }

  TEST_CASE("check gives the same bytes under any TZ and LANG, as cron runs it") {
    Sandbox box;
    build_scenario(box);
    const std::vector<std::string> args{"--db", "college.db", "--as-of", "2026-10-08", "check"};
    auto plain = box.run(args);  // the harness runs with TZ=UTC and no LANG, like cron
    CHECK(plain.exit_code == 1);
    for (const auto& env : std::vector<std::map<std::string, std::string>>{
             {{"TZ", "America/Los_Angeles"}, {"LANG", "C"}},
             {{"TZ", "Asia/Shanghai"}, {"LANG", "zh_CN.UTF-8"}, {"LC_ALL", "zh_CN.UTF-8"}},
             {{"TZ", "Pacific/Kiritimati"}}}) {
      auto r = box.run(args, env);
      CHECK(r.exit_code == 1);
      CHECK(r.out == plain.out);
    }
    // Without --as-of, "today" is the college's (Asia/Shanghai), whatever TZ says.
    auto today = box.run_program("/bin/date", {"+%F"}, {{"TZ", "Asia/Shanghai"}});
    REQUIRE(today.exit_code == 0);
    const std::string shanghai = today.out.substr(0, 10);
    auto implicit =
        box.run({"--db", "college.db", "--lang", "en", "check", "--semester", "2026-autumn", "--format", "json"},
                {{"TZ", "Pacific/Pago_Pago"}});
    auto explicit_ = box.run({"--db", "college.db", "--lang", "en", "--as-of", shanghai, "check", "--semester",
                              "2026-autumn", "--format", "json"});
    CHECK(implicit.exit_code == explicit_.exit_code);
    CHECK(implicit.out == explicit_.out);
  }

  TEST_CASE("check --format json is stable and complete") {
    Sandbox box;
    build_scenario(box);
    auto r = box.run({"--db", "college.db", "--as-of", "2026-09-21", "check", "--format", "json"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("{\n  \"as_of\": \"2026-09-21\",\n  \"semester\": {\"id\": \"2026-autumn\", \"name\": "
                     "\"2026秋\", \"week\": 3, \"ended\": false},\n  \"counts\": {\"overdue\": 2, \"due_soon\": 3, "
                     "\"at_risk\": 0, "
                     "\"pending\": 0},\n  \"items\": [\n") == 0);
    CHECK(r.out.find("{\"status\": \"overdue\", \"rule\": \"talks\", \"counselor\": {\"id\": \"T001\", \"name\": "
                     "\"陈老师\"}, \"member\": {\"id\": \"2023110102\", \"name\": \"王强\"}, \"dorm\": \"1-103\", "
                     "\"student\": {\"id\": \"2025110106\", \"name\": \"刘六\"}, \"period\": 2, \"record\": null, "
                     "\"window\": {\"from\": \"2026-09-14\", \"to\": \"2026-09-20\"}, \"due\": \"2026-09-20\", "
                     "\"expected\": 1, \"found\": 0, \"late\": 0, \"case_status\": null, \"category\": null, "
                     "\"escalate_to\": null, \"acknowledged_at\": null, \"claimed_reported_at\": null, "
                     "\"repeat_of\": null}") != std::string::npos);
    auto text = box.run({"--db", "college.db", "--as-of", "2026-09-21", "--lang", "en", "check"});
    CHECK(text.out.find("Dorm contact check 2026-09-21 · 2026秋, week 3\n2 overdue · 3 due soon · 0 at risk\n") == 0);
  }
}

TEST_SUITE("e2e.check") {
  TEST_CASE("a name two students share is refused with their ids by check and report alike, never guessed") {
    Sandbox box;
    box.write("dormlink.toml", k_config);
    box.write("staff.csv", k_staff);
    std::string roster = students(1);
    roster += "2025110109,张一,男,英语,2025级,英语2501,1-104,13800000019,共青团员,,,否\n";  // a namesake
    box.write("students.csv", roster);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"init"}, {"import", "staff", "staff.csv"}, {"import", "students", "students.csv"}}) {
      std::vector<std::string> all{"--db", "college.db", "-q", "--as-of", "2026-09-07"};
      all.insert(all.end(), args.begin(), args.end());
      run_ok(box, all);
    }
    for (const auto& command :
         std::vector<std::vector<std::string>>{{"check", "--member", "张一"},
                                               {"check", "--digest", "--for", "member:张一"},
                                               {"report", "feedback", "--member", "张一", "--period", "1"}}) {
      std::vector<std::string> all{"--db", "college.db", "--as-of", "2026-09-21"};
      all.insert(all.end(), command.begin(), command.end());
      const auto r = box.run(all);
      INFO(command[0] << ": " << r.err);
      CHECK(r.exit_code == 64);
      CHECK(r.err.find("2 students have that name (2025110101 张一 英语2501, 2025110109 张一 英语2501); give the "
                       "student id") != std::string::npos);
    }
    std::vector<std::string> by_id{"--db", "college.db", "--as-of", "2026-09-21", "check", "--member", "2025110109"};
    CHECK(box.run(by_id).exit_code != 64);
  }
}
