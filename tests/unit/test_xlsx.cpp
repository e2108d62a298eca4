// Excel output (src/xlsx): every cell read back from the file is the cell that was written, ids
// and phones stay text, nothing becomes a formula, the same inputs give the same bytes.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "dormlink/error.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/xlsx/xlsx.hpp"
#include "xlsx_reader.hpp"

using namespace dormlink;
using dormlink::testing::read_xlsx;
using dormlink::testing::sheet_texts;

namespace {

xlsx::Options options(Date created = Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{16}}) {
  xlsx::Options o;
  o.created = created;
  o.title = "测试";
  o.temp_dir = "/tmp";
  return o;
}

report::Sheet hostile_sheet() {
  report::Sheet s{"students", "学生", {}};
  s.table.header = {"学号", "姓名", "手机", "说明", "得分"};
  s.table.align = {report::Align::left, report::Align::left, report::Align::left, report::Align::left,
                   report::Align::right};
  s.table.rows = {
      {"0023110101", "张三", "13800138000", "=1+1", "87.5"},
      {"2023110102", "李|四", "+8613900139000", "-2+3", "90"},
      {"2023110103", "<script>alert(1)</script>", "", "@SUM(A1:A2)", "<3"},
      {"2023110104", "O'Brien & \"Co\"", "138 0013 8000", "\tTAB\rCR\nLF", "007"},
      {"2023110105", "'); DROP TABLE student;--", "", "100% _ %", "—"},
      {"2023110106", "emoji 😀 ﬁ", "", std::string("ctl\x01\x1f") + "x", "-1.25"},
  };
  return s;
}

}  // namespace

TEST_SUITE("xlsx") {
  TEST_CASE("every cell reads back exactly, text stays text, numbers only in number columns") {
    report::Sheet other{
        "dorms", "寝室[1]/测试:*?", {{"寝室", "人数"}, {report::Align::left, report::Align::right}, {}}};
    other.table.rows = {{"8-305", "4"}, {"8-306", ""}};
    const report::Workbook book{hostile_sheet(), other};
    const auto sheets = read_xlsx(xlsx::render_xlsx(book, options()));
    REQUIRE(sheets.size() == 2);
    CHECK(sheets[0].name == "学生");
    CHECK(sheets[1].name == "寝室_1__测试___");
    const auto cells = sheet_texts(sheets[0]);
    REQUIRE(cells.size() == 7);
    auto written = hostile_sheet();
    // Controls other than tab and line breaks are shown escaped, as in CSV (a lone CR is one).
    written.table.rows[3][3] = "\tTAB\\u{0D}CR\nLF";
    written.table.rows[5][3] = "ctl\\u{01}\\u{1F}x";
    CHECK(cells[0] == written.table.header);
    for (std::size_t r = 0; r < 6; ++r) {
      const auto& want = written.table.rows[r];
      for (std::size_t c = 0; c < 4; ++c) {
        INFO("row ", r, " column ", c);
        const std::string got = c < cells[r + 1].size() ? cells[r + 1][c] : std::string();
        CHECK(got == want[c]);
        if (!want[c].empty()) CHECK_FALSE(sheets[0].rows[r + 1][c].number);
      }
    }
    // The score column: plain decimals are numbers; "<3", "007" and "—" stay text.
    CHECK(sheets[0].rows[1][4].number);
    CHECK(std::strtod(sheets[0].rows[1][4].text.c_str(), nullptr) == doctest::Approx(87.5));
    CHECK(sheets[0].rows[3][4].text == "<3");
    CHECK_FALSE(sheets[0].rows[3][4].number);
    CHECK(sheets[0].rows[4][4].text == "007");
    CHECK_FALSE(sheets[0].rows[4][4].number);
    CHECK_FALSE(sheets[0].rows[5][4].number);
    CHECK(sheets[0].rows[6][4].number);
    CHECK(sheet_texts(sheets[1])[2].size() == 1);  // the empty count is left blank
  }

  TEST_CASE("the same sheets and date give the same bytes, another date changes the file") {
    const report::Workbook book{hostile_sheet()};
    const auto a = xlsx::render_xlsx(book, options());
    const auto b = xlsx::render_xlsx(book, options());
    CHECK(a == b);
    const auto c =
        xlsx::render_xlsx(book, options(Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{17}}));
    CHECK(a != c);
  }

  TEST_CASE("an export table keeps its number columns, the rest is text") {
    report::ExportTable t;
    t.columns = {{"member_id", "学号", false}, {"score", "得分", true}};
    t.rows = {{"2023110101", "88.4"}, {"0000000001", "100"}};
    const auto sheets = read_xlsx(xlsx::render_xlsx({report::to_sheet(t, "assessment", "学期考核")}, options()));
    REQUIRE(sheets.size() == 1);
    CHECK_FALSE(sheets[0].rows[1][0].number);
    CHECK(sheets[0].rows[2][0].text == "0000000001");
    CHECK(sheets[0].rows[1][1].number);
    CHECK(sheets[0].rows[2][1].text == "100");
  }

  TEST_CASE("sheet names are cut to Excel's limit and made unique") {
    const std::string long_name(40, 'x');
    report::Workbook book{{"a", long_name, {{"h"}, {report::Align::left}, {{"1"}}}},
                          {"b", long_name, {{"h"}, {report::Align::left}, {{"2"}}}},
                          {"c", "", {{"h"}, {report::Align::left}, {}}}};
    const auto sheets = read_xlsx(xlsx::render_xlsx(book, options()));
    REQUIRE(sheets.size() == 3);
    CHECK(sheets[0].name == std::string(28, 'x'));
    CHECK(sheets[1].name == std::string(28, 'x') + " 2");
    CHECK(sheets[2].name == "Sheet");
    CHECK(sheet_texts(sheets[1])[1][0] == "2");
  }

  TEST_CASE("a cell longer than Excel holds is refused with the sheet, row and column") {
    report::Workbook book{{"notes", "说明", {{"学号", "说明"}, {report::Align::left, report::Align::left}, {}}}};
    book[0].table.rows.push_back({"1", "ok"});
    book[0].table.rows.push_back({"2", std::string(32768, 'a')});
    try {
      (void)xlsx::render_xlsx(book, options());
      FAIL("no error");
    } catch (const DataError& e) {
      const std::string what = e.what();
      CHECK(what.find("说明") != std::string::npos);
      CHECK(what.find("row 3") != std::string::npos);
      CHECK(what.find("csv") != std::string::npos);
    }
    book[0].table.rows.back()[1] = std::string(32767, 'a');
    CHECK(read_xlsx(xlsx::render_xlsx(book, options()))[0].rows[2][1].text.size() == 32767);
  }

  TEST_CASE("an empty workbook is still a workbook") {
    const auto sheets = read_xlsx(xlsx::render_xlsx({}, options()));
    REQUIRE(sheets.size() == 1);
    CHECK(sheets[0].rows.empty());
  }

  TEST_CASE("an unwritable working directory is an IoError naming it") {
    auto o = options();
    o.temp_dir = "/nonexistent/dir";
    CHECK_THROWS_AS((void)xlsx::render_xlsx({}, o), IoError);
  }

  TEST_CASE("is_plain_number") {
    for (const char* yes : {"0", "7", "-1", "87.5", "100", "0.5", "-0.25", "123456789012345"})
      CHECK_MESSAGE(xlsx::is_plain_number(yes), yes);
    for (const char* no : {"", "-", "007", "00", "1.", ".5", "1e5", "<3", "1,000", "8/8", "50%", "+1", " 1",
                           "1234567890123456", "—", "0x10"})
      CHECK_MESSAGE(!xlsx::is_plain_number(no), no);
  }
}

TEST_SUITE("report") {
  TEST_CASE("append_workbook adds rows to the sheet of the same key, new sheets at the end") {
    report::Workbook a{{"contacts", "反馈表", {{"h"}, {report::Align::left}, {{"1"}}}}};
    report::Workbook b{{"contacts", "反馈表", {{"h"}, {report::Align::left}, {{"2"}}}},
                       {"missing", "尚缺", {{"h"}, {report::Align::left}, {{"3"}}}}};
    report::append_workbook(a, b);
    REQUIRE(a.size() == 2);
    CHECK(a[0].table.rows.size() == 2);
    CHECK(a[0].table.rows[1][0] == "2");
    CHECK(report::find_sheet(a, "missing") != nullptr);
    CHECK(report::find_sheet(a, "nope") == nullptr);
  }
}
