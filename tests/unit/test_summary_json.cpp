// The JSON of the counselor's summary and of the inspection report, built as a Json value and
// printed by json_document: the numbers they print as they always have (hours with one decimal,
// rates with four), nulls, the rules the members' overdue totals leave out.
#include <doctest/doctest.h>

#include <string>

#include "dormlink/report/inspection_summary.hpp"
#include "dormlink/report/summary_report.hpp"

using namespace dormlink;
using namespace dormlink::report;

namespace {

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

CounselorSummary summary(Audience audience) {
  CounselorSummary s;
  s.college = "示例学院";
  s.period.semester_id = "2026-autumn";
  s.period.number = 1;
  s.audience = audience;
  s.members = {{"2023110101", "李明", 2, {8, 7, 1}, {3, 3, 0}, {3, 3, 0}, check::Status::due_soon, 2}};
  s.incidents.found = Privacy::exact(4);
  s.incidents.median_hours = 3.5;
  s.incidents.max_hours = 12.0;
  s.overdue_by_rule = {{check::Rule::visits, Privacy::exact(1)}};
  s.overdue_total = Privacy::exact(1);
  s.overdue = {{check::Rule::visits, "李明", "1-101", "", 2, 0, {}, {}, {}}};
  return s;
}

}  // namespace

TEST_SUITE("report.summary.json") {
  TEST_CASE("hours print as every other format prints them, as numbers") {
    auto s = summary(Audience::counselor);
    CHECK(has(render_summary_json(s), "\"median_hours\": 3.5, \"max_hours\": 12.0}"));
    for (double hours : {0.25, 0.35, 1.05, 2.0 / 3.0, 47.95, 1000.0 / 3.0}) {
      s.incidents.median_hours = hours;
      INFO(hours);
      CHECK(has(render_summary_json(s), "\"median_hours\": " + hours_text(hours) + ","));
    }
    s.incidents.median_hours.reset();
    s.incidents.max_hours.reset();
    CHECK(has(render_summary_json(s), "\"median_hours\": null, \"max_hours\": null}"));
  }

  TEST_CASE("members, items and the rules the members' totals leave out") {
    const auto counselor = render_summary_json(summary(Audience::counselor));
    CHECK(has(counselor,
              "  \"members\": [\n    {\"id\": \"2023110101\", \"name\": \"李明\", \"dorms\": 2, \"visits\": "
              "{\"expected\": 8, \"found\": 7, \"late\": 1}, \"talks\": {\"expected\": 3, \"found\": 3, \"late\": 0}, "
              "\"residents\": {\"expected\": 3, \"found\": 3, \"late\": 0}, \"form\": \"due_soon\", \"hand_in\": "
              "\"none\", \"overdue\": 2}\n  "
              "],\n"));
    CHECK(has(counselor,
              "\"items\": [{\"rule\": \"visits\", \"member\": \"李明\", \"dorm\": \"1-101\", \"student\": "
              "null, \"period\": 2, \"record\": null,"));
    CHECK(has(counselor, "\"members_exclude\": []}"));
    CHECK(has(counselor, "  \"own\": null,\n  \"audience\": \"counselor\",\n  \"sensitive\": false,\n"));

    auto committee = summary(Audience::committee);
    committee.member_overdue_excludes = {check::Rule::attention_talks, check::Rule::incident_report};
    const auto json = render_summary_json(committee);
    CHECK(has(json, "\"items\": null, \"members_exclude\": [\"attention_talks\", \"incident_report\"]}"));
    CHECK(has(json, "\"attention\": {\"students\": 0, \"talked\": 0, \"missed\": 0, \"named\": null}"));
  }

  TEST_CASE("inspection: rates with four decimals, the flagged records on one line") {
    InspectionSummary s;
    s.semester_id = "2026-autumn";
    s.rates = {{"2023110101", "王强", "英语党支部", 1, 2}, {"2023110102", "李明", "英语党支部", 0, 0}};
    s.flagged = {12, 7};
    const auto json = render_inspection_summary_json(s);
    CHECK(has(json, "\"contradicted\": 1, \"total\": 2, \"rate\": 0.5000}"));
    CHECK(has(json, "\"contradicted\": 0, \"total\": 0, \"rate\": 0.0000}"));
    CHECK(has(json, "  \"samples\": [],\n  \"findings\": [],\n  \"observations\": [],\n  \"rates\": [\n"));
    CHECK(has(json, "\n  ],\n  \"flagged\": [12, 7]\n}\n"));
    s.flagged.clear();
    CHECK(has(render_inspection_summary_json(s), "  \"flagged\": []\n}\n"));
  }
}
