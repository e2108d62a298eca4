// The member's blank feedback form (report/blank_form.hpp): the header's labels and values, the
// instructions, the table's columns and lists, the residents with masked phones (the member left
// out), the hidden ids, the errors, and the CSV.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "dormlink/check/period.hpp"
#include "dormlink/error.hpp"
#include "dormlink/records/record.hpp"
#include "dormlink/report/blank_form.hpp"

using namespace dormlink;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// Autumn 2026, 18 teaching weeks from 09-07: period 3 is weeks 5-6 (10-05..10-18).
Semester autumn() {
  Semester s;
  s.id = "2026-autumn";
  s.name = "2026秋";
  s.first_monday = ymd(2026, 9, 7);
  s.teaching_weeks = 17;
  return s;
}

check::Person person(std::string id, std::string name, std::string branch = "") {
  check::Person p;
  p.id = std::move(id);
  p.name = std::move(name);
  p.branch = std::move(branch);
  return p;
}

// 李明 (0) holds 1-101 from the start and 1-102 from 10-08 on (a repair in period 3); 王强 (1)
// holds 1-103; 赵刚 (2) holds nothing.
check::CheckInput college() {
  check::CheckInput in;
  in.semester = autumn();
  in.people = {person("2023110101", "李明", "英语党支部"), person("2023110102", "王强"), person("2023110103", "赵刚")};
  in.dorms = {"1-101", "1-102", "1-103"};
  in.assignments = {check::AssignmentVersion{ymd(2026, 9, 7), {{0, 0}, {2, 1}}},
                    check::AssignmentVersion{ymd(2026, 10, 8), {{0, 0}, {1, 0}, {2, 1}}}};
  return in;
}

roster::StudentRow student(std::string id, std::string name, std::string dorm, std::string phone) {
  roster::StudentRow s;
  s.student_id = std::move(id);
  s.facts.name = std::move(name);
  s.facts.dorm = std::move(dorm);
  s.facts.phone = std::move(phone);
  return s;
}

std::vector<roster::StudentRow> students() {
  return {student("2023110101", "李明", "1-101", "13800000001"), student("2025110101", "张一", "1-101", "13800000011"),
          student("2025110102", "张二", "1-101", ""), student("2025110105", "刘五", "1-103", "13800000015")};
}

struct Built {
  check::CheckInput input = college();
  std::vector<roster::StudentRow> roster = students();
  report::BlankFormInput in;

  explicit Built(int period, Language language = Language::zh) {
    in.check = &input;
    in.member = 0;
    in.period = check::make_period(input.semester, Config{}, period);
    in.students = &roster;
    in.form_id = "0123456789abcdef";
    in.version = "9.9.9";
    in.generated_on = ymd(2026, 10, 5);
    in.language = language;
  }
  report::BlankForm form() const { return report::build_blank_form(in); }
};

}  // namespace

TEST_SUITE("blank_form") {
  TEST_CASE("the header: the form's labels in order, with the member's values") {
    const auto form = Built(3).form();
    CHECK(form.title == "学生党员联系寝室情况反馈表");
    CHECK(form.form_sheet == "反馈表");
    REQUIRE(form.fields.size() == 8);
    const std::vector<std::pair<std::string, std::string>> expected{
        {"党员姓名", "李明"},
        {"学号", "2023110101"},
        {"党支部", "英语党支部"},
        {"学期", "2026秋"},
        {"报送期次", "第3期（第5–6周，2026-10-05 至 2026-10-18）"},
        {"期次编号", "3"},
        {"表单编号", "0123456789abcdef"},
        {"报送时间", ""}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
      CHECK(form.fields[i].label == expected[i].first);
      CHECK(form.fields[i].value == expected[i].second);
      CHECK(form.fields[i].number == (expected[i].first == "期次编号"));
    }
    CHECK(form.member_id == "2023110101");
    CHECK(form.semester_id == "2026-autumn");
    CHECK(form.period == 3);
  }

  TEST_CASE("a one-week period names one week, a semester without a name shows its id") {
    Built b(9);  // week 17 alone: the semester has 17 teaching weeks
    b.input.semester.name.clear();
    b.in.period = check::make_period(b.input.semester, Config{}, 9);
    const auto form = b.form();
    CHECK(form.fields[4].value == "第9期（第17周，2026-12-28 至 2027-01-03）");
    CHECK(form.fields[3].value == "2026-autumn");
  }

  TEST_CASE("the table: seven columns, 30 blank rows, lists of dorms, kinds and channels") {
    const auto form = Built(3).form();
    CHECK(form.columns == std::vector<std::string>{"联系寝室名称", "时间", "联系学生姓名及方式", "工作进展及成效",
                                                   "说明", "类型", "方式"});
    CHECK(form.blank_rows == 30);
    REQUIRE(form.lists.size() == 7);
    CHECK(form.lists[0] == std::vector<std::string>{"1-101", "1-102"});  // both versions of period 3
    for (int c : {1, 2, 3, 4}) CHECK(form.lists[static_cast<std::size_t>(c)].empty());
    std::vector<std::string> kinds;
    for (auto k :
         {records::Kind::visit, records::Kind::talk, records::Kind::symposium, records::Kind::activity,
          records::Kind::orientation, records::Kind::education, records::Kind::cultivation, records::Kind::incident})
      kinds.emplace_back(records::label_zh(k));
    CHECK(form.lists[5] == kinds);
    CHECK(form.lists[5].front() == "走访");
    CHECK(form.lists[6] == std::vector<std::string>{"当面", "电话", "微信", "其他"});
    CHECK(form.no_contact.label == "本期无联系");
    CHECK(form.no_contact.value.empty());
    CHECK(form.no_contact_choices == std::vector<std::string>{"是", "否"});
    // Every kind on the list reads back as that kind.
    for (const auto& k : form.lists[5]) CHECK(records::parse_kind(k).has_value());
  }

  TEST_CASE("the dorms are those of the period: before the repair, only the first version's") {
    CHECK(Built(2).form().lists[0] == std::vector<std::string>{"1-101"});
    CHECK(Built(4).form().lists[0] == std::vector<std::string>{"1-101", "1-102"});
  }

  TEST_CASE("residents: by dorm then pinyin, phones masked, the member never listed") {
    const auto form = Built(3).form();
    CHECK(form.residents_sheet == "寝室学生");
    CHECK(form.resident_columns == std::vector<std::string>{"寝室", "姓名", "手机"});
    const std::vector<std::vector<std::string>> expected{
        {"1-101", "张二", ""}, {"1-101", "张一", "138****0011"}, {"1-102", "", ""}};
    CHECK(form.residents == expected);
    for (const auto& row : form.residents) {
      CHECK(row[1] != "李明");
      CHECK(row[2].find("13800000011") == std::string::npos);
    }
  }

  TEST_CASE("the hidden ids, in order") {
    const auto form = Built(3).form();
    CHECK(form.meta_sheet == "_dormlink");
    const std::vector<std::pair<std::string, std::string>> expected{{"form_id", "0123456789abcdef"},
                                                                    {"member_id", "2023110101"},
                                                                    {"semester_id", "2026-autumn"},
                                                                    {"period", "3"},
                                                                    {"version", "9.9.9"},
                                                                    {"generated_on", "2026-10-05"}};
    CHECK(form.meta == expected);
  }

  TEST_CASE("the instructions follow the language, labels and columns stay the form's Chinese") {
    const auto zh_form = Built(3).form();
    CHECK(zh_form.instructions.rfind("填写说明：", 0) == 0);
    CHECK(zh_form.instructions.find("本期无联系") != std::string::npos);
    CHECK(zh_form.instructions.find("2026-10-19") != std::string::npos);  // the form's due day
    const auto en_form = Built(3, Language::en).form();
    CHECK(en_form.instructions.rfind("How to fill in", 0) == 0);
    CHECK(en_form.instructions.find("2026-10-19") != std::string::npos);
    CHECK(en_form.fields[0].label == "党员姓名");
    CHECK(en_form.columns == zh_form.columns);
    CHECK(en_form.residents_sheet == "寝室学生");
  }

  TEST_CASE("no assignment in force, or a member without dorms, is refused") {
    Built none(3);
    none.input.assignments.clear();
    CHECK_THROWS_WITH_AS(none.form(),
                         "2026-autumn has no committed assignment in force during period 3 (2026-10-05 to "
                         "2026-10-18); run `dormlink assign` first",
                         NotFoundError);
    CHECK_THROWS_AS(report::require_assignment(none.input, none.in.period), NotFoundError);
    Built later(1);
    later.input.assignments.erase(later.input.assignments.begin());  // begins in period 3
    CHECK_THROWS_AS(later.form(), NotFoundError);
    Built idle(3);
    idle.in.member = 2;
    CHECK_THROWS_WITH_AS(idle.form(),
                         "赵刚 (2023110103) holds no dorm in period 3 of 2026-autumn by the committed assignment; no "
                         "form to fill",
                         UsageError);
  }

  TEST_CASE("CSV: BOM, the fields and 本期无联系 as label/value rows, then the table's header") {
    const auto csv = report::render_blank_form_csv(Built(3).form());
    CHECK(csv ==
          "\xEF\xBB\xBF"
          "党员姓名,李明\r\n"
          "学号,2023110101\r\n"
          "党支部,英语党支部\r\n"
          "学期,2026秋\r\n"
          "报送期次,第3期（第5–6周，2026-10-05 至 2026-10-18）\r\n"
          "期次编号,3\r\n"
          "表单编号,0123456789abcdef\r\n"
          "报送时间,\r\n"
          "本期无联系,\r\n"
          "联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明,类型,方式\r\n");
  }

  TEST_CASE("CSV: a value that looks like a formula is kept as text") {
    Built b(3);
    b.input.people[0].name = "=HYPERLINK(\"x\")";
    const auto csv = report::render_blank_form_csv(b.form());
    CHECK(csv.find("党员姓名,\"'=HYPERLINK(\"\"x\"\")\"\r\n") != std::string::npos);
  }
}
