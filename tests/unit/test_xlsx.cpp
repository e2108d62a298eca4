// Excel output (src/xlsx): every cell read back from the file is the cell that was written, ids
// and phones stay text, nothing becomes a formula, the same inputs give the same bytes.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "dormlink/error.hpp"
#include "dormlink/report/export_tables.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/xlsx/form.hpp"
#include "dormlink/xlsx/xlsx.hpp"
#include "xlsx_reader.hpp"

using namespace dormlink;
using dormlink::testing::read_xlsx;
using dormlink::testing::read_xlsx_parts;
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

// A blank form as build_blank_form makes one (the content is test_blank_form.cpp's business).
report::BlankForm blank_form() {
  report::BlankForm f;
  f.member_id = "2023110101";
  f.semester_id = "2026-autumn";
  f.period = 3;
  f.form_sheet = "反馈表";
  f.title = "学生党员联系寝室情况反馈表";
  f.fields = {{"党员姓名", "李明_x0041_"},
              {"学号", "2023110101"},
              {"党支部", "英语党支部"},
              {"学期", "2026秋"},
              {"报送期次", "第3期（第5–6周，2026-10-05 至 2026-10-18）"},
              {"期次编号", "3", true},
              {"表单编号", "0123456789abcdef"},
              {"报送时间", ""}};
  f.instructions = "填写说明：每次联系填一行。";
  f.columns = {"联系寝室名称", "时间", "联系学生姓名及方式", "工作进展及成效", "说明", "类型", "方式"};
  f.lists = {{"1-101", "1-102"}, {}, {}, {}, {}, {"走访", "谈心"}, {"当面", "电话", "微信", "其他"}};
  f.no_contact = {"本期无联系", "", false};
  f.no_contact_choices = {"是", "否"};
  f.residents_sheet = "寝室学生";
  f.resident_columns = {"寝室", "姓名", "手机"};
  f.residents = {{"1-101", "张一", "138****0011"}, {"1-102", "", ""}};
  f.meta_sheet = "_dormlink";
  f.meta = {{"form_id", "0123456789abcdef"},
            {"member_id", "2023110101"},
            {"semester_id", "2026-autumn"},
            {"period", "3"},
            {"version", "9.9.9"},
            {"generated_on", "2026-10-05"}};
  return f;
}

}  // namespace

TEST_SUITE("xlsx") {
  TEST_CASE("text that looks like Excel's _xHHHH_ escape is kept literally") {
    const std::vector<std::string> texts{"_x0041_", "_x0041_x0042_", "a_x00e9_b_xABCD_", "_x004_", "__x0041__", "x_"};
    report::Sheet sheet{"notes", "说明", {{"说明"}, {report::Align::left}, {}}};
    for (const auto& t : texts) sheet.table.rows.push_back({t});
    const auto bytes = xlsx::render_xlsx({sheet}, options());
    const auto cells = sheet_texts(read_xlsx(bytes)[0]);
    for (std::size_t i = 0; i < texts.size(); ++i) CHECK(cells[i + 1][0] == texts[i]);
    // The XML as Excel reads it: each literal _x escaped as _x005F_x (ECMA-376 ST_Xstring).
    const auto strings = read_xlsx_parts(bytes).at("xl/sharedStrings.xml");
    CHECK(strings.find("<t>_x005F_x0041_</t>") != std::string::npos);
    CHECK(strings.find("<t>_x005F_x0041_x005F_x0042_</t>") != std::string::npos);
    CHECK(strings.find("<t>a_x005F_x00e9_b_x005F_xABCD_</t>") != std::string::npos);
    CHECK(strings.find("<t>_x004_</t>") != std::string::npos);
    CHECK(strings.find("<t>_x005F_x0041__</t>") == std::string::npos);
    CHECK(strings.find("<t>__x005F_x0041__</t>") != std::string::npos);
  }

  TEST_CASE("the blank form: cells where the layout says, lists, merged ranges, the hidden sheet") {
    const auto bytes = xlsx::render_blank_form(blank_form(), options());
    const auto sheets = read_xlsx(bytes);
    REQUIRE(sheets.size() == 3);
    CHECK(sheets[0].name == "反馈表");
    CHECK(sheets[0].state.empty());
    CHECK(sheets[1].name == "寝室学生");
    CHECK(sheets[2].name == "_dormlink");
    CHECK(sheets[2].state == "hidden");
    const auto cells = sheet_texts(sheets[0]);
    const auto at = [&](std::size_t row, std::size_t col) {  // 1-based, as Excel names them
      return row <= cells.size() && col <= cells[row - 1].size() ? cells[row - 1][col - 1] : std::string();
    };
    CHECK(at(1, 1) == "学生党员联系寝室情况反馈表");
    CHECK(at(2, 1) == "党员姓名");
    CHECK(at(2, 2) == "李明_x0041_");
    CHECK(at(2, 4) == "学号");
    CHECK(at(2, 5) == "2023110101");
    CHECK(at(3, 1) == "党支部");
    CHECK(at(3, 4) == "学期");
    CHECK(at(4, 1) == "报送期次");
    CHECK(at(4, 2) == "第3期（第5–6周，2026-10-05 至 2026-10-18）");
    CHECK(at(4, 4) == "期次编号");
    CHECK(at(4, 5) == "3");
    CHECK(sheets[0].rows[3][4].number);
    CHECK(at(5, 1) == "表单编号");
    CHECK(at(5, 2) == "0123456789abcdef");
    CHECK(at(5, 4) == "报送时间");
    CHECK(at(5, 5).empty());
    CHECK(at(6, 1) == "填写说明：每次联系填一行。");
    CHECK(cells[6] == std::vector<std::string>{"联系寝室名称", "时间", "联系学生姓名及方式", "工作进展及成效", "说明",
                                               "类型", "方式"});
    for (std::size_t r = 8; r <= 37; ++r)
      for (std::size_t c = 1; c <= 7; ++c) CHECK(at(r, c).empty());
    CHECK(at(39, 1) == "本期无联系");
    CHECK(at(39, 2).empty());
    CHECK(sheets[0].merged == std::vector<std::string>{"A1:G1", "B2:C2", "E2:G2", "B3:C3", "E3:G3", "B4:C4", "E4:G4",
                                                       "B5:C5", "E5:G5", "A6:G6"});
    const auto& v = sheets[0].validations;
    REQUIRE(v.size() == 4);
    CHECK(v[0].range == "A8:A37");
    CHECK(v[0].choices == std::vector<std::string>{"1-101", "1-102"});
    CHECK(v[0].error_style == "warning");
    CHECK(v[1].range == "F8:F37");
    CHECK(v[1].choices == std::vector<std::string>{"走访", "谈心"});
    CHECK(v[1].error_style.empty());  // stop: only the list
    CHECK(v[2].range == "G8:G37");
    CHECK(v[2].choices == std::vector<std::string>{"当面", "电话", "微信", "其他"});
    CHECK(v[3].range == "B39");
    CHECK(v[3].choices == std::vector<std::string>{"是", "否"});
    CHECK(sheet_texts(sheets[1]) == std::vector<std::vector<std::string>>{
                                        {"寝室", "姓名", "手机"}, {"1-101", "张一", "138****0011"}, {"1-102", "", ""}});
    CHECK(sheet_texts(sheets[2]) == std::vector<std::vector<std::string>>{{"form_id", "0123456789abcdef"},
                                                                          {"member_id", "2023110101"},
                                                                          {"semester_id", "2026-autumn"},
                                                                          {"period", "3"},
                                                                          {"version", "9.9.9"},
                                                                          {"generated_on", "2026-10-05"}});
  }

  TEST_CASE("the blank form prints on A4 across, one page wide, the table's header on every page") {
    const auto parts = read_xlsx_parts(xlsx::render_blank_form(blank_form(), options()));
    const auto& sheet = parts.at("xl/worksheets/sheet1.xml");
    CHECK(sheet.find("paperSize=\"9\"") != std::string::npos);
    CHECK(sheet.find("orientation=\"landscape\"") != std::string::npos);
    CHECK(sheet.find("fitToHeight=\"0\"") != std::string::npos);
    CHECK(sheet.find("<pageSetUpPr fitToPage=\"1\"/>") != std::string::npos);
    CHECK(parts.at("xl/workbook.xml").find("_xlnm.Print_Titles") != std::string::npos);
    CHECK(parts.at("xl/workbook.xml").find("反馈表'!$7:$7") != std::string::npos);
  }

  TEST_CASE("the blank form: the same form and date give the same bytes") {
    CHECK(xlsx::render_blank_form(blank_form(), options()) == xlsx::render_blank_form(blank_form(), options()));
  }

  TEST_CASE("a drop-down list longer than Excel allows is refused") {
    auto form = blank_form();
    form.lists[0].assign(40, "10-1001");
    CHECK_THROWS_AS((void)xlsx::render_blank_form(form, options()), DataError);
  }

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
