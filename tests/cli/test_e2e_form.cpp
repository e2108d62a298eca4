// End-to-end: dormlink form on a small hand-made college: one blank feedback form per member,
// named by id, semester and period; every sheet and cell read back as docs/forms.md lays them
// out; no overwrite without --force; the same bytes twice; masked phones only; CSV; the errors;
// and a real client (python3-openpyxl) that sees the lists and the hidden sheet.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "dormlink/records/record.hpp"
#include "harness.hpp"
#include "xlsx_reader.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;
using dormlink::testing::read_xlsx;
using dormlink::testing::read_xlsx_parts;
using dormlink::testing::sheet_texts;

namespace {

// Six teaching weeks from 2026-09-07: periods (1-2), (3-4), (5-6); 2026-09-21 is in period 2,
// so "next" is period 3 (weeks 5-6, 10-05..10-18), its form due 10-19.
constexpr const char* k_config = dormlink::e2e::k_small_config;
constexpr const char* k_staff = dormlink::e2e::k_small_staff;

// 李明 (M1) holds 1-101, 1-102 and the members' own 1-501, where he lives; 王强 (M2) holds 1-103.
constexpr const char* k_students =
    "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
    "2023110101,李明,男,英语,2023级,英语2301,1-501,13800000001,中共党员,英语党支部,,是\n"
    "2023110102,王强,男,英语,2023级,英语2301,1-501,13800000002,中共党员,英语党支部,,否\n"
    "2023110103,赵刚,男,英语,2023级,英语2301,1-501,13800000003,入党积极分子,,,否\n"
    "2025110101,张一,男,英语,2025级,英语2501,1-101,13800000011,共青团员,,,是\n"
    "2025110102,张二,男,英语,2025级,英语2501,1-101,13800000012,共青团员,,,否\n"
    "2025110103,陈三,男,英语,2025级,英语2501,1-102,,共青团员,,,是\n"
    "2025110104,陈四,男,英语,2025级,英语2501,1-102,13800000014,共青团员,,家庭经济困难,否\n"
    "2025110105,刘五,男,英语,2025级,英语2501,1-103,13800000015,共青团员,,,是\n";

constexpr const char* M1 = "2023110101";
constexpr const char* k_file = "forms/form-2023110101-2026-autumn-p3.xlsx";

std::vector<std::string> at(const char* as_of, std::vector<std::string> more) {
  std::vector<std::string> all{"--db", "college.db", "--as-of", as_of};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

void run_ok(const Sandbox& box, const std::vector<std::string>& args) {
  auto r = box.run(args);
  INFO(args.back() << ": " << r.err);
  REQUIRE(r.exit_code == 0);
}

void build_college(const Sandbox& box, bool assign = true) {
  box.write("dormlink.toml", k_config);
  box.write("staff.csv", k_staff);
  box.write("students.csv", k_students);
  run_ok(box, at("2026-09-07", {"-q", "init"}));
  run_ok(box, at("2026-09-07", {"-q", "import", "staff", "staff.csv"}));
  run_ok(box, at("2026-09-07", {"-q", "import", "students", "students.csv"}));
  if (assign) {
    run_ok(box, at("2026-09-07", {"-q", "assign", "--semester", "2026-autumn", "--pin", "2023110101:1-101", "--pin",
                                  "2023110101:1-102", "--pin", "2023110101:1-501", "--pin", "2023110102:1-103"}));
  }
  std::filesystem::create_directory(box.path("forms"));
}

Result form(const Sandbox& box, std::vector<std::string> more, const char* as_of = "2026-09-21") {
  std::vector<std::string> args{"form"};
  args.insert(args.end(), more.begin(), more.end());
  return box.run(at(as_of, args));
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string form_secret(const Sandbox& box) {
  SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READONLY);
  return raw.execAndGet("SELECT value FROM meta WHERE key = 'form_secret'").getString();
}

// A cell of a sheet by its 1-based row and column, "" when the sheet does not reach it.
std::string cell(const std::vector<std::vector<std::string>>& cells, std::size_t row, std::size_t col) {
  return row <= cells.size() && col <= cells[row - 1].size() ? cells[row - 1][col - 1] : std::string();
}

}  // namespace

TEST_SUITE("e2e form") {
  TEST_CASE("form --member: one file named by id, semester and period, a receipt and a total") {
    Sandbox box;
    build_college(box);
    auto r = box.run(at("2026-09-21", {"form", "--member", "李明", "--period", "next", "--out-dir", "forms"}),
                     {{"DORMLINK_MESSAGES", ""}});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err ==
          std::string("已写出 forms/form-2023110101-2026-autumn-p3.xlsx：李明（2023110101）第3期空白反馈表\n") +
              "共 1 份空白反馈表，在 forms\n");
    struct stat st {};
    REQUIRE(::stat(box.path(k_file).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto en = form(box, {"--member", M1, "--period", "3", "--out-dir", "forms", "--force"});
    CHECK(en.exit_code == 0);
    auto quiet = box.run(at("2026-09-21", {"-q", "--lang", "en", "form", "--member", M1, "--period", "3", "--out-dir",
                                           "forms", "--force"}));
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
    auto english = box.run(
        at("2026-09-21", {"--lang", "en", "form", "--member", M1, "--period", "3", "--out-dir", "forms", "--force"}));
    CHECK(english.err ==
          "wrote forms/form-2023110101-2026-autumn-p3.xlsx: blank form of 李明 (2023110101) for "
          "period 3\n1 blank form in forms\n");
  }

  TEST_CASE("the sheet 反馈表: title, header cells, instructions, table, lists, 本期无联系") {
    Sandbox box;
    build_college(box);
    REQUIRE(form(box, {"--member", M1, "--period", "next", "--out-dir", "forms"}).exit_code == 0);
    const auto sheets = read_xlsx(box.read(k_file));
    REQUIRE(sheets.size() == 3);
    CHECK(sheets[0].name == "反馈表");
    CHECK(sheets[0].state.empty());
    const auto c = sheet_texts(sheets[0]);
    const std::string form_id = dormlink::records::make_form_id(form_secret(box), M1, "2026-autumn", 3);
    CHECK(form_id.size() == 16);
    CHECK(cell(c, 1, 1) == "学生党员联系寝室情况反馈表");
    const std::vector<std::tuple<std::size_t, std::size_t, std::string, std::string>> fields{
        {2, 1, "党员姓名", "李明"},
        {2, 4, "学号", M1},
        {3, 1, "党支部", "英语党支部"},
        {3, 4, "学期", "2026秋"},
        {4, 1, "报送期次", "第3期（第5–6周，2026-10-05 至 2026-10-18）"},
        {4, 4, "期次编号", "3"},
        {5, 1, "表单编号", form_id},
        {5, 4, "报送时间", ""}};
    for (const auto& [row, col, label, value] : fields) {
      CHECK(cell(c, row, col) == label);
      CHECK(cell(c, row, col + 1) == value);
    }
    CHECK(sheets[0].rows[3][4].number);  // 期次编号 is a number
    CHECK(has(cell(c, 6, 1), "填写说明："));
    CHECK(has(cell(c, 6, 1), "2026-10-19"));
    CHECK(c[6] == std::vector<std::string>{"联系寝室名称", "时间", "联系学生姓名及方式", "工作进展及成效", "说明",
                                           "类型", "方式"});
    for (std::size_t row = 8; row <= 37; ++row)
      for (std::size_t col = 1; col <= 7; ++col) CHECK(cell(c, row, col).empty());
    CHECK(cell(c, 39, 1) == "本期无联系");
    CHECK(cell(c, 39, 2).empty());
    const auto& v = sheets[0].validations;
    REQUIRE(v.size() == 4);
    CHECK(v[0].range == "A8:A37");
    CHECK(v[0].choices == std::vector<std::string>{"1-101", "1-102", "1-501"});
    CHECK(v[1].range == "F8:F37");
    CHECK(v[1].choices == std::vector<std::string>{"走访", "谈心", "座谈会", "参与寝室活动", "新生入学教育",
                                                   "知党爱党教育", "培养入党积极分子", "特殊情况"});
    CHECK(v[2].range == "G8:G37");
    CHECK(v[2].choices == std::vector<std::string>{"当面", "电话", "微信", "其他"});
    CHECK(v[3].range == "B39");
    CHECK(v[3].choices == std::vector<std::string>{"是", "否"});
  }

  TEST_CASE("the sheets 寝室学生 (masked phones, not the member) and _dormlink (hidden ids)") {
    Sandbox box;
    build_college(box);
    REQUIRE(form(box, {"--member", M1, "--period", "next", "--out-dir", "forms"}).exit_code == 0);
    const auto sheets = read_xlsx(box.read(k_file));
    REQUIRE(sheets.size() == 3);
    CHECK(sheets[1].name == "寝室学生");
    CHECK(sheets[1].state.empty());
    const std::vector<std::vector<std::string>> residents{
        {"寝室", "姓名", "手机"},        {"1-101", "张二", "138****0012"}, {"1-101", "张一", "138****0011"},
        {"1-102", "陈三", ""},           {"1-102", "陈四", "138****0014"}, {"1-501", "王强", "138****0002"},
        {"1-501", "赵刚", "138****0003"}};
    CHECK(sheet_texts(sheets[1]) == residents);
    CHECK(sheets[2].name == "_dormlink");
    CHECK(sheets[2].state == "hidden");
    const std::vector<std::vector<std::string>> meta{
        {"form_id", dormlink::records::make_form_id(form_secret(box), M1, "2026-autumn", 3)},
        {"member_id", M1},
        {"semester_id", "2026-autumn"},
        {"period", "3"},
        {"version", DORMLINK_VERSION},
        {"generated_on", "2026-09-21"}};
    CHECK(sheet_texts(sheets[2]) == meta);
  }

  TEST_CASE("no full phone anywhere in the file, nor any attention category") {
    Sandbox box;
    build_college(box);
    REQUIRE(form(box, {"--member", M1, "--period", "next", "--out-dir", "forms"}).exit_code == 0);
    const auto bytes = box.read(k_file);
    std::string all;
    for (const auto& [name, xml] : read_xlsx_parts(bytes)) all += xml;
    for (const char* phone :
         {"13800000001", "13800000002", "13800000003", "13800000011", "13800000012", "13800000014", "13900000001"}) {
      CHECK_FALSE(has(all, phone));
      CHECK_FALSE(has(bytes, phone));
    }
    CHECK(has(all, "138****0011"));
    CHECK_FALSE(has(all, "家庭经济困难"));
  }

  TEST_CASE("an existing file is refused without --force and kept, --force replaces it") {
    Sandbox box;
    build_college(box);
    REQUIRE(form(box, {"--member", M1, "--period", "next", "--out-dir", "forms"}).exit_code == 0);
    box.write(k_file, "old");
    auto again = form(box, {"--member", M1, "--period", "next", "--out-dir", "forms"});
    CHECK(again.exit_code == 73);
    CHECK(has(again.err, "pass --force"));
    CHECK(box.read(k_file) == "old");
    auto forced = form(box, {"--member", M1, "--period", "next", "--out-dir", "forms", "--force"});
    CHECK(forced.exit_code == 0);
    CHECK(box.read(k_file).substr(0, 2) == "PK");
  }

  TEST_CASE("the same database and --as-of give the same bytes, another date another file") {
    Sandbox box;
    build_college(box);
    std::filesystem::create_directory(box.path("again"));
    std::filesystem::create_directory(box.path("later"));
    REQUIRE(form(box, {"--member", M1, "--period", "next", "--out-dir", "forms"}).exit_code == 0);
    REQUIRE(form(box, {"--member", M1, "--period", "next", "--out-dir", "again"}).exit_code == 0);
    REQUIRE(form(box, {"--member", M1, "--period", "3", "--out-dir", "later"}, "2026-09-22").exit_code == 0);
    const auto name = std::string("/form-2023110101-2026-autumn-p3.xlsx");
    CHECK(box.read("forms" + name) == box.read("again" + name));
    CHECK(box.read("forms" + name) != box.read("later" + name));  // generated_on differs
  }

  TEST_CASE("--all: every member due the period's form, of the counselor") {
    Sandbox box;
    build_college(box);
    auto r =
        box.run(at("2026-09-21", {"form", "--all", "--counselor", "T001", "--period", "next", "--out-dir", "forms"}),
                {{"DORMLINK_MESSAGES", ""}});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.err, "form-2023110101-2026-autumn-p3.xlsx"));
    CHECK(has(r.err, "form-2023110102-2026-autumn-p3.xlsx"));
    CHECK(has(r.err, "共 2 份空白反馈表，在 forms"));
    const auto second = read_xlsx(box.read("forms/form-2023110102-2026-autumn-p3.xlsx"));
    CHECK(second[0].validations[0].choices == std::vector<std::string>{"1-103"});
    CHECK(sheet_texts(second[1]) ==
          std::vector<std::vector<std::string>>{{"寝室", "姓名", "手机"}, {"1-103", "刘五", "138****0015"}});
    auto unknown = form(box, {"--all", "--counselor", "T999", "--period", "next", "--out-dir", "forms"});
    CHECK(unknown.exit_code == 64);
    CHECK(has(unknown.err, "--counselor \"T999\": no counselor"));
  }

  TEST_CASE("--format csv: BOM, the header pairs, 期次编号, 本期无联系 and the table's header") {
    Sandbox box;
    build_college(box);
    auto r = form(box, {"--member", M1, "--period", "next", "--out-dir", "forms", "--format", "csv"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string form_id = dormlink::records::make_form_id(form_secret(box), M1, "2026-autumn", 3);
    CHECK(box.read("forms/form-2023110101-2026-autumn-p3.csv") ==
          "\xEF\xBB\xBF"
          "党员姓名,李明\r\n"
          "学号,2023110101\r\n"
          "党支部,英语党支部\r\n"
          "学期,2026秋\r\n"
          "报送期次,第3期（第5–6周，2026-10-05 至 2026-10-18）\r\n"
          "期次编号,3\r\n"
          "表单编号," +
              form_id +
              "\r\n"
              "报送时间,\r\n"
              "本期无联系,\r\n"
              "联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明,类型,方式\r\n");
  }

  TEST_CASE("errors: who, the period, the assignment, the directory") {
    Sandbox box;
    build_college(box);
    auto unknown = form(box, {"--member", "某某", "--period", "next", "--out-dir", "forms"});
    CHECK(unknown.exit_code == 64);
    CHECK(has(unknown.err, "--member \"某某\": no member or resident of 2026-autumn has that id or name"));
    auto resident = form(box, {"--member", "张一", "--period", "next", "--out-dir", "forms"});
    CHECK(resident.exit_code == 64);
    CHECK(has(resident.err, "张一 (2025110101) holds no dorm in period 3 of 2026-autumn"));
    auto last = form(box, {"--member", M1, "--period", "next", "--out-dir", "forms"}, "2026-10-06");
    CHECK(last.exit_code == 64);
    CHECK(
        has(last.err,
            "--period next: 2026-autumn has no reporting period after 2026-10-06 (the last, 3, began on 2026-10-05)"));
    auto both = form(box, {"--member", M1, "--all", "--period", "next", "--out-dir", "forms"});
    CHECK(both.exit_code == 64);
    auto no_dir = form(box, {"--member", M1, "--period", "next"});
    CHECK(no_dir.exit_code == 64);
    CHECK(has(no_dir.err, "--out-dir DIR is required"));
    // A missing --out-dir is made (mode 0700, with its parents); a file in its place is refused.
    auto missing = form(box, {"--member", M1, "--period", "next", "--out-dir", "new/forms"});
    CHECK(missing.exit_code == 0);
    CHECK(std::filesystem::is_directory(box.path("new/forms")));
    CHECK((std::filesystem::status(box.path("new")).permissions() & std::filesystem::perms::all) ==
          std::filesystem::perms::owner_all);
    CHECK_FALSE(std::filesystem::is_empty(box.path("new/forms")));
    box.write("afile", "x");
    auto file = form(box, {"--member", M1, "--period", "next", "--out-dir", "afile"});
    CHECK(file.exit_code == 73);
    CHECK(has(file.err, "--out-dir afile is not a directory; choose a directory"));
    auto format = form(box, {"--member", M1, "--period", "next", "--out-dir", "forms", "--format", "md"});
    CHECK(format.exit_code == 64);
    CHECK(std::filesystem::is_empty(box.path("forms")));

    Sandbox unassigned;
    build_college(unassigned, false);
    auto none = form(unassigned, {"--member", M1, "--period", "next", "--out-dir", "forms"});
    CHECK(none.exit_code == 66);
    CHECK(has(none.err, "2026-autumn has no committed assignment in force during period 3"));
    auto none_all = form(unassigned, {"--all", "--period", "next", "--out-dir", "forms"});
    CHECK(none_all.exit_code == 66);
  }

  TEST_CASE("python3-openpyxl opens the form and sees the lists and the hidden sheet") {
    Sandbox box;
    if (box.run_program("/usr/bin/python3", {"-c", "import openpyxl"}).exit_code != 0) {
      MESSAGE("python3-openpyxl is not installed (scripts/setup-deps.sh --test): skipped");
      return;
    }
    build_college(box);
    REQUIRE(form(box, {"--member", M1, "--period", "next", "--out-dir", "forms"}).exit_code == 0);
    const char* script = R"(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print(ws.title, ws.sheet_state)
ws = wb['反馈表']
for dv in ws.data_validations.dataValidation:
    print(dv.type, dv.sqref, dv.formula1)
print(ws['A2'].value, ws['B2'].value, ws['D4'].value, ws['E4'].value, ws['A39'].value)
print(ws.print_title_rows, ws.page_setup.orientation, ws.page_setup.paperSize)
print([(k.value, v.value) for k, v in wb['_dormlink'].iter_rows()][:4])
)";
    auto r = box.run_program("/usr/bin/python3", {"-c", script, box.path(k_file)});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string form_id = dormlink::records::make_form_id(form_secret(box), M1, "2026-autumn", 3);
    CHECK(r.out ==
          "反馈表 visible\n寝室学生 visible\n_dormlink hidden\n"
          "list A8:A37 \"1-101,1-102,1-501\"\n"
          "list F8:F37 \"走访,谈心,座谈会,参与寝室活动,新生入学教育,知党爱党教育,培养入党积极分子,特殊情况\"\n"
          "list G8:G37 \"当面,电话,微信,其他\"\n"
          "list B39 \"是,否\"\n"
          "党员姓名 李明 期次编号 3 本期无联系\n"
          "$7:$7 landscape 9\n"
          "[('form_id', '" +
              form_id + "'), ('member_id', '2023110101'), ('semester_id', '2026-autumn'), ('period', '3')]\n");
  }
}
