// End-to-end: dormlink report assessment and report inspection on a two-week semester whose
// scores were worked out by hand (docs/reports.md "assessment").
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "harness.hpp"

using dormlink::e2e::Sandbox;

namespace {

// Weeks: 1 = 09-07..13, 2 = 09-14..20; reporting period 1 = weeks 1-2, form due Monday 09-21.
constexpr const char* k_config = R"(
[college]
name = "示例学院"
[[calendar.semester]]
id = "2026-autumn"
name = "2026秋"
first_monday = 2026-09-07
teaching_weeks = 2
[assignment]
min_dorms = 1
[duties]
orientation_weeks = 0
work_plan_due_week = 1
[reporting]
on_behalf_counts = true
)";

constexpr const char* k_staff =
    "工号,姓名,角色,联系方式,负责年级,负责班级,党支部\n"
    "T001,陈老师,辅导员,13900000001,2023级,,\n"
    "T002,王老师,检查组,13900000002,,,\n";

constexpr const char* k_students =
    "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
    "2023110101,李明,男,英语,2023级,英语2301,1-501,13800000001,中共党员,英语党支部,,是\n"
    "2023110102,王强,男,英语,2023级,英语2301,1-501,13800000002,中共党员,英语党支部,,否\n"
    "2025110101,张一,男,英语,2025级,英语2501,1-101,13800000011,共青团员,,,是\n"
    "2025110102,张二,男,英语,2025级,英语2501,1-101,13800000012,共青团员,,,否\n";

constexpr const char* k_header =
    "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型,工作进展及成效,说明,原因,事件类别,报告对象,报告时间\n";
constexpr const char* M1 = "2023110101";

std::string row(const char* dorm, const char* at, const char* kind, const char* students = "") {
  return std::string(M1) + "," + dorm + "," + at + "," + students + "," + kind + ",正常,,,,,\n";
}

std::vector<std::string> with(const char* as_of, std::vector<std::string> more) {
  std::vector<std::string> all{"--db", "college.db", "-q", "--as-of", as_of};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

void run_ok(const Sandbox& box, const std::vector<std::string>& args) {
  auto r = box.run(args);
  INFO(args.back() << ": " << r.err);
  REQUIRE(r.exit_code == 0);
}

// 李明 holds 1-101: week 1 complete (two visits, a talk with both residents, the plan), week 2
// one visit short (an activity, a symposium and the summary), the form handed in a day late.
// Records are entered by the real clock, after their due days: late entries, which count in
// full (only a late form or incident report costs half). By hand, as of 09-22: visits week 1
// met, week 2 overdue -> 1 of 2 -> 15 of 30; talks 4 of 4 -> 25; activity -> 10; symposium ->
// 10; form a day late -> 5 of 10; no incidents -> 5; plan and summary -> 5; no findings -> 5.
// Score 80.0: 合格.
void build_scenario(const Sandbox& box) {
  box.write("dormlink.toml", k_config);
  box.write("staff.csv", k_staff);
  box.write("students.csv", k_students);
  box.write("week1.csv", std::string(k_header) + row("", "2026-09-08 12:00", "plan") +
                             row("1-101", "2026-09-08 19:00", "visit") + row("1-101", "2026-09-10 19:00", "visit") +
                             row("1-101", "2026-09-10 19:30", "talk", "2025110101、2025110102"));
  box.write("week2.csv", std::string(k_header) + row("1-101", "2026-09-15 19:00", "visit") +
                             row("1-101", "2026-09-15 19:30", "talk", "2025110101、2025110102") +
                             row("1-101", "2026-09-16 20:00", "activity") +
                             row("1-101", "2026-09-17 20:00", "symposium") + row("", "2026-09-18 12:00", "summary"));
  run_ok(box, with("2026-09-07", {"init"}));
  run_ok(box, with("2026-09-07", {"import", "staff", "staff.csv"}));
  run_ok(box, with("2026-09-07", {"import", "students", "students.csv"}));
  run_ok(box, with("2026-09-07",
                   {"assign", "--semester", "2026-autumn", "--pin", "2023110101:1-101", "--pin", "2023110102:1-501"}));
  run_ok(box, with("2026-09-13", {"log-visit", "--from-csv", "week1.csv"}));
  run_ok(box, with("2026-09-20", {"log-visit", "--from-csv", "week2.csv"}));
  run_ok(box, with("2026-09-22", {"report", "feedback", "--member", M1, "--period", "1", "--semester", "2026-autumn",
                                  "--submit", "--on-behalf", "--reason", "代为整理", "-o", "form.md"}));
}

std::string line_with(const std::string& text, const std::string& start) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(start, 0) == 0) return line;
  return "";
}

}  // namespace

TEST_SUITE("e2e.assessment") {
  TEST_CASE("report assessment gives the hand-computed score, band and one row per component") {
    Sandbox box;
    build_scenario(box);
    auto r =
        box.run({"--db", "college.db", "--as-of", "2026-09-22", "report", "assessment", "--semester", "2026-autumn"});
    INFO(r.err);
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("## 李明（2023110101）· 80.0 · 合格") != std::string::npos);
    CHECK(line_with(r.out, "| 走访寝室 |").rfind("| 走访寝室 | 30 | 1 | 0 | 1 | 0 | 0 | 50.0% | 15.0 |", 0) == 0);
    CHECK(line_with(r.out, "| 谈心覆盖 |").rfind("| 谈心覆盖 | 25 | 4 | 0 | 0 | 0 | 0 | 100.0% | 25.0 |", 0) == 0);
    CHECK(line_with(r.out, "| 按时报送反馈表 |").rfind("| 按时报送反馈表 | 10 | 0 | 1 | 0 |", 0) == 0);
    for (const char* label : {"寝室活动", "座谈会", "突发事件按时报告", "工作计划与学期总结", "检查核实"}) {
      INFO(label);
      CHECK(line_with(r.out, std::string("| ") + label + " |").size() > 0);
    }
    CHECK(r.out.find("2026年9月14日—2026年9月20日") != std::string::npos);  // the visit week that cost points

    auto json = box.run({"--db", "college.db", "--as-of", "2026-09-22", "report", "assessment", "--semester",
                         "2026-autumn", "--format", "json", "--branch", "英语党支部"});
    INFO(json.err);
    REQUIRE(json.exit_code == 0);
    CHECK(json.out.find("\"id\": \"2023110101\", \"name\": \"李明\", \"branch\": \"英语党支部\", \"score\": 80.0, "
                        "\"band\": \"pass\"") != std::string::npos);

    auto en = box.run({"--db", "college.db", "--as-of", "2026-09-22", "--lang", "en", "report", "assessment",
                       "--semester", "2026-autumn"});
    REQUIRE(en.exit_code == 0);
    CHECK(en.out.find("## 李明 (2023110101) · 80.0 · pass") != std::string::npos);

    auto bad = box.run({"--db", "college.db", "--as-of", "2026-09-22", "report", "assessment", "--semester",
                        "2026-autumn", "--branch", "数学党支部"});
    CHECK(bad.exit_code == 64);
    CHECK(box.run({"--db", "college.db", "report", "assessment"}).exit_code == 64);
  }

  TEST_CASE("report inspection shows the discrepancy rate, and the contradiction lowers the assessment") {
    Sandbox box;
    build_scenario(box);
    run_ok(box, with("2026-09-18", {"inspect", "sample", "--semester", "2026-autumn", "--size", "2", "--seed", "7"}));
    const auto visit = box.query_int("college.db", "SELECT min(id) FROM record WHERE kind = 'visit'");
    const auto talk = box.query_int("college.db", "SELECT min(id) FROM record WHERE kind = 'talk'");
    run_ok(box, with("2026-09-22", {"inspect", "record", "--member", M1, "--dorm", "1-101", "--inspector", "王老师",
                                    "--confirmed", std::to_string(visit), "--contradicted",
                                    std::to_string(talk) + ":张一", "--note", "学生表示未谈心"}));

    auto r =
        box.run({"--db", "college.db", "--as-of", "2026-09-22", "report", "inspection", "--semester", "2026-autumn"});
    INFO(r.err);
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("| 1 | 2026-09-18 |") != std::string::npos);
    CHECK(r.out.find("| 李明 | 2023110101 | 英语党支部 | 1 | 2 | 50.0% |") != std::string::npos);
    CHECK(r.out.find("标记存疑的记录：#" + std::to_string(talk)) != std::string::npos);
    CHECK(r.out.find("学生表示未谈心") != std::string::npos);

    auto committee = box.run({"--db", "college.db", "--as-of", "2026-09-22", "report", "inspection", "--semester",
                              "2026-autumn", "--audience", "committee", "--format", "json"});
    REQUIRE(committee.exit_code == 0);
    CHECK(committee.out.find("\"contradicted\": 1, \"total\": 2, \"rate\": 0.5000") != std::string::npos);
    CHECK(committee.out.find("未谈心") == std::string::npos);

    // inspection 1 of 2 contradicted: 5 x 0.5 = 2.5 instead of 5 -> 77.5, still 合格
    auto a =
        box.run({"--db", "college.db", "--as-of", "2026-09-22", "report", "assessment", "--semester", "2026-autumn"});
    INFO(a.out);
    REQUIRE(a.exit_code == 0);
    CHECK(a.out.find("## 李明（2023110101）· 77.5 · 合格") != std::string::npos);
    CHECK(a.out.find("检查不属实的记录：#" + std::to_string(talk)) != std::string::npos);
  }
}
