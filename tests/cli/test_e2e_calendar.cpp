// The semester's edges and the form calendars on the example college (docs/digest.md §4, §5;
// docs/check.md "Form calendars"): close-out after autumn, the calendar's end, `dormlink
// calendar`, incidents in the holidays, --period previous across semesters, forms.due.
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "harness.hpp"

namespace {

using dormlink::e2e::college_args;
using dormlink::e2e::Sandbox;

// A sandbox holding a copy of the week-12 example college and its config (calendar: 2026-spring,
// 2026-autumn ending 2027-01-10, 2027-spring 2027-03-01..2027-07-04).
void copy_college(const Sandbox& box) {
  std::filesystem::copy_file(dormlink::e2e::example_college_db(), box.path("college.db"));
  box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("e2e.calendar") {
  TEST_CASE("the day after autumn ends, check and the digest list autumn's open items, exit 1") {
    Sandbox box;
    copy_college(box);
    const auto last_day = box.run(college_args("2027-01-10", {"check", "--format", "json"}));
    const auto after = box.run(college_args("2027-01-11", {"check", "--format", "json"}));
    CHECK(after.exit_code == 1);
    CHECK(has(after.out, "\"id\": \"2026-autumn\""));
    CHECK(has(after.out, "\"ended\": true"));
    CHECK_FALSE(has(last_day.out, "\"ended\": true"));
    const auto text = box.run(college_args("2027-01-11", {"check", "--counselor", "T2024001"}));
    CHECK(text.exit_code == 1);
    CHECK(has(text.out, "上学期未结事项：2026-autumn（2027-01-10 结束）"));
    const auto digest = box.run(college_args("2027-01-11", {"check", "--digest", "--for", "counselor:T2024001"}));
    CHECK(digest.exit_code == 1);
    CHECK(has(digest.out, "上学期未结事项：2026-autumn（2027-01-10 结束）"));
    const auto en =
        box.run(college_args("2027-01-11", {"--lang", "en", "check", "--digest", "--for", "counselor:陈逸"}));
    CHECK(has(en.out, "Still open from 2026-autumn (ended 2027-01-10)"));
    // 28 days on (close_out_days) it is still listed; the day after, the two semesters are named.
    CHECK(box.run(college_args("2027-02-07", {"-q", "check"})).exit_code == 1);
    const auto between = box.run(college_args("2027-02-08", {"check"}));
    CHECK(between.exit_code == 0);
    CHECK(between.out ==
          "2027-02-08 在两个学期之间：2026-autumn 已于 2027-01-10 结束，2027-spring 于 2027-03-01 "
          "开始；没有到期事项。\n");
    CHECK(between.err.empty());
  }

  TEST_CASE("after the calendar's last semester: check warns and exits 0, assign exits 78") {
    Sandbox box;
    copy_college(box);
    const auto check = box.run(college_args("2027-08-10", {"check"}),
                               {{"DORMLINK_MESSAGES", ""}});  // messages in Chinese  // 2027-spring ended 07-04
    CHECK(check.exit_code == 0);
    CHECK(has(check.err, "2027-08-10 不在 dormlink.toml 的任何学期内"));
    CHECK(has(check.err, "2026-autumn 2026-09-07..2027-01-10"));
    CHECK(has(check.err, "dormlink calendar draft 2027-autumn --start 2027-09-06 >> dormlink.toml"));
    const auto en = box.run(college_args("2027-08-10", {"--lang", "en", "check", "--format", "json"}));
    CHECK(en.exit_code == 0);
    CHECK(has(en.err, "is outside every semester of dormlink.toml"));
    CHECK(has(en.out, "\"items\": []"));
    const auto digest = box.run(college_args("2027-08-10", {"check", "--digest", "--format", "json"}));
    CHECK(digest.exit_code == 0);
    CHECK(has(digest.out, "\"digests\": []"));  // the digest's own shape, empty
    const auto assign = box.run(college_args("2027-08-10", {"assign", "--dry-run"}));
    CHECK(assign.exit_code == 78);
    CHECK(has(assign.err, "dormlink calendar draft 2027-autumn --start 2027-09-06"));
    // Between semesters assign means the next one, and says so.
    const auto next = box.run(college_args("2027-02-20", {"assign", "--dry-run"}));
    CHECK(next.exit_code == 0);
    CHECK(has(next.err, "2027-spring"));
  }

  TEST_CASE("calendar show and draft: the drafted block appended makes the next semester known") {
    Sandbox box;
    copy_college(box);
    const auto show = box.run(college_args("2026-11-24", {"calendar"}));
    CHECK(show.exit_code == 0);
    CHECK(has(show.out, "2026-autumn  2026—2027学年第一学期  2026-09-07  2027-01-10      18"));
    CHECK(has(show.out, "2026-11-24：2026-autumn 第12周"));
    const auto draft =
        box.run(college_args("2027-08-10", {"calendar", "draft", "2027-autumn", "--start", "2027-09-06"}));
    REQUIRE(draft.exit_code == 0);
    CHECK(has(draft.out, "id = \"2027-autumn\""));
    CHECK(has(draft.out, "name = \"2027—2028学年第一学期\""));
    CHECK(has(draft.out, "first_monday = 2027-09-06"));
    CHECK(has(draft.out, "holiday_weeks = [4]"));  // the week of 2027-10-01
    CHECK(has(draft.out, "exam_weeks = [17, 18]"));
    box.write("dormlink.toml", box.read("dormlink.toml") + draft.out);
    const auto check = box.run(college_args("2027-09-07", {"check"}));
    CHECK(check.exit_code != 78);
    CHECK(has(check.out, "2027—2028学年第一学期 第1周"));
    CHECK(has(box.run(college_args("2027-09-07", {"calendar", "show"})).out, "2027-09-07：2027-autumn 第1周"));
    // Refused: not a Monday (its Monday named), an id taken, an overlap.
    const auto tuesday =
        box.run(college_args("2027-08-10", {"calendar", "draft", "2028-spring", "--start", "2028-03-07"}));
    CHECK(tuesday.exit_code == 64);
    CHECK(has(tuesday.err, "that week's Monday is 2028-03-06"));
    const auto not_a_date =
        box.run(college_args("2027-08-10", {"calendar", "draft", "2028-spring", "--start", "2028-3-6"}));
    CHECK(not_a_date.exit_code == 64);
    CHECK(has(not_a_date.err, "--start \"2028-3-6\": expected a date YYYY-MM-DD"));
    const auto taken =
        box.run(college_args("2027-08-10", {"calendar", "draft", "2027-autumn", "--start", "2028-03-06"}));
    CHECK(taken.exit_code == 64);
    CHECK(has(taken.err, "is already the id of"));
    const auto overlap = box.run(college_args("2027-08-10", {"calendar", "draft", "x", "--start", "2027-12-06"}));
    CHECK(overlap.exit_code == 64);
    CHECK(has(overlap.err, "overlap"));
  }

  TEST_CASE("an incident and an excused absence in the winter holidays are saved, to autumn's last assignment") {
    Sandbox box;
    copy_college(box);
    const std::string now = "2027-01-21 02:00:00";  // 10:00 in the college's time zone
    const auto incident =
        box.run_at(now, {"--db", "college.db", "log-visit", "--member", "陈心", "--dorm", "10-505", "--kind",
                         "incident", "--at", "2027-01-20 23:10", "--category", "使用违规电器"});
    CHECK(incident.exit_code == 0);
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM record WHERE kind = 'incident' AND semester_id = '2026-autumn' "
                        "AND happened_at LIKE '2027-01-20%'") == 1);
    const auto excused = box.run_at(now, {"--db", "college.db", "log-visit", "--member", "陈心", "--kind", "excused",
                                          "--reason", "寒假", "--at", "2027-01-19"});
    CHECK(excused.exit_code == 0);
    const long long records = box.query_int("college.db", "SELECT count(*) FROM record");
    const auto visit = box.run_at(
        now, {"--db", "college.db", "log-visit", "--member", "陈心", "--dorm", "10-505", "--at", "2027-01-20 20:00"});
    CHECK(visit.exit_code == 65);
    CHECK(has(visit.err, "between semesters only incidents and excused absences are recorded"));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == records);  // nothing saved
    CHECK(box.run({"--db", "college.db", "verify"}).exit_code == 0);
    // Not reported: overdue in autumn's close-out.
    const auto check = box.run_at(now, {"--db", "college.db", "check", "--member", "陈心", "--format", "json"});
    CHECK(check.exit_code == 1);
    CHECK(has(check.out, "\"rule\": \"incident_report\", \"counselor\": {\"id\": \"T2024001\""));
    CHECK(has(check.out, "\"window\": {\"from\": \"2027-01-20\""));
  }

  TEST_CASE("--period previous in week 1 of spring is autumn's last period, and says so") {
    Sandbox box;
    copy_college(box);
    const auto r = box.run(college_args("2027-03-02", {"report", "feedback", "--member", "2023160128", "--period",
                                                       "previous", "--format", "json"}),
                           {{"DORMLINK_MESSAGES", ""}});
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "\"semester\": {\"id\": \"2026-autumn\""));
    CHECK(has(r.err, "--period previous 是 2026-autumn 的第9期（第17–18周），上学期的最后一期"));
    const auto within = box.run(college_args(
        "2026-11-24", {"report", "feedback", "--member", "2023160128", "--period", "previous", "--format", "json"}));
    CHECK(within.err.empty());  // the previous period of the same semester needs no note
  }

  TEST_CASE("forms.due = even_weeks moves each form's due Monday to an even week") {
    Sandbox box;
    copy_college(box);
    // 2026-11-17, week 11: period 5 (weeks 9-10) was due Monday 11-16 (week 11) after the pair;
    // on the even weeks' reading it is due Monday 11-23 (week 12).
    const std::vector<std::string> args{"check", "--counselor", "T2024001", "--format", "csv", "--raw"};
    const auto pair = box.run(college_args("2026-11-17", args));
    CHECK(has(pair.out, "overdue,feedback_form,"));
    CHECK(has(pair.out, ",5,,2026-11-02,2026-11-15,2026-11-16,"));
    box.write("dormlink.toml", box.read("dormlink.toml") + "\n[forms]\ndue = \"even_weeks\"\n");
    const auto even = box.run(college_args("2026-11-17", args));
    CHECK_FALSE(has(even.out, ",5,,2026-11-02,2026-11-15,2026-11-16,"));
    const auto soon = box.run(college_args("2026-11-22", args));
    CHECK(has(soon.out, "due_soon,feedback_form,"));
    CHECK(has(soon.out, ",5,,2026-11-02,2026-11-15,2026-11-23,"));
    const auto form = box.run(college_args(
        "2026-11-24", {"report", "feedback", "--member", "2023160128", "--period", "5", "--format", "json"}));
    CHECK(has(form.out, "\"form_due\": \"2026-11-23\""));
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    box.write("dormlink.toml", box.read("dormlink.toml") + "\n[forms]\ndue = \"even\"\n");
    const auto bad = box.run(college_args("2026-11-24", {"check"}));
    CHECK(bad.exit_code == 78);
    CHECK(has(bad.err, "forms.due: \"even\" is not allowed; use one of \"after_pair\", \"even_weeks\""));
  }
}
