// Reading .xlsx files (src/xlsx/read*.cpp): files from dormlink's own writer, openpyxl and
// LibreOffice read back cell by cell; the XML features Excel and WPS use; and hostile files
// (bombs, path tricks, DOCTYPEs, oversized sheets, damage) refused with a DataError naming the
// file, quickly and without holding what they would inflate to.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dormlink/error.hpp"
#include "dormlink/report/table.hpp"
#include "dormlink/xlsx/read.hpp"
#include "dormlink/xlsx/xlsx.hpp"
#include "zip_writer.hpp"

using namespace dormlink;
using dormlink::testing::write_zip;
using dormlink::testing::ZipEntry;
using xlsx::Cell;

namespace fs = std::filesystem;

namespace {

const std::string k_source = "forms/x.xlsx";
constexpr const char* k_main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* k_rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string workbook_xml(const std::string& sheets, const std::string& properties = "") {
  return std::string("<workbook xmlns=\"") + k_main_ns + "\" xmlns:r=\"" + k_rel_ns + "\">" + properties + "<sheets>" +
         sheets + "</sheets></workbook>";
}

std::string rels_xml(const std::string& target = "worksheets/sheet1.xml") {
  return std::string(
             "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" Type=\"") +
         k_rel_ns + "/worksheet\" Target=\"" + target + "\"/></Relationships>";
}

std::string sheet_xml(const std::string& rows, const std::string& after = "") {
  return std::string("<worksheet xmlns=\"") + k_main_ns + "\"><sheetData>" + rows + "</sheetData>" + after +
         "</worksheet>";
}

// A one-sheet workbook ("表") around the sheet's XML, and any extra parts.
std::vector<ZipEntry> parts_with(const std::string& sheet, std::vector<ZipEntry> extra = {}) {
  std::vector<ZipEntry> parts{
      {"[Content_Types].xml", "<Types/>"},
      {"xl/workbook.xml", workbook_xml("<sheet name=\"表\" sheetId=\"1\" r:id=\"rId1\"/>")},
      {"xl/_rels/workbook.xml.rels", rels_xml()},
      {"xl/worksheets/sheet1.xml", sheet},
  };
  for (auto& part : extra) parts.push_back(std::move(part));
  return parts;
}

xlsx::Book read(const std::string& bytes, const xlsx::ReadLimits& limits = {}) {
  return xlsx::read_book(bytes, limits, k_source);
}

// The DataError's message for bytes that must be refused; "(read)" when they were read, and
// the exception's type when something other than a DataError escaped.
std::string refusal(const std::string& bytes, const xlsx::ReadLimits& limits = {}) {
  try {
    (void)read(bytes, limits);
  } catch (const DataError& e) {
    CHECK(e.code() == ExitCode::data);
    return e.what();
  } catch (const std::exception& e) {
    return std::string("not a DataError: ") + e.what();
  }
  return "(read)";
}

// Checks that the message names the file and says `what`.
void check_refused(const std::string& message, const std::string& what) {
  INFO(message);
  CHECK(message.rfind(k_source + ": ", 0) == 0);
  CHECK(message.find(what) != std::string::npos);
}

std::string text_at(const xlsx::Sheet& sheet, std::size_t row, std::size_t col) {
  const Cell* cell = sheet.at(row, col);
  return cell == nullptr ? "(outside)" : cell->text;
}

Cell::Type type_at(const xlsx::Sheet& sheet, std::size_t row, std::size_t col) {
  const Cell* cell = sheet.at(row, col);
  REQUIRE(cell != nullptr);
  return cell->type;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A private temp directory, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "dormlink-xlsx-read-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

// Runs a shell command; its exit status.
int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool have_openpyxl() { return run("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") == 0; }

// The openpyxl workbook of tests/support/openpyxl_book.py, in the 1900 or 1904 date system.
std::string openpyxl_book(const TempDir& dir, bool mac1904) {
  const fs::path out = dir.path / (mac1904 ? "book1904.xlsx" : "book.xlsx");
  const std::string command = std::string("/usr/bin/python3 ") + DORMLINK_SOURCE_DIR +
                              "/tests/support/openpyxl_book.py '" + out.string() + "'" + (mac1904 ? " 1904" : "");
  REQUIRE(run(command) == 0);
  return read_file(out);
}

// The first sheet of the openpyxl book, as openpyxl (or LibreOffice after it) saved it.
void check_form_sheet(const xlsx::Sheet& form) {
  CHECK(form.name == "表单");
  CHECK_FALSE(form.hidden);
  CHECK(text_at(form, 0, 0) == "党员联系寝室反馈表");
  REQUIRE(form.merged.size() == 1);
  CHECK(form.merged[0].first_row == 0);
  CHECK(form.merged[0].first_col == 0);
  CHECK(form.merged[0].last_row == 0);
  CHECK(form.merged[0].last_col == 4);
  CHECK(text_at(form, 1, 4) == "备注");
  CHECK(type_at(form, 2, 0) == Cell::Type::date);
  CHECK(text_at(form, 2, 0) == "2026-03-01");
  CHECK(type_at(form, 3, 0) == Cell::Type::date);
  CHECK(text_at(form, 3, 0) == "2026-03-02 19:30");
  CHECK(text_at(form, 2, 1) == "8-305");
  CHECK(type_at(form, 2, 2) == Cell::Type::number);
  CHECK(text_at(form, 2, 2) == "4");
  CHECK(form.at(2, 2)->number == 4);
  CHECK(text_at(form, 3, 2) == "3.5");
  CHECK(type_at(form, 2, 3) == Cell::Type::boolean);
  CHECK(text_at(form, 2, 3) == "TRUE");
  CHECK(text_at(form, 3, 3) == "FALSE");
  CHECK(type_at(form, 2, 4) == Cell::Type::text);
  CHECK(text_at(form, 2, 4) == "粗体 普通 ");  // rich runs joined, the phonetic run left out
  CHECK(text_at(form, 3, 4) == "内联");
  CHECK(text_at(form, 4, 0) == "a\rb_x0041_");  // _x000D_ is a CR, _x005F_ an underscore
  CHECK(type_at(form, 4, 1) == Cell::Type::empty);
  CHECK(text_at(form, 4, 2) == "-0.25");
  CHECK(form.rows.size() == 5);
  CHECK(form.rows[4].size() == 3);  // padded up to the last non-empty cell only
}

void check_openpyxl_book(const xlsx::Book& book, bool mac1904) {
  REQUIRE(book.sheets.size() == 3);
  CHECK(book.date1904 == mac1904);
  check_form_sheet(book.sheets[0]);
  const xlsx::Sheet& second = book.sheets[1];
  CHECK(second.name == "Second");
  CHECK(text_at(second, 1, 0) == "13800138000");
  CHECK(text_at(second, 6, 2) == "far");
  CHECK(type_at(second, 6, 0) == Cell::Type::empty);
  CHECK(second.rows.size() == 7);
  CHECK(second.rows[0].empty());
  REQUIRE(book.find("Hidden") != nullptr);
  CHECK(book.find("Hidden")->hidden);
  CHECK(text_at(*book.find("Hidden"), 0, 0) == "secret");
  CHECK(book.find("none") == nullptr);
}

}  // namespace

TEST_SUITE("xlsx read") {
  TEST_CASE("cell references run from A1 to XFD1048576") {
    CHECK(xlsx::cell_reference(0, 0) == "A1");
    CHECK(xlsx::cell_reference(11, 2) == "C12");
    CHECK(xlsx::cell_reference(0, 25) == "Z1");
    CHECK(xlsx::cell_reference(0, 26) == "AA1");
    CHECK(xlsx::cell_reference(0, 701) == "ZZ1");
    CHECK(xlsx::cell_reference(0, 702) == "AAA1");
    CHECK(xlsx::cell_reference(1048575, 16383) == "XFD1048576");
  }

  TEST_CASE("Excel serials are local date-times in the 1900 and 1904 systems") {
    auto text = [](double serial, bool mac1904) {
      const auto when = xlsx::to_local_date_time(serial, mac1904);
      return when ? format_local(*when) : std::string("nullopt");
    };
    CHECK(text(1, false) == "1900-01-01");
    CHECK(text(59, false) == "1900-02-28");
    CHECK(text(60, false) == "nullopt");  // 1900-02-29, which Excel counts and the calendar lacks
    CHECK(text(61, false) == "1900-03-01");
    CHECK(text(0.5, false) == "nullopt");
    CHECK(text(46082, false) == "2026-03-01");
    CHECK(text(46083.8125, false) == "2026-03-02 19:30");
    CHECK(text(46082.99999, false) == "2026-03-02");  // rounded to the minute: midnight
    CHECK(text(46082 + 19.0 / 24 + 29.6 / 1440, false) == "2026-03-01 19:30");
    CHECK(text(2958465, false) == "9999-12-31");
    CHECK(text(2958466, false) == "nullopt");
    CHECK(text(0, true) == "1904-01-01");
    CHECK(text(46082 - 1462, true) == "2026-03-01");
    CHECK(text(-1460, true) == "1900-01-01");
    CHECK(text(-1461, true) == "nullopt");
    CHECK(text(std::numeric_limits<double>::quiet_NaN(), false) == "nullopt");
    CHECK(text(std::numeric_limits<double>::infinity(), true) == "nullopt");
    CHECK(text(1e300, false) == "nullopt");
  }

  TEST_CASE("a workbook of dormlink's own writer reads back cell by cell") {
    report::Sheet sheet{"form", "反馈表", {}};
    sheet.table.header = {"日期", "寝室", "人数", "说明"};
    sheet.table.align = {report::Align::left, report::Align::left, report::Align::right, report::Align::left};
    sheet.table.rows = {{"2026-03-01", "8-305", "4", "谈心 & <谈话>"}, {"", "0023", "3.5", ""}, {"", "", "", "末"}};
    report::Sheet other{"dorms", "寝室", {{"寝室"}, {report::Align::left}, {{"8-306"}}}};
    xlsx::Options options;
    options.created = Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{1}};
    options.temp_dir = fs::temp_directory_path().string();
    const xlsx::Book book = read(xlsx::render_xlsx({sheet, other}, options));
    REQUIRE(book.sheets.size() == 2);
    const xlsx::Sheet& form = book.sheets[0];
    CHECK(form.name == "反馈表");
    REQUIRE(form.rows.size() == 4);
    CHECK(text_at(form, 0, 3) == "说明");
    CHECK(text_at(form, 1, 0) == "2026-03-01");
    CHECK(type_at(form, 1, 0) == Cell::Type::text);  // text stays text
    CHECK(text_at(form, 1, 3) == "谈心 & <谈话>");
    CHECK(type_at(form, 1, 2) == Cell::Type::number);
    CHECK(form.at(2, 2)->number == 3.5);
    CHECK(text_at(form, 2, 1) == "0023");
    CHECK(form.rows[2].size() == 3);
    CHECK(type_at(form, 3, 0) == Cell::Type::empty);
    CHECK(text_at(form, 3, 3) == "末");
    CHECK(form.at(4, 0) == nullptr);
    CHECK(text_at(book.sheets[1], 1, 0) == "8-306");
    CHECK_FALSE(book.date1904);
  }

  TEST_CASE("a workbook saved by openpyxl reads back, in the 1900 and the 1904 date systems") {
    if (!have_openpyxl()) {
      MESSAGE("skipped: /usr/bin/python3 cannot import openpyxl (apt install python3-openpyxl)");
      return;
    }
    TempDir dir;
    check_openpyxl_book(read(openpyxl_book(dir, false)), false);
    check_openpyxl_book(read(openpyxl_book(dir, true)), true);
  }

  TEST_CASE("a workbook saved by LibreOffice Calc reads back") {
    if (run("command -v soffice >/dev/null 2>&1") != 0 || !have_openpyxl()) {
      MESSAGE("skipped: soffice or openpyxl is missing (apt install libreoffice-calc-nogui python3-openpyxl)");
      return;
    }
    TempDir dir;
    const std::string original = openpyxl_book(dir, false);
    fs::create_directories(dir.path / "home");
    fs::create_directories(dir.path / "out");
    const std::string command = "cd '" + dir.path.string() + "' && HOME='" + (dir.path / "home").string() +
                                "' soffice --headless --norestore --convert-to xlsx --outdir out book.xlsx "
                                ">/dev/null 2>&1";
    REQUIRE(run(command) == 0);
    const std::string saved = read_file(dir.path / "out" / "book.xlsx");
    REQUIRE(saved != original);
    check_openpyxl_book(read(saved), false);
  }

  TEST_CASE("what Excel and WPS write: prefixes, cells without r, formulas, errors, ISO dates, styles") {
    const std::string ns = k_main_ns;
    const std::string sheet =
        "<x:worksheet xmlns:x=\"" + ns +
        "\"><x:sheetData>"
        "<x:row><x:c t=\"str\"><x:f>A2</x:f><x:v>公式_x000D_</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c>"
        "<x:c t=\"d\"><x:v>2026-03-01T19:30:40Z</x:v></x:c><x:c s=\"1\"><x:v>46082.5</x:v></x:c>"
        "<x:c s=\"2\"><x:v>46082</x:v></x:c><x:c s=\"3\"><x:v>46082</x:v></x:c></x:row>"
        "<x:row><x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">  两端空格 </x:t></x:is></x:c>"
        "<x:c><x:v>1E3</x:v></x:c><x:c t=\"b\"><x:v>1</x:v></x:c><x:c s=\"1\"/></x:row>"
        "<x:row r=\"5\"><x:c r=\"A5\" t=\"d\"><x:v>2026-03-01</x:v></x:c></x:row>"
        "</x:sheetData><x:mergeCells><x:mergeCell ref=\"B2:C3\"/></x:mergeCells></x:worksheet>";
    const std::string styles =
        "<styleSheet xmlns=\"" + ns +
        "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>"
        "<numFmt numFmtId=\"165\" formatCode=\"&quot;day&quot;0.00\"/></numFmts>"
        "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
        "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/><xf numFmtId=\"164\"/><xf "
        "numFmtId=\"165\"/></cellXfs><dxfs><dxf><numFmt numFmtId=\"165\" formatCode=\"yyyy\"/></dxf></dxfs>"
        "</styleSheet>";
    auto parts = parts_with(sheet, {{"xl/styles.xml", styles}});
    parts[1].data = "<x:workbook xmlns:x=\"" + ns + "\" xmlns:rel=\"" + k_rel_ns +
                    "\"><x:workbookPr date1904=\"0\"/><x:sheets><x:sheet name=\"表\" sheetId=\"1\" "
                    "rel:id=\"rId1\"/></x:sheets></x:workbook>";
    parts[2].data = rels_xml("/xl/worksheets/sheet1.xml");
    const xlsx::Book book = read(write_zip(parts));
    REQUIRE(book.sheets.size() == 1);
    const xlsx::Sheet& s = book.sheets[0];
    CHECK(text_at(s, 0, 0) == "公式\r");
    CHECK(type_at(s, 0, 0) == Cell::Type::text);
    CHECK(type_at(s, 0, 1) == Cell::Type::error);
    CHECK(text_at(s, 0, 1) == "#N/A");
    CHECK(type_at(s, 0, 2) == Cell::Type::date);
    CHECK(text_at(s, 0, 2) == "2026-03-01 19:31");
    CHECK(s.at(0, 2)->number == doctest::Approx(46082 + (19 * 3600 + 30 * 60 + 40) / 86400.0));
    CHECK(text_at(s, 0, 3) == "2026-03-01 12:00");
    CHECK(text_at(s, 0, 4) == "2026-03-01");
    CHECK(type_at(s, 0, 5) == Cell::Type::number);  // "day"0.00: the d is quoted
    CHECK(text_at(s, 1, 2) == "  两端空格 ");
    CHECK(text_at(s, 1, 3) == "1000");
    CHECK(text_at(s, 1, 4) == "TRUE");
    CHECK(s.rows[1].size() == 5);  // the styled empty cell after it adds nothing
    CHECK(s.rows.size() == 5);
    CHECK(s.rows[2].empty());
    CHECK(text_at(s, 4, 0) == "2026-03-01");
    REQUIRE(s.merged.size() == 1);
    CHECK(s.merged[0].first_row == 1);
    CHECK(s.merged[0].last_col == 2);
  }

  TEST_CASE("hostile and damaged files are refused with a DataError naming the file") {
    const std::string good = write_zip(parts_with(sheet_xml("<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>")));
    REQUIRE(read(good).sheets.at(0).rows.at(0).at(0).text == "x");
    xlsx::ReadLimits limits;

    SUBCASE("a zip bomb: an entry inflating more than 100-fold") {
      auto parts = parts_with("");
      parts[3] = ZipEntry{"xl/worksheets/sheet1.xml", std::string(1 << 16, ' '), 1024};  // 64 MiB of spaces
      check_refused(refusal(write_zip(parts)), "inflates more than 100-fold");
    }
    SUBCASE("a zip bomb whose headers claim a large compressed size") {
      auto parts = parts_with("");
      parts[3] = ZipEntry{"xl/worksheets/sheet1.xml", std::string(1 << 16, ' '), 1024};
      parts[3].claimed_compressed_size = 0x7FFFFFFF;
      const std::string message = refusal(write_zip(parts));
      INFO(message);
      CHECK(message.rfind(k_source + ": ", 0) == 0);
    }
    SUBCASE("more inflated data than max_file_bytes, at a modest ratio") {
      limits.max_file_bytes = 2u << 20;
      limits.max_ratio = 1e9;
      auto parts = parts_with("");
      parts[3] = ZipEntry{"xl/worksheets/sheet1.xml", std::string(1 << 16, ' '), 64};
      check_refused(refusal(write_zip(parts), limits), "inflates to more than 2 MiB");
    }
    SUBCASE("headers that claim fewer bytes than the entry holds") {
      auto parts = parts_with(sheet_xml("<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>"));
      parts[3].claimed_size = 10;
      check_refused(refusal(write_zip(parts)), "damaged");
    }
    SUBCASE("2,000 entries") {
      auto parts = parts_with(sheet_xml(""));
      for (int i = 0; i < 2000; ++i) parts.push_back({"xl/media/image" + std::to_string(i) + ".png", "x"});
      check_refused(refusal(write_zip(parts)), "more than the 1000 an Excel form may have");
    }
    SUBCASE("entry names that point outside the archive") {
      for (const std::string name : {"../evil.xml", "xl/../../evil.xml", "/etc/passwd", "xl\\worksheets\\a.xml"}) {
        auto parts = parts_with(sheet_xml(""));
        parts.push_back({name, "x"});
        check_refused(refusal(write_zip(parts)), "points outside the archive");
      }
    }
    SUBCASE("a DOCTYPE with the billion laughs") {
      const std::string laughs =
          "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
          "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
          "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
          "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
      check_refused(refusal(write_zip(parts_with(laughs + sheet_xml("<row><c t=\"str\"><v>&lol3;</v></c></row>")))),
                    "declares a DOCTYPE");
      auto parts = parts_with(sheet_xml(""));
      parts[1].data = laughs + workbook_xml("<sheet name=\"&lol3;\" sheetId=\"1\" r:id=\"rId1\"/>");
      check_refused(refusal(write_zip(parts)), "xl/workbook.xml declares a DOCTYPE");
    }
    SUBCASE("an external entity") {
      const std::string xxe = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
      check_refused(refusal(write_zip(parts_with(xxe + sheet_xml("<row><c t=\"str\"><v>&xxe;</v></c></row>")))),
                    "declares a DOCTYPE");
    }
    SUBCASE("a row of 300 columns") {
      std::string row = "<row>";
      for (int c = 0; c < 300; ++c) row += "<c><v>" + std::to_string(c) + "</v></c>";
      check_refused(refusal(write_zip(parts_with(sheet_xml(row + "</row>")))),
                    "sheet \"表\", cell IW1: the sheet has values beyond column IV (256 columns)");
    }
    SUBCASE("more rows than max_rows, more cells than max_cells") {
      limits.max_rows = 10;
      check_refused(refusal(write_zip(parts_with(sheet_xml("<row r=\"11\"><c><v>1</v></c></row>"))), limits),
                    "cell A11: the sheet has values beyond row 10");
      limits.max_cells = 100;
      check_refused(refusal(write_zip(parts_with(sheet_xml("<row r=\"2\"><c r=\"CW2\"><v>1</v></c></row>"))), limits),
                    "more than 100 cells");
    }
    SUBCASE("a cell over max_cell_bytes, inline and shared") {
      const std::string huge(40000, 'x');
      check_refused(
          refusal(write_zip(parts_with(sheet_xml("<row><c t=\"inlineStr\"><is><t>" + huge + "</t></is></c></row>")))),
          "cell A1: the cell holds more than 32 KiB of text");
      const std::string sst = std::string("<sst xmlns=\"") + k_main_ns + "\"><si><t>" + huge + "</t></si></sst>";
      check_refused(refusal(write_zip(parts_with(sheet_xml("<row><c r=\"B3\" t=\"s\"><v>0</v></c></row>"),
                                                 {{"xl/sharedStrings.xml", sst}}))),
                    "cell B3: the cell holds more than 32 KiB of text");
    }
    SUBCASE("a cell reference beyond XFD1048576") {
      check_refused(refusal(write_zip(parts_with(sheet_xml("<row><c r=\"XFE1\"><v>1</v></c></row>")))),
                    "a cell is named \"XFE1\", not a cell of Excel");
      check_refused(refusal(write_zip(parts_with(sheet_xml("<row><c r=\"A1048577\"><v>1</v></c></row>")))),
                    "not a cell of Excel");
      check_refused(refusal(write_zip(parts_with(sheet_xml("<row r=\"1048577\"/>")))), "not a row of Excel");
    }
    SUBCASE("a truncated or corrupted zip") {
      check_refused(refusal(good.substr(0, good.size() / 2)), "cannot be read as a zip archive");
      std::string corrupt = good;
      const auto at = corrupt.find("xl/worksheets/sheet1.xml") + 30;
      for (std::size_t i = at; i < at + 20 && i < corrupt.size(); ++i)
        corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5A);
      check_refused(refusal(corrupt), "damaged");
    }
    SUBCASE("invalid UTF-8 in a string names the sheet and cell") {
      check_refused(
          refusal(write_zip(parts_with(sheet_xml("<row><c r=\"B2\" t=\"inlineStr\"><is><t>a\xFF</t></is></c></row>")))),
          "sheet \"表\", cell B2: the part xl/worksheets/sheet1.xml holds text that is not valid UTF-8");
    }
    SUBCASE("an encrypted workbook or an old .xls (OLE)") {
      const std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
      check_refused(refusal(ole), "password-protected or an old Excel 97-2003 .xls file");
      auto parts = parts_with(sheet_xml(""));
      parts[1].encrypted = true;
      check_refused(refusal(write_zip(parts)), "encrypted");
    }
    SUBCASE("no zip, or no workbook in it") {
      check_refused(refusal("学号,姓名\n1,张三\n"), "not an Excel .xlsx file (not a zip archive)");
      check_refused(refusal(""), "not a zip archive");
      check_refused(refusal(write_zip({{"word/document.xml", "<w/>"}})),
                    "not an Excel .xlsx file (no xl/workbook.xml)");
    }
    SUBCASE("references to what the file does not have") {
      check_refused(refusal(write_zip(parts_with(sheet_xml("<row><c t=\"s\"><v>7</v></c></row>")))),
                    "cell A1: the cell names shared string \"7\"");
      auto parts = parts_with(sheet_xml(""));
      parts[2].data = rels_xml("../../outside.xml");
      check_refused(refusal(write_zip(parts)), "the sheet \"表\" has no part in the file");
      check_refused(refusal(write_zip(parts_with(sheet_xml("<row><c><v>abc</v></c></row>")))),
                    "cell A1: a number cell holds \"abc\"");
      check_refused(refusal(write_zip(parts_with(sheet_xml("<row><c><v>1</v></row>")))), "not well-formed");
    }
  }
}
