// End-to-end on the example college at week 12 (docs/studio.md): the rosters' 朋辈工作室
// column, report studio, marks given by whom the rules allow (and refused otherwise, the
// database unchanged), the commendation list in its documented order, and the activists'
// cultivation counted in the feedback form.
#include <algorithm>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "harness.hpp"

namespace {

using dormlink::e2e::college_args;
using dormlink::e2e::Sandbox;
using Json = nlohmann::json;

// The example college with its config; `studio` (a TOML array) as [studio] members when given.
void copy_college(const Sandbox& box, const std::string& studio = "") {
  std::filesystem::copy_file(dormlink::e2e::example_college_db(), box.path("college.db"));
  box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
  if (studio.empty()) return;
  std::string config = box.read("dormlink.toml");
  const std::string section = "\n[studio]\n";
  if (const auto at = config.find(section); at != std::string::npos) {
    const auto key = config.find("members = ", at);
    config.replace(key, config.find('\n', key) - key, "members = " + studio);
  } else {
    config += section + "members = " + studio + "\n";
  }
  box.write("dormlink.toml", config);
}

dormlink::e2e::Result run(const Sandbox& box, std::vector<std::string> args) {
  return box.run(college_args("2026-11-16", std::move(args)));
}

// The staff roster of the example with the column 朋辈工作室: 是 for 李洁 (T2012001).
std::string staff_with_studio(const Sandbox& box) {
  box.copy_from_source("examples/college/staff.csv", "staff-orig.csv");
  const std::string in = box.read("staff-orig.csv");
  std::string out;
  std::size_t from = 0;
  for (bool header = true; from < in.size(); header = false) {
    auto end = in.find('\n', from);
    if (end == std::string::npos) end = in.size();
    std::string line = in.substr(from, end - from);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out += line + (header ? ",朋辈工作室" : line.starts_with("T2012001,") ? ",是" : ",") + "\n";
    from = end + 1;
  }
  return out;
}

// The documented order of the commendation list (docs/studio.md §4), computed from the JSON.
int mark_value(const Json& mark) {
  if (mark.is_null()) return -1;
  const std::string m = mark.is_object() ? mark["mark"].get<std::string>() : mark.get<std::string>();
  if (m == "excellent") return 90;
  if (m == "pass") return 75;
  if (m == "basic_pass") return 60;
  if (m == "fail") return 0;
  return std::stoi(m);
}

std::vector<std::string> expected_commend(const Json& assessment, std::size_t n) {
  using Key = std::tuple<int, int, int, std::string>;
  std::vector<Key> keys;
  for (const auto& m : assessment["members"]) {
    int branch = -1;
    int studio = -1;
    for (const auto& mark : assessment["marks"]) {
      if (mark["id"] != m["id"]) continue;
      branch = mark_value(mark["branch"]);
      studio = mark_value(mark["studio"]);
    }
    const int tenths = static_cast<int>(m["score"].get<double>() * 10.0 + 0.5);
    keys.emplace_back(-branch, -studio, -tenths, m["id"].get<std::string>());
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto same = [&](const Key& a, const Key& b) {
      return std::get<0>(a) == std::get<0>(b) && std::get<1>(a) == std::get<1>(b) && std::get<2>(a) == std::get<2>(b);
    };
    if (i >= n && !same(keys[i], keys[n - 1])) break;
    ids.push_back(std::get<3>(keys[i]));
  }
  return ids;
}

}  // namespace

TEST_SUITE("e2e.studio") {
  TEST_CASE("a staff roster with 朋辈工作室 imports the flag as a new version, and report studio lists her") {
    Sandbox box;
    copy_college(box);
    box.write("staff-studio.csv", staff_with_studio(box));
    auto r = run(box, {"import", "staff", "staff-studio.csv"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(box.query_int("college.db",
                        "SELECT studio FROM staff_duty_version WHERE staff_id = 'T2012001' AND valid_to IS NULL") == 1);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM staff_duty_version WHERE staff_id = 'T2012001'") == 2);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM staff_duty_version WHERE staff_id = 'T2024001'") == 1);
    // The same roster again changes nothing.
    r = run(box, {"import", "staff", "staff-studio.csv"});
    REQUIRE(r.exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM staff_duty_version WHERE staff_id = 'T2012001'") == 2);

    const auto zh = run(box, {"report", "studio", "--semester", "2026-autumn"});
    INFO(zh.err);
    REQUIRE(zh.exit_code == 0);
    CHECK(zh.out.find("朋辈辅导员工作室") != std::string::npos);
    CHECK(zh.out.find("| T2012001 | 李洁 | 教师 | 花名册 |") != std::string::npos);
    CHECK(zh.out.find("未结关注") != std::string::npos);
    const auto en = run(box, {"--lang", "en", "report", "studio", "--semester", "2026-autumn"});
    REQUIRE(en.exit_code == 0);
    CHECK(en.out.find("# Peer studio") != std::string::npos);
    CHECK(en.out.find("| T2012001 | 李洁 | staff | roster |") != std::string::npos);
    CHECK(en.out.find("Open concerns") != std::string::npos);
    const auto json = Json::parse(run(box, {"report", "studio", "--semester", "2026-autumn", "--format", "json"}).out);
    REQUIRE(json["studio"].size() == 1);
    CHECK(json["studio"][0]["source"] == "roster");
    const auto assessment =
        Json::parse(run(box, {"report", "assessment", "--semester", "2026-autumn", "--format", "json"}).out);
    REQUIRE(json["members"].size() == assessment["members"].size());
    CHECK(json["members"][0]["score"] == assessment["members"][0]["score"]);
    CHECK(json["members"][0]["open_concerns"] == 0);
  }

  TEST_CASE("a mark from someone the rules do not allow: exit 65 naming who may, the database unchanged") {
    Sandbox box;
    copy_college(box, "[\"2023110114\"]");
    const std::string before = box.read("college.db");
    auto r = run(box, {"report", "assessment", "--semester", "2026-autumn", "--mark", "2023110104:studio:优秀", "--by",
                       "T2024001"});
    CHECK(r.exit_code == 65);
    CHECK(r.err.find("2023110114 韩语慧") != std::string::npos);  // who may (the typed id is quoted as a value)
    r = run(box, {"report", "assessment", "--semester", "2026-autumn", "--mark", "2023110104:branch:优秀", "--by",
                  "T2011001"});
    CHECK(r.exit_code == 65);
    CHECK(r.err.find("T2012001") != std::string::npos);  // the secretary of 英语系学生第一党支部
    CHECK(r.out.empty());
    CHECK(box.read("college.db") == before);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM assessment_mark") == 0);
  }

  TEST_CASE("marks by a studio member and the branch secretary are recorded and shown with who gave them") {
    Sandbox box;
    copy_college(box, "[\"2023110114\"]");
    auto r = run(box, {"report", "assessment", "--semester", "2026-autumn", "--mark", "2023110104:studio:优秀",
                       "--mark", "李薇亦:工作室:88", "--by", "2023110114", "--note", "期中评议"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("2 mark(s) for 2026-autumn were recorded") != std::string::npos);
    CHECK(r.out.find("## 评定") != std::string::npos);
    CHECK(r.out.find("韩语慧（2023110114）") != std::string::npos);
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM assessment_mark WHERE given_by = '2023110114' AND source "
                        "= 'studio' AND note = '期中评议'") == 2);
    r = run(box, {"report", "assessment", "--semester", "2026-autumn", "--mark", "2023110104:branch:合格", "--by",
                  "T2012001"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("李洁（T2012001）") != std::string::npos);
    // A later studio mark replaces the earlier one in the assessment; both stay in the table.
    r = run(box, {"report", "assessment", "--semester", "2026-autumn", "--mark", "2023110104:studio:fail", "--by",
                  "2023110114"});
    REQUIRE(r.exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM assessment_mark") == 4);

    const auto json =
        Json::parse(run(box, {"report", "assessment", "--semester", "2026-autumn", "--format", "json"}).out);
    REQUIRE(json["marks"].size() == 2);
    const auto& li = json["marks"][0]["id"] == "2023110104" ? json["marks"][0] : json["marks"][1];
    CHECK(li["studio"]["mark"] == "fail");
    CHECK(li["studio"]["given_by"] == "2023110114");
    CHECK(li["studio"]["given_by_name"] == "韩语慧");
    CHECK(li["studio"]["given_at"].get<std::string>().size() == 16);
    CHECK(li["branch"]["mark"] == "pass");
    CHECK(li["branch"]["given_by"] == "T2012001");
    CHECK(json["commend"].is_null());
    const auto en = run(box, {"--lang", "en", "report", "studio", "--semester", "2026-autumn"});
    REQUIRE(en.exit_code == 0);
    CHECK(en.out.find("pass (李洁 T2012001, ") != std::string::npos);

    SUBCASE("--commend 3 is the same list twice, in the documented order") {
      const std::vector<std::string> args{"report",    "assessment", "--semester", "2026-autumn",
                                          "--commend", "3",          "--format",   "json"};
      const auto first = run(box, args);
      const auto second = run(box, args);
      REQUIRE(first.exit_code == 0);
      CHECK(first.out == second.out);
      const auto a = Json::parse(first.out);
      std::vector<std::string> listed;
      for (const auto& m : a["commend"]["members"]) listed.push_back(m["id"].get<std::string>());
      CHECK(listed == expected_commend(a, 3));
      REQUIRE(listed.size() >= 3);
      CHECK(listed[0] == "2023110104");  // the only branch mark
      CHECK(listed[1] == "2023110118");  // a studio mark of 88, no branch mark
      const auto md = run(box, {"report", "assessment", "--semester", "2026-autumn", "--commend", "3"});
      CHECK(md.out == run(box, {"report", "assessment", "--semester", "2026-autumn", "--commend", "3"}).out);
      CHECK(md.out.find("## 评优推荐（前 3 名）") != std::string::npos);
    }
  }

  TEST_CASE("a cultivation contact naming an activist counts in the member's feedback form") {
    Sandbox box;
    copy_college(box);
    // 李晴紫 holds 10-106 and 10-107; 苏惠 (2023110103), an activist, lives in 10-106.
    auto r = box.run(college_args(
        "2026-10-12", {"log-visit", "--member", "2023110104", "--dorm", "10-106", "--kind", "cultivation", "--talked",
                       "2023110103", "--at", "2026-10-12 19:30", "--progress", "讲解入党流程"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto form = Json::parse(
        run(box, {"report", "feedback", "--member", "2023110104", "--period", "5", "--format", "json"}).out);
    const auto& c = form["cultivation"];
    REQUIRE(c.is_object());
    CHECK(c["per_month"] == 1);
    CHECK(c["as_of"] == "2026-11-15");  // the period's last day
    REQUIRE(c["dorms"].size() == 2);
    CHECK(c["dorms"][0]["dorm"] == "10-106");
    REQUIRE(c["dorms"][0]["activists"].size() == 1);
    const auto& su = c["dorms"][0]["activists"][0];
    CHECK(su["id"] == "2023110103");
    CHECK(su["months"] == 3);  // September, October, November (weeks 9-10)
    CHECK(su["required"] == 3);
    CHECK(su["done"] == 1);
    CHECK(c["dorms"][0]["cultivation"] == 1);
    const auto md = run(box, {"report", "feedback", "--member", "2023110104", "--period", "5"});
    CHECK(md.out.find("## 入党积极分子培养") != std::string::npos);
    CHECK(md.out.find("| 10-106 | 苏惠 | 2023110103 | 1 | 3 |") != std::string::npos);
    const auto committee =
        run(box, {"report", "feedback", "--member", "2023110104", "--period", "5", "--audience", "committee"});
    CHECK(committee.out.find("苏惠") == std::string::npos);
  }
}
