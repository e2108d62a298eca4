// dormlink import form: members' returned forms (docs/forms.md "Filled forms in"), typed from
// scratch in the seed's five columns (GBK CSV, xlsx by LibreOffice) and filled in dormlink's own
// blank form (openpyxl, then re-saved by LibreOffice); the member's submission and what it counts.
#include <doctest/doctest.h>

#include <string>

#include "harness.hpp"

namespace dormlink::e2e {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Period 1 is teaching weeks 1-2 (2026-09-07 .. 09-20), its form due Monday 09-21.
constexpr const char* k_students =
    "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
    "2023110101,李明,男,英语,2023级,英语2301,1-501,13800000001,中共党员,英语党支部,,是\n"
    "2023110102,王强,男,英语,2023级,英语2301,1-501,13800000002,中共党员,英语党支部,,否\n"
    "2025110101,张一,男,英语,2025级,英语2501,1-101,13800000011,共青团员,,,是\n"
    "2025110102,张二,男,英语,2025级,英语2501,1-101,13800000012,共青团员,,,否\n"
    "2025110103,张一,男,英语,2025级,英语2501,1-101,13800000013,共青团员,,,否\n"
    "2025110201,刘一,男,英语,2025级,英语2501,1-102,13800000021,共青团员,,,是\n";

constexpr const char* M1 = "2023110101";  // 李明: 1-101
constexpr const char* M2 = "2023110102";  // 王强: 1-102

std::vector<std::string> at(const char* date, std::vector<std::string> more) {
  std::vector<std::string> args{"--db", "college.db", "--as-of", date};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

Result ok(const Sandbox& box, const std::vector<std::string>& args) {
  auto r = box.run(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

void build_college(const Sandbox& box) {
  box.write("dormlink.toml", k_small_config);
  box.write("staff.csv", k_small_staff);
  box.write("students.csv", k_students);
  ok(box, at("2026-09-07", {"init"}));
  ok(box, at("2026-09-07", {"import", "staff", "staff.csv"}));
  ok(box, at("2026-09-07", {"import", "students", "students.csv"}));
  ok(box, at("2026-09-07",
             {"assign", "--semester", "2026-autumn", "--pin", "2023110101:1-101", "--pin", "2023110102:1-102"}));
}

// The seed's five columns, typed from scratch: names with a masked phone, manners in any order,
// a row without names (a visit), 全体, a weekday in a two-week period named by its week.
constexpr const char* k_seed_form =
    "党员姓名,李明\n"
    "联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明\n"
    "1-101,2026-09-08 19:30,张二（当面）,了解学习情况,\n"
    "1-101,9月10日 19:00,,走访寝室，检查卫生,\n"
    "1-101,2026/9/15 19:30,张一 138****0011（谈心，电话）,,\n"
    "1-101,第2周周四 20:00,全体（座谈会）,寝室座谈,\n";

long long count(const Sandbox& box, const std::string& where) {
  return box.query_int("college.db", "SELECT count(*) FROM record WHERE " + where);
}

std::string gbk(const Sandbox& box, const std::string& name, const std::string& utf8) {
  box.write(name + ".utf8", utf8);
  auto r = box.run_program("/bin/sh", {"-c", "iconv -f utf-8 -t gbk " + name + ".utf8 > " + name});
  REQUIRE(r.exit_code == 0);
  return name;
}

bool python_has_openpyxl() {
  Sandbox probe;
  return probe.run_program("/usr/bin/python3", {"-c", "import openpyxl"}).exit_code == 0;
}

bool has_soffice() { return std::filesystem::exists("/usr/bin/soffice"); }

// Fills the blank form's table as a member would, with openpyxl: rows under the header row.
constexpr const char* k_fill = R"(
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book["反馈表"]
header = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "联系寝室名称")
rows = [
    ("1-101", "9月8日 19:30", "张二", "了解期中复习情况", "约定下周再谈", "谈心", "当面"),
    ("1-101", "2026-09-10 19:00", "", "走访寝室", "", "", ""),
    ("1-101", "第2周周二 晚上", "张一 138****0011、张二", "讨论学习计划", "", "", ""),
]
for i, row in enumerate(rows):
    for j, value in enumerate(row):
        if value:
            sheet.cell(header + 1 + i, j + 1, value)
book.save(sys.argv[2])
)";

// The period-1 form of a member as report feedback's JSON gives its contacts, one line each:
// kind|at|dorm|names|progress|note.
constexpr const char* k_contacts_py = R"(
import json, sys
form = json.load(open(sys.argv[1], encoding="utf-8"))
for c in form["contacts"]:
    names = "、".join(s["name"] for s in (c["students"] or []))
    print("|".join([c["kind"], c["at"], c["dorm"] or "", names, c["progress"], c["note"]]))
)";

// How many of check's items on 2026-09-23 are the member's period-1 form.
constexpr const char* k_form_items_py = R"(
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))["items"]
print(sum(1 for i in items if i["rule"] == "feedback_form" and i["member"]["id"] == sys.argv[2] and i["period"] == 1))
)";

std::string python(const Sandbox& box, const char* script, std::vector<std::string> args) {
  box.write("script.py", script);
  args.insert(args.begin(), "script.py");
  auto r = box.run_program("/usr/bin/python3", args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

std::string contacts_of(const Sandbox& box, const char* member) {
  ok(box, at("2026-09-23", {"report", "feedback", "--member", member, "--period", "1", "--format", "json", "-o",
                            "form.json", "--force"}));
  return python(box, k_contacts_py, {"form.json"});
}

std::string form_items(const Sandbox& box, const char* member) {
  auto r = box.run(at("2026-09-23", {"check", "--format", "json"}));
  REQUIRE(r.exit_code <= 1);
  box.write("check.json", r.out);
  return python(box, k_form_items_py, {"check.json", member});
}

// The rows both fills type, as report feedback shows them.
constexpr const char* k_filled_contacts =
    "talk|2026-09-08 19:30|1-101|张二|了解期中复习情况|约定下周再谈\n"
    "visit|2026-09-10 19:00|1-101||走访寝室|\n"
    "talk|2026-09-15 19:00|1-101|张二、张一|讨论学习计划|\n";

}  // namespace

TEST_SUITE("e2e.import_form") {
  TEST_CASE("import form: the seed's five columns as GBK CSV become talks and visits, and count as the member's form") {
    Sandbox box;
    build_college(box);
    gbk(box, "seed.csv", k_seed_form);
    auto dry = ok(box, at("2026-09-21", {"import", "form", "seed.csv", "--dry-run"}));
    CHECK(has(dry.out, "有姓名→谈心"));
    CHECK(has(dry.out, "无姓名→走访"));
    CHECK(count(box, "1") == 0);
    ok(box, at("2026-09-21", {"import", "form", "seed.csv", "--received", "2026-09-20 21:30"}));
    CHECK(count(box, "kind = 'talk'") == 2);
    CHECK(count(box, "kind = 'visit'") == 1);
    CHECK(count(box, "kind = 'symposium'") == 1);
    CHECK(count(box, "form_import IS NOT NULL") == 4);
    // The masked phone told the two 张一 apart; 全体 is every resident of 1-101.
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM record_student s JOIN record r ON r.id = s.record_id "
                        "WHERE r.channel = 'phone' AND s.student_id = '2025110101'") == 1);
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM record_student s JOIN record r ON r.id = s.record_id "
                        "WHERE r.kind = 'symposium'") == 3);
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM submission WHERE source = 'member' AND late = 0 AND subject_id = '" +
                            std::string(M1) + "'") == 1);
    auto check = box.run(at("2026-09-23", {"check", "--format", "json"}));
    CHECK_FALSE(has(check.out, "\"member\": \"" + std::string(M1) + "\", \"rule\": \"feedback_form\""));
    auto form = ok(box, at("2026-09-23", {"report", "feedback", "--member", M1, "--period", "1"}));
    CHECK(has(form.out, "报送情况：本人报送 2026-09-20 21:30"));
    CHECK(has(form.out, "seed.csv"));
    CHECK_FALSE(has(form.out, "13800000011"));
    // The file's name is free text: the committee sees that the member handed it in, not the name.
    auto committee =
        ok(box, at("2026-09-23", {"report", "feedback", "--member", M1, "--period", "1", "--audience", "committee"}));
    CHECK(has(committee.out, "本人报送"));
    CHECK_FALSE(has(committee.out, "seed.csv"));
    // The same file again: refused, naming the first import; nothing changes.
    auto again = box.run(at("2026-09-21", {"import", "form", "seed.csv"}));
    CHECK(again.exit_code == 65);
    CHECK(has(again.err, "already imported"));
    CHECK(count(box, "1") == 4);
    CHECK(box.run(at("2026-09-23", {"verify"})).exit_code == 0);
  }

  TEST_CASE("import form: every problem names file, row and column, and one bad file saves nothing at all") {
    Sandbox box;
    build_college(box);
    box.write("good.csv", std::string("学号,") + M2 +
                              "\n联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明\n"
                              "1-102,2026-09-08 19:30,刘一（谈心）,,\n");
    box.write("bad.csv", std::string("学号,") + M1 +
                             "\n联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明\n"
                             "1-101,2026-10-08 19:30,张二,,\n"          // outside period 1
                             "1-101,2026-09-09 19:30,张二（跳舞）,,\n"  // no such manner
                             "1-101,第1周周三 19:30,王五,,\n");         // no such resident
    auto r = box.run(at("2026-09-21", {"import", "form", "good.csv", "bad.csv"}));
    INFO(r.err);
    CHECK(r.exit_code == 65);
    CHECK(has(r.err, "bad.csv:3"));
    CHECK(has(r.err, "bad.csv:4"));
    CHECK(has(r.err, "bad.csv:5"));
    CHECK(has(r.err, "时间"));
    // Messages name the form's columns, never the options of log-visit; a row with a problem
    // is not resolved again (one message for the bad date, none about the member or dorm).
    CHECK(has(r.err, "bad.csv:5: column \"联系学生姓名及方式\" \"王五\": no current student"));
    CHECK_FALSE(has(r.err, "--talked"));
    CHECK_FALSE(has(r.err, "--member"));
    CHECK(has(r.err, "3 problems"));
    CHECK(count(box, "1") == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission") == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM form_import") == 0);
    // No rows and no tick: refused; with 本期无联系 ticked it is a submission with no records.
    box.write("empty.csv", std::string("学号,") + M2 + "\n联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明\n");
    auto empty = box.run(at("2026-09-21", {"import", "form", "empty.csv"}));
    CHECK(empty.exit_code == 65);
    CHECK(has(empty.err, "本期无联系"));
    box.write("none.csv", std::string("学号,") + M2 +
                              "\n本期无联系,是\n联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明\n");
    ok(box, at("2026-09-21", {"import", "form", "none.csv"}));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission WHERE source = 'member'") == 1);
    // A file named .xlsx that is no workbook; a --member who is not the form's member.
    box.write("junk.xlsx", "学号,2023110101\n");
    auto junk = box.run(at("2026-09-21", {"import", "form", "junk.xlsx"}));
    CHECK(junk.exit_code == 65);
    CHECK(has(junk.err, "junk.xlsx: not an Excel workbook"));
    auto other = box.run(at("2026-09-21", {"import", "form", "bad.csv", "--member", M2}));
    CHECK(other.exit_code == 65);
    CHECK(has(other.err, "the form is 李明 2023110101's, not --member 王强 2023110102's"));
    // An unknown --encoding is refused before any file is read, whatever the files are.
    auto encoding = box.run(at("2026-09-21", {"import", "form", "junk.xlsx", "--encoding", "latin9"}));
    CHECK(encoding.exit_code == 64);
    CHECK(has(encoding.err, "--encoding \"latin9\" is not known"));
    // log-visit --from-csv names its columns the same way.
    box.write("rows.csv",
              std::string("党员姓名,联系寝室名称,时间,联系学生姓名及方式\n") + M1 + ",1-101,2026-09-09 19:30,王五\n");
    auto csv = box.run(at("2026-09-21", {"log-visit", "--from-csv", "rows.csv"}));
    CHECK(csv.exit_code == 65);
    CHECK(has(csv.err, "rows.csv:2: column \"联系学生姓名及方式\" \"王五\""));
    // --strict refuses a guessed kind.
    box.write("guess.csv", std::string("学号,") + M1 +
                               "\n联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明\n"
                               "1-101,2026-09-08 19:30,张二,,\n");
    auto strict = box.run(at("2026-09-21", {"import", "form", "guess.csv", "--strict"}));
    CHECK(strict.exit_code == 65);
    CHECK(has(strict.err, "guess"));
  }

  TEST_CASE("import form: a second file for the same member and period replaces the first one's rows") {
    Sandbox box;
    build_college(box);
    box.write("v1.csv", std::string("学号,") + M1 +
                            "\n联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明\n"
                            "1-101,2026-09-08 19:30,张二（谈心）,,\n"
                            "1-101,2026-09-09 19:30,,,\n");
    box.write("v2.csv", std::string("学号,") + M1 +
                            "\n联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明\n"
                            "1-101,2026-09-08 19:30,张二（谈心）,,\n"
                            "1-101,2026-09-09 20:00,,,\n");
    ok(box, at("2026-09-21", {"import", "form", "v1.csv"}));
    ok(box, at("2026-09-22", {"import", "form", "v2.csv"}));
    CHECK(count(box, "kind = 'withdrawal'") == 2);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM form_import WHERE replaces IS NOT NULL") == 1);
    auto form = ok(box, at("2026-09-23", {"report", "feedback", "--member", M1, "--period", "1", "--format", "json"}));
    CHECK(has(form.out, "20:00"));
    CHECK_FALSE(has(form.out, "2026-09-09 19:30"));
    CHECK(box.run(at("2026-09-23", {"verify"})).exit_code == 0);
  }

  TEST_CASE("import form: a row the member already typed with log-visit is not recorded twice") {
    Sandbox box;
    build_college(box);
    ok(box, at("2026-09-10", {"log-visit", "--member", M1, "--dorm", "1-101", "--at", "2026-09-09 19:30"}));
    box.write("form.csv", std::string("学号,") + M1 +
                              "\n联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明\n"
                              "1-101,2026-09-08 19:30,张二（谈心）,,\n"
                              "1-101,2026-09-09 19:30,,,\n");
    auto dry = ok(box, at("2026-09-21", {"import", "form", "form.csv", "--dry-run"}));
    CHECK(has(dry.out, "已有 #1"));
    CHECK(has(dry.out, "新增"));
    auto r = ok(box, at("2026-09-21", {"import", "form", "form.csv"}));
    CHECK(has(r.err, "1 record #2, 1 row already recorded"));
    CHECK(count(box, "1") == 2);
    CHECK(count(box, "kind = 'visit'") == 1);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission WHERE source = 'member'") == 1);
  }

  TEST_CASE("a form the counselor submits on the member's behalf is shown as such and does not count by default") {
    Sandbox box;
    build_college(box);
    ok(box, at("2026-09-21", {"report", "feedback", "--member", M2, "--period", "1", "--submit", "--on-behalf",
                              "--reason", "本人住院"}));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission WHERE source = 'on_behalf'") == 1);
    auto check = box.run(at("2026-09-23", {"check"}));
    CHECK(check.exit_code == 1);
    CHECK(has(check.out, M2));
    auto form = ok(box, at("2026-09-23", {"report", "feedback", "--member", M2, "--period", "1"}));
    CHECK(has(form.out, "代为整理"));
    CHECK(has(form.out, "本人住院"));
    auto committee =
        ok(box, at("2026-09-23", {"report", "feedback", "--member", M2, "--period", "1", "--audience", "committee"}));
    CHECK(has(committee.out, "代为整理"));
    CHECK_FALSE(has(committee.out, "本人住院"));
    auto summary = ok(box, at("2026-09-23", {"report", "summary", "--counselor", "T001", "--period", "1"}));
    CHECK(has(summary.out, "（代为整理）"));
  }

  TEST_CASE("round trip: dormlink's blank form filled with openpyxl, and re-saved by LibreOffice, imports as typed") {
    if (!python_has_openpyxl()) {
      MESSAGE("python3-openpyxl is not installed (scripts/setup-deps.sh --test): skipped");
      return;
    }
    Sandbox box;
    build_college(box);
    ok(box, at("2026-09-07", {"form", "--member", M1, "--period", "current", "--out-dir", "."}));
    const std::string blank = "form-" + std::string(M1) + "-2026-autumn-p1.xlsx";
    box.write("fill.py", k_fill);
    auto filled = box.run_program("/usr/bin/python3", {"fill.py", blank, "filled.xlsx"});
    INFO(filled.err);
    REQUIRE(filled.exit_code == 0);
    auto dry = ok(box, at("2026-09-21", {"import", "form", "filled.xlsx", "--dry-run"}));
    CHECK(has(dry.out, "类型列"));
    CHECK(form_items(box, M1) == "1\n");
    ok(box, at("2026-09-21", {"import", "form", "filled.xlsx", "--received", "2026-09-20 22:00"}));
    CHECK(count(box, "kind = 'talk'") == 2);
    CHECK(count(box, "kind = 'visit'") == 1);
    // check: the member's form of the period is in; the form shows exactly the rows typed.
    CHECK(form_items(box, M1) == "0\n");
    CHECK(contacts_of(box, M1) == k_filled_contacts);
    auto form = ok(box, at("2026-09-23", {"report", "feedback", "--member", M1, "--period", "1"}));
    CHECK(has(form.out, "filled.xlsx"));
    // Another member's period: the form id does not match.
    auto other = box.run(at("2026-09-21", {"import", "form", "filled.xlsx", "--member", M2}));
    CHECK(other.exit_code == 65);
    if (!has_soffice()) {
      MESSAGE("libreoffice-calc-nogui is not installed (scripts/setup-deps.sh --test): skipped");
      return;
    }
    // LibreOffice opens the filled form and saves it again as xlsx: a different file, same rows.
    auto saved = box.run_program("/usr/bin/soffice", {"--headless", "-env:UserInstallation=file://" + box.path("lo"),
                                                      "--convert-to", "xlsx", "--outdir", "lo-out", "filled.xlsx"});
    INFO(saved.err);
    REQUIRE(saved.exit_code == 0);
    auto lo = ok(box, at("2026-09-22", {"import", "form", "lo-out/filled.xlsx", "--dry-run"}));
    CHECK(has(lo.out, "取代导入"));
    CHECK(has(lo.out, "类型列"));
  }

  TEST_CASE("round trip: dormlink's blank form filled in LibreOffice Calc headless imports as typed") {
    if (!has_soffice()) {
      MESSAGE("libreoffice-calc-nogui is not installed (scripts/setup-deps.sh --test): skipped");
      return;
    }
    Sandbox box;
    build_college(box);
    ok(box, at("2026-09-07", {"form", "--member", M1, "--period", "current", "--out-dir", "."}));
    const std::string blank = "form-" + std::string(M1) + "-2026-autumn-p1";
    // LibreOffice opens the blank form and saves it as flat ODS; the cells are written there
    // (tests/support/fods_fill.py); LibreOffice saves the result as xlsx.
    const std::vector<std::string> lo{"--headless", "-env:UserInstallation=file://" + box.path("lo")};
    auto convert = [&](const std::string& to, const std::string& file) {
      auto args = lo;
      args.insert(args.end(), {"--convert-to", to, "--outdir", "lo-out", file});
      auto r = box.run_program("/usr/bin/soffice", args);
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
    };
    convert("fods", blank + ".xlsx");
    box.write("rows.tsv",
              "1-101\t9月8日 19:30\t张二\t了解期中复习情况\t约定下周再谈\t谈心\t当面\n"
              "1-101\t2026-09-10 19:00\t\t走访寝室\t\t\t\n"
              "1-101\t第2周周二 晚上\t张一 138****0011、张二\t讨论学习计划\t\t\t\n");
    auto fill = box.run_program("/usr/bin/python3",
                                {std::string(DORMLINK_SOURCE_DIR) + "/tests/support/fods_fill.py",
                                 "lo-out/" + blank + ".fods", "filled.fods", "反馈表", "联系寝室名称", "rows.tsv"});
    INFO(fill.err);
    REQUIRE(fill.exit_code == 0);
    convert("xlsx", "filled.fods");
    CHECK(form_items(box, M1) == "1\n");
    auto r = ok(box, at("2026-09-21", {"import", "form", "lo-out/filled.xlsx", "--received", "2026-09-20 22:00"}));
    CHECK(has(r.err, "3 records"));
    CHECK(form_items(box, M1) == "0\n");
    CHECK(contacts_of(box, M1) == k_filled_contacts);
  }

  TEST_CASE("the example college's returned forms import into any new database of the college") {
    Sandbox box;
    setup_example_college(box);  // a database of its own: its own form secret
    ok(box, at("2026-09-07", {"-q", "assign", "--semester", "2026-autumn"}));
    box.copy_from_source("examples/college/forms/2023110104-李晴紫-第9-10周.csv", "li.csv");
    box.copy_from_source("examples/college/forms/2023110114-韩语慧-第5期.xlsx", "han.xlsx");
    auto r = ok(box, at("2026-11-16", {"import", "form", "li.csv", "han.xlsx"}));
    CHECK(has(r.err, "李晴紫 period 5"));
    CHECK(has(r.err, "韩语慧 period 5"));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission WHERE source = 'member' AND late = 0") == 2);
    CHECK(count(box, "kind = 'symposium'") == 1);
    CHECK(count(box, "kind = 'activity'") == 1);
  }

  TEST_CASE("the seed's form typed in LibreOffice (xlsx) imports like its CSV") {
    if (!has_soffice()) {
      MESSAGE("libreoffice-calc-nogui is not installed (scripts/setup-deps.sh --test): skipped");
      return;
    }
    Sandbox box;
    build_college(box);
    box.write("seed.csv", k_seed_form);
    auto made = box.run_program(
        "/usr/bin/soffice", {"--headless", "-env:UserInstallation=file://" + box.path("lo"), "--infilter=CSV:44,34,76",
                             "--convert-to", "xlsx", "--outdir", "xlsx", "seed.csv"});
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    ok(box, at("2026-09-21", {"import", "form", "xlsx/seed.xlsx"}));
    CHECK(count(box, "kind = 'talk'") == 2);
    CHECK(count(box, "kind = 'visit'") == 1);
    CHECK(count(box, "kind = 'symposium'") == 1);
  }
}

}  // namespace dormlink::e2e
