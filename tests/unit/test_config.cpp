#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

#include "dormlink/config.hpp"
#include "dormlink/error.hpp"

using namespace dormlink;
using namespace std::chrono;

namespace {

// The problems parse_config reports for the text, as "location: message" lines; fails the
// test when the text is accepted.
std::vector<std::string> problems_of(std::string_view text) {
  try {
    parse_config(text, "t.toml");
  } catch (const ConfigError& error) {
    std::vector<std::string> lines;
    for (const auto& problem : error.problems()) {
      lines.push_back(problem.location + ": " + problem.message);
    }
    return lines;
  }
  FAIL("the config was accepted: ", std::string(text));
  return {};
}

// The single problem of a text that has exactly one.
std::string problem_of(std::string_view text) {
  const auto lines = problems_of(text);
  REQUIRE(lines.size() == 1);
  return lines.front();
}

Semester semester(std::string id, std::string name, Date first_monday, std::vector<int> holidays) {
  Semester s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.first_monday = first_monday;
  s.teaching_weeks = 18;
  s.holiday_weeks = std::move(holidays);
  s.exam_weeks = {17, 18};
  return s;
}

// The calendar of examples/dormlink.toml.
Calendar example_calendar() {
  Calendar calendar;
  calendar.semesters = {
      semester("2026-spring", "2025—2026学年第二学期", Date{year{2026}, month{3}, day{2}}, {10}),
      semester("2026-autumn", "2026—2027学年第一学期", Date{year{2026}, month{9}, day{7}}, {4}),
      semester("2027-spring", "2026—2027学年第二学期", Date{year{2027}, month{3}, day{1}}, {10}),
  };
  return calendar;
}

// A config that differs from the defaults in every section.
Config changed_config() {
  Config c;
  c.college.name = "Foreign \"Languages\" \\ 学院";
  c.college.time_zone = "Europe/Berlin";
  c.college.language = Language::en;
  c.calendar = example_calendar();
  c.assignment.min_dorms = 1;
  c.assignment.max_dorms = 4;
  c.assignment.candidates_take_dorms = false;
  c.assignment.w_continuity = 0;
  c.duties.visits_per_week = 1;
  c.duties.talk_period = Period::month;
  c.duties.attention_talk_period = Period::biweek;
  c.duties.activity_scope = DutyScope::member;
  c.duties.incident_report_hours = 48;
  c.reporting.member_form_due = Weekday::sunday;
  c.forms.due = FormDue::even_weeks;
  c.check.close_out_days = 10;
  c.assessment.weights["visits"] = 40;
  c.assessment.weights["talks"] = 15;
  c.assessment.excellent_from = 85;
  c.privacy.committee_sees_attention_names = true;
  c.privacy.small_count_threshold = 5;
  c.limits.max_file_mib = 256;
  c.limits.max_columns = 50;
  return c;
}

const char* const k_semester_block = R"([[calendar.semester]]
id = "2026-autumn"
first_monday = 2026-09-07
teaching_weeks = 18
)";

}  // namespace

TEST_SUITE("config") {
  TEST_CASE("an empty file, comments only, or a lone BOM give the defaults") {
    CHECK(parse_config("", "t.toml") == Config{});
    CHECK(parse_config("# nothing here\n\n", "t.toml") == Config{});
    CHECK(parse_config("\xEF\xBB\xBF", "t.toml") == Config{});
    const Config c;
    CHECK(c.duties.visits_per_week == 2);
    CHECK(c.assignment.min_dorms == 2);
    CHECK(c.assignment.max_dorms == 3);
    CHECK(c.reporting.member_form_due == Weekday::monday);
    CHECK(c.reporting.counselor_summary_due == Weekday::tuesday);
    CHECK(c.forms.due == FormDue::after_pair);
    CHECK(c.check.close_out_days == 28);
    CHECK(c.duties.incident_report_hours == 24);
    const int sum = std::accumulate(c.assessment.weights.begin(), c.assessment.weights.end(), 0,
                                    [](int total, const auto& w) { return total + w.second; });
    CHECK(sum == 100);
    CHECK(c.calendar.semesters.empty());
  }

  TEST_CASE("every kind of key is read") {
    const Config c = parse_config(R"(
[college]
name = "测试学院"
time_zone = "Asia/Urumqi"
language = "en"
[assignment]
max_dorms = 4
candidates_take_dorms = false
[duties]
talk_period = "semester"
activity_scope = "member"
[reporting]
counselor_summary_due = "friday"
[assessment]
weights = { visits = 40, talks = 15, activities = 10, symposiums = 10, forms_on_time = 10, incidents_on_time = 5, plan_and_summary = 5, inspection = 5 }
[privacy]
mask_phones = false
[limits]
max_file_mib = 128
max_cell_kib = 64
max_columns = 200
)",
                                  "t.toml");
    CHECK(c.college.name == "测试学院");
    CHECK(c.college.time_zone == "Asia/Urumqi");
    CHECK(c.college.language == Language::en);
    CHECK(c.assignment.max_dorms == 4);
    CHECK_FALSE(c.assignment.candidates_take_dorms);
    CHECK(c.duties.talk_period == Period::semester);
    CHECK(c.duties.activity_scope == DutyScope::member);
    CHECK(c.reporting.counselor_summary_due == Weekday::friday);
    CHECK(c.assessment.weights.at("visits") == 40);
    CHECK_FALSE(c.privacy.mask_phones);
    CHECK(c.limits == LimitsConfig{.max_file_mib = 128, .max_cell_kib = 64, .max_columns = 200});
    CHECK(c.duties == DutiesConfig{.talk_period = Period::semester, .activity_scope = DutyScope::member});
  }

  TEST_CASE("[notify]: addresses are checked, and a bad one is named by its key, not shown") {
    const Config c = parse_config(
        "[notify]\nfrom = \"dormlink@college.example\"\ncommittee = [\"a@college.example\", \" b@c.cn \"]\n"
        "members = true\n",
        "t.toml");
    CHECK(c.notify == NotifyConfig{.from = "dormlink@college.example",
                                   .committee = {"a@college.example", "b@c.cn"},
                                   .members = true});
    CHECK(problem_of("[notify]\nfrom = \"dormlink\"\n") ==
          "t.toml:2:8: notify.from: the address has no @; write it as name@example.edu.cn");
    const auto p = problem_of("[notify]\ncommittee = [\"ok@b.cn\", \"dang wei@b.cn\"]\n");
    CHECK(p.find("notify.committee[2]") != std::string::npos);
    CHECK(p.find("dang") == std::string::npos);
    CHECK(parse_config(render_config(c), "t.toml") == c);
  }

  TEST_CASE("semesters: a date or a date string, the name defaults to the id, sorted by date") {
    const Config c = parse_config(R"([[calendar.semester]]
id = "2027-spring"
first_monday = "2027-03-01"
teaching_weeks = 18
[[calendar.semester]]
id = "2026-autumn"
name = "2026—2027学年第一学期"
first_monday = 2026-09-07
teaching_weeks = 18
holiday_weeks = [4]
exam_weeks = [18, 17]
)",
                                  "t.toml");
    REQUIRE(c.calendar.semesters.size() == 2);
    const Semester& autumn = c.calendar.semesters[0];
    CHECK(autumn.id == "2026-autumn");
    CHECK(autumn.name == "2026—2027学年第一学期");
    CHECK(autumn.first_monday == Date{year{2026}, month{9}, day{7}});
    CHECK(autumn.holiday_weeks == std::vector<int>{4});
    CHECK(autumn.exam_weeks == std::vector<int>{18, 17});
    CHECK(c.calendar.semesters[1].id == "2027-spring");
    CHECK(c.calendar.semesters[1].name == "2027-spring");
    CHECK(c.calendar.semesters[1].holiday_weeks.empty());
  }

  TEST_CASE("an unknown key names its table and suggests the nearest known key") {
    CHECK(problem_of("[duties]\nvists_per_week = 3\n") ==
          "t.toml:2:1: unknown key \"vists_per_week\" in [duties]; did you mean "
          "\"visits_per_week\"?");
    CHECK(problem_of("[dutys]\n") == "t.toml:1:2: unknown key \"dutys\" at the top level; did you mean \"duties\"?");
    CHECK(problem_of("[assignment]\nvisits_per_week = 1\n") ==
          "t.toml:2:1: unknown key \"visits_per_week\" in [assignment]; it belongs in [duties]");
    CHECK(problem_of("[privacy]\ncolour = 1\n") ==
          "t.toml:2:1: unknown key \"colour\" in [privacy]; known keys: "
          "committee_sees_attention_names, small_count_threshold, mask_phones");
    CHECK(problem_of("[[calendar.semester]]\nid = \"x\"\nfrist_monday = 2026-09-07\n"
                     "first_monday = 2026-09-07\nteaching_weeks = 1\n") ==
          "t.toml:3:1: unknown key \"frist_monday\" in [[calendar.semester]]; did you mean "
          "\"first_monday\"?");
  }

  TEST_CASE("a value of the wrong type says what was expected and what was found") {
    CHECK(problem_of("[duties]\nvisits_per_week = \"2\"\n") ==
          "t.toml:2:19: duties.visits_per_week: expected an integer, found a string (\"2\")");
    CHECK(problem_of("[privacy]\nmask_phones = 1\n") ==
          "t.toml:2:15: privacy.mask_phones: expected true or false, found an integer");
    CHECK(problem_of("[college]\nlanguage = 1.5\n") ==
          "t.toml:2:12: college.language: expected a string, found a float");
    CHECK(problem_of("duties = 3\n") == "t.toml:1:10: duties: expected a table, found an integer");
  }

  TEST_CASE("values out of range and unknown enum values are rejected with the allowed ones") {
    CHECK(problem_of("[duties]\nvisits_per_week = 9\n") ==
          "t.toml:2:19: duties.visits_per_week: 9 is not between 1 and 7");
    CHECK(problem_of("[assignment]\nw_major = -1\n") ==
          "t.toml:2:11: assignment.w_major: -1 is not between 0 and 1000");
    CHECK(problem_of("[duties]\nincident_report_hours = 99999999999\n") ==
          "t.toml:2:25: duties.incident_report_hours: 99999999999 is not between 1 and 720");
    CHECK(problem_of("[duties]\ntalk_period = \"fortnight\"\n") ==
          "t.toml:2:15: duties.talk_period: \"fortnight\" is not allowed; use one of \"week\", "
          "\"biweek\", \"month\", \"semester\"");
    CHECK(problem_of("[forms]\ndue = \"even\"\n") ==
          "t.toml:2:7: forms.due: \"even\" is not allowed; use one of \"after_pair\", \"even_weeks\"");
    CHECK(problem_of("[check]\nclose_out_days = -1\n").find("check.close_out_days") != std::string::npos);
    CHECK(problem_of("[reporting]\nmember_form_due = \"Monday\"\n") ==
          "t.toml:2:19: reporting.member_form_due: \"Monday\" is not allowed; use one of "
          "\"monday\", \"tuesday\", \"wednesday\", \"thursday\", \"friday\", \"saturday\", "
          "\"sunday\"");
    CHECK(problem_of("[college]\ntime_zone = \"Asia/Beijing\"\n") ==
          "t.toml:2:13: college.time_zone: unknown time zone \"Asia/Beijing\"; use an IANA name "
          "such as \"Asia/Shanghai\"");
    CHECK(problem_of("[limits]\nmax_file_mib = 0\n") ==
          "t.toml:2:16: limits.max_file_mib: 0 is not between 1 and 4096");
    CHECK(problem_of("[limits]\nmax_columns = 100001\n") ==
          "t.toml:2:15: limits.max_columns: 100001 is not between 1 and 100000");
    CHECK(problem_of("[limits]\nmax_cell_bytes = 10\n") ==
          "t.toml:2:1: unknown key \"max_cell_bytes\" in [limits]; known keys: max_file_mib, "
          "max_cell_kib, max_columns");
    CHECK(problem_of("[college]\nname = \"  \"\n") == "t.toml:2:8: college.name: it must not be empty");
  }

  TEST_CASE("keys that must be ordered") {
    CHECK(problem_of("[assignment]\nmin_dorms = 3\nmax_dorms = 2\n") ==
          "t.toml:3:13: assignment.max_dorms: 2 must be at least min_dorms (3)");
    CHECK(problem_of("[assignment]\nmin_dorms = 4\n") ==
          "t.toml:2:13: assignment.min_dorms: 4 must be at most max_dorms (3)");
    CHECK(problem_of("[assessment]\npass_from = 90\n") ==
          "t.toml:2:13: assessment.pass_from: 90 must be below excellent_from (90)");
    CHECK(problem_of("[assessment]\nbasic_pass_from = 80\npass_from = 70\n") ==
          "t.toml:3:13: assessment.pass_from: 70 must be above basic_pass_from (80)");
    CHECK(problem_of("[assignment]\nmin_dorms = 0\nmax_dorms = 2\n") ==
          "t.toml:2:13: assignment.min_dorms: 0 is not between 1 and 10");
  }

  TEST_CASE("first_monday must be a Monday") {
    CHECK(problem_of("[[calendar.semester]]\nid = \"a\"\nfirst_monday = 2026-09-08\n"
                     "teaching_weeks = 18\n") ==
          "t.toml:3:16: calendar.semester[1].first_monday: 2026-09-08 is a Tuesday, not a "
          "Monday; did you mean 2026-09-07?");
    CHECK(problem_of("[[calendar.semester]]\nid = \"a\"\nfirst_monday = \"2026-9-7\"\n"
                     "teaching_weeks = 18\n") ==
          "t.toml:3:16: calendar.semester[1].first_monday: \"2026-9-7\" is not a date; write "
          "YYYY-MM-DD, e.g. 2026-09-07");
  }

  TEST_CASE("overlapping semesters are named") {
    CHECK(problem_of(std::string(k_semester_block) +
                     "[[calendar.semester]]\nid = \"2027-spring\"\nfirst_monday = 2027-01-04\n"
                     "teaching_weeks = 18\n") ==
          "t.toml:5:1: calendar.semester[2]: semesters \"2026-autumn\" (2026-09-07 to "
          "2027-01-10) and \"2027-spring\" (2027-01-04 to 2027-05-09) overlap");
  }

  TEST_CASE("semester ids, required keys and week lists") {
    CHECK(problems_of(std::string(k_semester_block) + k_semester_block) ==
          std::vector<std::string>{"t.toml:5:1: calendar.semester[2]: semesters \"2026-autumn\" (2026-09-07 to "
                                   "2027-01-10) and \"2026-autumn\" (2026-09-07 to 2027-01-10) overlap",
                                   "t.toml:6:6: calendar.semester[2].id: \"2026-autumn\" is already the id of "
                                   "calendar.semester[1]"});
    CHECK(problem_of("[[calendar.semester]]\nid = \"2026 autumn\"\nfirst_monday = 2026-09-07\n"
                     "teaching_weeks = 18\n") ==
          "t.toml:2:6: calendar.semester[1].id: \"2026 autumn\" may contain only ASCII letters, "
          "digits, \"-\" and \"_\"");
    CHECK(problem_of("[[calendar.semester]]\nid = \"a\"\nteaching_weeks = 18\n") ==
          "t.toml:1:1: calendar.semester[1]: \"first_monday\" is missing");
    CHECK(problems_of(std::string(k_semester_block) + "holiday_weeks = [0, 4, 4]\n"
                                                      "exam_weeks = [4, 19]\n") ==
          std::vector<std::string>{"t.toml:5:18: calendar.semester[1].holiday_weeks: 0 is not between 1 and 18",
                                   "t.toml:5:24: calendar.semester[1].holiday_weeks: week 4 is listed twice",
                                   "t.toml:6:18: calendar.semester[1].exam_weeks: 19 is not between 1 and 18"});
    CHECK(problem_of(std::string(k_semester_block) + "holiday_weeks = [4]\nexam_weeks = [4]\n") ==
          "t.toml:6:14: calendar.semester[1]: week 4 is both a holiday week and an exam week");
    CHECK(problem_of("[calendar]\nsemester = 1\n") ==
          "t.toml:2:12: calendar.semester: expected [[calendar.semester]] blocks (an array of "
          "tables), found an integer");
  }

  TEST_CASE("assessment weights: exactly the eight components, summing to 100") {
    const std::string weights =
        "[assessment.weights]\nvisits = 25\ntalks = 25\nactivities = 10\n"
        "symposiums = 10\nforms_on_time = 10\nincidents_on_time = 5\n"
        "plan_and_summary = 5\ninspection = 5\n";
    CHECK(problem_of(weights) == "t.toml:1:1: assessment.weights: the weights sum to 95; they must sum to 100");
    CHECK(problem_of("[assessment]\nweights = { visits = 100 }\n") ==
          "t.toml:2:11: assessment.weights: missing \"talks\", \"activities\", \"symposiums\", "
          "\"forms_on_time\", \"incidents_on_time\", \"plan_and_summary\", \"inspection\"; list "
          "all eight: visits, talks, activities, symposiums, forms_on_time, incidents_on_time, "
          "plan_and_summary, inspection");
    CHECK(problems_of(weights + "visit = 5\n").front() ==
          "t.toml:10:1: unknown key \"visit\" in [assessment.weights]; did you mean \"visits\"?");
    CHECK(problems_of(weights + "[assessment]\n").size() == 1);
  }

  TEST_CASE("all problems are reported together in one error") {
    const std::string text =
        "[duties]\nvists_per_week = 3\ntalk_period = \"daily\"\n"
        "[privacy]\nsmall_count_threshold = 0\n";
    try {
      parse_config(text, "dormlink.toml");
      FAIL("accepted");
    } catch (const ConfigError& error) {
      CHECK(std::string(error.what()) == "dormlink.toml: 3 problems in the config; nothing was done");
      CHECK(error.code() == ExitCode::config);
      REQUIRE(error.problems().size() == 3);
      CHECK(error.problems()[0].location == "dormlink.toml:2:1");
      CHECK(error.problems()[1].location == "dormlink.toml:3:15");
      CHECK(error.problems()[2].location == "dormlink.toml:5:25");
    }
    try {
      parse_config("[duties]\nvisits_per_week = 0\n", "x.toml");
      FAIL("accepted");
    } catch (const ConfigError& error) {
      CHECK(std::string(error.what()) == "x.toml: 1 problem in the config; nothing was done");
    }
  }

  TEST_CASE("a TOML syntax error is one problem at toml++'s position") {
    CHECK(problem_of("[duties]\nvisits_per_week = = 2\n") ==
          "t.toml:2:19: syntax error while parsing value: could not determine value type");
    CHECK(problem_of("a = 1\na = 2\n") ==
          "t.toml:2:5: syntax error while parsing key-value pair: cannot redefine existing "
          "integer 'a'");
  }

  TEST_CASE("inputs on which toml++ 3.3.0 aborts are problems, not crashes") {
    CHECK(problem_of("[\n") ==
          "t.toml:1:2: a table header needs a name after \"[\" on the same line, found the end "
          "of the line");
    CHECK(problem_of("[[\n") ==
          "t.toml:1:3: a table header needs a name after \"[[\" on the same line, found the end "
          "of the line");
    CHECK(problem_of("  [ ") ==
          "t.toml:1:5: a table header needs a name after \"[\" on the same line, found the end "
          "of the file");
    CHECK(problem_of("[.a]") == "t.toml:1:2: a table header needs a name after \"[\" on the same line, found \".\"");
    CHECK(problem_of("a = [}") == "t.toml:1:6: \"}\" inside an array; an array ends with \"]\"");
    CHECK(problem_of("a = 1979-05-27 0\n") ==
          "t.toml:1:5: \"1979-05-27\" followed by the lone digit \"0\"; write a time as HH:MM:SS "
          "or delete the digit");
    CHECK(problem_of("a = 1979-05-27T:00\n") ==
          "t.toml:1:5: \"1979-05-27T:00\": a date and \"T\" must be followed by a time "
          "(HH:MM:SS)");
    CHECK(problem_of("a = \"\"\"\\\xE3\x80\x81\"\"\"") ==
          "t.toml:1:9: invalid escape: a backslash before \"\xE3\x80\x81\" (U+3001); delete the "
          "backslash");
    CHECK(problem_of("a = \"\"\"x \\\n  \xC3\xA9\"\"\"") ==
          "t.toml:2:3: \"\xC3\xA9\" (U+00E9) after a line-ending backslash; start the continued "
          "text with an ASCII character or remove the backslash");
    for (const char* text :
         {"[\t\n", "[]", "[[ ]]", "[ [a]]", "[[\r\n", "a = [1,}", "a = [\n}", "a = {b = [}}", "a = 1979-05-2\" 0\n",
          "a = 1979-05-27Tx:", "x = true\xC3\x83", "\xC3\x83", "a = [1,\xE3\x80\x81]"}) {
      CAPTURE(text);
      CHECK_THROWS_AS(parse_config(text, "t.toml"), ConfigError);
    }
  }

  TEST_CASE("characters outside strings: ASCII only, no invisible characters") {
    CHECK(problem_of("[college]\xE2\x80\x8B\n") ==
          "t.toml:1:10: invisible character U+200B outside a string; delete it");
    CHECK(problem_of("# a comment with a bidi override \xE2\x80\xAE\n") ==
          "t.toml:1:34: invisible character U+202E outside a string; delete it");
    CHECK(problem_of("[duties]\nvisits_per_week \xEF\xBC\x9D 2\n") ==
          "t.toml:2:17: full-width \"\xEF\xBC\x9D\" (U+FF1D) outside a string; type the ASCII "
          "\"=\"");
    CHECK(problems_of("\xE5\xAD\xA6\xE9\x99\xA2 = 1\n").front() ==
          "t.toml:1:1: \"\xE5\xAD\xA6\" (U+5B66) outside a string or comment; only ASCII may "
          "appear there (put text in quotes)");
    CHECK(parse_config("[college]\nname = \"\xE5\xA4\x96\xE2\x80\x8B\" # \xE5\xAD\xA6\n", "t.toml").college.name ==
          "\xE5\xA4\x96\xE2\x80\x8B");
  }

  TEST_CASE("encoding: UTF-8 only, a leading BOM is accepted, control characters are not") {
    CHECK(problem_of("[college]\nname = \"\xC7\xE0\xB9\xFA\"\n\xFF") ==
          "t.toml:2:9: invalid UTF-8 (byte 0xC7); save the file as UTF-8 (5 such bytes in all)");
    CHECK(parse_config("\xEF\xBB\xBF[duties]\nvisits_per_week = 1\n", "t.toml").duties.visits_per_week == 1);
    CHECK(problem_of("\xEF\xBB\xBF[duties]\nvisits_per_week = 0\n") ==
          "t.toml:2:19: duties.visits_per_week: 0 is not between 1 and 7");
    CHECK(problem_of("[duties]\n\xEF\xBB\xBFvisits_per_week = 1\n") ==
          "t.toml:2:1: invisible character U+FEFF outside a string; delete it");
    CHECK(problem_of("[duties]\nvisits_per_week = 1\x07\n") ==
          "t.toml:2:20: control character U+0007 is not allowed; delete it");
    CHECK(problem_of("[duties]\rvisits_per_week = 1\n") ==
          "t.toml:1:9: a carriage return (U+000D) must be followed by a line feed");
    CHECK(parse_config("[duties]\r\nvisits_per_week = 1\r\n", "t.toml").duties.visits_per_week == 1);
    CHECK(problem_of(std::string(1024 * 1024 + 1, '#')) ==
          "t.toml:1:1: the config is larger than 1 MiB (1048576 bytes); is this the right file?");
  }

  TEST_CASE("a typed U+FFFD is text, a byte that is not UTF-8 is a problem (read) or an escape (rendered)") {
    CHECK(parse_config("[college]\nname = \"\xEF\xBF\xBD\"\n", "t.toml").college.name == "\xEF\xBF\xBD");
    CHECK(problem_of("[college]\nname = \"\xEF\xBF\"\n") ==
          "t.toml:2:9: invalid UTF-8 (byte 0xEF); save the file as UTF-8 (2 such bytes in all)");
    Config config;
    config.college.name =
        "a\xEF\xBF\xBD"
        "b";
    CHECK(render_config(config).find("name = \"a\xEF\xBF\xBD"
                                     "b\"") != std::string::npos);
    config.college.name =
        "a\xFF"
        "b";
    CHECK(render_config(config).find("name = \"a\\uFFFDb\"") != std::string::npos);
  }

  TEST_CASE("render_config writes every key with a comment and parses back to the same config") {
    const std::string text = render_config(Config{});
    CHECK(text.find("visits_per_week = 2               # visits per dorm per teaching week "
                    "(走访, \"二个二\")\n") != std::string::npos);
    CHECK(text.find("[assessment.weights]\n") != std::string::npos);
    CHECK(parse_config(text, "rendered.toml") == Config{});
    const Config changed = changed_config();
    const std::string changed_text = render_config(changed);
    CHECK(changed_text.find("[[calendar.semester]]\nid = \"2026-spring\"") != std::string::npos);
    CHECK(parse_config(changed_text, "rendered.toml") == changed);
  }

  TEST_CASE("the example config equals the defaults except for its calendar") {
    const Config example = load_config_file(DORMLINK_SOURCE_DIR "/examples/dormlink.toml");
    CHECK(example.calendar == example_calendar());
    Config expected;
    expected.calendar = example_calendar();
    CHECK(example == expected);
  }

  TEST_CASE("load_config_file: missing, unreadable and invalid files") {
    const auto dir = std::filesystem::temp_directory_path() / ("dormlink-config-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string missing = (dir / "missing.toml").string();
    CHECK_THROWS_WITH_AS(load_config_file(missing),
                         ("config file \"" + missing +
                          "\" does not exist; run `dormlink init` to "
                          "create one, or pass --config")
                             .c_str(),
                         NotFoundError);
    CHECK_THROWS_WITH_AS(load_config_file(dir.string()),
                         ("config file \"" + dir.string() +
                          "\" is not a regular file but a "
                          "directory; pass the TOML config file with --config")
                             .c_str(),
                         NotFoundError);
    const std::string bad = (dir / "bad.toml").string();
    std::ofstream(bad) << "[duties]\nvisits_per_week = 0\n";
    try {
      load_config_file(bad);
      FAIL("accepted");
    } catch (const ConfigError& error) {
      REQUIRE(error.problems().size() == 1);
      CHECK(error.problems()[0].location == bad + ":2:19");
    }
    const std::string fifo = (dir / "fifo.toml").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);  // opening it for reading would block
    CHECK_THROWS_WITH_AS(load_config_file(fifo),
                         ("config file \"" + fifo +
                          "\" is not a regular file but a FIFO (named "
                          "pipe); pass the TOML config file with --config")
                             .c_str(),
                         NotFoundError);
    CHECK_THROWS_WITH_AS(load_config_file("/dev/zero"),
                         "config file \"/dev/zero\" is not a regular file but a character device; "
                         "pass the TOML config file with --config",
                         NotFoundError);
    if (::geteuid() != 0) {
      std::filesystem::permissions(bad, std::filesystem::perms::none);
      CHECK_THROWS_AS(load_config_file(bad), PermissionError);
    }
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("enum spellings") {
    CHECK(to_string(Language::en) == "en");
    CHECK(to_string(Period::biweek) == "biweek");
    CHECK(to_string(DutyScope::member) == "member");
    CHECK(to_string(Weekday::monday) == "monday");
    CHECK(to_string(Weekday::sunday) == "sunday");
  }
}

TEST_SUITE("config") {
  TEST_CASE("assignment.exclude: an array of student ids, normalised, round-tripped") {
    auto config =
        dormlink::parse_config("[assignment]\nexclude = [\"2023110104\", \" ２０２４１１０２０１ \"]\n", "t.toml");
    CHECK(config.assignment.exclude == std::vector<std::string>{"2023110104", "2024110201"});
    CHECK(dormlink::parse_config(dormlink::render_config(config), "r.toml") == config);
    try {
      dormlink::parse_config("[assignment]\nexclude = [\"\", 3]\n", "t.toml");
      FAIL("expected a ConfigError");
    } catch (const dormlink::ConfigError& e) {
      REQUIRE(e.problems().size() == 2);
      CHECK(e.problems()[0].message == "assignment.exclude[1]: it must not be empty");
      CHECK(e.problems()[1].message == "assignment.exclude[2]: expected a string, found an integer");
    }
  }
}
