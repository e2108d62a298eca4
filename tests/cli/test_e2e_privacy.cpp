// End-to-end privacy canary (docs/report.md "Audiences and privacy", docs/export.md "Privacy"):
// a student with a distinctive name, a phone number and two attention categories is talked with,
// named in an incident and named by the inspection group (in a contradicted finding whose note
// repeats the name, the phone and a category). Nothing the committee is given — report summary,
// feedback, assessment and inspection with --audience committee, Markdown and JSON, zh and en —
// holds the name, the student id, the phone (in full or its last four digits) or a category
// label (zh, en or key), on standard output or standard error; `export` of student tables for the
// committee is refused without echoing any of it. The default feedback form names the student
// with the phone masked. The same runs for the counselor and the branch do show the canary, so
// the absence for the committee means something.
#include <doctest/doctest.h>

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

constexpr const char* k_config = R"(
[college]
name = "示例学院"
[[calendar.semester]]
id = "2026-autumn"
name = "2026秋"
first_monday = 2026-09-07
teaching_weeks = 4
[assignment]
min_dorms = 1
[duties]
orientation_weeks = 0
work_plan_due_week = 1
)";

constexpr const char* k_staff = "工号,姓名,角色,联系方式,负责年级,负责班级,党支部\n"
                                "T001,陈老师,辅导员,13900000001,2023级,,\n";

// The canary.
constexpr const char* k_name = "欧阳金丝雀";
constexpr const char* k_id = "2025110109";
constexpr const char* k_phone = "17190358642";
constexpr const char* k_last4 = "8642";
constexpr const char* k_masked_md = "171\\*\\*\\*\\*8642";  // Markdown escapes the stars
constexpr const char* k_masked = "171****8642";

constexpr const char* k_students =
    "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
    "2023110101,李明,男,英语,2023级,英语2301,1-501,13800000001,中共党员,英语党支部,,是\n"
    "2023110102,王强,男,英语,2023级,英语2301,1-501,13800000002,中共党员,英语党支部,,否\n"
    "2025110101,张一,男,英语,2025级,英语2501,1-101,13800000011,共青团员,,,是\n"
    "2025110109,欧阳金丝雀,男,英语,2025级,英语2501,1-101,17190358642,共青团员,,心理素质较差;自我约束能力较差,否\n"
    "2025110102,张二,男,英语,2025级,英语2501,1-102,13800000012,共青团员,,,是\n";

// 李明 (1-101) talks with the canary twice and reports an incident that names the canary;
// record #3 is the first talk.
constexpr const char* k_records =
    "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型,工作进展及成效,说明,原因,事件类别,严重程度,报告对象,报告时间\n"
    "2023110101,,2026-09-07 12:00,,plan,每周走访两次,,,,,,\n"
    "2023110101,1-101,2026-09-08 19:00,,visit,正常,,,,,,\n"
    "2023110101,1-101,2026-09-08 19:30,欧阳金丝雀（当面）,talk,了解适应情况,,,,,,\n"
    "2023110101,1-101,2026-09-09 21:00,欧阳金丝雀、张一,incident,已制止,,,使用违规电器,一般,辅导员,2026-09-09 21:30\n"
    "2023110101,1-101,2026-09-10 19:00,,visit,正常,,,,,,\n"
    "2023110101,1-101,2026-09-15 19:30,欧阳金丝雀,talk,跟进,,,,,,\n";

// What the committee must never see: the name, the id, the phone and the categories.
const std::vector<std::string> k_secrets{k_name,           k_id,           k_phone,        "心理素质较差",
                                         "自我约束能力较差", "psychological", "self_discipline", "self-discipline",
                                         "心理素质",         "自我约束"};

void run_ok(const Sandbox& box, const std::vector<std::string>& args) {
  auto r = box.run(args);
  INFO("dormlink " << args.back() << ": " << r.err);
  REQUIRE(r.exit_code == 0);
}

std::vector<std::string> at(const char* as_of, std::vector<std::string> more) {
  std::vector<std::string> all{"--db", "college.db", "--as-of", as_of};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

// The canary college, built once per run of the test binary.
const Sandbox& college() {
  static const std::unique_ptr<Sandbox> box = [] {
    auto b = std::make_unique<Sandbox>();
    b->write("dormlink.toml", k_config);
    b->write("staff.csv", k_staff);
    b->write("students.csv", k_students);
    b->write("records.csv", k_records);
    run_ok(*b, at("2026-09-07", {"init"}));
    run_ok(*b, at("2026-09-07", {"import", "staff", "staff.csv"}));
    run_ok(*b, at("2026-09-07", {"import", "students", "students.csv"}));
    run_ok(*b, at("2026-09-07", {"-q", "assign", "--semester", "2026-autumn", "--pin", "2023110101:1-101", "--pin",
                                 "2023110102:1-102"}));
    run_ok(*b, at("2026-09-16", {"-q", "log-visit", "--from-csv", "records.csv"}));
    run_ok(*b, at("2026-09-16", {"-q", "inspect", "sample", "--semester", "2026-autumn", "--size", "2", "--seed", "1"}));
    run_ok(*b, at("2026-09-17", {"-q", "inspect", "record", "--member", "2023110101", "--dorm", "1-101", "--inspector",
                                 "王老师", "--confirmed", "2", "--contradicted", std::string("3:") + k_name, "--note",
                                 std::string(k_name) + " " + k_phone + " 心理素质较差"}));
    return b;
  }();
  return *box;
}

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// The text without hex runs of 12 or more digits (the chain head and its prefix, which change
// every run and may hold any four digits), for the last-four-digits check.
std::string without_hashes(const std::string& text) {
  static const std::regex hex("[0-9a-f]{12,}");
  return std::regex_replace(text, hex, "<hash>");
}

// Nothing of the canary in either stream.
void check_no_canary(const std::string& what, const Result& r) {
  INFO(what);
  for (const auto& stream : {r.out, r.err}) {
    for (const auto& secret : k_secrets) {
      INFO("secret: " << secret);
      CHECK_FALSE(has(stream, secret));
    }
    CHECK_FALSE(has(without_hashes(stream), k_last4));
  }
}

// Runs the command in md and json, zh and en, and checks each run for the canary.
void committee_sees_no_canary(const std::vector<std::string>& command) {
  const Sandbox& box = college();
  for (const char* lang : {"zh", "en"}) {
    for (const char* format : {"md", "json"}) {
      std::vector<std::string> args{"--lang", lang};
      args.insert(args.end(), command.begin(), command.end());
      args.insert(args.end(), {"--format", format});
      auto r = box.run(at("2026-09-22", args));
      std::string what = "dormlink";
      for (const auto& a : args) what += " " + a;
      INFO(what << "\n" << r.err);
      REQUIRE(r.exit_code == 0);
      CHECK_FALSE(r.out.empty());
      check_no_canary(what, r);
    }
  }
}

}  // namespace

TEST_SUITE("e2e.privacy") {
  TEST_CASE("privacy canary: the counselor and the branch see the canary (so the committee checks mean something)") {
    const Sandbox& box = college();
    auto form = box.run(at("2026-09-22", {"report", "feedback", "--member", "2023110101", "--period", "1"}));
    REQUIRE(form.exit_code == 0);
    // Named, with the phone masked; never the full phone or a category.
    CHECK(has(form.out, std::string(k_name) + " " + k_masked_md + "（谈心，当面）"));
    CHECK_FALSE(has(form.out, k_phone));
    CHECK_FALSE(has(form.out, "心理素质较差"));
    CHECK_FALSE(has(form.out, "自我约束能力较差"));
    auto json = box.run(at("2026-09-22", {"report", "feedback", "--member", "2023110101", "--period", "1", "--format",
                                          "json"}));
    REQUIRE(json.exit_code == 0);
    CHECK(has(json.out, std::string("{\"id\": \"") + k_id + "\", \"name\": \"" + k_name + "\", \"phone\": \"" +
                            k_masked + "\"}"));
    CHECK_FALSE(has(json.out, k_phone));
    CHECK_FALSE(has(json.out, "psychological"));
    auto en = box.run(at("2026-09-22", {"--lang", "en", "report", "feedback", "--member", "2023110101", "--period", "1"}));
    REQUIRE(en.exit_code == 0);
    CHECK(has(en.out, std::string(k_name) + " " + k_masked_md));
    CHECK_FALSE(has(en.out, k_phone));

    // The inspection report for the branch (its default) names the student and shows the note.
    auto inspection = box.run(at("2026-09-22", {"report", "inspection", "--semester", "2026-autumn"}));
    REQUIRE(inspection.exit_code == 0);
    CHECK(has(inspection.out, std::string("| ") + k_name + "（" + k_id + "） | 不属实 |"));
  }

  TEST_CASE("privacy canary: report summary for the committee (its default), md and json, zh and en") {
    committee_sees_no_canary({"report", "summary", "--counselor", "T001", "--period", "1"});
    committee_sees_no_canary({"report", "summary", "--counselor", "T001", "--period", "2"});
    // Even with --include-sensitive: a summary never names residents, and the committee does not
    // see attention categories (privacy.committee_sees_attention_names = false).
    committee_sees_no_canary({"report", "summary", "--counselor", "T001", "--period", "1", "--include-sensitive",
                              "--reason", "党委抽查"});
  }

  TEST_CASE("privacy canary: report feedback, assessment and inspection for the committee, md and json, zh and en") {
    committee_sees_no_canary({"report", "feedback", "--member", "2023110101", "--period", "1", "--audience",
                              "committee"});
    committee_sees_no_canary({"report", "feedback", "--member", "2023110101", "--period", "1", "--audience",
                              "committee", "--include-sensitive", "--reason", "党委抽查"});
    committee_sees_no_canary({"report", "assessment", "--semester", "2026-autumn", "--audience", "committee"});
    committee_sees_no_canary({"report", "inspection", "--semester", "2026-autumn", "--audience", "committee"});
  }

  TEST_CASE("privacy canary: export of student tables for the committee is refused (64) and echoes nothing") {
    const Sandbox& box = college();
    for (const char* table : {"students", "members", "contacts", "incidents", "assignments"}) {
      for (const char* format : {"csv", "json"}) {
        for (bool raw : {false, true}) {
          if (raw && std::string(format) == "json") continue;
          std::vector<std::string> args{"export", table, "--audience", "committee", "--format", format};
          if (raw) args.push_back("--raw");
          auto r = box.run(at("2026-09-22", args));
          const std::string what = std::string("export ") + table + " --format " + format + (raw ? " --raw" : "");
          INFO(what << ": " << r.err);
          CHECK(r.exit_code == 64);
          CHECK(r.out.empty());
          CHECK(has(r.err, "committee"));
          check_no_canary(what, r);
        }
      }
      // Asking for the sensitive fields does not help.
      auto r = box.run(at("2026-09-22", {"export", table, "--audience", "committee", "--include-sensitive", "--reason",
                                         "党委抽查"}));
      CHECK(r.exit_code == 64);
      check_no_canary(std::string("export ") + table + " --include-sensitive", r);
    }
    // The dorms table is allowed for the committee: no student in it.
    for (const char* format : {"csv", "json"}) {
      auto r = box.run(at("2026-09-22", {"export", "dorms", "--audience", "committee", "--format", format}));
      INFO(r.err);
      CHECK(r.exit_code == 0);
      CHECK(has(r.out, "1-101"));
      check_no_canary(std::string("export dorms --format ") + format, r);
    }
  }
}
