// End-to-end: each class of bad roster input named in docs/import.md gets its message and
// exit 65, and the database afterwards is byte-for-byte what it was.
#include <doctest/doctest.h>

#include "harness.hpp"

using dormlink::e2e::Sandbox;

namespace {

struct BadRoster {
  const char* what;
  const char* kind;     // students, dorms, staff
  std::string content;  // UTF-8 CSV
  const char* message;  // expected on stderr
};

constexpr const char* k_students = "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n";
constexpr const char* k_ok_row = "2026110199,林新,女,英语,1,英语2601,8-101,,群众,,,\n";

std::string students(const std::string& rows) { return std::string(k_students) + k_ok_row + rows; }

const std::vector<BadRoster> k_cases{
    {"duplicate student id", "students", students("2026110199,林旧,女,英语,1,英语2601,8-101,,群众,,,\n"),
     "bad.csv:3: student id (value not shown) is also on line 2; each student must appear once"},
    {"unknown gender", "students", students("2026110198,林二,未知,英语,1,英语2601,8-101,,群众,,,\n"),
     "bad.csv:3: column \"性别\": unknown value \"未知\"; use 男, 女, M or F"},
    {"dorm with both genders", "students", students("2026110198,林二,男,英语,1,英语2601,8-101,,群众,,,\n"),
     "bad.csv:3: dorm 8-101 has residents of both genders: line 2 is 女, this line is 男; correct the gender or the dorm"},
    {"grade out of range", "students", students("2026110198,林二,女,英语,7,英语2601,8-101,,群众,,,\n"),
     "bad.csv:3: column \"年级\": \"7\": year of study 7 is out of range; expected 1-6"},
    {"member without a branch", "students", students("2026110198,林二,女,英语,1,英语2601,8-101,,中共预备党员,,,\n"),
     "bad.csv:3: column \"党支部\": is empty, but a probationary member must belong to a Party branch; fill in 党支部"},
    {"unknown attention category", "students", students("2026110198,林二,女,英语,1,英语2601,8-101,,群众,,失恋,\n"),
     "bad.csv:3: column \"重点关注\": item 1 is not a known category (value not shown)"},
    {"bad phone", "students", students("2026110198,林二,女,英语,1,英语2601,8-101,1380013800,群众,,,\n"),
     "bad.csv:3: column \"联系方式\": is not a phone number (value not shown)"},
    {"unquoted comma", "students", students("2026110198,林二,女,英语,1,英语2601,8-101,,群众,,,,x\n"),
     "bad.csv:3: the row has 13 fields but the header has 12; a value containing a comma must be quoted"},
    {"missing column", "students", "学号,姓名,性别\n1,林,女\n",
     "bad.csv:1: missing column(s) 专业 (major), 年级 (grade); the header row must name them"},
    {"more residents than capacity", "students",
     students("2026110198,林二,女,英语,1,英语2601,8-101,,群众,,,\n2026110197,林三,女,英语,1,英语2601,8-101,,群众,,,\n"
              "2026110196,林四,女,英语,1,英语2601,8-101,,群众,,,\n2026110195,林五,女,英语,1,英语2601,8-101,,群众,,,\n"
              "2026110194,林六,女,英语,1,英语2601,8-101,,群众,,,\n2026110193,林七,女,英语,1,英语2601,8-101,,群众,,,\n"),
     "dorm 8-101 has capacity 6 but the roster puts 7 students in it (from line 2)"},
    {"student in a dorm declared for the other gender", "students",
     std::string(k_students) + "2026110198,林二,男,英语,1,英语2601,8-101,,群众,,,\n",
     "bad.csv:2: dorm 8-101 is a 女 dorm in the dorms roster, but this student is 男"},
    {"dorms roster contradicting residents", "dorms", "寝室,性别,容量\n8-101,男,6\n",
     "bad.csv:2: dorm 8-101 is declared 男 but its current residents are 女"},
    {"dorm code", "dorms", "寝室,性别,容量\n8101,女,6\n",
     "bad.csv:2: column \"寝室\": \"8101\" is not a dorm; write building-room like 8-305"},
    {"staff id with two names", "staff", "工号,姓名,角色,负责年级\nT1,周老师,辅导员,2023级\nT1,郑老师,检查组,\n",
     "bad.csv:3: staff id \"T1\" is \"周老师\" on line 2 but \"郑老师\" here; one id is one person"},
    {"unknown role", "staff", "工号,姓名,角色\nT1,周老师,校长\n",
     "bad.csv:2: column \"角色\": unknown value \"校长\"; use 辅导员, 班主任, 支部书记 or 检查组"},
    {"header only", "staff", "工号,姓名,角色\n",
     "bad.csv:1: the file has a header row but no data rows; export the roster again"},
};

}  // namespace

TEST_SUITE("e2e.bad_input") {
  TEST_CASE("every class of bad roster input: message, exit 65, database unchanged") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto before = box.read("college.db") + box.read("college.db-wal");
    for (const auto& c : k_cases) {
      INFO(c.what);
      box.write("bad.csv", c.content);
      auto r = box.run({"--db", "college.db", "--as-of", "2026-09-08", "import", c.kind, "bad.csv"});
      INFO(r.err);
      CHECK(r.exit_code == 65);
      CHECK(r.err.find(c.message) != std::string::npos);
      CHECK(r.err.find("dormlink: error: ") != std::string::npos);
      CHECK(r.out.empty());
      CHECK(box.read("college.db") + box.read("college.db-wal") == before);
    }
  }

  TEST_CASE("GBK bytes forced as UTF-8 are refused with the offset, not the content") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto r = box.run({"--db", "college.db", "import", "students", "students.csv", "--encoding", "utf-8", "--dry-run"});
    CHECK(r.exit_code == 65);
    CHECK(r.err.find("students.csv:1: cannot be read as UTF-8 (byte 0x") != std::string::npos);
  }
}
