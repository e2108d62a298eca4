// End-to-end: dormlink export TABLE on a small hand-made college: CSV for Excel (BOM, CRLF,
// formula cells neutralised) and --raw, JSON, privacy by audience with the audit trail, files
// (0600, no overwrite without --force), effective records, and a students export that
// re-imports to the same roster byte for byte.
#include <doctest/doctest.h>

#include <algorithm>

#include <sys/stat.h>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

constexpr const char* k_config = dormlink::e2e::k_small_config;

constexpr const char* k_staff = dormlink::e2e::k_small_staff;

// 王强's major starts with '=' (a formula to Excel); 陈四 is an attention student.
constexpr const char* k_students =
    "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
    "2023110102,王强,男,=1+1,2023级,英语2301,1-501,13800000002,中共党员,英语党支部,,否\n"
    "2023110101,李明,男,英语,2023级,英语2301,1-501,13800000001,中共预备党员,英语党支部,,是\n"
    "2023110103,赵刚,男,英语,2023级,英语2301,1-501,13800000003,入党积极分子,,,否\n"
    "2025110104,陈四,男,英语,2025级,英语2501,1-102,13800000014,共青团员,,家庭经济困难;心理素质较差,否\n"
    "2025110103,陈三,男,\"英语, 双学位\",2025级,英语2501,1-102,,共青团员,,,是\n"
    "2025110101,张一,男,英语,2025级,英语2501,1-101,13800000011,群众,,,是\n";

std::vector<std::string> at(const char* db, std::vector<std::string> more, const char* as_of = "2026-09-21") {
  std::vector<std::string> all{"--db", db, "--as-of", as_of};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

std::vector<std::string> at(std::vector<std::string> more) { return at("college.db", std::move(more)); }

void run_ok(const Sandbox& box, const std::vector<std::string>& args) {
  auto r = box.run(args);
  INFO(args.back() << ": " << r.err);
  REQUIRE(r.exit_code == 0);
}

void build_college(const Sandbox& box) {
  box.write("dormlink.toml", k_config);
  box.write("staff.csv", k_staff);
  box.write("students.csv", k_students);
  run_ok(box, at("college.db", {"-q", "init"}, "2026-09-07"));
  run_ok(box, at("college.db", {"-q", "import", "staff", "staff.csv"}, "2026-09-07"));
  run_ok(box, at("college.db", {"-q", "import", "students", "students.csv"}, "2026-09-07"));
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Rows of a CSV text split on its line ends (no field here holds a line break).
std::vector<std::string> lines(const std::string& text, const std::string& eol) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find(eol, pos);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(pos, end - pos));
    pos = end + eol.size();
  }
  return out;
}

}  // namespace

TEST_SUITE("e2e.export") {
  TEST_CASE("students for Excel: BOM, CRLF, by pinyin, phones masked, no attention, formulas neutralised") {
    Sandbox box;
    build_college(box);
    auto r = box.run(at({"export", "students"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.out.rfind("\xEF\xBB\xBF", 0) == 0);
    const auto rows = lines(r.out.substr(3), "\r\n");
    REQUIRE(rows.size() == 7);
    CHECK(rows[0] == "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,寝室长");
    CHECK(rows[1] == "2025110103,陈三,男,\"英语, 双学位\",2025级,英语2501,1-102,,共青团员,,是");
    CHECK(rows[2] == "2025110104,陈四,男,英语,2025级,英语2501,1-102,138****0014,共青团员,,");
    CHECK(rows[3] == "2023110101,李明,男,英语,2023级,英语2301,1-501,138****0001,中共预备党员,英语党支部,是");
    CHECK(rows[4] == "2023110102,王强,男,'=1+1,2023级,英语2301,1-501,138****0002,中共党员,英语党支部,");
    CHECK(rows[5].rfind("2025110101,张一,", 0) == 0);
    CHECK(rows[6].rfind("2023110103,赵刚,", 0) == 0);
    CHECK_FALSE(has(r.out, "家庭经济困难"));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM sensitive_access") == 0);
  }

  TEST_CASE("--raw: no BOM, LF, cells as they are, members are 中共党员 and 预备党员 only") {
    Sandbox box;
    build_college(box);
    auto r = box.run(at({"export", "members", "--raw"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out ==
          "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,寝室长\n"
          "2023110101,李明,男,英语,2023级,英语2301,1-501,138****0001,中共预备党员,英语党支部,是\n"
          "2023110102,王强,男,=1+1,2023级,英语2301,1-501,138****0002,中共党员,英语党支部,\n");
  }

  TEST_CASE("--include-sensitive needs --reason and is audited, the committee gets no names") {
    Sandbox box;
    build_college(box);
    auto no_reason = box.run(at({"export", "students", "--include-sensitive"}));
    CHECK(no_reason.exit_code == 64);
    CHECK(no_reason.err ==
          "dormlink: error: --include-sensitive needs --reason TEXT: say why the sensitive fields are needed\n");
    auto r = box.run(at({"export", "students", "--format", "json", "--include-sensitive", "--reason", "资助评定"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.out,
              "\"phone\": \"13800000014\", \"political_status\": \"共青团员\", \"branch\": \"\", "
              "\"attention\": \"家庭经济困难;心理素质较差\""));
    CHECK(r.out.rfind("[\n  {\"student_id\": \"2025110103\", \"name\": \"陈三\"", 0) == 0);
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM sensitive_access WHERE command = 'export students' "
                        "AND audience = 'counselor' AND reason = '资助评定'") == 1);

    for (const char* table : {"students", "members", "contacts", "incidents", "assignments"}) {
      auto committee = box.run(at({"export", table, "--audience", "committee"}));
      INFO(table);
      CHECK(committee.exit_code == 64);
      CHECK(has(committee.err, "the committee sees no names of students"));
      CHECK(committee.out.empty());
    }
    auto dorms = box.run(at({"export", "dorms", "--audience", "committee", "--raw"}));
    CHECK(dorms.exit_code == 0);
    CHECK(dorms.out == "寝室,性别,容量,年级,专业\n1-101,,,,\n1-102,,,,\n1-501,,,,\n");
  }

  TEST_CASE("a sensitive raw students export re-imports to the same roster, byte for byte") {
    Sandbox box;
    build_college(box);
    const std::vector<std::string> sensitive{"--raw", "--include-sensitive", "--reason", "名册备份"};
    auto first_args = at({"export", "students", "-o", "roster.csv"});
    first_args.insert(first_args.end(), sensitive.begin(), sensitive.end());
    run_ok(box, first_args);
    const auto first = box.read("roster.csv");
    CHECK(has(first, "13800000014,共青团员,,家庭经济困难;心理素质较差,否") == false);
    CHECK(has(first, "13800000014,共青团员,,家庭经济困难;心理素质较差,,\n"));  // 寝室长, 邮箱 empty
    run_ok(box, at("fresh.db", {"-q", "init"}));
    run_ok(box, at("fresh.db", {"-q", "import", "students", "roster.csv"}));
    auto again_args = at("fresh.db", {"export", "students"});
    again_args.insert(again_args.end(), sensitive.begin(), sensitive.end());
    auto again = box.run(again_args);
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(again.out == first);
  }

  TEST_CASE("-o: mode 0600, never overwritten without --force (73), nothing audited when refused") {
    Sandbox box;
    build_college(box);
    run_ok(box, at({"export", "dorms", "-o", "dorms.csv"}));
    struct stat st {};
    REQUIRE(::stat(box.path("dorms.csv").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto again = box.run(at({"export", "students", "-o", "dorms.csv", "--include-sensitive", "--reason", "x"}));
    CHECK(again.exit_code == 73);
    CHECK(has(again.err, "dorms.csv already exists; pass --force to overwrite it"));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM sensitive_access") == 0);
    CHECK(has(box.read("dorms.csv"), "寝室,性别"));
    run_ok(box, at({"export", "students", "-o", "dorms.csv", "--force"}));
    CHECK(has(box.read("dorms.csv"), "学号,姓名"));
  }

  TEST_CASE("contacts are the effective records by id, corrections marked, incidents apart") {
    Sandbox box;
    build_college(box);
    const std::string m = "2023110101";
    run_ok(box, at("college.db",
                   {"-q", "assign", "--semester", "2026-autumn", "--pin", "2023110101:1-101", "--pin",
                    "2023110101:1-102", "--pin", "2023110102:1-501"},
                   "2026-09-07"));
    run_ok(box, at({"-q", "log-visit", "--member", m, "--dorm", "1-101", "--kind", "走访", "--at", "2026-09-08 19:00",
                    "--progress", "=正常"}));
    run_ok(box, at({"-q", "log-visit", "--member", m, "--dorm", "1-102", "--kind", "谈心", "--at", "2026-09-08 19:30",
                    "--talked", "陈三,陈四", "--progress", "谈心"}));
    run_ok(box, at({"-q",
                    "log-visit",
                    "--member",
                    m,
                    "--dorm",
                    "1-102",
                    "--kind",
                    "incident",
                    "--at",
                    "2026-09-12 23:10",
                    "--category",
                    "使用违规电器",
                    "--severity",
                    "一般",
                    "--reported-to",
                    "辅导员",
                    "--reported-at",
                    "2026-09-12 23:40",
                    "--progress",
                    "已没收热得快"}));
    run_ok(box,
           at({"-q", "log-visit", "--corrects", "2", "--reason", "时间记错", "--member", m, "--dorm", "1-102", "--kind",
               "谈心", "--at", "2026-09-08 20:00", "--talked", "陈三,陈四", "--progress", "谈心（更正）"}));
    run_ok(box,
           at({"-q", "log-visit", "--member", m, "--dorm", "1-101", "--kind", "走访", "--at", "2026-09-09 19:00"}));
    run_ok(box, at({"-q", "withdraw", "5", "--reason", "重复录入"}));

    auto r = box.run(at({"export", "contacts", "--raw"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto rows = lines(r.out, "\n");
    REQUIRE(rows.size() == 3);  // #2 replaced by #4, #3 an incident, #5 withdrawn
    CHECK(rows[0] ==
          "编号,学期,类型,党员学号,党员姓名,寝室,时间,方式,学生,非分配寝室,工作进展及成效,说明,更正记录,更正原因");
    CHECK(rows[1].rfind("1,2026-autumn,走访,2023110101,李明,1-101,2026-09-08 19:00,", 0) == 0);
    CHECK(has(rows[1], ",=正常,"));
    CHECK(rows[2].rfind("4,2026-autumn,谈心,2023110101,李明,1-102,2026-09-08 20:00,", 0) == 0);
    CHECK(has(rows[2], "2025110103 陈三;2025110104 陈四"));
    CHECK(has(rows[2], ",2,时间记错"));

    auto excel = box.run(at({"export", "contacts"}));
    REQUIRE(excel.exit_code == 0);
    CHECK(has(excel.out, ",'=正常,"));

    auto incidents = box.run(at({"export", "incidents", "--format", "json", "--semester", "2026-autumn"}));
    INFO(incidents.err);
    REQUIRE(incidents.exit_code == 0);
    CHECK(incidents.out.rfind("[\n  {\"id\": 3, \"semester\": \"2026-autumn\"", 0) == 0);
    CHECK(has(incidents.out, "\"category\": \"banned_appliance\", \"severity\": \"medium\""));
    CHECK(has(incidents.out, "\"details\": \"已没收热得快\""));
    CHECK(std::count(incidents.out.begin(), incidents.out.end(), '{') == 1);
    auto unknown = box.run(at({"export", "incidents", "--semester", "2030-spring"}));
    CHECK(unknown.exit_code == 64);
  }
}
