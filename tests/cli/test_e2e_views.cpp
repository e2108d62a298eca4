// Branch and college views on the example college (docs/digest.md §3): --branch on check,
// report feedback --all, report summary and report assessment; report summary --college
// recomputed from each counselor's own summary; one lookup and one refusal for names.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
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

Json json_of(const Sandbox& box, std::vector<std::string> args, int exit_code = 0) {
  const auto r = box.run(college_args("2026-11-24", std::move(args)));
  INFO(r.err);
  REQUIRE(r.exit_code == exit_code);
  return Json::parse(r.out);
}

const char* const k_branches[] = {"日语系学生党支部", "欧洲语言系学生党支部", "英语系学生第一党支部",
                                  "英语系学生第二党支部"};

}  // namespace

TEST_SUITE("e2e.views") {
  TEST_CASE("report summary --college: each counselor's row is the totals of that counselor's own summary") {
    Sandbox box;
    copy_college(box);
    const auto college = json_of(box, {"report", "summary", "--college", "--period", "5", "--format", "json"});
    CHECK(college["scope"] == "college");
    CHECK(college["counselor"].is_null());
    CHECK(college["audience"] == "committee");
    REQUIRE(college["counselors"].size() == 3);  // 魏平 has no members
    int forms_expected = 0, forms_found = 0;
    for (const auto& row : college["counselors"]) {
      const std::string id = row["id"];
      INFO(id);
      const auto own = json_of(box, {"report", "summary", "--counselor", id, "--period", "5", "--format", "json"});
      int dorms = 0, visits_expected = 0, visits_found = 0, talks_expected = 0, talks_found = 0;
      for (const auto& m : own["members"]) {
        dorms += m["dorms"].get<int>();
        visits_expected += m["visits"]["expected"].get<int>();
        visits_found += m["visits"]["found"].get<int>();
        talks_expected += m["talks"]["expected"].get<int>();
        talks_found += m["talks"]["found"].get<int>();
      }
      CHECK(row["members"] == own["members"].size());
      CHECK(row["dorms"] == dorms);
      CHECK(row["visits"]["expected"] == visits_expected);
      CHECK(row["visits"]["found"] == visits_found);
      CHECK(row["talks"]["expected"] == talks_expected);
      CHECK(row["talks"]["found"] == talks_found);
      CHECK(row["forms"] == own["forms"]);
      CHECK(row["own"] == own["own"]);
      forms_expected += row["forms"]["expected"].get<int>();
      forms_found += row["forms"]["found"].get<int>();
    }
    CHECK(college["forms"]["expected"] == forms_expected);
    CHECK(college["forms"]["found"] == forms_found);
    // Markdown: one table row per counselor and the total; no resident's name or phone.
    const auto md = box.run(college_args("2026-11-24", {"report", "summary", "--college", "--period", "5"}));
    CHECK(md.exit_code == 0);
    CHECK(md.out.find("| 陈逸 | T2024001 |") != std::string::npos);
    CHECK(md.out.find("| 合计 |") != std::string::npos);
    CHECK(md.out.find("## 党员") == std::string::npos);  // members are in each counselor's summary
    CHECK(md.out.find("1380000") == std::string::npos);
    // CSV and Excel carry the counselors' sheet first.
    const auto csv = box.run(
        college_args("2026-11-24", {"report", "summary", "--college", "--period", "5", "--format", "csv", "--raw"}));
    CHECK(csv.out.rfind("辅导员,工号,党员（人）", 0) == 0);
    const auto xlsx = box.run(college_args(
        "2026-11-24", {"report", "summary", "--college", "--period", "5", "--format", "xlsx", "-o", "c.xlsx"}));
    CHECK(xlsx.exit_code == 0);
    CHECK(std::filesystem::file_size(box.path("c.xlsx")) > 1000);
  }

  TEST_CASE("--branch on check: the branches' items partition the members' items") {
    Sandbox box;
    copy_college(box);
    const auto all = json_of(box, {"check", "--format", "json"}, 1);
    std::size_t with_member = 0;
    for (const auto& item : all["items"]) with_member += item["member"].is_null() ? 0U : 1U;
    std::size_t in_branches = 0;
    for (const char* branch : k_branches) {
      INFO(branch);
      const auto items = json_of(box, {"check", "--branch", branch, "--format", "json"}, 1)["items"];
      const auto summary = json_of(box, {"report", "summary", "--branch", branch, "--period", "5", "--format", "json"});
      CHECK(summary["scope"] == "branch");
      CHECK(summary["branch"] == branch);
      std::set<std::string> members;
      for (const auto& m : summary["members"]) members.insert(m["id"].get<std::string>());
      for (const auto& item : items) {
        REQUIRE_FALSE(item["member"].is_null());
        CHECK(members.count(item["member"]["id"].get<std::string>()) == 1);
      }
      in_branches += items.size();
    }
    CHECK(in_branches == with_member);
    // A unique part of the name is enough; a part several share is refused, naming them.
    const auto part = box.run(college_args("2026-11-24", {"check", "--branch", "第二", "--format", "json"}));
    CHECK(part.exit_code == 1);
    const auto several = box.run(college_args("2026-11-24", {"check", "--branch", "英语系"}));
    CHECK(several.exit_code == 64);
    CHECK(several.err.find("2 branches match (英语系学生第一党支部, 英语系学生第二党支部)") != std::string::npos);
    const auto none = box.run(college_args("2026-11-24", {"report", "summary", "--branch", "法语", "--period", "5"}));
    CHECK(none.exit_code == 64);
    CHECK(none.err.find("the branches are: ") != std::string::npos);
  }

  TEST_CASE("report feedback --all --branch and report assessment --branch keep that branch's members") {
    Sandbox box;
    copy_college(box);
    const auto summary =
        json_of(box, {"report", "summary", "--branch", "日语系学生党支部", "--period", "5", "--format", "json"});
    std::set<std::string> due, members;
    for (const auto& m : summary["members"]) {
      members.insert(m["id"].get<std::string>());
      if (!m["form"].is_null()) due.insert(m["id"].get<std::string>());
    }
    const auto forms =
        json_of(box, {"report", "feedback", "--all", "--branch", "日语系", "--period", "5", "--format", "json"});
    std::set<std::string> got;
    for (const auto& f : forms) got.insert(f["member"]["id"].get<std::string>());
    CHECK(!got.empty());
    CHECK(got == due);
    const auto assessment =
        json_of(box, {"report", "assessment", "--semester", "2026-autumn", "--branch", "日语系", "--format", "json"});
    CHECK(assessment["branch"] == "日语系学生党支部");  // resolved from a part of the name
    REQUIRE_FALSE(assessment["members"].empty());
    for (const auto& m : assessment["members"]) {
      CHECK(m["branch"] == "日语系学生党支部");
      CHECK(members.count(m["id"].get<std::string>()) == 1);
    }
    // Views are not handed in; one scope at a time.
    const auto submit =
        box.run(college_args("2026-11-24", {"report", "summary", "--college", "--period", "5", "--submit"}));
    CHECK(submit.exit_code == 64);
    const auto both = box.run(
        college_args("2026-11-24", {"report", "summary", "--college", "--counselor", "T2024001", "--period", "5"}));
    CHECK(both.exit_code == 64);
    const auto lone =
        box.run(college_args("2026-11-24", {"report", "feedback", "--branch", "日语系", "--period", "5"}));
    CHECK(lone.exit_code == 64);
  }
}

TEST_SUITE("e2e.views") {
  TEST_CASE("JSON is always a value: -q never empties it, whatever the command and however little there is") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    // Day one of the semester, before any assignment, and a day outside every semester.
    const std::vector<std::pair<std::string, std::vector<std::string>>> commands{
        {"2026-09-07", {"-q", "check", "--format", "json"}},
        {"2026-09-07", {"-q", "check", "--digest", "--for", "committee", "--format", "json"}},
        {"2027-08-01", {"-q", "check", "--format", "json"}},
        {"2027-08-01", {"-q", "check", "--digest", "--format", "json"}},
    };
    for (const auto& [date, args] : commands) {
      CAPTURE(date);
      CAPTURE(args.size());
      std::vector<std::string> all{"--db", "college.db", "--as-of", date};
      all.insert(all.end(), args.begin(), args.end());
      const auto quiet = box.run(all);
      CHECK((quiet.exit_code == 0 || quiet.exit_code == 1));
      REQUIRE_FALSE(quiet.out.empty());
      CHECK(Json::accept(quiet.out));
      all.erase(std::find(all.begin(), all.end(), "-q"));
      CHECK(box.run(all).out == quiet.out);
    }
    // A committed assignment with -q --format json prints the assignment as JSON, as without -q.
    const auto assign = box.run({"--db", "college.db", "--as-of", "2026-09-07", "-q", "assign", "--format", "json"});
    CHECK(assign.exit_code == 0);
    REQUIRE_FALSE(assign.out.empty());
    CHECK(Json::parse(assign.out).is_object());
    // Text stays quiet when there is nothing to report.
    CHECK(box.run({"--db", "college.db", "--as-of", "2027-08-01", "-q", "check"}).out.empty());
  }
}

TEST_SUITE("e2e.views") {
  TEST_CASE("a feedback form is a member's: a resident or an unassigned student gets the reason, not an empty form") {
    Sandbox box;
    copy_college(box);
    const auto resident =
        box.run(college_args("2026-11-24", {"report", "feedback", "--member", "2023110101", "--period", "5"}));
    INFO(resident.err);
    CHECK(resident.exit_code == 64);
    CHECK(resident.out.empty());
    CHECK(resident.err.find("张晨昕 2023110101 holds no dorm in any assignment of 2026-autumn; a feedback form is a "
                            "member's") != std::string::npos);
    const auto zh = box.run(college_args("2026-11-24", {"report", "feedback", "--member", "张晨昕", "--period", "5"}),
                            {{"DORMLINK_MESSAGES", ""}});
    CHECK(zh.exit_code == 64);
    CHECK(zh.err.find("张晨昕 2023110101 在 2026-autumn 学期的任何分配中都没有联系寝室") != std::string::npos);
    const auto member =
        box.run(college_args("2026-11-24", {"report", "feedback", "--member", "李晴紫", "--period", "5"}));
    INFO(member.err);
    CHECK(member.exit_code == 0);
    CHECK(member.out.find("李晴紫") != std::string::npos);
  }
}

TEST_SUITE("e2e.views") {
  TEST_CASE("--semester defaults as check's does: the date's semester, or the one ended within close_out_days") {
    Sandbox box;
    copy_college(box);
    for (const char* date : {"2026-11-24", "2027-01-20"}) {
      CAPTURE(date);
      for (const auto& command : std::vector<std::vector<std::string>>{{"report", "assessment", "--format", "json"},
                                                                       {"report", "inspection", "--format", "json"},
                                                                       {"export", "assessment", "--format", "json"}}) {
        auto given = command;
        given.insert(given.begin() + 2, {"--semester", "2026-autumn"});
        const auto by_default = box.run(college_args(date, command));
        INFO(by_default.err);
        CHECK(by_default.exit_code == 0);
        CHECK(by_default.out == box.run(college_args(date, given)).out);
      }
    }
    // Past close_out_days and before spring: say so, with the calendar's semesters.
    const auto none = box.run(college_args("2027-02-20", {"report", "assessment"}));
    CHECK(none.exit_code == 64);
    CHECK(none.err.find("no --semester given, and 2027-02-20 is in no semester nor within 28 days after one ended "
                        "(close_out_days); pass --semester ID (2026-spring, 2026-autumn, 2027-spring)") !=
          std::string::npos);
    CHECK(box.run(college_args("2027-02-20", {"report", "assessment", "--semester", "2026-autumn"})).exit_code == 0);
  }
}
