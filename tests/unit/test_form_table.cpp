// records/form_table: a returned form's header, table and rows as text grids.
#include <doctest/doctest.h>

#include "dormlink/records/form_table.hpp"

using namespace dormlink;
using namespace dormlink::records;
using namespace std::chrono;

namespace {

FormGrid sheet(std::vector<std::vector<std::string>> rows, std::string name = "反馈表") {
  FormGrid g{"f.xlsx", std::move(name), {}};
  for (std::size_t i = 0; i < rows.size(); ++i) g.lines.push_back({i + 1, std::move(rows[i])});
  return g;
}

// Period 1 of a semester beginning 2026-09-07: weeks 1-2.
const FormPeriod k_period{Date{year{2026}, month{9}, day{7}}, Date{year{2026}, month{9}, day{20}},
                          Date{year{2026}, month{9}, day{7}}};

}  // namespace

TEST_SUITE("unit") {
  TEST_CASE("form table: the header's label cells, the hidden sheet winning, 本期无联系 below the table") {
    const auto main = sheet({
        {"学生党员联系寝室情况反馈表"},
        {"党员姓名", "李明", "", "学号：", "2023110101"},
        {"表单编号", "abcdef0123456789", "期次编号", "1"},
        {"联系寝室名称", "时间", "联系学生姓名及方式", "工作进展及成效", "说明", "类型", "方式"},
        {},
        {"本期无联系", "", "是"},
    });
    const auto hidden = sheet(
        {{"form_id", "abcdef0123456789"}, {"member_id", "2023110101"}, {"semester_id", "2026-autumn"}, {"period", "1"}},
        "_dormlink");
    ProblemCollector problems;
    const auto h = read_form_header(main, &hidden, problems);
    CHECK(problems.empty());
    CHECK(h.member_id == "2023110101");
    CHECK(h.member_name == "李明");
    CHECK(h.form_id == "abcdef0123456789");
    CHECK(h.semester_id == "2026-autumn");
    CHECK(h.period == 1);
    CHECK(h.no_contact);
    CHECK(h.hidden_sheet);
    CHECK(find_table(main) == 3);
    CHECK(read_form_rows(main, k_period, problems).empty());

    // A 学号 that is not the hidden sheet's member is a problem at its cell.
    auto edited = main;
    edited.lines[1].cells[4] = "2023110102";
    ProblemCollector conflict;
    read_form_header(edited, &hidden, conflict);
    REQUIRE(conflict.size() == 1);
    CHECK(conflict.problems()[0].location == "f.xlsx:反馈表!D2");
  }

  TEST_CASE("form table: a table with the member's columns (dormlink's own CSV form) names the member") {
    auto csv =
        sheet({{"党员学号", "党员姓名", "联系寝室名称", "时间", "联系学生姓名及方式", "工作进展及成效", "说明"},
               {"2023110104", "李晴紫", "10-106", "2026年11月3日 19:00", "（走访，当面）", "", ""},
               {"2023110104", "李晴紫", "10-106", "2026年11月3日 19:05", "苏惠 157****6899（谈心，当面）", "", ""}},
              "");
    ProblemCollector problems;
    auto h = read_form_header(csv, nullptr, problems);
    CHECK(problems.empty());
    CHECK(h.member_id == "2023110104");
    CHECK(h.member_name == "李晴紫");
    csv.lines[2].cells[0] = "2023110105";
    ProblemCollector conflict;
    read_form_header(csv, nullptr, conflict);
    REQUIRE(conflict.size() == 1);
    CHECK(conflict.problems()[0].location == "f.xlsx:3");
  }

  TEST_CASE("form table: 本期无联系 ticks only as a label with its tick, never from the instructions' words") {
    auto header_of = [](std::vector<std::string> cells) {
      ProblemCollector problems;
      return read_form_header(sheet({{"学号", "2023110101", "学期", "2026秋"},
                                     std::move(cells),
                                     {"联系寝室名称", "时间", "联系学生姓名及方式"}}),
                              nullptr, problems);
    };
    // The instructions mention it, with quotes (“ ” share their first byte with ✓ and ☑) and 是.
    CHECK_FALSE(header_of({"填写说明：本期没有联系时，在“本期无联系”右边选“是”；请勿修改表单编号。"}).no_contact);
    CHECK_FALSE(header_of({"本期无联系", "否"}).no_contact);
    CHECK_FALSE(header_of({"本期无联系"}).no_contact);
    CHECK(header_of({"本期无联系：", "是"}).no_contact);
    CHECK(header_of({"☑本期无联系"}).no_contact);
    CHECK(header_of({"本期无联系：√"}).no_contact);
    // 学期 as typed is kept apart from the hidden sheet's id: the caller matches it to a name.
    CHECK(header_of({}).semester_text == "2026秋");
    CHECK(header_of({}).semester_id.empty());
  }

  TEST_CASE("form table: rows become requests with the rule that decided their kind, problems at their cells") {
    const auto main = sheet({
        {"联系寝室名称", "时间", "联系学生\n姓名及方式", "工作进展及成效", "说明"},
        {"1-101", "2026-09-08 19:30", "张二（谈心，电话）", "了解学习情况", ""},
        {"1-101", "9月10日 19:00", "", "走访", ""},
        {"1-101", "第2周周四 20:00", "张一、张二", "", ""},
        {"1-101", "2026-09-16 19:00", "", "召开寝室座谈会", ""},
        {"", "", "", "", ""},
        {"1-101", "2026-10-08 19:30", "张二", "", ""},
        {"1-101", "", "张二（跳舞）", "", ""},
    });
    ProblemCollector problems;
    const auto rows = read_form_rows(main, k_period, problems);
    // The rows with a problem (7 and 8) are left out: their problems are all they give.
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].kind.kind == Kind::talk);
    CHECK(rows[0].kind.rule == KindRule::manner);
    CHECK(rows[0].request.channel == Channel::phone);
    CHECK(rows[0].request.content.progress == "了解学习情况");
    CHECK(rows[1].kind.kind == Kind::visit);
    CHECK(rows[1].kind.rule == KindRule::no_names);
    CHECK(rows[1].request.at == LocalDateTime{Date{year{2026}, month{9}, day{10}}, 19, 0, true});
    CHECK(rows[2].kind.kind == Kind::talk);
    CHECK(rows[2].kind.rule == KindRule::names);
    CHECK(rows[2].names.size() == 2);
    CHECK(rows[2].request.at.date == Date{year{2026}, month{9}, day{17}});
    CHECK(rows[3].kind.kind == Kind::symposium);
    CHECK(rows[3].kind.rule == KindRule::text);
    CHECK(rows[3].line == 5);
    // Outside the period (row 7, column B), an empty time and an unknown manner (row 8).
    REQUIRE(problems.size() == 3);
    CHECK(problems.problems()[0].location == "f.xlsx:反馈表!B7");
    CHECK(problems.problems()[1].location == "f.xlsx:反馈表!B8");
    CHECK(problems.problems()[2].location == "f.xlsx:反馈表!C8");
    CHECK(main.row_where(8) == "f.xlsx:反馈表:8");
  }

  TEST_CASE("form table: a CSV form names lines and columns, and a form without a table has no rows") {
    FormGrid csv{"seed.csv", "", {{1, {"联系寝室名称", "时间", "联系学生姓名及方式"}}, {2, {"1-101", "明天", ""}}}};
    ProblemCollector problems;
    read_form_rows(csv, k_period, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems.problems()[0].location == "seed.csv:2");
    CHECK(problems.problems()[0].message.rfind("column \"时间\"", 0) == 0);
    const auto none = sheet({{"姓名", "李明"}, {"说明", "x"}});
    CHECK_FALSE(find_table(none));
    CHECK(table_dates(csv, Date{year{2026}, month{9}, day{21}}).empty());
  }
}
