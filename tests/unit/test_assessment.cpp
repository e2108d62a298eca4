// The semester assessment (docs/reports.md "assessment"): hand-made obligations and
// discrepancies, hand-computed scores and bands at the boundaries, weights from the config.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dormlink/check/obligations.hpp"
#include "dormlink/config.hpp"
#include "dormlink/report/assessment.hpp"
#include "dormlink/report/inspection_summary.hpp"

using namespace dormlink;
using namespace dormlink::report;
using check::Rule;
using check::Status;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

check::Person person(const char* id, const char* name, const char* branch) {
  check::Person p;
  p.id = id;
  p.name = name;
  p.branch = branch;
  return p;
}

// 王强 (0, 英语党支部) holds 1-101, 李明 (1, 数学党支部) holds 1-102; 张三 (2) is a resident.
check::CheckInput college() {
  check::CheckInput in;
  in.semester.id = "2026-autumn";
  in.semester.name = "2026秋";
  in.semester.first_monday = ymd(2026, 9, 7);
  in.semester.teaching_weeks = 16;
  in.people = {person("2023110101", "王强", "英语党支部"), person("2023110102", "李明", "数学党支部"),
               person("2025110101", "张三", "")};
  in.dorms = {"1-101", "1-102"};
  check::AssignmentVersion v;
  v.valid_from = ymd(2026, 9, 7);
  v.pairs = {{0, 0}, {1, 1}};
  in.assignments = {v};
  return in;
}

check::Obligation ob(Rule rule, Status status, int member = 0, int dorm = 0) {
  check::Obligation o;
  o.rule = rule;
  o.status = status;
  o.member = member;
  o.dorm = dorm;
  o.window_from = ymd(2026, 9, 7);
  o.window_to = ymd(2026, 9, 13);
  o.due = ymd(2026, 9, 13);
  o.expected = 2;
  return o;
}

AssessmentOptions from(const Config& config) {
  AssessmentOptions o;
  o.weights = config.assessment.weights;
  o.excellent_from = config.assessment.excellent_from;
  o.pass_from = config.assessment.pass_from;
  o.basic_pass_from = config.assessment.basic_pass_from;
  return o;
}

struct Run {
  check::CheckInput input = college();
  std::vector<check::Obligation> obligations;
  std::vector<MemberDiscrepancy> discrepancies;
  AssessmentOptions options = from(Config{});
  std::string branch;

  Assessment build() const {
    AssessmentInput in;
    in.check = &input;
    in.obligations = &obligations;
    in.discrepancies = discrepancies;
    in.options = options;
    in.as_of = ymd(2026, 10, 8);
    in.branch = branch;
    in.college = "示例学院";
    return build_assessment(in);
  }
  const MemberAssessment& member(const Assessment& a, const char* id) const {
    for (const auto& m : a.members)
      if (m.id == id) return m;
    FAIL("no member " << id);
    return a.members.front();
  }
  // 王强's score (tenths) when only visits weigh (100): `met`, `late`, `overdue` visit obligations.
  static int visits_only(int met, int late, int overdue) {
    Run r;
    r.options.weights = {{"visits", 100}};
    for (int i = 0; i < met; ++i) r.obligations.push_back(ob(Rule::visits, Status::met));
    for (int i = 0; i < late; ++i) r.obligations.push_back(ob(Rule::visits, Status::met_late));
    for (int i = 0; i < overdue; ++i) r.obligations.push_back(ob(Rule::visits, Status::overdue));
    const auto a = r.build();
    return r.member(a, "2023110101").score_tenths;
  }
};

const ComponentScore& component(const MemberAssessment& m, Component c) {
  return m.components[static_cast<std::size_t>(c)];
}

}  // namespace

TEST_SUITE("report.assessment") {
  TEST_CASE("the bands fall exactly at 90, 75 and 60 (one decimal)") {
    CHECK(Run::visits_only(9, 0, 1) == 900);
    CHECK(band_of(900, from(Config{})) == Band::excellent);
    CHECK(Run::visits_only(899, 0, 101) == 899);
    CHECK(band_of(899, from(Config{})) == Band::pass);
    CHECK(Run::visits_only(3, 0, 1) == 750);
    CHECK(band_of(750, from(Config{})) == Band::pass);
    CHECK(band_of(749, from(Config{})) == Band::basic_pass);
    CHECK(Run::visits_only(3, 0, 2) == 600);
    CHECK(band_of(600, from(Config{})) == Band::basic_pass);
    CHECK(Run::visits_only(599, 0, 401) == 599);
    CHECK(band_of(599, from(Config{})) == Band::fail);
    CHECK(band_label(Band::basic_pass, Language::zh) == "基本合格");
    CHECK(band_label(Band::fail, Language::zh) == "不合格");
    CHECK(format_tenths(599) == "59.9");
  }

  TEST_CASE("a late form counts half, a late-entered contact in full, waived and not yet due are left out") {
    CHECK(Run::visits_only(1, 1, 0) == 1000);  // a visit entered after its week still happened in time
    CHECK(Run::visits_only(0, 1, 1) == 500);
    Run forms;
    forms.options.weights = {{"forms_on_time", 100}};
    forms.obligations = {ob(Rule::feedback_form, Status::met), ob(Rule::feedback_form, Status::met_late)};
    CHECK(forms.member(forms.build(), "2023110101").score_tenths == 750);  // (1 + 0.5) / 2
    forms.obligations = {ob(Rule::incident_report, Status::met_late), ob(Rule::feedback_form, Status::overdue)};
    forms.options.weights = {{"forms_on_time", 50}, {"incidents_on_time", 50}};
    CHECK(forms.member(forms.build(), "2023110101").score_tenths == 250);  // 0 + 50 * 0.5
    Run r;
    r.options.weights = {{"visits", 100}};
    r.obligations = {ob(Rule::visits, Status::met),      ob(Rule::visits, Status::waived),
                     ob(Rule::visits, Status::waived),   ob(Rule::visits, Status::pending),
                     ob(Rule::visits, Status::due_soon), ob(Rule::visits, Status::at_risk)};
    const auto a = r.build();
    const auto& m = r.member(a, "2023110101");
    CHECK(m.score_tenths == 1000);
    CHECK(component(m, Component::visits).waived == 2);
    CHECK(component(m, Component::visits).pending == 3);
    CHECK(component(m, Component::visits).lost.empty());
    // with one overdue visit, the waived ones do not dilute it: 1 of 2
    r.obligations.push_back(ob(Rule::visits, Status::overdue));
    const auto b = r.build();
    CHECK(r.member(b, "2023110101").score_tenths == 500);
    REQUIRE(component(r.member(b, "2023110101"), Component::visits).lost.size() == 1);
  }

  TEST_CASE("default weights from the config, every rule counts in its component") {
    Run r;
    // visits all overdue (0 of 30); talks: 2 met, 1 entered late (full), attention talk overdue -> 3/4 of 25;
    // feedback form late -> 5 of 10; work plan met, member summary overdue -> 2.5 of 5.
    r.obligations = {ob(Rule::visits, Status::overdue),
                     ob(Rule::talks, Status::met),
                     ob(Rule::talks, Status::met),
                     ob(Rule::talks, Status::met_late),
                     ob(Rule::attention_talks, Status::overdue),
                     ob(Rule::activity, Status::met),
                     ob(Rule::symposium, Status::met),
                     ob(Rule::feedback_form, Status::met_late),
                     ob(Rule::work_plan, Status::met),
                     ob(Rule::member_summary, Status::overdue),
                     ob(Rule::orientation, Status::overdue),
                     ob(Rule::visits, Status::met, 1, 1)};
    const auto a = r.build();
    const auto& m = r.member(a, "2023110101");
    CHECK(component(m, Component::visits).points == doctest::Approx(0.0));
    CHECK(component(m, Component::talks).points == doctest::Approx(18.75));
    CHECK(component(m, Component::forms_on_time).points == doctest::Approx(5.0));
    CHECK(component(m, Component::plan_and_summary).points == doctest::Approx(2.5));
    CHECK(component(m, Component::incidents_on_time).points == doctest::Approx(5.0));  // no incidents: full
    CHECK(component(m, Component::inspection).points == doctest::Approx(5.0));         // no findings: full
    // 0 + 18.75 + 10 + 10 + 5 + 5 + 2.5 + 5 = 56.25 -> 56.3 (half up)
    CHECK(m.score_tenths == 563);
    CHECK(m.band == Band::fail);
    CHECK(r.member(a, "2023110102").score_tenths == 1000);

    // other weights in the config are honoured: visits 10, talks 45
    Config c;
    c.assessment.weights["visits"] = 10;
    c.assessment.weights["talks"] = 45;
    c.assessment.basic_pass_from = 50;
    r.options = from(c);
    const auto b = r.build();
    // 0 + 45*0.75 (33.75) + 10 + 10 + 5 + 5 + 2.5 + 5 = 71.25 -> 71.3, basic pass from 50
    CHECK(r.member(b, "2023110101").score_tenths == 713);
    CHECK(r.member(b, "2023110101").band == Band::basic_pass);
  }

  TEST_CASE("an inspection discrepancy lowers the score") {
    Run r;
    r.discrepancies = {{"2023110101", 1, 4, {42}}};
    const auto a = r.build();
    const auto& m = r.member(a, "2023110101");
    CHECK(component(m, Component::inspection).ratio == doctest::Approx(0.75));
    CHECK(m.score_tenths == 988);  // 95 + 3.75 = 98.75 -> 98.8
    CHECK(m.contradicted_records == std::vector<std::int64_t>{42});
    CHECK(r.member(a, "2023110102").score_tenths == 1000);
  }

  TEST_CASE("--branch keeps one branch, members sorted by pinyin") {
    Run r;
    auto all = r.build();
    REQUIRE(all.members.size() == 2);
    CHECK(all.members[0].name == "李明");  // li before wang
    CHECK(all.members[1].name == "王强");
    r.branch = "英语党支部";
    const auto one = r.build();
    REQUIRE(one.members.size() == 1);
    CHECK(one.members[0].id == "2023110101");
  }

  TEST_CASE("Markdown has a row per component with its weight, what cost points and the records contradicted") {
    Run r;
    auto o = ob(Rule::talks, Status::overdue);
    o.student = 2;
    r.obligations = {o, ob(Rule::visits, Status::met)};
    r.discrepancies = {{"2023110101", 1, 2, {7}}};
    const auto a = r.build();
    const auto md = render_assessment_markdown(a, Language::zh);
    for (const char* label : {"走访寝室", "谈心覆盖", "寝室活动", "座谈会", "按时报送反馈表", "突发事件按时报告",
                              "工作计划与学期总结", "检查核实"}) {
      INFO(label);
      CHECK(md.find(std::string("| ") + label + " |") != std::string::npos);
    }
    CHECK(md.find("| 谈心覆盖 | 25 | 0 | 0 | 1 | 0 | 0 | 0.0% | 0.0 |") != std::string::npos);
    CHECK(md.find("张三（2025110101）") != std::string::npos);
    CHECK(md.find("2026年9月7日—2026年9月13日") != std::string::npos);
    CHECK(md.find("检查不属实的记录：#7") != std::string::npos);
    // 0 (talks) + 30 + 10 + 10 + 10 + 5 + 5 + 2.5 = 72.5
    CHECK(md.find("## 王强（2023110101）· 72.5 · 基本合格") != std::string::npos);
    const auto en = render_assessment_markdown(a, Language::en);
    CHECK(en.find("| talk coverage | 25 |") != std::string::npos);

    // the committee sees no student names
    auto committee = a;
    committee.privacy.audience = Audience::committee;
    CHECK(render_assessment_markdown(committee, Language::zh).find("张三") == std::string::npos);
    CHECK(render_assessment_json(committee).find("2025110101") == std::string::npos);

    const auto json = render_assessment_json(a);
    CHECK(json.find("\"score\": 72.5, \"band\": \"basic_pass\"") != std::string::npos);
    CHECK(json.find("\"component\": \"talks\", \"weight\": 25, \"met\": 0, \"met_late\": 0, \"overdue\": 1") !=
          std::string::npos);
    CHECK(json.find("\"contradicted_records\": [7]") != std::string::npos);
  }

  TEST_CASE("JSON: scores and points with one decimal, ratios with four, each member over several lines") {
    Run r;
    r.obligations = {ob(Rule::visits, Status::met), ob(Rule::visits, Status::met), ob(Rule::visits, Status::overdue)};
    const auto a = r.build();
    const auto text = render_assessment_json(a);
    // 2 of 3 visits: 30 x 0.6667 = 20.0; the other components full.
    CHECK(text.find("\"component\": \"visits\", \"weight\": 30, \"met\": 2, \"met_late\": 0, \"overdue\": 1, "
                    "\"waived\": 0, \"not_yet_due\": 0, \"findings\": 0, \"contradicted\": 0, \"unreported\": 0, "
                    "\"ratio\": 0.6667, "
                    "\"points\": 20.0, \"lost\": [{\"rule\": \"visits\", \"status\": \"overdue\"") !=
          std::string::npos);
    CHECK(text.find("\"ratio\": 1.0000, \"points\": 25.0, \"lost\": []}") != std::string::npos);
    CHECK(text.find("\"score\": 90.0, \"band\": \"excellent\",\n     \"contradicted_records\": [],\n     ") !=
          std::string::npos);
    CHECK(text.find("\"components\": [\n       {\"component\": \"visits\"") != std::string::npos);
    CHECK(text.find("\n     ]}\n  ]\n}\n") != std::string::npos);
    const auto json = nlohmann::json::parse(text);
    REQUIRE(json["members"].size() == 2);
    const auto& member = json["members"][1];  // 李明, 王强 by pinyin
    CHECK(member["id"] == "2023110101");
    CHECK(member["score"].is_number_float());
    CHECK(member["score"] == 90.0);
    CHECK(member["components"][0]["ratio"].is_number_float());
    CHECK(member["components"][0]["lost"][0]["record_id"].is_null());
    CHECK(json["branch"].is_null());
    CHECK(json["weights"]["visits"] == 30);

    r.obligations.clear();
    r.branch = "没有党员的支部";
    const auto empty = render_assessment_json(r.build());
    CHECK(empty.find("\n  \"branch\": \"没有党员的支部\",\n") != std::string::npos);
    CHECK(empty.ends_with("\n  \"members\": []\n}\n"));
  }

  TEST_CASE("the inspection summary shows rates, and hides students and notes from the committee") {
    InspectionSummary s;
    s.semester_id = "2026-autumn";
    s.semester_name = "2026秋";
    s.as_of = ymd(2026, 10, 14);
    s.samples = {{1, "2026-10-14", "2026-10-14 09:00:00", "王老师", 7, 2, {"王强 2023110101 1-101"}}};
    SummaryFinding f;
    f.id = 1;
    f.member_id = "2023110101";
    f.member_name = "王强";
    f.record_id = 12;
    f.student = "张三（2025110101）";
    f.contradicted = true;
    f.note = "学生表示未谈心";
    s.findings = {f};
    s.rates = {{"2023110101", "王强", "英语党支部", 1, 4}};
    s.flagged = {12};
    const auto md = render_inspection_summary_markdown(s, Language::zh);
    CHECK(md.find("| 王强 | 2023110101 | 英语党支部 | 1 | 4 | 25.0% |") != std::string::npos);
    CHECK(md.find("张三") != std::string::npos);
    CHECK(md.find("标记存疑的记录：#12") != std::string::npos);
    CHECK(rate_text(0, 0) == "—");
    s.privacy.audience = Audience::committee;
    const auto committee = render_inspection_summary_markdown(s, Language::zh);
    CHECK(committee.find("张三") == std::string::npos);
    CHECK(committee.find("未谈心") == std::string::npos);
    CHECK(render_inspection_summary_json(s).find("\"rate\": 0.2500") != std::string::npos);
  }
}
