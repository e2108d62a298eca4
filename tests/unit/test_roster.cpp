#include <doctest/doctest.h>

#include "dormlink/error.hpp"
#include "dormlink/roster/roster.hpp"
#include "dormlink/util/csv.hpp"

using namespace dormlink;
using namespace dormlink::roster;
using namespace std::chrono;

namespace {

Semester autumn_2026() {
  Semester s;
  s.id = "2026-autumn";
  s.first_monday = Date{year{2026}, month{9}, day{7}};
  s.teaching_weeks = 18;
  return s;
}

const Semester k_semester = autumn_2026();

constexpr const char* k_header = "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n";

std::vector<StudentRow> students(const std::string& body) {
  auto table = util::parse_csv(std::string(k_header) + body, "students.csv");
  return parse_students(table, ParseContext{"students.csv", &k_semester});
}

// The problems a bad roster raises, as "location: message" lines.
std::vector<std::string> student_problems(const std::string& body) {
  try {
    students(body);
  } catch (const DataError& e) {
    std::vector<std::string> lines;
    for (const auto& p : e.problems()) lines.push_back(p.location + ": " + p.message);
    return lines;
  }
  return {};
}

}  // namespace

TEST_SUITE("roster") {
  TEST_CASE("a good row becomes facts") {
    auto rows =
        students("2023110101,张三,男,英语,4,英语2301,8栋305,１３８００１３８０００,中共党员,英语系第一党支部,,是\n");
    REQUIRE(rows.size() == 1);
    const auto& f = rows[0].facts;
    CHECK(rows[0].line == 2);
    CHECK(rows[0].student_id == "2023110101");
    CHECK(f.name == "张三");
    CHECK(f.gender == Gender::male);
    CHECK(f.cohort == 2023);
    CHECK(f.dorm == "8-305");
    CHECK(f.phone == "13800138000");
    CHECK(f.status == PoliticalStatus::party_member);
    CHECK(f.dorm_head);
  }

  TEST_CASE("grades: year of study, cohort, 级 and 大三") {
    std::string error;
    CHECK(parse_grade("3", &k_semester, error) == 2024);
    CHECK(parse_grade("2023级", &k_semester, error) == 2023);
    CHECK(parse_grade("２０２５", &k_semester, error) == 2025);
    CHECK(parse_grade("大三", &k_semester, error) == 2024);
    CHECK(parse_grade("3年级", &k_semester, error) == 2024);
    CHECK(parse_grade("三", &k_semester, error) == 2024);
    CHECK(parse_grade("三年级", &k_semester, error) == 2024);
    CHECK_FALSE(parse_grade("7", &k_semester, error).has_value());
    CHECK(error == "year of study 7 is out of range; expected 1-6");
    CHECK_FALSE(parse_grade("2015", &k_semester, error).has_value());
    CHECK(error == "cohort 2015 is year 12 of study in 2026-autumn; expected years 1-6");
    CHECK_FALSE(parse_grade("3", nullptr, error).has_value());
    CHECK(parse_grade("2023级", nullptr, error) == 2023);
  }

  TEST_CASE("phones are normalised and implausible ones refused") {
    CHECK(normalize_phone("138 0013 8000") == "13800138000");
    CHECK(normalize_phone("+86 138-0013-8000") == "13800138000");
    CHECK(normalize_phone("0571-88888888") == "057188888888");
    CHECK_FALSE(normalize_phone("12345").has_value());
    CHECK_FALSE(normalize_phone("138001380000").has_value());
    CHECK_FALSE(normalize_phone("call me").has_value());
  }

  TEST_CASE("every bad cell is reported with file, line and column") {
    auto problems = student_problems(
        "2023110101,张三,X,英语,9,英语2301,8栋305,,中共党员,,,\n"
        "2023110102,李四,女,英语,4,英语2301,nowhere,,路人,,,maybe\n");
    REQUIRE(problems.size() == 6);
    CHECK(problems[0] == "students.csv:2: column \"性别\": unknown value \"X\"; use 男, 女, M or F");
    CHECK(problems[1] == "students.csv:2: column \"年级\": \"9\": year of study 9 is out of range; expected 1-6");
    CHECK(problems[2] ==
          "students.csv:2: column \"党支部\": is empty, but a Party member must belong to a Party branch; fill in "
          "党支部");
    CHECK(problems[3] ==
          "students.csv:3: column \"寝室\": \"nowhere\" is not a dorm; write building-room like 8-305 or 8栋305");
    CHECK(problems[4] ==
          "students.csv:3: column \"政治面貌\": unknown value \"路人\"; use 中共党员, 中共预备党员, 发展对象, "
          "入党积极分子, 共青团员 or 群众");
    CHECK(problems[5] == "students.csv:3: column \"寝室长\": \"maybe\" is not yes or no; use 是 or leave it empty");
  }

  TEST_CASE("phone numbers and attention categories are never echoed") {
    auto problems = student_problems("2023110101,张三,男,英语,4,英语2301,8-305,555-SECRET,群众,,抑郁症;经济困难,\n");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] ==
          "students.csv:2: column \"联系方式\": is not a phone number (value not shown); write a mobile "
          "number (11 digits, starting with 1) or a landline with its area code");
    CHECK(problems[1].find("抑郁症") == std::string::npos);
    CHECK(problems[1].find("SECRET") == std::string::npos);
    CHECK(problems[1] ==
          "students.csv:2: column \"重点关注\": item 1 is not a known category (value not shown); the "
          "four categories and their spellings are in docs/import.md");
  }

  TEST_CASE("cross-row problems: duplicate id, mixed-gender dorm, two dorm heads") {
    auto problems = student_problems(
        "2023110101,张三,男,英语,4,,8-305,,群众,,,是\n"
        "2023110101,李四,男,英语,4,,8-306,,群众,,,\n"
        "2023110103,王五,女,英语,4,,8-305,,群众,,,\n"
        "2023110104,赵六,男,英语,4,,8-306,,群众,,,是\n"
        "2023110105,钱七,男,英语,4,,8-306,,群众,,,是\n");
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] ==
          "students.csv:3: student id (value not shown) is also on line 2; each student must appear once");
    CHECK(problems[1] ==
          "students.csv:4: dorm 8-305 has residents of both genders: line 2 is 男, this line is 女; correct the gender "
          "or the dorm");
    CHECK(problems[2] == "students.csv:6: dorm 8-306 already has a dorm head on line 5; a dorm has one");
  }

  TEST_CASE("problems are listed in file order, cross-row ones included") {
    auto problems = student_problems(
        "2023110101,张三,男,英语,4,,8-305,,群众,,,\n"
        "2023110102,李四,女,英语,4,,8-305,,群众,,,\n"
        "2023110103,王五,男,英语,三十,,8-306,,群众,,,\n");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].starts_with("students.csv:3: dorm 8-305 has residents of both genders"));
    CHECK(problems[1].starts_with("students.csv:4: column \"年级\""));
  }

  TEST_CASE("missing required columns are named in English and Chinese") {
    auto table = util::parse_csv("学号,姓名,专业\n1,张三,英语\n", "s.csv");
    try {
      parse_students(table, ParseContext{"s.csv", &k_semester});
      FAIL("expected a DataError");
    } catch (const DataError& e) {
      REQUIRE(e.problems().size() == 2);
      CHECK(e.problems()[0].message ==
            "missing column(s) 性别 (gender), 年级 (grade); the header row must name them (see docs/import.md)");
      CHECK(e.problems()[1].message == "missing column 寝室 (dorm), or 楼栋 (building) and 房间号 (room)");
      CHECK(std::string(e.what()) == "s.csv: 2 problems; nothing was imported");
    }
  }

  TEST_CASE("canonical English headers and separate building/room columns work") {
    auto table = util::parse_csv(
        "student_id,name,gender,major,grade,building,room,note\n"
        "S1,Amy,F,English,2024级,9号楼,412室,x\n",
        "s.csv");
    ParseNotes notes;
    auto rows = parse_students(table, ParseContext{"s.csv", nullptr}, &notes);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].facts.dorm == "9-412");
    CHECK(rows[0].facts.cohort == 2024);
    CHECK(notes.ignored_columns == std::vector<std::string>{"note"});
  }

  TEST_CASE("a row wider than the header is refused") {
    auto problems = student_problems("2023110101,张三,男,英语,4,英语2301,8-305,,群众,,,,extra\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] ==
          "students.csv:2: the row has 13 fields but the header has 12; a value containing a comma must be quoted");
  }

  TEST_CASE("dorms roster: overrides, capacity and duplicates") {
    auto good = util::parse_csv("寝室,性别,容量,年级,专业\n8-305,女,4,2023级,英语\n8-306,,6,,\n", "d.csv");
    auto rows = parse_dorms(good, ParseContext{"d.csv", &k_semester});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].facts.gender == Gender::female);
    CHECK(rows[0].facts.cohort == 2023);
    CHECK(rows[1].facts.capacity == 6);
    CHECK_FALSE(rows[1].facts.gender.has_value());
    auto bad = util::parse_csv("寝室,性别,容量\n8-305,女,0\n8栋305,女,4\n", "d.csv");
    try {
      parse_dorms(bad, ParseContext{"d.csv", &k_semester});
      FAIL("expected a DataError");
    } catch (const DataError& e) {
      REQUIRE(e.problems().size() == 2);
      CHECK(e.problems()[0].message == "column \"容量\": \"0\" is not a capacity; use a whole number 1-20");
      CHECK(e.problems()[1].message == "dorm 8-305 is also on line 2; list each dorm once");
    }
  }

  TEST_CASE("staff roster: roles, scopes, one person per id") {
    auto table = util::parse_csv(
        "工号,姓名,角色,联系方式,负责年级,负责班级,党支部\n"
        "T1,周老师,辅导员,,2023级;2024级,,\n"
        "T1,周老师,支部书记,,,,英语系第一党支部\n"
        "T2,吴老师,班主任,,,英语2301、英语2302,\n",
        "staff.csv");
    auto rows = parse_staff(table, ParseContext{"staff.csv", &k_semester});
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].facts.cohorts == std::vector<int>{2023, 2024});
    CHECK(rows[2].facts.classes == std::vector<std::string>{"英语2301", "英语2302"});
    auto bad = util::parse_csv(
        "工号,姓名,角色,负责年级,负责班级,党支部\n"
        "T1,周老师,辅导员,,,\n"
        "T1,郑老师,校长,,,\n"
        "T2,吴老师,支部书记,,,\n",
        "staff.csv");
    try {
      parse_staff(bad, ParseContext{"staff.csv", &k_semester});
      FAIL("expected a DataError");
    } catch (const DataError& e) {
      REQUIRE(e.problems().size() == 3);
      CHECK(e.problems()[0].message ==
            "column \"负责年级\": is empty; a counselor must cover grades (负责年级) or classes (负责班级)");
      CHECK(e.problems()[1].message ==
            "column \"角色\": unknown value \"校长\"; use 辅导员, 班主任, 支部书记 or 检查组");
      CHECK(e.problems()[2].message == "column \"党支部\": is empty; a branch secretary must name the branch");
    }
  }

  TEST_CASE("an e-mail column is optional, checked, and a bad address is never echoed") {
    auto table = util::parse_csv(
        "工号,姓名,角色,负责年级,邮箱\n"
        "T1,周老师,辅导员,2023级, Zhou.Laoshi@College.Example \n"
        "T2,吴老师,辅导员,2024级,\n",
        "staff.csv");
    auto rows = parse_staff(table, ParseContext{"staff.csv", &k_semester});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].facts.email == "Zhou.Laoshi@College.Example");
    CHECK(rows[1].facts.email.empty());
    for (const char* header : {"邮箱", "电子邮箱", "电子邮件", "Email", "E-mail"}) {
      auto t = util::parse_csv(std::string("工号,姓名,角色,负责年级,") + header + "\nT1,周老师,辅导员,2023级,a@b.cn\n",
                               "staff.csv");
      CHECK(parse_staff(t, ParseContext{"staff.csv", &k_semester})[0].facts.email == "a@b.cn");
    }
    auto bad = util::parse_csv(
        "工号,姓名,角色,负责年级,电子邮箱\nT1,周老师,辅导员,2023级,zhou laoshi@college.example\n", "staff.csv");
    try {
      parse_staff(bad, ParseContext{"staff.csv", &k_semester});
      FAIL("expected a DataError");
    } catch (const DataError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].location == "staff.csv:2");
      CHECK(e.problems()[0].message.starts_with("column \"电子邮箱\": is not an e-mail address (value not shown)"));
      CHECK(e.problems()[0].message.find("zhou") == std::string::npos);
    }
  }

  TEST_CASE("staff ids follow the student id rules") {
    CHECK(is_plain_id("T2024001"));
    CHECK(is_plain_id("T-005_a"));
    CHECK(is_plain_id(std::string(32, 'x')));
    for (const std::string& id :
         std::vector<std::string>{"", "T/../../x", "..", "T 1", "T\t1", "张三", std::string(33, 'x'), "a.b", "a\\b"}) {
      INFO(id);
      CHECK_FALSE(is_plain_id(id));
    }
    auto table = util::parse_csv("工号,姓名,角色\nT/../../x,周老师,检查组\nＴ００６,吴老师,检查组\n", "staff.csv");
    try {
      parse_staff(table, ParseContext{"staff.csv", &k_semester});
      FAIL("expected a DataError");
    } catch (const DataError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].location == "staff.csv:2");
      CHECK(e.problems()[0].message ==
            "column \"工号\": \"T/../../x\" is not a staff id; use letters, digits, - and _ only (at most 32)");
    }
  }

  TEST_CASE("names, ids, codes and choices must be plain visible text in every roster") {
    auto problems = student_problems("2023110101,张\u202E三,男,英\u200B语,4,英语\u20282301,8-305,,群众,,,\n");
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] ==
          "students.csv:2: column \"姓名\": contains U+202E (an invisible control or format character) "
          "at character 2; names, ids and codes must be plain visible text");
    CHECK(problems[1].starts_with("students.csv:2: column \"专业\": contains U+200B"));
    CHECK(problems[2].starts_with("students.csv:2: column \"班级\": contains U+2028"));
    const auto staff = util::parse_csv("工号,姓名,角色\nT1,周\xC2\x85老师,检查组\n", "staff.csv");
    CHECK_THROWS_WITH_AS(parse_staff(staff, ParseContext{"staff.csv", &k_semester}),
                         "staff.csv: 1 problem; nothing was imported", DataError);
    const auto dorms = util::parse_csv("寝室,性别,专业\n8-305,女,英\u2066语\n", "dorms.csv");
    try {
      parse_dorms(dorms, ParseContext{"dorms.csv", &k_semester});
      FAIL("expected a DataError");
    } catch (const DataError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].message.starts_with("column \"专业\": contains U+2066"));
    }
  }

  TEST_CASE("a phone or a category in any column is never echoed, whatever the message") {
    const auto problems = student_problems(
        "13656161762,张三,心理素质较差,英语,13656161762,英语2301,136 5616 1762,,family_hardship,,,13656161762\n"
        "13656161762,张三,男,英语,4,英语2301,8-305,,群众,,,\n");
    REQUIRE(problems.size() >= 5);
    for (const auto& p : problems) {
      INFO(p);
      CHECK(p.find("1365") == std::string::npos);
      CHECK(p.find("心理") == std::string::npos);
      CHECK(p.find("family") == std::string::npos);
    }
  }
}
