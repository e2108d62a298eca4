// End-to-end: dormlink report feedback / summary on a small hand-made college (the scenario of
// test_e2e_check.cpp, cut to what the reports need): the form's rows and gaps, Markdown that a
// real GFM parser (cmark-gfm) reads as one row per contact whatever a note holds, privacy and
// the audit trail, files (0600, no overwrite without --force), --submit and what `check` makes
// of it, --submitted byte for byte, and examples/biweekly.sh.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <sstream>

#include <sys/stat.h>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

// Weeks: 1 = 09-07..13, 2 = 09-14..20, 3 = 09-21..27 (holiday), 4 = 09-28..10-04,
// 5 = 10-05..11, 6 = 10-12..18 (exams). Reporting periods (1-2), (3-4), (5-6); forms due
// 09-21, 10-05, 10-19; summaries the Tuesdays after.
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
)";

constexpr const char* k_staff =
    "工号,姓名,角色,联系方式,负责年级,负责班级,党支部\n"
    "T001,陈老师,辅导员,13900000001,2023级,,\n";

// Members 李明 (M1: 1-101, 1-102 and the members' own 1-501) and 王强 (M2: 1-103, 1-104; leaves
// 09-30); 赵刚 becomes a member on 09-30 and takes over 王强's dorms by a repair. 陈四 is an
// attention student.
std::string students(int version) {
  std::string s = "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n";
  s += "2023110101,李明,男,英语,2023级,英语2301,1-501,13800000001,中共党员,英语党支部,,是\n";
  if (version < 2) s += "2023110102,王强,男,英语,2023级,英语2301,1-501,13800000002,中共党员,英语党支部,,否\n";
  s += std::string("2023110103,赵刚,男,英语,2023级,英语2301,1-501,13800000003,") +
       (version < 2 ? "入党积极分子" : "中共预备党员") + ",英语党支部,,否\n";
  s += "2025110101,张一,男,英语,2025级,英语2501,1-101,13800000011,共青团员,,,是\n";
  s += "2025110102,张二,男,英语,2025级,英语2501,1-101,13800000012,共青团员,,,否\n";
  s += "2025110103,陈三,男,英语,2025级,英语2501,1-102,13800000013,共青团员,,,是\n";
  s += "2025110104,陈四,男,英语,2025级,英语2501,1-102,13800000014,共青团员,,家庭经济困难,否\n";
  s += "2025110105,刘五,男,英语,2025级,英语2501,1-103,13800000015,共青团员,,,是\n";
  s += "2025110106,刘六,男,英语,2025级,英语2501,1-103,13800000016,共青团员,,,否\n";
  s += "2025110107,周七,男,英语,2025级,英语2501,1-104,13800000017,共青团员,,,是\n";
  return s;
}

constexpr const char* M1 = "2023110101";
constexpr const char* M2 = "2023110102";

// Records in the feedback form's columns.
std::string records_csv() {
  std::ostringstream r;
  r << "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型,工作进展及成效,说明\n";
  const auto add = [&](const char* member, const char* dorm, const char* at, const char* kind, const char* who = "",
                       const char* progress = "正常") {
    r << member << ',' << dorm << ',' << at << ',' << who << ',' << kind << ',' << progress << ",\n";
  };
  add(M1, "", "2026-09-08 12:00", "plan", "", "每周走访两次");
  // Week 1: 1-102 has one visit only.
  add(M1, "1-101", "2026-09-08 19:00", "visit");
  add(M1, "1-101", "2026-09-10 19:00", "visit");
  add(M1, "1-101", "2026-09-10 19:30", "talk", "张一、张二（当面）", "了解新学期适应情况");
  add(M1, "1-102", "2026-09-08 19:00", "visit");
  add(M1, "1-102", "2026-09-08 19:30", "talk", "陈三、陈四（当面）");
  add(M2, "1-103", "2026-09-09 19:00", "visit");
  add(M2, "1-103", "2026-09-11 19:00", "visit");
  add(M2, "1-103", "2026-09-11 19:30", "talk", "刘五、刘六");
  add(M2, "1-104", "2026-09-09 19:00", "visit");
  add(M2, "1-104", "2026-09-11 19:00", "visit");
  add(M2, "1-104", "2026-09-11 19:30", "talk", "周七");
  // Week 2: all visits and talks.
  for (const char* dorm : {"1-101", "1-102"}) {
    add(M1, dorm, "2026-09-15 19:00", "visit");
    add(M1, dorm, "2026-09-17 19:00", "visit");
  }
  add(M1, "1-101", "2026-09-17 19:30", "talk", "张一、张二");
  add(M1, "1-102", "2026-09-17 19:30", "talk", "陈三、陈四");
  for (const char* dorm : {"1-103", "1-104"}) {
    add(M2, dorm, "2026-09-15 19:00", "visit");
    add(M2, dorm, "2026-09-17 19:00", "visit");
  }
  add(M2, "1-103", "2026-09-17 19:30", "talk", "刘五、刘六");
  add(M2, "1-104", "2026-09-17 19:30", "talk", "周七");
  // 李明's own dorm 1-501 (#25-#30), where 王强 and 赵刚 live.
  for (const char* day : {"2026-09-09", "2026-09-16"}) {
    add(M1, "1-501", (std::string(day) + " 21:00").c_str(), "visit");
    add(M1, "1-501", (std::string(day) + " 21:30").c_str(), "visit");
    add(M1, "1-501", (std::string(day) + " 21:45").c_str(), "talk", "王强、赵刚");
  }
  return r.str();
}

void run_ok(const Sandbox& box, const std::vector<std::string>& args) {
  auto r = box.run(args);
  INFO(args.back() << ": " << r.err);
  REQUIRE(r.exit_code == 0);
}

std::vector<std::string> at(const char* as_of, std::vector<std::string> more) {
  std::vector<std::string> all{"--db", "college.db", "--as-of", as_of};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

// The scenario in the sandbox as college.db: rosters, the assignment of 09-07, the records of
// weeks 1-2 (entered on 09-20), 王强 leaving on 09-30 and the repair that gives his dorms to 赵刚.
void build_college(const Sandbox& box) {
  box.write("dormlink.toml", k_config);
  box.write("staff.csv", k_staff);
  box.write("students-v1.csv", students(1));
  box.write("students-v2.csv", students(2));
  box.write("records.csv", records_csv());
  run_ok(box, at("2026-09-07", {"-q", "init"}));
  run_ok(box, at("2026-09-07", {"-q", "import", "staff", "staff.csv"}));
  run_ok(box, at("2026-09-07", {"-q", "import", "students", "students-v1.csv"}));
  run_ok(box, at("2026-09-07",
                 {"-q", "assign", "--semester", "2026-autumn", "--pin", "2023110101:1-101", "--pin", "2023110101:1-102",
                  "--pin", "2023110101:1-501", "--pin", "2023110102:1-103", "--pin", "2023110102:1-104"}));
  run_ok(box, at("2026-09-20", {"-q", "log-visit", "--from-csv", "records.csv"}));
}

void leave_and_repair(const Sandbox& box) {
  run_ok(box, at("2026-09-30", {"-q", "import", "students", "students-v2.csv"}));
  run_ok(box, at("2026-09-30", {"-q", "assign", "--repair"}));
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

int count_of(const std::string& text, const std::string& part) {
  int n = 0;
  for (auto i = text.find(part); i != std::string::npos; i = text.find(part, i + part.size())) ++n;
  return n;
}

// The rows of the form's contact table: lines between its delimiter row and the blank line.
std::vector<std::string> contact_rows(const std::string& md) {
  std::vector<std::string> rows;
  std::istringstream in(md);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line == "| --- | --- | --- | --- | --- |") {
      inside = true;
    } else if (inside && line.rfind("| ", 0) == 0) {
      rows.push_back(line);
    } else if (inside) {
      break;
    }
  }
  return rows;
}

// The check listing as "status rule member period" lines (CSV columns 0, 1, 4, 9).
std::vector<std::string> check_lines(const Sandbox& box, const char* as_of) {
  auto r = box.run(at(as_of, {"check", "--format", "csv"}));
  std::vector<std::string> lines;
  std::istringstream in(r.out);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    std::stringstream cells_in(line);
    std::string cell;
    while (std::getline(cells_in, cell, ',')) cells.push_back(cell);
    if (cells.size() > 9) lines.push_back(cells[0] + " " + cells[1] + " " + cells[4] + " p" + cells[9]);
  }
  return lines;
}

bool listed(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::string sqlite(const Sandbox& box, const std::string& sql) {
  auto r = box.run_program("/usr/bin/sqlite3", {box.path("college.db"), sql});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// The form status of a member in the summary's JSON ("met", "met_late", "overdue", ...).
std::string form_status(const Sandbox& box, const char* as_of, const char* period, const char* member) {
  auto r = box.run(at(as_of, {"report", "summary", "--counselor", "T001", "--period", period, "--format", "json"}));
  REQUIRE(r.exit_code == 0);
  std::smatch m;
  const std::regex form(std::string("\\{\"id\": \"") + member + "\"[^\\n]*\"form\": (\"[a-z_]+\"|null)");
  REQUIRE(std::regex_search(r.out, m, form));
  return m[1].str();
}

}  // namespace

TEST_SUITE("e2e.report") {
  TEST_CASE("the feedback form: one row per effective contact, what was required and what is missing") {
    Sandbox box;
    build_college(box);
    auto r = box.run(at("2026-09-21", {"report", "feedback", "--member", "李明", "--period", "1"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("# 学生党员联系寝室情况反馈表\n\n党员姓名：李明（2023110101）　　报送时间：2026年9月21日\n\n"
                      "- 学院：示例学院　学期：2026秋　第1期（第1—2周，2026年9月7日—2026年9月20日）\n"
                      "- 党支部：英语党支部　班级：英语2301　辅导员：陈老师（T001）\n"
                      "- 应报送：2026年9月21日（报送辅导员和党支部书记）\n",
                      0) == 0);
    const auto rows = contact_rows(r.out);
    REQUIRE(rows.size() == 17);  // 李明's 11 visits and 6 talks of weeks 1-2; the plan is no contact
    // Every record here was entered after its week (by the real clock), so each says so.
    const auto talk =
        std::find_if(rows.begin(), rows.end(), [](const std::string& row) { return has(row, "记录 \\#4 |"); });
    REQUIRE(talk != rows.end());
    CHECK(std::regex_match(
        *talk, std::regex("\\| 1-101 \\| 2026年9月10日 19:30 \\| 张二 138\\\\\\*\\\\\\*\\\\\\*\\\\\\*0012、"
                          "张一 138\\\\\\*\\\\\\*\\\\\\*\\\\\\*0011（谈心，当面） \\| 了解新学期适应情况 \\| "
                          "补录于2026年[^|]+；记录 \\\\#4 \\|")));
    // check::evaluate's verdicts: week 1's second visit to 1-102 is missing; the form is due today.
    CHECK(has(r.out, "| 走访 | 1-102 | 第1周 | 2 | 1 | 逾期 | 2026年9月13日 |"));
    CHECK(has(r.out, "## 尚缺\n\n- 1-102 第1周 走访：应 2，实 1（逾期，截止 2026年9月13日）\n"));
    CHECK(has(r.out, "- 第1期 反馈表：应 1，实 0（即将到期，截止 2026年9月21日）\n"));
    CHECK(has(r.out, "- 1-501 本学期 座谈会：应 1，实 0（有风险，截止 2026年10月18日）\n"));  // at risk, not due yet
    CHECK(has(r.out, "记录链头 `"));
    const auto head = sqlite(box, "SELECT hash FROM record ORDER BY id DESC LIMIT 1");
    CHECK(has(r.out, "`" + head.substr(0, 64) + "`（共 30 条记录）"));
  }

  TEST_CASE("a corrected record shows in its corrected version, marked, a withdrawn one not at all") {
    Sandbox box;
    build_college(box);
    run_ok(box, at("2026-09-21", {"-q", "log-visit", "--corrects", "4", "--reason", "时间记错", "--member", M1,
                                  "--dorm", "1-101", "--kind", "谈心", "--at", "2026-09-10 20:00", "--talked",
                                  "张一,张二", "--progress", "了解新学期适应情况（更正）"}));
    run_ok(box, at("2026-09-21", {"-q", "withdraw", "5", "--reason", "重复录入"}));
    auto r = box.run(at("2026-09-21", {"report", "feedback", "--member", M1, "--period", "1"}));
    REQUIRE(r.exit_code == 0);
    const auto rows = contact_rows(r.out);
    CHECK(rows.size() == 16);  // #4 replaced by #31, #5 withdrawn
    CHECK(has(r.out,
              "| 1-101 | 2026年9月10日 20:00 | 张二 138\\*\\*\\*\\*0012、张一 138\\*\\*\\*\\*0011（谈心，当面） | "
              "了解新学期适应情况（更正） | 已更正（更正记录 \\#4，原因：时间记错）；补录于"));
    CHECK(has(r.out, "；记录 \\#31 |\n"));
    CHECK_FALSE(has(r.out, "记录 \\#4 |"));
    CHECK_FALSE(has(r.out, "记录 \\#5 |"));
  }

  TEST_CASE("a hostile note cannot break the table: cmark-gfm sees one row of five cells per contact") {
    Sandbox box;
    build_college(box);
    const std::string note = "a | b\nsecond line \\ back`tick` *bold* <script>alert(1)</script>";
    run_ok(box, at("2026-09-21", {"-q", "log-visit", "--member", M1, "--dorm", "1-101", "--at", "2026-09-12 10:00",
                                  "--note", note, "--progress", "# heading? | pipe"}));
    auto r = box.run(at("2026-09-21", {"report", "feedback", "--member", M1, "--period", "1", "-o", "form.md"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto html = box.run_program("/usr/bin/cmark-gfm", {"-e", "table", "--unsafe", box.path("form.md")});
    INFO(html.err);
    REQUIRE(html.exit_code == 0);
    // The first table is the form's: header + 18 contact rows, each exactly 5 cells.
    const auto table = html.out.substr(0, html.out.find("</table>"));
    const auto body = table.substr(table.find("<tbody>"));
    CHECK(count_of(body, "<tr>") == 18);
    CHECK(count_of(body, "<td") == 90);
    std::istringstream rows(body);
    std::string line;
    int cells = -1;
    while (std::getline(rows, line)) {
      if (line == "<tr>") cells = 0;
      if (line.rfind("<td", 0) == 0) ++cells;
      if (line == "</tr>") CHECK(cells == 5);
    }
    CHECK_FALSE(has(html.out, "<script>"));
    CHECK(has(html.out, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(has(html.out, "<td>a | b↵second line \\ back`tick` *bold* &lt;script&gt;"));
    CHECK(has(html.out, "<td># heading? | pipe</td>"));
  }

  TEST_CASE("--period current and previous come from --as-of and the calendar") {
    Sandbox box;
    build_college(box);
    auto current = box.run(at("2026-09-22", {"report", "feedback", "--member", M1, "--period", "current"}));
    CHECK(current.exit_code == 0);
    CHECK(has(current.out, "第2期（第3—4周，2026年9月21日—2026年10月4日）"));
    auto previous = box.run(at("2026-09-22", {"report", "feedback", "--member", M1, "--period", "previous"}));
    CHECK(has(previous.out, "第1期（第1—2周，2026年9月7日—2026年9月20日）"));
    // After the semester: its last period is the previous one; "current" has none.
    auto last = box.run(at("2026-10-19", {"report", "summary", "--counselor", "T001", "--period", "previous"}));
    CHECK(last.exit_code == 0);
    CHECK(has(last.out, "第3期（第5—6周，2026年10月5日—2026年10月18日）"));
    auto none = box.run(at("2026-10-19", {"report", "summary", "--counselor", "T001", "--period", "current"}));
    CHECK(none.exit_code == 64);
    CHECK(none.err ==
          "dormlink: error: --period current: 2026-10-19 is outside the teaching weeks of every semester; "
          "give --period N and --semester ID\n");
    auto early = box.run(at("2026-09-22", {"report", "feedback", "--member", M1, "--period", "3"}));
    CHECK(early.exit_code == 64);
    CHECK(has(early.err, "period 3 of 2026-autumn begins on 2026-10-05, after 2026-09-22; nothing to report yet"));
  }

  TEST_CASE(
      "--submit --on-behalf: the form counts for check when the config allows, late after its due day, "
      "--submitted reprints it byte for byte") {
    Sandbox box;
    build_college(box);
    // Without [reporting] on_behalf_counts the counselor's submission does not stand for the member.
    auto plain = box.run(at("2026-09-20", {"report", "feedback", "--member", M2, "--period", "1", "--submit"}));
    CHECK(plain.exit_code == 64);
    CHECK(has(plain.err, "dormlink import form"));
    box.write("dormlink.toml", std::string(k_config) + "[reporting]\non_behalf_counts = true\n");
    // 王强 hands in period 1's form on Sunday 09-20, before it is due: met.
    auto early = box.run(at("2026-09-20", {"report", "feedback", "--member", M2, "--period", "1", "--submit",
                                           "--on-behalf", "--reason", "代为整理"}),
                         {{"DORMLINK_MESSAGES", ""}});
    INFO(early.err);
    REQUIRE(early.exit_code == 0);
    CHECK(std::regex_search(early.err, std::regex("已报送 #1：王强（2023110102）第1期反馈表，报送于 2026-09-20 "
                                                  "[0-9:]{8}，截止 2026-09-21\n")));
    // 李明's form is overdue on 09-23 and not yet submitted.
    CHECK(listed(check_lines(box, "2026-09-23"), "overdue feedback_form 2023110101 p1"));
    CHECK_FALSE(listed(check_lines(box, "2026-09-23"), "overdue feedback_form 2023110102 p1"));
    CHECK(form_status(box, "2026-09-23", "1", M1) == "\"overdue\"");
    CHECK(form_status(box, "2026-09-23", "1", M2) == "\"met\"");

    auto late = box.run(at("2026-09-23", {"report", "feedback", "--member", M1, "--period", "1", "--submit",
                                          "--on-behalf", "--reason", "代为整理"}),
                        {{"DORMLINK_MESSAGES", ""}});
    REQUIRE(late.exit_code == 0);
    CHECK(has(late.err, "，截止 2026-09-21，逾期\n"));
    CHECK_FALSE(listed(check_lines(box, "2026-09-23"), "overdue feedback_form 2023110101 p1"));
    CHECK(form_status(box, "2026-09-23", "1", M1) == "\"met_late\"");
    // Before the submission's date, check does not see it.
    CHECK(listed(check_lines(box, "2026-09-22"), "overdue feedback_form 2023110101 p1"));

    CHECK(sqlite(box,
                 "SELECT kind, subject_id, period, due_date, late, language, format, audience, sensitive, "
                 "substr(submitted_at, 1, 10), record_count FROM submission ORDER BY id") ==
          "feedback|2023110102|1|2026-09-21|0|zh|md|counselor|0|2026-09-20|30\n"
          "feedback|2023110101|1|2026-09-21|1|zh|md|counselor|0|2026-09-23|30\n");
    CHECK(sqlite(box, "SELECT chain_head = (SELECT hash FROM record ORDER BY id DESC LIMIT 1) FROM submission") ==
          "1\n1\n");
    CHECK(sqlite(box, "SELECT document FROM submission WHERE id = 2") == late.out + "\n");

    // A second submission; --submitted prints the latest, byte for byte, and says which.
    auto again = box.run(at("2026-09-24", {"--lang", "en", "report", "feedback", "--member", M1, "--period", "1",
                                           "--submit", "--on-behalf", "--reason", "代为整理", "--format", "json"}));
    REQUIRE(again.exit_code == 0);
    auto reprint = box.run(at("2026-10-30", {"report", "feedback", "--member", M1, "--period", "1", "--submitted"}),
                           {{"DORMLINK_MESSAGES", ""}});
    INFO(reprint.err);
    REQUIRE(reprint.exit_code == 0);
    CHECK(reprint.out == again.out);
    CHECK(std::regex_search(reprint.err,
                            std::regex("^报送记录 #3（第 2 次，共 2 次）：tester 于 2026-09-24 [0-9:]{8} 报送，"
                                       "json，截止 2026-09-21，逾期，记录链头 [0-9a-f]{12}（30 条）\n")));
    auto sha = box.run_program("/bin/sh", {"-c",
                                           "sqlite3 college.db 'SELECT document FROM submission WHERE id = 3' | "
                                           "head -c -1 | sha256sum | cut -c1-64; "
                                           "sqlite3 college.db 'SELECT document_sha256 FROM submission WHERE id = 3'"});
    CHECK(sha.out.substr(0, 65) == sha.out.substr(65));
    auto none = box.run(at("2026-10-30", {"report", "feedback", "--member", M1, "--period", "2", "--submitted"}));
    CHECK(none.exit_code == 66);
    CHECK(none.err ==
          "dormlink: error: 李明 (2023110101) has no submitted feedback form for period 2 of 2026-autumn; "
          "submit one with --submit\n");
  }

  TEST_CASE("the counselor's summary: --submit counts for check's counselor_summary") {
    Sandbox box;
    build_college(box);
    CHECK(listed(check_lines(box, "2026-09-23"), "overdue counselor_summary  p1"));
    auto r = box.run(at("2026-09-22", {"report", "summary", "--counselor", "陈老师", "--period", "1", "--submit"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK_FALSE(listed(check_lines(box, "2026-09-23"), "overdue counselor_summary  p1"));
    CHECK(sqlite(box, "SELECT kind, subject_id, due_date, late, audience FROM submission") ==
          "summary|T001|2026-09-22|0|committee\n");
  }

  TEST_CASE("the summary: members and dorms against what was required, changes in assignment, no names of residents") {
    Sandbox box;
    build_college(box);
    leave_and_repair(box);
    auto r = box.run(at("2026-09-22", {"report", "summary", "--counselor", "T001", "--period", "1"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("# 示例学院学生党员联系寝室工作情况汇总\n\n辅导员：陈老师（T001）　　报送时间：2026年9月22日\n",
                      0) == 0);
    CHECK(has(r.out,
              "| 李明 | 2023110101 | 3 | 11/12 | 12/12 | 6/6（100%） | 未报送（逾期） | 2 |\n"
              "| 王强 | 2023110102 | 2 | 8/8 | 6/6 | 3/3（100%） | 未报送（逾期） | 2 |\n"  // and the work plan
              "| 合计 |  | 5 | 19/20 | 18/18 | 9/9（100%） | 0/2 | 4 |\n"));
    CHECK(has(r.out, "| 1-102 | 李明 | 3/4 | 4/4 | 2/2（100%） |\n| 1-103 | 王强 | 4/4 | 4/4 | 2/2（100%） |\n"));
    CHECK(has(r.out, "本期应谈心的重点关注学生 <3 人：均已谈心 <3 人，有遗漏 — 人。"));
    for (const char* resident : {"张一", "陈四", "刘五", "1380000"}) CHECK_FALSE(has(r.out, resident));

    // Period 2 holds the repair of 09-30: 王强's dorms went to 赵刚.
    auto p2 = box.run(at("2026-10-06", {"report", "summary", "--counselor", "T001", "--period", "2"}));
    REQUIRE(p2.exit_code == 0);
    CHECK(has(p2.out, "## 联系安排变动\n\n- 2026年9月30日 1-103：王强 → 赵刚\n- 2026年9月30日 1-104：王强 → 赵刚\n"));
    auto en = box.run(at("2026-10-06", {"--lang", "en", "report", "summary", "--counselor", "T001", "--period", "2"}));
    CHECK(has(en.out, "## Assignment changes\n\n- 2026-09-30 1-103: 王强 → 赵刚\n"));
  }

  TEST_CASE("privacy: sensitive fields need --include-sensitive --reason and leave an audit row") {
    Sandbox box;
    build_college(box);
    const auto form = [&](std::vector<std::string> more) {
      std::vector<std::string> args{"report", "feedback", "--member", M1, "--period", "1"};
      args.insert(args.end(), more.begin(), more.end());
      return box.run(at("2026-09-21", args));
    };
    auto plain = form({});
    CHECK(has(plain.out, "138\\*\\*\\*\\*0014"));
    CHECK_FALSE(has(plain.out, "家庭经济困难"));
    auto no_reason = form({"--include-sensitive"});
    CHECK(no_reason.exit_code == 64);
    CHECK(no_reason.err ==
          "dormlink: error: --include-sensitive needs --reason TEXT: say why the sensitive fields are needed\n");
    CHECK(box.query_int("college.db", "SELECT count(*) FROM sensitive_access") == 0);

    auto sensitive = form({"--include-sensitive", "--reason", "学生资助评定"});
    INFO(sensitive.err);
    REQUIRE(sensitive.exit_code == 0);
    CHECK(has(sensitive.out, "陈四 13800000014〔重点关注：家庭经济困难〕"));
    CHECK(sqlite(box, "SELECT accessed_by, command, audience, reason FROM sensitive_access") ==
          "tester|report feedback --member 2023110101 --semester 2026-autumn --period 1|counselor|学生资助评定\n");

    auto committee = form({"--audience", "committee", "--include-sensitive", "--reason", "党委抽查"});
    REQUIRE(committee.exit_code == 0);
    for (const char* secret : {"1380000", "陈四", "家庭经济困难"}) CHECK_FALSE(has(committee.out, secret));
    CHECK(has(committee.out, "| 1-102 | 2026年9月8日 19:30 | 2名学生（谈心，当面） |"));

    // A sensitive submission is printed again only with a reason, and that is audited too.
    REQUIRE(form({"--include-sensitive", "--reason", "报送", "--submit", "--on-behalf"}).exit_code == 0);
    auto reprint = form({"--submitted"});
    CHECK(reprint.exit_code == 64);
    CHECK(has(reprint.err, "submission #1 holds sensitive fields; pass --include-sensitive --reason TEXT"));
    CHECK(form({"--submitted", "--include-sensitive", "--reason", "复核"}).exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM sensitive_access") == 4);
  }

  TEST_CASE("files: 0600, never overwritten without --force (73), -o - is stdout, a refused run writes nothing") {
    Sandbox box;
    build_college(box);
    const std::vector<std::string> form{"report", "feedback", "--member", M1, "--period", "1"};
    auto with = [&](std::vector<std::string> more) {
      auto args = form;
      args.insert(args.end(), more.begin(), more.end());
      return at("2026-09-21", args);
    };
    auto stdout_run = box.run(with({}));
    auto dash = box.run(with({"-o", "-"}));
    CHECK(dash.out == stdout_run.out);
    REQUIRE(box.run(with({"-o", "form.md"})).exit_code == 0);
    CHECK(box.read("form.md") == stdout_run.out);
    struct stat st {};
    REQUIRE(::stat(box.path("form.md").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    box.write("form.md", "mine");
    auto refused = box.run(with({"-o", "form.md", "--submit", "--on-behalf", "--reason", "代为整理"}));
    CHECK(refused.exit_code == 73);
    CHECK(refused.err == "dormlink: error: form.md already exists; pass --force to overwrite it\n");
    CHECK(box.read("form.md") == "mine");
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission") == 0);
    CHECK(box.run(with({"-o", "form.md", "--force"})).exit_code == 0);
    CHECK(box.read("form.md") == stdout_run.out);

    // --all --out-dir: one file per member, named by student id and period. A file that is
    // already there stops the run before anything is recorded.
    box.write("out/feedback-2023110102-p1.md", "old");
    auto all =
        box.run(at("2026-09-21", {"report", "feedback", "--all", "--counselor", "T001", "--period", "1", "--out-dir",
                                  "out", "--submit", "--on-behalf", "--include-sensitive", "--reason", "x"}));
    CHECK(all.exit_code == 73);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission") == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM sensitive_access") == 0);
    auto forced = box.run(at("2026-09-21", {"report", "feedback", "--all", "--counselor", "T001", "--period", "1",
                                            "--out-dir", "out", "--force"}));
    INFO(forced.err);
    CHECK(forced.exit_code == 0);
    CHECK(box.read("out/feedback-2023110101-p1.md") == stdout_run.out);
    CHECK(has(box.read("out/feedback-2023110102-p1.md"), "党员姓名：王强（2023110102）"));
  }

  TEST_CASE("--all: every member due a form, one section each, by pinyin, report never writes without --submit") {
    Sandbox box;
    build_college(box);
    const auto before = box.read("college.db") + box.read("college.db-wal");
    auto all = box.run(at("2026-09-21", {"report", "feedback", "--all", "--period", "1"}));
    REQUIRE(all.exit_code == 0);
    CHECK(count_of(all.out, "# 学生党员联系寝室情况反馈表\n") == 2);
    CHECK(all.out.find("党员姓名：李明") < all.out.find("党员姓名：王强"));  // li < wang
    auto one = box.run(at("2026-09-21", {"report", "feedback", "--member", M1, "--period", "1"}));
    CHECK(all.out.rfind(one.out, 0) == 0);
    auto json = box.run(at("2026-09-21", {"report", "feedback", "--all", "--period", "1", "--format", "json"}));
    CHECK(json.out.rfind("[\n{\n  \"kind\": \"feedback\",", 0) == 0);
    CHECK(count_of(json.out, "\"kind\": \"feedback\"") == 2);
    CHECK(box.read("college.db") + box.read("college.db-wal") == before);
  }

  TEST_CASE("examples/biweekly.sh writes every form and the summary of the period that just ended") {
    Sandbox box;
    build_college(box);
    const std::string script = std::string(DORMLINK_SOURCE_DIR) + "/examples/biweekly.sh";
    const std::map<std::string, std::string> env{{"DORMLINK", DORMLINK_BINARY}, {"DORMLINK_DB", "college.db"}};
    auto r = box.run_program("/bin/sh", {script, "T001", "--as-of", "2026-09-21", "--submit"}, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "reports/2026-09-21: 4 files, reports/2026-09-21/forms: 2 blank forms\n");
    CHECK(has(box.read("reports/2026-09-21/feedback-2023110101-p1.md"), "党员姓名：李明"));
    CHECK(has(box.read("reports/2026-09-21/summary-T001-p1.md"), "辅导员：陈老师（T001）"));
    // ... and as one HTML page with its charts.
    const auto html = box.read("reports/2026-09-21/summary-T001-p1.html");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(has(html, "陈老师"));
    CHECK(has(html, "<svg"));
    // The running period's blank forms beside them (period 2).
    CHECK(box.read("reports/2026-09-21/forms/form-2023110101-2026-autumn-p2.xlsx").substr(0, 2) == "PK");
    CHECK(box.read("reports/2026-09-21/forms/form-2023110102-2026-autumn-p2.xlsx").substr(0, 2) == "PK");
    // --submit hands in the counselor's summary only: the members' forms are theirs to hand in.
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission WHERE late = 0") == 1);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission WHERE kind = 'feedback'") == 0);
    auto again = box.run_program("/bin/sh", {script, "T001", "--as-of", "2026-09-21"}, env);
    CHECK(again.exit_code == 73);
    auto bad = box.run_program("/bin/sh", {script}, env);
    CHECK(bad.exit_code == 64);
    // After the semester's last period none is running: the reports are written all the same.
    auto last = box.run_program("/bin/sh", {script, "T001", "--as-of", "2026-10-19"}, env);
    INFO(last.err);
    CHECK(last.exit_code == 0);
    CHECK(has(last.err, "--period current"));
    CHECK(has(last.err, "no blank forms for the period now running (see above)"));
    CHECK(last.out == "reports/2026-10-19: 4 files, reports/2026-10-19/forms: 0 blank forms\n");
  }
}
