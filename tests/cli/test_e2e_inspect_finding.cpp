// End-to-end: inspect record --finding on the example college at week 12 (docs/inspect.md
// "Findings without a record"): a 检查组 member records 学生称从未见过党员 and a banned appliance
// nobody reported; the receipt names the weeks contradicted; report inspection lists them; the
// assessment's inspection and incident components change by the amounts computed by hand. A
// non-inspector, and every refused value, leave the database byte for byte as it was.
//
// The facts used (examples/college, records-2026-autumn.csv): 廖琦 2023150115 holds 10-404; the
// talks naming 王琪静 2023150111 up to 2026-10-15 are #2309 (week 1), #2318 (week 2), #2324
// (week 3), #2332 (week 5), #2339 (week 6) — week 4 is a holiday; his 34 visits and talks of
// 10-404 up to then fall in weeks 1, 2, 3, 5 and 6. No incident was ever recorded for 10-404; a
// banned appliance in 10-505 was reported as #3160 on 2026-10-14. The golden college's
// findings about 廖琦's records: three standing, one contradicted (#2332). The inspectors (检查组)
// of staff.csv: T2008003 于宇林, T2016002 王欣心, T2018003 方丽宁.
#include <cmath>
#include <filesystem>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "harness.hpp"

namespace {

using dormlink::e2e::college_args;
using dormlink::e2e::Sandbox;
using Json = nlohmann::json;

void copy_college(const Sandbox& box) {
  std::filesystem::copy_file(dormlink::e2e::example_college_db(), box.path("college.db"));
  box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
}

std::string bytes(const Sandbox& box) { return box.read("college.db") + box.read("college.db-wal"); }

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// `inspect record` on 2026-10-15 with `more`; `global` options (--lang, -q) go before it.
std::vector<std::string> record_args(std::vector<std::string> more, std::vector<std::string> global = {}) {
  global.insert(global.end(), {"inspect", "record"});
  global.insert(global.end(), more.begin(), more.end());
  return college_args("2026-10-15", global);
}

// 廖琦's component `key` in the assessment of his branch as of 2026-11-16.
Json component(const Sandbox& box, const char* key) {
  const auto r = box.run(college_args("2026-11-16", {"report", "assessment", "--semester", "2026-autumn", "--branch",
                                                     "英语系学生第二党支部", "--format", "json"}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto doc = Json::parse(r.out);  // kept: a range-for over a temporary's member dangles
  for (const auto& m : doc["members"]) {
    if (m["id"] != "2023150115") continue;
    for (const auto& c : m["components"])
      if (c["component"] == key) return c;
  }
  FAIL("no component " << key);
  return {};
}

Json member_json(const Sandbox& box) {
  const auto r = box.run(college_args("2026-11-16", {"report", "assessment", "--semester", "2026-autumn", "--branch",
                                                     "英语系学生第二党支部", "--format", "json"}));
  REQUIRE(r.exit_code == 0);
  const auto doc = Json::parse(r.out);  // kept: a range-for over a temporary's member dangles
  for (const auto& m : doc["members"])
    if (m["id"] == "2023150115") return m;
  FAIL("no member 2023150115");
  return {};
}

}  // namespace

TEST_SUITE("e2e.inspect") {
  TEST_CASE("a 检查组 member records 学生称从未见过党员: the receipt names the weeks it contradicts") {
    Sandbox box;
    copy_college(box);
    const auto before_inspection = component(box, "inspection");
    CHECK(before_inspection["findings"] == 3);
    CHECK(before_inspection["contradicted"] == 1);

    const auto r = box.run(record_args({"--finding", "未联系", "--dorm", "10-404", "--student", "王琪静", "--inspector",
                                        "王欣心", "--sample", "1", "--note", "学生称从未见过党员"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err ==
          "已记录检查发现 #1 · 未联系（学生称从未见过党员） · 10-404 · 2026-10-15 · 检查人 王欣心 T2016002 · 抽查 #1\n"
          "党员：廖琦 2023150115 · 学生：王琪静 2023150111\n"
          "与党员 5 周内的 5 条记录矛盾：第 1 周 #2309；第 2 周 #2318；第 3 周 #2324；第 5 周 #2332；第 6 周 #2339\n");
    CHECK(box.query_int("college.db", "SELECT count(*) FROM inspection_observation") == 1);
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM inspection_observation WHERE finding = 'no_contact' AND member_id = "
                        "'2023150115' AND student_id = '2023150111' AND inspector_id = 'T2016002' AND sample_id = 1 "
                        "AND semester_id = '2026-autumn' AND inspected_on = '2026-10-15'") == 1);

    // About the dorm as a whole, in English, by the inspector's staff id: every contact of the
    // member with 10-404 up to the day.
    const auto en = box.run(record_args(
        {"--finding", "no_contact", "--dorm", "10-404", "--inspector", "T2018003", "--note", "住户都说没见过"},
        {"--lang", "en"}));
    INFO(en.err);
    REQUIRE(en.exit_code == 0);
    CHECK(has(en.err,
              "recorded finding #2 · no contact (residents never saw the member) · 10-404 · 2026-10-15 · "
              "inspector 方丽宁 T2018003\nmember: 廖琦 2023150115\n"
              "contradicts 34 records of the member in 5 weeks: week 1 #2307, #2308, "));
    CHECK(has(en.err, "; week 6 #2337, #2338, #2339, #2340\n"));

    // The assessment: 5 standing findings, 3 contradicting (two no-contact findings, #2332).
    // ratio 1 − 3/5 = 0.4, from 1 − 1/3.
    const auto after = component(box, "inspection");
    CHECK(after["findings"] == 5);
    CHECK(after["contradicted"] == 3);
    CHECK(after["ratio"].get<double>() == doctest::Approx(0.4));
    const int weight = after["weight"].get<int>();
    CHECK(after["points"].get<double>() == doctest::Approx(weight * 0.4).epsilon(0.01));
    CHECK(before_inspection["points"].get<double>() ==
          doctest::Approx(std::round(weight * 20.0 / 3.0) / 10.0).epsilon(0.001));
  }

  TEST_CASE("a banned appliance nobody reported costs the member the incident component, a reported one nothing") {
    Sandbox box;
    copy_college(box);
    const auto before = component(box, "incidents_on_time");
    CHECK(before["ratio"].get<double>() == doctest::Approx(1.0));  // nothing reported: full marks, until now
    const int weight = before["weight"].get<int>();
    CHECK(before["points"].get<double>() == doctest::Approx(weight));

    const auto hidden = box.run(record_args({"--finding", "寝室状况", "--category", "使用违规电器", "--dorm", "10-404",
                                             "--inspector", "于宇林", "--note", "发现电热锅"}));
    INFO(hidden.err);
    REQUIRE(hidden.exit_code == 0);
    CHECK(hidden.err ==
          "已记录检查发现 #1 · 寝室状况 · 10-404 · 2026-10-15 · 检查人 于宇林 T2008003\n"
          "党员：廖琦 2023150115\n"
          "突发事件：使用违规电器 · 未报告（计入党员的考核）\n");
    const auto reported =
        box.run(record_args({"--finding", "dorm_condition", "--category", "banned_appliance", "--dorm", "10-505",
                             "--inspector", "于宇林", "--note", "the heater reported the day before"},
                            {"--lang", "en"}));
    INFO(reported.err);
    REQUIRE(reported.exit_code == 0);
    CHECK(reported.err ==
          "recorded finding #2 · dorm condition · 10-505 · 2026-10-15 · inspector 于宇林 T2008003\n"
          "member: 陈心 2023160128\n"
          "incident: banned appliance · reported (record #3160)\n");

    // 廖琦: 0 of 1 incidents reported → 0 points (the whole weight lost).
    const auto after = component(box, "incidents_on_time");
    CHECK(after["unreported"] == 1);
    CHECK(after["ratio"].get<double>() == doctest::Approx(0.0));
    CHECK(after["points"].get<double>() == doctest::Approx(0.0));
    const auto m = member_json(box);
    REQUIRE(m["incidents"].size() == 1);
    CHECK(m["incidents"][0]["category"] == "banned_appliance");
    CHECK(m["incidents"][0]["unreported"] == 1);
    REQUIRE(m["observations"].size() == 1);
    CHECK(m["observations"][0]["counts_in"] == "incidents_on_time");

    const auto zh = box.run(college_args(
        "2026-11-16", {"report", "assessment", "--semester", "2026-autumn", "--branch", "英语系学生第二党支部"}));
    REQUIRE(zh.exit_code == 0);
    CHECK(has(zh.out, "突发事件（按类别）：使用违规电器 1 起（检查发现未报告 1）\n"));
    CHECK(has(zh.out, "10-404 · 寝室状况 · 使用违规电器 · 未报告（计入突发事件按时报告）\n"));
    const auto en = box.run(college_args("2026-11-16", {"--lang", "en", "report", "assessment", "--semester",
                                                        "2026-autumn", "--branch", "英语系学生第二党支部"}));
    REQUIRE(en.exit_code == 0);
    CHECK(has(en.out, "Incidents by category: banned appliance 1 (1 found by the inspection, not reported)\n"));
  }

  TEST_CASE("report inspection lists the findings without a record, with the weeks, in zh, en and JSON") {
    Sandbox box;
    copy_college(box);
    const auto quiet = box.run(record_args({"--finding", "no_contact", "--dorm", "10-404", "--student", "2023150111",
                                            "--inspector", "王欣心", "--note", "学生称从未见过党员"},
                                           {"-q"}));
    REQUIRE(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
    const auto zh = box.run(college_args("2026-11-16", {"report", "inspection", "--semester", "2026-autumn"}));
    INFO(zh.err);
    REQUIRE(zh.exit_code == 0);
    CHECK(has(zh.out, "\n## 无记录的检查发现\n\n"));
    CHECK(has(zh.out,
              "| 1 | — | 未联系（学生称从未见过党员） | 10-404 | 廖琦 2023150115 | 2026-10-15 | 王欣心 T2016002 | "
              "王琪静（2023150111） | — | — | 第 1 周 \\#2309；第 2 周 \\#2318；第 3 周 \\#2324；第 5 周 "
              "\\#2332；第 6 周 \\#2339 | 学生称从未见过党员 |\n"));
    // The findings about records name their inspector too.
    CHECK(has(zh.out, "| 王欣心 T2016002 | \\#2330 |"));
    const auto en = box.run(college_args("2026-11-16", {"--lang", "en", "report", "inspection", "--semester",
                                                        "2026-autumn", "--audience", "committee"}));
    REQUIRE(en.exit_code == 0);
    CHECK(has(en.out, "\n## Findings without a record\n\n"));
    CHECK(has(en.out,
              "| 1 | — | no contact (residents never saw the member) | 10-404 | 廖琦 2023150115 | 2026-10-15 | "
              "王欣心 T2016002 | — | — | week 1 \\#2309; week 2 \\#2318; week 3 \\#2324; week 5 \\#2332; week "
              "6 \\#2339 |\n"));
    CHECK_FALSE(has(en.out, "王琪静"));              // the committee sees no student ...
    CHECK_FALSE(has(en.out, "学生称从未见过党员"));  // ... and no note
    const auto json =
        box.run(college_args("2026-11-16", {"report", "inspection", "--semester", "2026-autumn", "--format", "json"}));
    REQUIRE(json.exit_code == 0);
    const auto doc = Json::parse(json.out);
    REQUIRE(doc["observations"].size() == 1);
    const auto& o = doc["observations"][0];
    CHECK(o["finding"] == "no_contact");
    CHECK(o["inspector"] == "T2016002");
    CHECK(o["inspector_name"] == "王欣心");
    CHECK(o["member_id"] == "2023150115");
    CHECK(o["weeks"].size() == 5);
    CHECK(o["weeks"][4]["week"] == 6);
    CHECK(o["weeks"][4]["records"] == Json::array({2339}));
    CHECK(doc["findings"][0]["inspector"] == "T2016002");
    CHECK(doc["findings"][0]["inspector_name"] == "王欣心");
  }

  TEST_CASE("only a 检查组 member may record, and refused input changes nothing") {
    Sandbox box;
    copy_college(box);
    const auto before = bytes(box);
    // A counselor is no inspector: exit 65 naming the inspectors, in English and Chinese.
    const auto en =
        box.run(record_args({"--finding", "no_contact", "--dorm", "10-404", "--inspector", "陈逸", "--note", "x"}));
    CHECK(en.exit_code == 65);
    CHECK(has(en.err,
              "not an inspector on 2026-10-15; the inspectors (检查组) of the staff roster are 于宇林 "
              "T2008003, 王欣心 T2016002, 方丽宁 T2018003\n"));
    const auto zh =
        box.run(record_args({"--finding", "no_contact", "--dorm", "10-404", "--inspector", "王老师", "--note", "x"}),
                {{"DORMLINK_MESSAGES", "zh"}});
    CHECK(zh.exit_code == 65);
    CHECK(has(zh.err,
              "2026-10-15 的教职工名册中没有这位检查组成员；检查组成员为 于宇林 T2008003、王欣心 T2016002、"
              "方丽宁 T2018003\n"));
    // The same for findings about records.
    const auto about =
        box.run(record_args({"--member", "廖琦", "--dorm", "10-404", "--inspector", "王老师", "--confirmed", "2330"}));
    CHECK(about.exit_code == 65);
    CHECK(has(about.err, "the inspectors (检查组) of the staff roster are"));
    const auto refused = [&](std::vector<std::string> more, int code) {
      const auto r = box.run(record_args(std::move(more)));
      INFO(r.err);
      CHECK(r.exit_code == code);
    };
    refused({"--finding", "fly", "--dorm", "10-404", "--inspector", "王欣心", "--note", "x"}, 64);
    refused({"--finding", "寝室状况", "--category", "飞行", "--dorm", "10-404", "--inspector", "王欣心", "--note", "x"},
            64);
    refused({"--finding", "未联系", "--category", "赌博", "--dorm", "10-404", "--inspector", "王欣心", "--note", "x"},
            64);
    refused({"--finding", "未联系", "--dorm", "10-404", "--inspector", "王欣心"}, 64);  // no --note
    refused({"--finding", "未联系", "--member", "廖琦", "--dorm", "10-404", "--inspector", "王欣心", "--note", "x"},
            64);
    refused({"--finding", "未联系", "--dorm", "10-404", "--inspector", "王欣心", "--note", "x", "--confirmed", "2330"},
            64);
    refused(
        {"--member", "廖琦", "--dorm", "10-404", "--inspector", "王欣心", "--student", "王琪静", "--confirmed", "2330"},
        64);
    refused({"--finding", "未联系", "--dorm", "10-404", "--inspector", "王欣心", "--note", "x", "--student", "无此人"},
            64);
    // 廖琦 lives in 10-405, not in 10-404.
    refused({"--finding", "未联系", "--dorm", "10-404", "--inspector", "王欣心", "--note", "x", "--student", "廖琦"},
            65);
    refused({"--finding", "未联系", "--dorm", "99-999", "--inspector", "王欣心", "--note", "x"}, 65);
    refused({"--finding", "未联系", "--dorm", "10-505", "--inspector", "王欣心", "--note", "x", "--sample", "1"}, 65);
    refused({"--finding", "未联系", "--dorm", "10-404", "--inspector", "王欣心", "--note", "x", "--sample", "9"}, 65);
    refused({"--finding", "未联系", "--dorm", "10-404", "--inspector", "王欣心", "--note", "x", "--on", "2026-12-31"},
            64);
    CHECK(bytes(box) == before);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM inspection_observation") == 0);
  }
}
