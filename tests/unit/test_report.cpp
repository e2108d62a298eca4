#include <doctest/doctest.h>

#include "dormlink/report/assignment_report.hpp"
#include "dormlink/report/check_report.hpp"
#include "dormlink/report/import_report.hpp"
#include "dormlink/report/json.hpp"
#include "dormlink/report/privacy.hpp"
#include "dormlink/report/roster_summary.hpp"
#include "dormlink/report/table.hpp"

using namespace dormlink;
using namespace dormlink::report;
using namespace std::chrono;

TEST_SUITE("report") {
  TEST_CASE("text tables align Chinese names by terminal width") {
    Table t{{"姓名", "n"}, {Align::left, Align::right}, {{"张三丰", "1"}, {"Li", "22"}}};
    CHECK(render_text(t) ==
          "姓名     n\n"
          "------  --\n"
          "张三丰   1\n"
          "Li      22\n");
  }

  TEST_CASE("markdown cells cannot break the table") {
    CHECK(escape_markdown_cell("a|b") == "a\\|b");
    // A line break is shown as ↵ (no raw HTML), a tab as a space.
    CHECK(escape_markdown_cell("# x\ny\r\nz\tw") == "\\# x↵y↵z w");
    CHECK(escape_markdown_cell("<script>") == "&lt;script&gt;");
    // Bidi overrides and isolates cannot reorder the row: shown as their code points, the
    // backslash escaped for Markdown.
    CHECK(escape_markdown_cell("a\u202Eb\u2066c\u2069d") == "a\\\\u{202E}b\\\\u{2066}c\\\\u{2069}d");
    CHECK(escape_markdown_cell("\u202A\u202D\u2067") == "\\\\u{202A}\\\\u{202D}\\\\u{2067}");
    // U+2029 and the deprecated format characters U+206A-U+206F are hidden characters too; an
    // unassigned U+2065 and the visible U+202F are kept.
    CHECK(escape_markdown_cell("\u2029\u2065\u206A\u202F") == "\\\\u{2029}\u2065\\\\u{206A}\u202F");
    // Controls, ESC sequences among them, cannot reach the terminal that shows the Markdown.
    CHECK(escape_markdown_cell("\x1b[2J\x07") == "\\\\u{1B}\\[2J\\\\u{07}");
    // Found by tests/fuzz/fuzz_escape: a CR inside the bytes of U+2066 must not survive as one.
    // Each malformed byte is U+FFFD; the lone CR is shown as a control.
    CHECK(escape_markdown_cell("\xE2\x81\r\xA6") == "\uFFFD\uFFFD\\\\u{0D}\uFFFD");
    CHECK(escape_markdown_cell("a\\b") == "a\\\\b");
    Table t{{"h"}, {Align::left}, {{"x|y"}}};
    CHECK(render_markdown(t) == "| h |\n| --- |\n| x\\|y |\n");
  }

  TEST_CASE("text table cells are one visible line each") {
    Table t{{"姓名", "说明"}, {Align::left, Align::left}, {{"张三", "a\nb\x1b[2J\u202Ec"}}};
    CHECK(render_text(t) ==
          "姓名  说明\n"
          "----  ---------------------\n"
          "张三  a↵b\\u{1B}[2J\\u{202E}c\n");
    CHECK(visible_document("# 标题\n\t正文\x07\n") == "# 标题\n\t正文\\u{07}\n");
  }

  TEST_CASE("json_escape: every control and hidden character escaped, always valid UTF-8") {
    CHECK(json_escape("a\"b\\c") == "a\\\"b\\\\c");
    CHECK(json_escape("\n\r\t") == "\\n\\r\\t");
    CHECK(json_escape("\x1b[2J\x07\x7F") == "\\u001b[2J\\u0007\\u007f");
    CHECK(json_escape("\xC2\x85\u2028\u2029\u202E\u200B\uFEFF") == "\\u0085\\u2028\\u2029\\u202e\\u200b\\ufeff");
    CHECK(json_escape("tag\U000E0041") == "tag\\udb40\\udc41");  // a surrogate pair beyond the BMP
    CHECK(json_escape("好\xFF"
                      "x\xE5\xBC") == "好\uFFFDx\uFFFD\uFFFD");
    CHECK(json_escape("张三 😀 e\u0301") == "张三 😀 e\u0301");
  }

  TEST_CASE("json_document: one key per line, a top-level list one element per line, typed values") {
    Json doc;
    doc["kind"] = "summary";
    doc["count"] = 3;
    doc["sensitive"] = false;
    doc["head"] = nullptr;
    doc["rows"] = Json::array({Json{{"id", 1}, {"name", "张\u202e三"}}, Json{{"id", 2}, {"tags", Json::array({"a"})}}});
    doc["empty"] = Json::array();
    CHECK(json_document(doc) ==
          "{\n"
          "  \"kind\": \"summary\",\n"
          "  \"count\": 3,\n"
          "  \"sensitive\": false,\n"
          "  \"head\": null,\n"
          "  \"rows\": [\n"
          "    {\"id\": 1, \"name\": \"张\\u202e三\"},\n"
          "    {\"id\": 2, \"tags\": [\"a\"]}\n"
          "  ],\n"
          "  \"empty\": []\n"
          "}\n");
    CHECK(json_document(Json::object()) == "{\n}\n");
  }

  TEST_CASE("check --format json: numbers are numbers, null where nothing applies, names escaped") {
    check::CheckInput input;
    input.semester.id = "2026-autumn";
    input.semester.name = "2026秋";
    input.semester.first_monday = Date{year{2026}, month{9}, day{7}};
    input.semester.teaching_weeks = 18;  // ends 2027-01-10
    input.people = {{"2023110102", "王\u202e强", "", 2023, ""}, {"2025110106", "刘六", "", 2025, ""}};
    input.dorms = {"1-103"};
    input.counselors = {{"T001", "陈老师", {}, {}}};
    check::Obligation talk;
    talk.rule = check::Rule::talks;
    talk.status = check::Status::overdue;
    talk.counselor = 0;
    talk.member = 0;
    talk.dorm = 0;
    talk.student = 1;
    talk.period = 2;
    talk.window_from = 2026y / September / 14;
    talk.window_to = 2026y / September / 20;
    talk.due = 2026y / September / 20;
    talk.expected = 1;
    check::Obligation incident;  // no counselor, member, dorm or student: all null
    incident.rule = check::Rule::incident_report;
    incident.status = check::Status::due_soon;
    incident.record_id = 12;
    incident.window_from = incident.window_to = incident.due = 2026y / September / 21;
    incident.expected = incident.found = incident.late = 1;
    const CheckListing listing{&input, {talk, incident}, 2026y / September / 21, 3};
    CHECK(
        render_check_json(listing) ==
        "{\n"
        "  \"as_of\": \"2026-09-21\",\n"
        "  \"semester\": {\"id\": \"2026-autumn\", \"name\": \"2026秋\", \"week\": 3, \"ended\": false},\n"
        "  \"counts\": {\"overdue\": 1, \"due_soon\": 1, \"at_risk\": 0, \"pending\": 0},\n"
        "  \"items\": [\n"
        "    {\"status\": \"overdue\", \"rule\": \"talks\", \"counselor\": {\"id\": \"T001\", \"name\": \"陈老师\"}, "
        "\"member\": {\"id\": \"2023110102\", \"name\": \"王\\u202e强\"}, \"dorm\": \"1-103\", \"student\": {\"id\": "
        "\"2025110106\", \"name\": \"刘六\"}, \"period\": 2, \"record\": null, \"window\": {\"from\": \"2026-09-14\", "
        "\"to\": \"2026-09-20\"}, \"due\": \"2026-09-20\", \"expected\": 1, \"found\": 0, \"late\": 0, "
        "\"case_status\": null, \"category\": null, \"escalate_to\": null, \"acknowledged_at\": null, "
        "\"claimed_reported_at\": null, \"repeat_of\": null},\n"
        "    {\"status\": \"due_soon\", \"rule\": \"incident_report\", \"counselor\": null, \"member\": null, "
        "\"dorm\": "
        "null, \"student\": null, \"period\": 0, \"record\": 12, \"window\": {\"from\": \"2026-09-21\", \"to\": "
        "\"2026-09-21\"}, \"due\": \"2026-09-21\", \"expected\": 1, \"found\": 1, \"late\": 1, "
        "\"case_status\": null, \"category\": null, \"escalate_to\": null, \"acknowledged_at\": null, "
        "\"claimed_reported_at\": null, \"repeat_of\": null}\n"
        "  ]\n"
        "}\n");
    const CheckListing empty{&input, {}, 2027y / February / 1, std::nullopt};
    CHECK(render_check_json(empty) ==
          "{\n"
          "  \"as_of\": \"2027-02-01\",\n"
          "  \"semester\": {\"id\": \"2026-autumn\", \"name\": \"2026秋\", \"week\": null, \"ended\": true},\n"
          "  \"counts\": {\"overdue\": 0, \"due_soon\": 0, \"at_risk\": 0, \"pending\": 0},\n"
          "  \"items\": []\n"
          "}\n");
  }

  TEST_CASE("assign --format json: costs are numbers, cost terms booleans, nothing to compare against is null") {
    AssignmentReport r;
    r.semester_id = "2026-autumn";
    r.kind = "best_effort";
    r.dry_run = true;
    AssignmentLine line;
    line.member_id = "2023110104";
    line.member_name = "李晴紫";
    line.dorm_code = "10-106";
    line.cost.major_differs = true;
    line.cost.total = 30;
    line.pinned = true;
    r.lines = {line};
    r.uncovered = {"8-101", "8-102"};
    r.members = 1;
    r.dorms = 3;
    r.major_differs = 1;
    r.pinned = 1;
    r.total_cost = 30;
    r.added = 1;
    CHECK(
        render_assignment_json(r) ==
        "{\n"
        "  \"semester\": \"2026-autumn\",\n"
        "  \"kind\": \"best_effort\",\n"
        "  \"status\": \"dry run\",\n"
        "  \"members\": 1,\n"
        "  \"dorms\": 3,\n"
        "  \"total_cost\": 30,\n"
        "  \"breakdown\": {\"major_differs\": 1, \"junior_same_grade\": 0, \"other_building\": 0, \"continuity\": 0, "
        "\"pinned\": 1},\n"
        "  \"changes\": {\"against\": null, \"kept\": 0, \"changed\": 0, \"added\": 1},\n"
        "  \"uncovered\": [\n"
        "    \"8-101\",\n"
        "    \"8-102\"\n"
        "  ],\n"
        "  \"pairs\": [\n"
        "    {\"member\": \"2023110104\", \"name\": \"李晴紫\", \"dorm\": \"10-106\", \"cost\": 30, \"major_differs\": "
        "true, \"junior_same_grade\": false, \"other_building\": false, \"continuity\": false, \"pinned\": true}\n"
        "  ]\n"
        "}\n");
    r.before_label = "#1";
    CHECK(render_assignment_json(r).find("\"changes\": {\"against\": \"#1\", ") != std::string::npos);
  }

  TEST_CASE("assignment text and the export's 分配表 in both languages") {
    AssignmentReport r;
    r.semester_id = "2026-autumn";
    r.semester_name = "2026秋";
    r.dry_run = true;
    AssignmentLine a;
    a.member_id = "2023110104";
    a.member_name = "李晴紫";
    a.member_grade = 3;
    a.dorm_code = "10-106";
    a.residents = 4;
    a.cost.other_building = true;
    a.cost.continuity = true;
    AssignmentLine b = a;
    b.dorm_code = "10-107";
    b.residents = 2;
    r.lines = {a, b};
    r.uncovered = {"8-101", "8-102"};
    const auto zh = render_assignment_text(r, Language::zh);
    CHECK(zh.find("2026秋 (2026-autumn) 党员联系寝室分配表 — 预览（--dry-run），未提交\n") == 0);
    CHECK(zh.find("跨楼、延续") != std::string::npos);
    CHECK(zh.find("未分配的寝室（需人工处理） (2): 8-101、8-102\n") != std::string::npos);
    const auto en = render_assignment_text(r, Language::en);
    CHECK(en.find("2026秋 (2026-autumn) member-dorm assignment — dry run\n") == 0);
    CHECK(en.find("other building, kept") != std::string::npos);
    CHECK(en.find("dorms left for a human (2): 8-101, 8-102\n") != std::string::npos);
    const auto zh_roster = assignment_roster_table(r, Language::zh);
    REQUIRE(zh_roster.rows.size() == 1);
    CHECK(zh_roster.columns[5].header == "联系寝室");
    CHECK(zh_roster.rows[0][5] == "10-106、10-107");
    CHECK(zh_roster.rows[0][7] == "6");
    const auto en_roster = assignment_roster_table(r, Language::en);
    CHECK(en_roster.columns[5].header == "dorms");
    CHECK(en_roster.columns[5].key == "dorms");
    CHECK(en_roster.rows[0][5] == "10-106; 10-107");
  }

  TEST_CASE("roster summary counts by grade, dorm grade is the highest resident grade") {
    roster::Snapshot snap;
    auto student = [](const char* id, Gender g, int cohort, const char* dorm, PoliticalStatus s, bool head) {
      roster::StudentRow r;
      r.student_id = id;
      r.facts.name = id;
      r.facts.gender = g;
      r.facts.cohort = cohort;
      r.facts.major = "英语";
      r.facts.dorm = dorm;
      r.facts.status = s;
      r.facts.dorm_head = head;
      return r;
    };
    snap.students = {student("1", Gender::female, 2023, "8-305", PoliticalStatus::party_member, true),
                     student("2", Gender::female, 2024, "8-305", PoliticalStatus::masses, false),
                     student("3", Gender::male, 2026, "11-101", PoliticalStatus::candidate, false)};
    snap.students[1].facts.attention = {AttentionCategory::psychological};
    Semester sem;
    sem.id = "2026-autumn";
    sem.name = "2026—2027学年第一学期";
    sem.first_monday = Date{year{2026}, month{9}, day{7}};
    sem.teaching_weeks = 18;
    RosterSummaryOptions options{"外国语学院", &sem, 2, 3, true};
    auto s = build_roster_summary(snap, options, Date{year{2026}, month{11}, day{27}});
    CHECK(s.students == 3);
    CHECK(s.teaching_week == 12);
    CHECK(s.dorms_occupied == 2);
    CHECK(s.dorms_mixed_grade == 1);
    CHECK(s.dorms_without_head == 1);
    CHECK(s.contacting_members == 2);
    CHECK(s.attention_students == 1);
    REQUIRE(s.grades.size() == 3);
    CHECK(s.grades[0].cohort == 2026);
    CHECK(s.grades[0].year == 1);
    CHECK(s.grades[2].cohort == 2023);
    CHECK(s.grades[2].dorms == 1);  // 8-305 counts as grade 4
    CHECK(s.grades[1].dorms == 0);
    auto text = render_roster_summary_text(s, Language::en);
    CHECK(text.find("2026—2027学年第一学期 teaching week 12") != std::string::npos);
    CHECK(text.find("psychological") == std::string::npos);
  }

  TEST_CASE("import summary lists changes only on a dry run") {
    roster::ImportSummary s;
    s.kind = "students";
    s.source_name = "s.csv";
    s.encoding = "UTF-8";
    s.effective_date = "2026-09-07";
    s.rows = 2;
    s.changed = 1;
    s.moves = {{"1", "张三", "8-305", "8-306"}};
    auto real = render_import_summary(s, Language::en);
    CHECK(real == "s.csv [UTF-8]: 2 rows, effective 2026-09-07\n  added 0, changed 1, left 0, unchanged 0\n");
    s.batch_id = 7;
    CHECK(render_import_summary(s, Language::en).find("effective 2026-09-07, batch #7\n") != std::string::npos);
    CHECK(render_import_summary(s, Language::zh).find("生效日期 2026-09-07，批次 #7\n") != std::string::npos);
    s.batch_id = 0;
    s.dry_run = true;
    auto dry = render_import_summary(s, Language::en);
    CHECK(dry.find("effective 2026-09-07 (today)\ndry run: nothing was written\n") == 0);
    CHECK(dry.find("1  张三  8-305 -> 8-306") != std::string::npos);
  }

  TEST_CASE("a dry run starts with the effective date and how far it is from today") {
    roster::ImportSummary s;
    s.dry_run = true;
    s.effective_date = "2099-01-01";
    s.days_after_today = 26327;
    s.far_ahead = true;
    CHECK(render_import_summary(s, Language::zh)
              .find("生效日期 2099-01-01（今天之后 26327 天；晚于今天超过 31 天，正式导入需要 --force）\n试运行") == 0);
    CHECK(render_import_summary(s, Language::en)
              .find("effective 2099-01-01 (26327 days after today; more than 31 days ahead, the import needs "
                    "--force)\ndry run") == 0);
    s.far_ahead = false;
    s.days_after_today = -3;
    CHECK(render_import_summary(s, Language::en).find("effective 2099-01-01 (3 days before today)\n") == 0);
  }

  TEST_CASE("undo summary: the batch undone, the undo's batch, the counts") {
    roster::UndoSummary s{4, 5, "students", "next.csv", "2099-01-01", 3, 1, false};
    CHECK(render_undo_summary(s, Language::zh) ==
          "已撤销导入批次 #4（students，next.csv，生效日期 2099-01-01），记为批次 #5\n  恢复原版本 3 条，移除新增 1 "
          "项\n");
    s.dry_run = true;
    s.undo_batch = 0;
    CHECK(render_undo_summary(s, Language::en) ==
          "dry run: nothing was written\nwould undo import batch #4 (students, next.csv, effective 2099-01-01)\n"
          "  restored earlier versions: 3; removed additions: 1\n");
  }

  TEST_CASE("privacy: the committee sees counts only, phones masked unless sensitive fields are asked for") {
    Privacy counselor;
    CHECK(counselor.phones_shown());
    CHECK_FALSE(counselor.phones_in_full());
    CHECK_FALSE(counselor.attention_of_named());
    CHECK(counselor.count(1).text() == "1");
    counselor.include_sensitive = true;
    CHECK(counselor.phones_in_full());
    CHECK(counselor.attention_of_named());

    Privacy committee;
    committee.audience = Audience::committee;
    committee.include_sensitive = true;
    CHECK_FALSE(committee.phones_shown());
    CHECK_FALSE(committee.phones_in_full());
    CHECK_FALSE(committee.attention_of_named());  // unless the config allows it
    committee.committee_sees_attention_names = true;
    CHECK(committee.attention_of_named());
    CHECK(committee.count(0).text() == "0");
    CHECK(committee.count(2).text() == "<3");
    CHECK(committee.count(3).text() == "3");

    CHECK(mask_phone("13812345678") == "138****5678");
    CHECK(mask_phone("12345") == "****");
    CHECK(parse_audience("branch") == Audience::branch);
    CHECK_FALSE(parse_audience("Committee"));
    CHECK(to_string(Audience::committee) == "committee");
  }
}
