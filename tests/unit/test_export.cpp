// report/export_tables: building the export tables with privacy, and CSV (Excel, raw) / JSON.
#include <doctest/doctest.h>

#include "dormlink/error.hpp"
#include "dormlink/report/export_tables.hpp"

using namespace dormlink;
using namespace dormlink::report;

namespace {

roster::StudentRow student(const char* id, const char* name, PoliticalStatus status = PoliticalStatus::masses) {
  roster::StudentRow s;
  s.student_id = id;
  s.facts.name = name;
  s.facts.gender = Gender::female;
  s.facts.major = "英语";
  s.facts.cohort = 2024;
  s.facts.class_name = "英语2401";
  s.facts.dorm = "8-305";
  s.facts.phone = "13812345678";
  s.facts.status = status;
  s.facts.attention = {AttentionCategory::family_hardship};
  return s;
}

records::EffectiveRecord record(std::int64_t id, const char* kind) {
  records::EffectiveRecord r;
  r.id = id;
  r.kind = kind;
  r.member_id = "M1";
  r.member_name = "李明";
  r.semester_id = "2026-autumn";
  return r;
}

}  // namespace

TEST_SUITE("export") {
  TEST_CASE("formula-like cells are prefixed with ' (= + - @ TAB CR), others left alone") {
    for (const char* cell : {"=1+1", "+86", "-3", "@SUM(A1)", "\tx", "\rx"}) {
      CHECK(formula_safe(cell) == std::string("'") + cell);
    }
    CHECK(formula_safe("") == "");
    CHECK(formula_safe("a=b") == "a=b");
    CHECK(formula_safe("13800000001") == "13800000001");
  }

  TEST_CASE("CSV for Excel has a BOM, CRLF, RFC 4180 quoting and neutralised formulas, raw has none of that") {
    ExportTable t;
    t.columns = {{"a", "甲"}, {"b", "乙"}};
    t.rows = {{"=HYPERLINK(\"x\")", "a,b"}, {"line\nbreak", "-1"}};
    CHECK(render_table_csv(t, CsvFlavor::excel) ==
          "\xEF\xBB\xBF甲,乙\r\n\"'=HYPERLINK(\"\"x\"\")\",\"a,b\"\r\n\"line\nbreak\",'-1\r\n");
    CHECK(render_table_csv(t, CsvFlavor::raw) == "甲,乙\n\"=HYPERLINK(\"\"x\"\")\",\"a,b\"\n\"line\nbreak\",-1\n");
  }

  TEST_CASE("JSON is an array of objects keyed by column keys, strings escaped") {
    ExportTable t;
    t.columns = {{"a", "甲"}, {"b", "乙"}};
    CHECK(render_table_json(t) == "[]\n");
    t.rows = {{"x\"y", "1"}, {"\n", ""}};
    CHECK(render_table_json(t) == "[\n  {\"a\": \"x\\\"y\", \"b\": \"1\"},\n  {\"a\": \"\\n\", \"b\": \"\"}\n]\n");
  }

  TEST_CASE("JSON cells are typed by their column (numbers, booleans, null), a suppressed count stays text") {
    ExportTable t;
    t.columns = {{"id", "编号", false, JsonType::integer},
                 {"corrected", "更正记录", false, JsonType::integer},
                 {"off", "非分配寝室", false, JsonType::flag},
                 {"score", "得分", true, JsonType::text},
                 {"name", "姓名"}};
    t.rows = {{"12", "", "是", "87.5", "12"}, {"13", "12", "", "<3", "\u202e"}};
    CHECK(render_table_json(t) ==
          "[\n  {\"id\": 12, \"corrected\": null, \"off\": true, \"score\": 87.5, \"name\": \"12\"},\n"
          "  {\"id\": 13, \"corrected\": 12, \"off\": false, \"score\": \"<3\", \"name\": \"\\u202e\"}\n]\n");
  }

  TEST_CASE("students: by pinyin then id, phones masked and attention left out unless sensitive") {
    Privacy p;
    auto t = students_table({student("3", "张三"), student("2", "李四"), student("1", "张三")}, p, false);
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0][0] == "2");
    CHECK(t.rows[1][0] == "1");
    CHECK(t.rows[2][0] == "3");
    CHECK(t.columns.size() == 11);
    CHECK(t.rows[0][7] == "138****5678");
    CHECK(t.rows[0][4] == "2024级");
    CHECK(t.rows[0][2] == "女");

    auto with_email = student("1", "张三");
    with_email.facts.email = "zhang.san@college.example";
    for (const auto& row : students_table({with_email}, p, false).rows)
      for (const auto& cell : row) CHECK(cell.find('@') == std::string::npos);  // no e-mail by default

    p.include_sensitive = true;
    auto s = students_table({with_email}, p, false);
    REQUIRE(s.columns.size() == 13);
    CHECK(s.columns[10].header == "重点关注");
    CHECK(s.columns[12].header == "邮箱");
    CHECK(s.rows[0][7] == "13812345678");
    CHECK(s.rows[0][10] == "家庭经济困难");
    CHECK(s.rows[0][12] == "zhang.san@college.example");

    p.include_sensitive = false;
    p.mask_phones = false;
    CHECK(students_table({student("1", "张三")}, p, false).rows[0][7] == "13812345678");
  }

  TEST_CASE("members are party members and probationary members only") {
    Privacy p;
    auto t = students_table(
        {student("1", "甲", PoliticalStatus::party_member), student("2", "乙", PoliticalStatus::probationary_member),
         student("3", "丙", PoliticalStatus::candidate), student("4", "丁")},
        p, true);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][0] == "1");
    CHECK(t.rows[1][0] == "2");
  }

  TEST_CASE("the committee gets no table with students' names") {
    Privacy p;
    p.audience = Audience::committee;
    CHECK_THROWS_AS(students_table({student("1", "甲")}, p, false), UsageError);
    CHECK_THROWS_AS(contacts_table({}, p), UsageError);
    CHECK_THROWS_AS(incidents_table({}, p), UsageError);
    CHECK_NOTHROW(dorms_table({}));
  }

  TEST_CASE("contacts and incidents: by record id, each kind in its table, corrections marked") {
    auto corrected = record(7, "talk");
    corrected.corrects = 4;
    corrected.reason = "时间记错";
    corrected.students = {{"S1", "张一", {}, {}}, {"S2", "", {}, {}}};
    std::vector<records::EffectiveRecord> all{corrected, record(9, "incident"), record(2, "visit"), record(3, "plan"),
                                              record(5, "excused")};
    Privacy p;
    auto contacts = contacts_table(all, p);
    REQUIRE(contacts.rows.size() == 2);
    CHECK(contacts.rows[0][0] == "2");
    CHECK(contacts.rows[0][12] == "");
    CHECK(contacts.rows[1][0] == "7");
    CHECK(contacts.rows[1][8] == "S1 张一;S2");
    CHECK(contacts.rows[1][12] == "4");
    CHECK(contacts.rows[1][13] == "时间记错");
    auto incidents = incidents_table(all, p);
    REQUIRE(incidents.rows.size() == 1);
    CHECK(incidents.rows[0][0] == "9");
  }

  TEST_CASE("dorms by code with declared facts") {
    roster::DormRow a;
    a.dorm = {"8", "305"};
    a.facts.capacity = 4;
    a.facts.gender = Gender::male;
    roster::DormRow b;
    b.dorm = {"1", "101"};
    auto t = dorms_table({a, b});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0] == std::vector<std::string>{"1-101", "", "", "", ""});
    CHECK(t.rows[1] == std::vector<std::string>{"8-305", "男", "4", "", ""});
  }
}
