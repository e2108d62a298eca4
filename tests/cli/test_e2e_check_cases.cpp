// End-to-end: cases in check, the summary and export (docs/check.md "Cases", docs/reports.md,
// docs/export.md). A small college: 李明 (1-101) talks with 欧阳金丝雀 and finds an incident on
// 2026-09-09 21:00 that 陈老师 (T001) acknowledges the next morning; on 2026-09-15 at 20:00 李明
// raises a concern about 欧阳金丝雀 (a canary text) to the counselor, which nobody acknowledges
// until 09-18 10:00. Hand-computed: the concern is due 09-17 (48 hours), so `check` does not list
// it on 09-16, lists it due soon on 09-17 and overdue on 09-18, and not after the acknowledgement.
// The committee's summary holds neither the concern's text nor the student's name or id, in
// any format or language; the counselor's holds the name (never the text). `export incidents`
// shows Chinese words under its Chinese headers, the keys only in JSON.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

constexpr const char* k_name = "欧阳金丝雀";
constexpr const char* k_id = "2025110109";
constexpr const char* k_text = "情绪低落金丝雀原话";

constexpr const char* k_students =
    "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
    "2023110101,李明,男,英语,2023级,英语2301,1-501,13800000001,中共党员,英语党支部,,是\n"
    "2023110102,王强,男,英语,2023级,英语2301,1-501,13800000002,中共党员,英语党支部,,否\n"
    "2025110101,张一,男,英语,2025级,英语2501,1-101,13800000011,共青团员,,,是\n"
    "2025110109,欧阳金丝雀,男,英语,2025级,英语2501,1-101,17190358642,共青团员,,心理素质较差,否\n"
    "2025110102,张二,男,英语,2025级,英语2501,1-102,13800000012,共青团员,,,是\n";

constexpr const char* k_records =
    "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型,工作进展及成效,说明,原因,事件类别,严重程度,报告对象,报告时间\n"
    "2023110101,,2026-09-07 12:00,,plan,每周走访两次,,,,,,\n"
    "2023110101,1-101,2026-09-08 19:00,,visit,正常,,,,,,\n"
    "2023110101,1-101,2026-09-08 19:30,欧阳金丝雀（当面）,talk,了解适应情况,,,,,,\n"
    "2023110101,1-101,2026-09-09 21:00,张一,incident,已制止,,,使用违规电器,一般,辅导员,2026-09-09 21:30\n"
    "2023110101,1-101,2026-09-10 19:00,,visit,正常,,,,,,\n";

std::vector<std::string> at(const char* as_of, std::vector<std::string> more) {
  std::vector<std::string> all{"--db", "college.db", "--as-of", as_of};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

// Runs a writing command with the real clock at `now` (UTC; 12:00 UTC is 20:00 in the college).
void run_ok_at(const Sandbox& box, const char* now, const std::vector<std::string>& args) {
  const auto r = box.run_at(now, args);
  INFO("dormlink " << args.back() << ": " << r.err);
  REQUIRE(r.exit_code == 0);
}

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// The college up to the concern (not acknowledged), built once per run.
const Sandbox& college() {
  static const std::unique_ptr<Sandbox> box = [] {
    auto b = std::make_unique<Sandbox>();
    b->write("dormlink.toml", dormlink::e2e::k_small_config);
    b->write("staff.csv", dormlink::e2e::k_small_staff);
    b->write("students.csv", k_students);
    b->write("records.csv", k_records);
    const char* sep7 = "2026-09-07 01:00:00";
    run_ok_at(*b, sep7, at("2026-09-07", {"init"}));
    run_ok_at(*b, sep7, at("2026-09-07", {"import", "staff", "staff.csv"}));
    run_ok_at(*b, sep7, at("2026-09-07", {"import", "students", "students.csv"}));
    run_ok_at(*b, sep7,
              at("2026-09-07", {"-q", "assign", "--semester", "2026-autumn", "--pin", "2023110101:1-101", "--pin",
                                "2023110102:1-102"}));
    run_ok_at(*b, "2026-09-10 12:00:00", at("2026-09-10", {"-q", "log-visit", "--from-csv", "records.csv"}));
    const auto incident = b->query_int("college.db", "SELECT id FROM record WHERE kind = 'incident'");
    run_ok_at(*b, "2026-09-10 12:30:00",
              at("2026-09-10",
                 {"-q", "incident", "ack", std::to_string(incident), "--by", "T001", "--at", "2026-09-10 08:00"}));
    run_ok_at(
        *b, "2026-09-15 12:00:00",
        at("2026-09-15", {"-q", "log-visit", "--member", "2023110101", "--dorm", "1-101", "--kind", "talk", "--talked",
                          k_name, "--at", "2026-09-15 19:30", "--concern", k_text, "--escalate-to", "counselor"}));
    return b;
  }();
  return *box;
}

Result run(const Sandbox& box, const char* as_of, std::vector<std::string> more) {
  auto r = box.run(at(as_of, std::move(more)));
  INFO(r.err);
  return r;
}

}  // namespace

TEST_SUITE("e2e.check_cases") {
  TEST_CASE("an unacknowledged concern is listed on its due day and after, and not once acknowledged") {
    Sandbox box;
    box.write("dormlink.toml", dormlink::e2e::k_small_config);
    std::filesystem::copy_file(college().path("college.db"), box.path("college.db"));
    auto json = [&](const char* as_of) { return run(box, as_of, {"check", "--format", "json"}).out; };
    CHECK_FALSE(has(json("2026-09-16"), "concern_ack"));
    const auto due = json("2026-09-17");
    CHECK(has(due, R"("status": "due_soon", "rule": "concern_ack")"));
    CHECK(has(due, R"("due": "2026-09-17")"));
    const auto overdue = json("2026-09-18");
    CHECK(has(overdue, R"("status": "overdue", "rule": "concern_ack")"));
    CHECK(has(overdue, R"("escalate_to": "counselor")"));
    // The incident was acknowledged in time: never listed; the member's claim is not what counts.
    CHECK_FALSE(has(overdue, "incident_report"));
    const auto text = run(box, "2026-09-18", {"--lang", "zh", "check"}).out;
    // First, in a table of their own whose rows name the member (no member heading repeated).
    CHECK(has(text, "  待处理的突发事件与关注事项\n"));
    CHECK(has(text, "关注事项确认（李明）"));
    CHECK(text.find("待处理的突发事件与关注事项") < text.find("  党员 李明"));
    CHECK(has(text, "上报辅导员"));
    const auto concern = box.query_int("college.db", "SELECT record_id FROM case_event WHERE case_kind = 'concern'");
    run_ok_at(box, "2026-09-18 02:00:00",
              at("2026-09-18",
                 {"-q", "concern", "ack", std::to_string(concern), "--by", "T001", "--at", "2026-09-18 09:00"}));
    CHECK_FALSE(has(json("2026-09-18"), "concern_ack"));
  }

  TEST_CASE("the committee's summary: concerns as counts, never the text or the student") {
    const Sandbox& box = college();
    for (const char* lang : {"zh", "en"}) {
      for (const char* format : {"md", "json", "html"}) {
        const auto r =
            run(box, "2026-09-22",
                {"--lang", lang, "report", "summary", "--counselor", "T001", "--period", "1", "--format", format});
        REQUIRE(r.exit_code == 0);
        for (const auto* secret : {k_name, k_id, k_text}) {
          INFO(lang << " " << format << " " << secret);
          CHECK_FALSE(has(r.out, secret));
          CHECK_FALSE(has(r.err, secret));
        }
      }
    }
    const auto md =
        run(box, "2026-09-22", {"--lang", "zh", "report", "summary", "--counselor", "T001", "--period", "1"});
    CHECK(has(md.out, "## 关注事项"));
    CHECK(has(md.out, "本期上报 <3 件"));
    CHECK(has(md.out, "使用违规电器"));
  }

  TEST_CASE("the counselor's summary lists the concern with the student's name, never its text") {
    const Sandbox& box = college();
    const auto r =
        run(box, "2026-09-22",
            {"--lang", "zh", "report", "summary", "--counselor", "T001", "--period", "1", "--audience", "counselor"});
    REQUIRE(r.exit_code == 0);
    CHECK(has(r.out, "## 关注事项"));
    CHECK(has(r.out, k_name));
    CHECK(has(r.out, "辅导员"));
    CHECK_FALSE(has(r.out, k_text));
    const auto json = run(
        box, "2026-09-22",
        {"report", "summary", "--counselor", "T001", "--period", "1", "--audience", "counselor", "--format", "json"});
    CHECK(has(json.out, k_name));
    CHECK_FALSE(has(json.out, k_text));
  }

  TEST_CASE("export incidents: Chinese words under Chinese headers, the keys only in JSON") {
    const Sandbox& box = college();
    for (const char* lang : {"zh", "en"}) {
      for (std::vector<std::string> flavour : {std::vector<std::string>{}, std::vector<std::string>{"--raw"}}) {
        std::vector<std::string> args{"--lang", lang, "export", "incidents"};
        args.insert(args.end(), flavour.begin(), flavour.end());
        const auto r = run(box, "2026-09-22", args);
        REQUIRE(r.exit_code == 0);
        for (const char* key : {"banned_appliance", "medium", "counselor", "acknowledged", "reported"}) {
          INFO(lang << " " << key);
          CHECK_FALSE(has(r.out, key));
        }
        CHECK(has(r.out, "使用违规电器"));
        CHECK(has(r.out, "一般"));
        CHECK(has(r.out, "辅导员"));
        CHECK(has(r.out, "已确认"));
        CHECK(has(r.out, "2026-09-10 08:00"));
      }
    }
    const auto json = run(box, "2026-09-22", {"export", "incidents", "--format", "json"});
    CHECK(has(json.out, R"("category": "banned_appliance")"));
    CHECK(has(json.out, R"("status": "acknowledged")"));
    CHECK(has(json.out, R"("acknowledged_at": "2026-09-10 08:00")"));
    const auto contacts = run(box, "2026-09-22", {"export", "contacts"});
    CHECK(has(contacts.out, "谈心"));
    CHECK(has(contacts.out, "当面"));
    CHECK_FALSE(has(contacts.out, "in_person"));
  }
}
