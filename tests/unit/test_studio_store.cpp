// The rosters' 朋辈工作室 column and what store/studio_store.hpp reads (docs/studio.md): the
// flag parsed, stored per version (a change of it is a new version), the studio on a date from
// the rosters and the config, activists on a date, the latest mark per member and source.
#include <doctest/doctest.h>

#include <chrono>

#include "dormlink/error.hpp"
#include "dormlink/roster/roster.hpp"
#include "dormlink/store/database.hpp"
#include "dormlink/store/roster_store.hpp"
#include "dormlink/store/studio_store.hpp"
#include "dormlink/util/csv.hpp"

using namespace dormlink;
using namespace std::chrono;

namespace {

Semester autumn() {
  Semester s;
  s.id = "2026-autumn";
  s.first_monday = Date{year{2026}, month{9}, day{7}};
  s.teaching_weeks = 18;
  return s;
}
const Semester k_semester = autumn();

std::vector<roster::StudentRow> students(const std::string& body) {
  auto table = util::parse_csv("学号,姓名,性别,专业,年级,寝室,政治面貌,党支部,朋辈工作室\n" + body, "s.csv");
  return roster::parse_students(table, roster::ParseContext{"s.csv", &k_semester});
}

store::ImportContext on(unsigned m, unsigned d) {
  store::ImportContext c;
  c.source_name = "s.csv";
  c.encoding = "UTF-8";
  c.semester_id = "2026-autumn";
  c.effective = Date{year{2026}, month{m}, day{d}};
  c.imported_at = "2026-09-01 10:00:00";
  c.imported_by = "counselor";
  return c;
}

Date day_of(unsigned m, unsigned d) { return Date{year{2026}, month{m}, day{d}}; }

}  // namespace

TEST_SUITE("studio_store") {
  TEST_CASE("朋辈工作室: yes, no, 1, 0 and empty parse, anything else is a problem naming the column") {
    const auto rows = students(
        "1,张三,男,英语,4,8-305,中共党员,英语党支部,是\n2,李四,男,英语,4,8-305,群众,,否\n"
        "3,王五,男,英语,4,8-306,入党积极分子,,1\n4,赵六,男,英语,4,8-306,群众,,\n5,钱七,男,英语,4,8-307,群众,,yes\n");
    CHECK(rows[0].facts.studio);
    CHECK_FALSE(rows[1].facts.studio);
    CHECK(rows[2].facts.studio);
    CHECK_FALSE(rows[3].facts.studio);
    CHECK(rows[4].facts.studio);
    try {
      students("1,张三,男,英语,4,8-305,群众,,也许\n");
      FAIL("expected a problem");
    } catch (const DataError& e) {
      REQUIRE(e.problems().size() == 1);
      CHECK(e.problems()[0].message.find("朋辈工作室") != std::string::npos);
    }
  }

  TEST_CASE("the flag is stored per version: a change of it is a new version, the studio on a date") {
    auto db = store::Database::in_memory();
    store::import_students(
        db, students("1,张三,男,英语,4,8-305,中共党员,英语党支部,\n2,李四,男,英语,4,8-305,入党积极分子,,\n"), on(9, 7));
    const auto summary = store::import_students(
        db, students("1,张三,男,英语,4,8-305,中共党员,英语党支部,是\n2,李四,男,英语,4,8-305,入党积极分子,,\n"),
        on(10, 1));
    CHECK(summary.changed == 1);
    CHECK(summary.unchanged == 1);
    std::vector<std::string> unknown;
    CHECK(store::load_studio(db, day_of(9, 30), {}, unknown).empty());
    const auto studio = store::load_studio(db, day_of(10, 1), {"2", "T9"}, unknown);
    REQUIRE(studio.size() == 2);
    CHECK(studio[0].id == "1");
    CHECK(studio[0].roster);
    CHECK_FALSE(studio[0].config);
    CHECK(studio[1].id == "2");
    CHECK(studio[1].name == "李四");
    CHECK(studio[1].config);
    CHECK(unknown == std::vector<std::string>{"T9"});
    CHECK(store::load_activists(db, day_of(10, 1)) == std::vector<std::string>{"2"});
  }

  TEST_CASE("the latest mark per member and source counts, the giver's name is read") {
    auto db = store::Database::in_memory();
    store::import_students(db, students("1,张三,男,英语,4,8-305,中共党员,英语党支部,是\n"), on(9, 7));
    store::MarkRow a{0, "2026-autumn", "1", "studio", "pass", "1", "", "", "2026-11-16 10:00:00", "u"};
    store::MarkRow b = a;
    b.mark = "88";
    store::MarkRow c = a;
    c.source = "branch";
    c.mark = "excellent";
    store::save_marks(db, {a, b, c});
    const auto marks = store::latest_marks(db, "2026-autumn");
    REQUIRE(marks.size() == 2);
    CHECK(marks[0].source == "branch");
    CHECK(marks[0].mark == "excellent");
    CHECK(marks[1].source == "studio");
    CHECK(marks[1].mark == "88");
    CHECK(marks[1].given_by_name == "张三");
    CHECK(store::latest_marks(db, "2027-spring").empty());
  }
}
