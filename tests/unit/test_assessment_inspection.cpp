// The assessment's inspection and incident components with findings without a record
// (docs/reports.md "The semester assessment", docs/inspect.md): concealment costs. Hand-made
// obligations, discrepancies and findings; scores computed by hand.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "dormlink/check/obligations.hpp"
#include "dormlink/inspect/observation.hpp"
#include "dormlink/report/assessment.hpp"

using namespace dormlink;
using namespace dormlink::report;
using check::Rule;
using check::Status;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

check::Person person(const char* id, const char* name) {
  check::Person p;
  p.id = id;
  p.name = name;
  p.branch = "英语党支部";
  return p;
}

// 王强 (0) holds 1-101, 李明 (1) holds 1-102.
check::CheckInput college() {
  check::CheckInput in;
  in.semester.id = "2026-autumn";
  in.semester.name = "2026秋";
  in.semester.first_monday = ymd(2026, 9, 7);
  in.semester.teaching_weeks = 16;
  in.people = {person("2023110101", "王强"), person("2023110102", "李明")};
  in.dorms = {"1-101", "1-102"};
  check::AssignmentVersion v;
  v.valid_from = ymd(2026, 9, 7);
  v.pairs = {{0, 0}, {1, 1}};
  in.assignments = {v};
  return in;
}

check::Obligation incident_report(Status status, std::int64_t record) {
  check::Obligation o;
  o.rule = Rule::incident_report;
  o.status = status;
  o.member = 0;
  o.dorm = 0;
  o.record_id = record;
  o.window_from = ymd(2026, 9, 20);
  o.window_to = ymd(2026, 9, 20);
  o.due = ymd(2026, 9, 21);
  o.expected = 1;
  return o;
}

inspect::Observation observation(std::int64_t id, inspect::Finding finding, const char* member, const char* dorm) {
  inspect::Observation o;
  o.id = id;
  o.semester_id = "2026-autumn";
  o.finding = finding;
  o.dorm = dorm;
  if (member != nullptr) o.member_id = member;
  o.inspected_on = "2026-10-15";
  o.inspector_id = "T2016002";
  o.note = "x";
  return o;
}

const ComponentScore& component(const MemberAssessment& m, Component c) {
  return m.components[static_cast<std::size_t>(c)];
}

const MemberAssessment& member(const Assessment& a, const char* id) {
  for (const auto& m : a.members)
    if (m.id == id) return m;
  FAIL("no member " << id);
  return a.members.front();
}

// Only incidents_on_time and inspection weigh, 10 each.
struct Run {
  check::CheckInput input = college();
  std::vector<check::Obligation> obligations;
  AssessmentInput in;

  Run() {
    in.check = &input;
    in.obligations = &obligations;
    in.options.weights = {{"incidents_on_time", 10}, {"inspection", 10}};
    in.as_of = ymd(2026, 10, 20);
    in.college = "示例学院";
  }
  Assessment build() { return build_assessment(in); }
};

}  // namespace

TEST_SUITE("report.assessment") {
  TEST_CASE("concealment costs: an incident the inspection found and nobody reported counts as not reported") {
    Run r;
    // 王强 reported a banned appliance in time (#40) and a gambling case late (#41).
    r.obligations = {incident_report(Status::met, 40), incident_report(Status::met_late, 41)};
    r.in.incident_categories = {{40, "banned_appliance"}, {41, "gambling"}};
    // The inspection found another banned appliance in 1-101 nobody reported (#1), the gambling
    // case #41 reported (#2), and a fight in 1-102, 李明's dorm, nobody reported (#3).
    auto unreported = observation(1, inspect::Finding::dorm_condition, "2023110101", "1-101");
    unreported.category = "banned_appliance";
    auto reported = observation(2, inspect::Finding::dorm_condition, "2023110101", "1-101");
    reported.category = "gambling";
    reported.reported_by = 41;
    auto fight = observation(3, inspect::Finding::other, "2023110102", "1-102");
    fight.category = "fighting";
    // A dorm with no member that day: nobody to blame (#4).
    auto orphan = observation(4, inspect::Finding::dorm_condition, nullptr, "1-101");
    orphan.category = "fighting";
    r.in.observations = {unreported, reported, fight, orphan};
    const auto a = r.build();

    // 王强: (met 1 + 0.5 × late 1) / (1 + 1 + unreported 1) = 0.5 → 10 × 0.5 = 5.0; inspection 10.
    const auto& wang = member(a, "2023110101");
    const auto& incidents = component(wang, Component::incidents_on_time);
    CHECK(incidents.met == 1);
    CHECK(incidents.late == 1);
    CHECK(incidents.unreported == 1);
    CHECK(incidents.ratio == doctest::Approx(0.5));
    CHECK(wang.score_tenths == 150);
    REQUIRE(wang.incidents.size() == 2);
    CHECK(wang.incidents[0].category == "banned_appliance");
    CHECK(wang.incidents[0].met == 1);
    CHECK(wang.incidents[0].unreported == 1);
    CHECK(wang.incidents[1].category == "gambling");
    CHECK(wang.incidents[1].late == 1);
    CHECK(wang.incidents[1].unreported == 0);
    CHECK(wang.observations.size() == 2);
    // 李明 reported nothing: the old rule gave full marks; now 0 of 1 → 0 points, and 10 for
    // inspection: 10.0.
    const auto& li = member(a, "2023110102");
    CHECK(component(li, Component::incidents_on_time).ratio == doctest::Approx(0.0));
    CHECK(li.score_tenths == 100);

    const auto zh = render_assessment_markdown(a, Language::zh);
    CHECK(zh.find("突发事件（按类别）：使用违规电器 2 起（按时报告 1，检查发现未报告 1）；赌博 1 起（逾期报告 1）\n") !=
          std::string::npos);
    CHECK(zh.find("检查发现未报告 1 起") != std::string::npos);
    CHECK(zh.find("无记录的检查发现：") != std::string::npos);
    CHECK(zh.find("使用违规电器 · 未报告（计入突发事件按时报告）") != std::string::npos);
    const auto en = render_assessment_markdown(a, Language::en);
    CHECK(en.find("Incidents by category: banned appliance 2 (1 reported in time, 1 found by the inspection, not "
                  "reported); gambling 1 (1 late)\n") != std::string::npos);
    const auto json = render_assessment_json(a);
    CHECK(json.find("\"unreported\": 1") != std::string::npos);
    CHECK(json.find("{\"category\": \"banned_appliance\", \"met\": 1, \"met_late\": 0, \"overdue\": 0, "
                    "\"not_yet_due\": 0, \"unreported\": 1}") != std::string::npos);

    // The committee sees the component's numbers, not the incidents by category or one by one.
    r.in.privacy.audience = Audience::committee;
    const auto committee = r.build();
    const auto& wang_c = member(committee, "2023110101");
    CHECK(wang_c.score_tenths == 150);
    CHECK(component(wang_c, Component::incidents_on_time).unreported == 1);
    CHECK(wang_c.incidents.empty());
    CHECK(wang_c.observations.empty());  // both of 王强's findings are incidents
    CHECK(render_assessment_markdown(committee, Language::zh).find("使用违规电器") == std::string::npos);
  }

  TEST_CASE("a no_contact finding that contradicts records costs as a contradicted record") {
    Run r;
    // 王强: three standing findings about records, one contradicted.
    r.in.discrepancies = {{"2023110101", 1, 3, {12}}};
    auto never = observation(1, inspect::Finding::no_contact, "2023110101", "1-101");
    never.weeks = {{3, {10, 11}}, {5, {14}}};
    // Contradicting nothing (李明 recorded no contact with 1-102): shown, costs nothing.
    auto nothing = observation(2, inspect::Finding::no_contact, "2023110102", "1-102");
    r.in.observations = {never, nothing};
    const auto a = r.build();
    // 王强: 1 − (1 + 1) / (3 + 1) = 0.5 → 5.0; incidents: nothing due, 10.
    const auto& wang = member(a, "2023110101");
    const auto& inspection = component(wang, Component::inspection);
    CHECK(inspection.findings == 4);
    CHECK(inspection.contradicted == 2);
    CHECK(wang.score_tenths == 150);
    CHECK(wang.contradicted_records == std::vector<std::int64_t>{12});
    const auto& li = member(a, "2023110102");
    CHECK(component(li, Component::inspection).findings == 0);
    CHECK(li.score_tenths == 200);
    CHECK(li.observations.size() == 1);
    const auto zh = render_assessment_markdown(a, Language::zh);
    CHECK(zh.find("与之矛盾：第 3 周 ") != std::string::npos);
    CHECK(zh.find("（计入检查核实）") != std::string::npos);
    CHECK(zh.find("没有与之矛盾的记录") != std::string::npos);
  }
}
