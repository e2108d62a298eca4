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

#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "dormlink/util/csv.hpp"
#include "harness.hpp"
#include "xlsx_reader.hpp"

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

constexpr const char* k_staff =
    "工号,姓名,角色,联系方式,负责年级,负责班级,党支部\n"
    "T001,陈老师,辅导员,13900000001,2023级,,\n"
    "T002,王老师,检查组,13900000002,,,\n";

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
    "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型,工作进展及成效,说明,原因,事件类别,严重程度,报告对象,报告时间,"
    "需上报情况,上报对象\n"
    "2023110101,,2026-09-07 12:00,,plan,每周走访两次,,,,,,,,\n"
    "2023110101,1-101,2026-09-08 19:00,,visit,正常,,,,,,,,\n"
    "2023110101,1-101,2026-09-08 19:30,欧阳金丝雀（当面）,talk,了解适应情况,,,,,,,,\n"
    "2023110101,1-101,2026-09-09 21:00,欧阳金丝雀、张一,incident,已制止,,,使用违规电器,一般,辅导员,2026-09-09 21:30,,\n"
    "2023110101,1-101,2026-09-10 19:00,,visit,正常,,,,,,,,\n"
    "2023110101,1-101,2026-09-15 19:30,欧阳金丝雀,talk,跟进,,,,,,,欧阳金丝雀 17190358642 心理素质较差,辅导员\n";

// What the committee must never see: the name, the id, the phone and the categories.
const std::vector<std::string> k_secrets{k_name,
                                         k_id,
                                         k_phone,
                                         "心理素质较差",
                                         "自我约束能力较差",
                                         "psychological",
                                         "self_discipline",
                                         "self-discipline",
                                         "心理素质",
                                         "自我约束"};

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
    // The counselor confirms receiving the incident report at once: reported in time (docs/check.md "Cases").
    const auto incident = b->query_int("college.db", "SELECT id FROM record WHERE kind = 'incident'");
    run_ok(*b, at("2026-09-16",
                  {"-q", "incident", "ack", std::to_string(incident), "--by", "T001", "--at", "2026-09-09 21:30"}));
    // The counselor acts on the concern with a note that names the canary again.
    const auto concern = b->query_int("college.db", "SELECT record_id FROM case_event WHERE step = 'open'");
    run_ok(*b, at("2026-09-16", {"-q", "concern", "act", std::to_string(concern), "--by", "T001", "--at",
                                 "2026-09-16 09:00", "--note", std::string(k_name) + " " + k_phone + " 已约谈"}));
    run_ok(*b,
           at("2026-09-16", {"-q", "inspect", "sample", "--semester", "2026-autumn", "--size", "2", "--seed", "1"}));
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

// Runs the command in md, json and html, zh and en, and checks each run for the canary.
void committee_sees_no_canary(const std::vector<std::string>& command) {
  const Sandbox& box = college();
  for (const char* lang : {"zh", "en"}) {
    for (const char* format : {"md", "json", "html"}) {
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

// ---- every format: no count the Markdown hides appears in another ----
//
// The builders decide privacy once: a count the committee may not see exactly is a
// report::ShownCount, which holds no number when hidden and offers a renderer only its text
// ("<3", "—"), its JSON ("<3", null) and value() == nullopt (tests/unit/test_privacy.cpp
// checks at compile time that nothing else reaches the number). So a renderer cannot leak
// what the Markdown hides; these runs check the wiring: every report, every format, zh and en.

using Rows = std::vector<std::vector<std::string>>;
using dormlink::testing::XlsxSheet;

// The canary college with a talk period of two weeks and attention talks every week, so the
// committee's documents also hold attention talks missed and overdue (1 or 2: "<3").
constexpr const char* k_attention_config = "attention.toml";

std::string attention_config() {
  std::string text = k_config;
  const std::string after = "orientation_weeks = 0\n";
  text.insert(text.find(after) + after.size(), "talk_period = \"biweek\"\nattention_talk_period = \"week\"\n");
  return text;
}

// One report for the committee in every format it has.
struct Formats {
  std::string md;
  std::string json;
  std::vector<std::string> keys;    // its sheets, as --sheet names them
  std::map<std::string, Rows> csv;  // --format csv --raw --sheet KEY
  std::vector<XlsxSheet> xlsx;      // --format xlsx -o -, in the order of keys
};

std::string what_of(const std::vector<std::string>& args) {
  std::string what = "dormlink";
  for (const auto& a : args) what += " " + a;
  return what;
}

Result run_checked(const std::vector<std::string>& args, int exit_code = 0) {
  auto r = college().run(args);
  INFO(what_of(args) << "\n" << r.err);
  REQUIRE(r.exit_code == exit_code);
  check_no_canary(what_of(args), r);
  return r;
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// The sheet keys, from the message that lists them for a --sheet the report does not have.
std::vector<std::string> sheet_keys(const std::vector<std::string>& args) {
  const auto r = run_checked(with(args, {"--format", "csv", "--sheet", "none"}), 64);
  // --lang sets the messages' language too: the English or the Chinese wording.
  std::string lead = "this report has the sheets ";
  if (r.err.find(lead) == std::string::npos) lead = "该报表包含的表为 ";
  const auto at = r.err.find(lead);
  REQUIRE(at != std::string::npos);
  std::vector<std::string> keys;
  std::string line = r.err.substr(at + lead.size(), r.err.find('\n', at) - at - lead.size());
  for (std::size_t from = 0; from <= line.size();) {
    const auto comma = std::min(line.find(", ", from), line.size());
    keys.push_back(line.substr(from, comma - from));
    from = comma + 2;
  }
  return keys;
}

Rows csv_rows(const std::string& text) {
  const auto parsed = dormlink::util::parse_csv(text, "out.csv");
  Rows rows{parsed.header.fields};
  for (const auto& r : parsed.records()) rows.push_back(r.fields);
  return rows;
}

// Every cell of the workbook, for the canary check.
std::string xlsx_text(const std::vector<XlsxSheet>& sheets) {
  std::string out;
  for (const auto& sheet : sheets)
    for (const auto& row : dormlink::testing::sheet_texts(sheet))
      for (const auto& cell : row) out += cell + "\n";
  return out;
}

// `args` (up to the report's own options) in md, json, csv (every sheet) and xlsx.
Formats render_all(const std::vector<std::string>& args) {
  Formats f;
  f.md = run_checked(with(args, {"--format", "md"})).out;
  f.json = run_checked(with(args, {"--format", "json"})).out;
  f.keys = sheet_keys(args);
  for (const auto& key : f.keys)
    f.csv[key] = csv_rows(run_checked(with(args, {"--format", "csv", "--raw", "--sheet", key})).out);
  f.xlsx = dormlink::testing::read_xlsx(run_checked(with(args, {"--format", "xlsx", "-o", "-"})).out);
  REQUIRE(f.xlsx.size() == f.keys.size());
  check_no_canary(what_of(args) + " --format xlsx (cells)", Result{0, xlsx_text(f.xlsx), ""});
  return f;
}

const XlsxSheet& xlsx_sheet(const Formats& f, const std::string& key) {
  const auto at = std::find(f.keys.begin(), f.keys.end(), key);
  REQUIRE(at != f.keys.end());
  return f.xlsx[static_cast<std::size_t>(at - f.keys.begin())];
}

// A count as the Markdown shows it ("3", "<3", "—"), by what it counts.
using Counts = std::map<std::string, std::string>;

// JSON's spelling of a count in the Markdown's: "<3" (a string) -> <3, null -> —.
std::string from_json(const std::string& token) {
  if (token == "null") return "—";
  if (token.size() > 2 && token.front() == '"' && token[1] == '<') return token.substr(1, token.size() - 2);
  return token;
}

// The groups of `re` in `text` under `names`; false when it does not match.
bool capture(const std::string& text, const std::regex& re, const std::vector<std::string>& names, Counts& out,
             bool json = false) {
  std::smatch m;
  if (!std::regex_search(text, m, re)) return false;
  for (std::size_t i = 0; i < names.size(); ++i) out[names[i]] = json ? from_json(m[i + 1].str()) : m[i + 1].str();
  return true;
}

const std::vector<std::string> k_incident_counts{"incidents.found", "incidents.in_time", "incidents.late",
                                                 "incidents.unreported"};
const std::vector<std::string> k_attention_counts{"attention.students", "attention.talked", "attention.missed"};

Counts summary_md_counts(const std::string& md, bool zh) {
  Counts c;
  if (md.find(zh ? "本期没有发现特殊情况。" : "No incident was found in this period.") != std::string::npos) {
    for (const auto& name : k_incident_counts) c[name] = "0";
  } else {
    REQUIRE(capture(md,
                    std::regex(zh ? "本期发现 (\\S+) 起：按时报告 (\\S+) 起，逾期报告 (\\S+) 起，未报告 (\\S+) 起。"
                                  : "\n(\\S+) found: (\\S+) reported in time, (\\S+) late, (\\S+) not reported\\."),
                    k_incident_counts, c));
  }
  REQUIRE(capture(md,
                  std::regex(zh ? "重点关注学生 (\\S+) 人：均已谈心 (\\S+) 人，有遗漏 (\\S+) 人。"
                                : "Attention students due talks: (\\S+); every talk held: (\\S+); one or more "
                                  "missed: (\\S+)\\."),
                  k_attention_counts, c));
  if (md.find(zh ? "没有逾期事项。" : "Nothing is overdue.") != std::string::npos) {
    c["overdue.total"] = "0";
  } else {
    REQUIRE(capture(md, std::regex(zh ? "逾期 (\\S+) 项：" : "\n(\\S+) overdue on "), {"overdue.total"}, c));
  }
  capture(md, std::regex(zh ? "重点关注谈心 (\\S+) 项" : "attention talks ([^,.\\s]+)"), {"overdue.attention_talks"},
          c);
  capture(md, std::regex(zh ? "突发事件报告 (\\S+) 项" : "incident report ([^,.\\s]+)"), {"overdue.incident_report"},
          c);
  return c;
}

Counts summary_json_counts(const std::string& json) {
  Counts c;
  REQUIRE(capture(json,
                  std::regex("\"incidents\": \\{\"found\": ([^,]+), \"in_time\": ([^,]+), \"late\": ([^,]+), "
                             "\"unreported\": ([^,]+),"),
                  k_incident_counts, c, true));
  REQUIRE(capture(json,
                  std::regex("\"attention\": \\{\"students\": ([^,]+), \"talked\": ([^,]+), \"missed\": ([^,]+),"),
                  k_attention_counts, c, true));
  std::smatch by_rule;
  REQUIRE(std::regex_search(json, by_rule, std::regex("\"by_rule\": \\{([^}]*)\\}")));
  const std::string rules = by_rule[1].str();
  capture(rules, std::regex("\"attention_talks\": ([^,]+)"), {"overdue.attention_talks"}, c, true);
  capture(rules, std::regex("\"incident_report\": ([^,]+)"), {"overdue.incident_report"}, c, true);
  return c;
}

// The overview sheet's rows (item, value) of the counts, by their zh and en labels.
struct OverviewRow {
  const char* zh;
  const char* en;
  const char* name;
};
constexpr OverviewRow k_overview[] = {
    {"特殊情况（起）", "Incidents found", "incidents.found"},
    {"按时报告", "Reported in time", "incidents.in_time"},
    {"逾期报告", "Reported late", "incidents.late"},
    {"未报告", "Not reported", "incidents.unreported"},
    {"应谈心的重点关注学生（人）", "Attention students due talks", "attention.students"},
    {"均已谈心（人）", "Every talk held", "attention.talked"},
    {"有遗漏（人）", "One or more missed", "attention.missed"},
    {"逾期：重点关注谈心", "Overdue: attention talks", "overdue.attention_talks"},
    {"逾期：突发事件报告", "Overdue: incident report", "overdue.incident_report"},
    {"逾期合计", "Overdue in all", "overdue.total"},
};

Counts overview_counts(const Rows& rows, bool zh) {
  Counts c;
  for (const auto& row : rows)
    for (const auto& o : k_overview)
      if (row.size() == 2 && row[0] == (zh ? o.zh : o.en)) c[o.name] = row[1];
  return c;
}

// An xlsx sheet's rows as text; a number cell as its integer, a hidden count must be text.
Rows xlsx_rows(const XlsxSheet& sheet) {
  Rows rows;
  for (const auto& row : sheet.rows) {
    rows.emplace_back();
    for (const auto& cell : row) {
      if (cell.number) CHECK(cell.text.find_first_not_of("0123456789.") == std::string::npos);
      rows.back().push_back(cell.number ? std::to_string(std::stol(cell.text)) : cell.text);
    }
  }
  return rows;
}

// Each format shows every count exactly as the Markdown does (JSON: "<3" and null).
void same_counts(const std::string& what, const Counts& md, const Counts& json, const Counts& csv, const Counts& xlsx) {
  INFO(what);
  for (const auto& [name, shown] : md) {
    INFO(name << " is " << shown << " in the Markdown");
    CHECK(csv.count(name) == 1);
    CHECK(xlsx.count(name) == 1);
    if (csv.count(name) == 1) CHECK(csv.at(name) == shown);
    if (xlsx.count(name) == 1) CHECK(xlsx.at(name) == shown);
    if (name != "overdue.total") {
      CHECK(json.count(name) == 1);
      if (json.count(name) == 1) CHECK(json.at(name) == shown);
    }
  }
  CHECK(csv.size() == md.size());  // no count in a sheet that the Markdown leaves out
  CHECK(xlsx.size() == md.size());
  CHECK(json.size() + 1 == md.size());
}

// The options before the subcommand: language, database, date, config.
std::vector<std::string> global(const char* lang, const char* as_of, bool attention = false) {
  auto args = with({"--lang", lang}, at(as_of, {}));
  if (attention) args = with(args, {"--config", k_attention_config});
  return args;
}

// The summary for the committee (its default) in every format; returns the counts as the
// Markdown shows them.
Counts summary_everywhere(const std::vector<std::string>& global, const char* period, const char* lang) {
  const auto args = with(global, {"report", "summary", "--counselor", "T001", "--period", period});
  const Formats f = render_all(args);
  const bool zh = std::string(lang) == "zh";
  const Counts md = summary_md_counts(f.md, zh);
  same_counts(what_of(args), md, summary_json_counts(f.json), overview_counts(f.csv.at("overview"), zh),
              overview_counts(xlsx_rows(xlsx_sheet(f, "overview")), zh));
  return md;
}

// The feedback form's one suppressed count: attention talks missed whose students are not named.
std::string hidden_gaps_in(const Rows& missing, bool zh) {
  REQUIRE_FALSE(missing.empty());
  const auto& header = missing.front();
  const auto column = [&](const char* name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t student = column(zh ? "学生" : "Student"), expected = column(zh ? "应完成" : "Expected");
  REQUIRE(student < header.size());
  REQUIRE(expected < header.size());
  for (const auto& row : missing)
    if (row.size() > std::max(student, expected) && row[student] == (zh ? "（姓名不显示）" : "(names not shown)"))
      return row[expected];
  return "0";
}

// The form for the committee in every format; returns the hidden gaps as the Markdown shows them.
std::string feedback_everywhere(const std::vector<std::string>& global, const char* period, const char* lang) {
  const auto args =
      with(global, {"report", "feedback", "--member", "2023110101", "--period", period, "--audience", "committee"});
  const Formats f = render_all(args);
  const bool zh = std::string(lang) == "zh";
  Counts md{{"gaps", "0"}}, json;
  capture(
      f.md,
      std::regex(zh ? "- 重点关注学生谈心：缺 (\\S+) 项（姓名不显示）" : "- attention talks: (\\S+) missing \\(names"),
      {"gaps"}, md);
  REQUIRE(capture(f.json, std::regex("\"hidden_attention_gaps\": ([^,\n]+),"), {"gaps"}, json, true));
  INFO(what_of(args));
  CHECK(json.at("gaps") == md.at("gaps"));
  CHECK(hidden_gaps_in(f.csv.at("missing"), zh) == md.at("gaps"));
  CHECK(hidden_gaps_in(xlsx_rows(xlsx_sheet(f, "missing")), zh) == md.at("gaps"));
  // No per-dorm count of attention students anywhere: the builder leaves those lines out.
  CHECK(f.json.find("\"attention_talks\"") == std::string::npos);
  for (const auto& row : f.csv.at("required"))
    CHECK(std::find(row.begin(), row.end(), zh ? "重点关注谈心" : "attention talks") == row.end());
  return md.at("gaps");
}

// Reports whose Markdown hides no count: no format shows "<3" either.
void nothing_hidden_everywhere(const std::vector<std::string>& report) {
  for (const char* lang : {"zh", "en"}) {
    const auto args = with(global(lang, "2026-09-22"), report);
    const Formats f = render_all(args);
    INFO(what_of(args));
    CHECK(f.md.find("<3") == std::string::npos);
    CHECK(f.json.find("<3") == std::string::npos);
    for (const auto& [key, rows] : f.csv)
      for (const auto& row : rows) CHECK(std::find(row.begin(), row.end(), "<3") == row.end());
    CHECK(xlsx_text(f.xlsx).find("<3") == std::string::npos);
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
    auto json = box.run(
        at("2026-09-22", {"report", "feedback", "--member", "2023110101", "--period", "1", "--format", "json"}));
    REQUIRE(json.exit_code == 0);
    CHECK(has(json.out, std::string("{\"id\": \"") + k_id + "\", \"name\": \"" + k_name + "\", \"phone\": \"" +
                            k_masked + "\"}"));
    CHECK_FALSE(has(json.out, k_phone));
    CHECK_FALSE(has(json.out, "psychological"));
    auto en =
        box.run(at("2026-09-22", {"--lang", "en", "report", "feedback", "--member", "2023110101", "--period", "1"}));
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
    committee_sees_no_canary(
        {"report", "summary", "--counselor", "T001", "--period", "1", "--include-sensitive", "--reason", "党委抽查"});
  }

  TEST_CASE("privacy canary: report feedback, assessment and inspection for the committee, md and json, zh and en") {
    committee_sees_no_canary(
        {"report", "feedback", "--member", "2023110101", "--period", "1", "--audience", "committee"});
    committee_sees_no_canary({"report", "feedback", "--member", "2023110101", "--period", "1", "--audience",
                              "committee", "--include-sensitive", "--reason", "党委抽查"});
    committee_sees_no_canary({"report", "assessment", "--semester", "2026-autumn", "--audience", "committee"});
    committee_sees_no_canary({"report", "inspection", "--semester", "2026-autumn", "--audience", "committee"});
  }

  TEST_CASE("privacy canary: the concern about the canary reaches the committee and the studio as counts only") {
    const Sandbox& box = college();
    // The counselor sees it: the list names the student, and the text only with --include-sensitive.
    const auto listed = box.run(at("2026-09-22", {"concern", "list"}));
    REQUIRE(listed.exit_code == 0);
    CHECK(has(listed.out, k_name));
    CHECK_FALSE(has(listed.out, k_phone));
    committee_sees_no_canary({"report", "summary", "--college", "--period", "1"});
    committee_sees_no_canary({"report", "studio", "--semester", "2026-autumn"});
    for (const char* lang : {"zh", "en"}) {
      for (const char* format : {"text", "md", "json", "html"}) {
        const std::vector<std::string> args{"--lang", lang,        "check",    "--digest",
                                            "--for",  "committee", "--format", format};
        auto r = box.run(at("2026-10-01", args));
        INFO(r.err);
        CHECK(r.exit_code <= 1);
        CHECK_FALSE(r.out.empty());
        check_no_canary(std::string("check --digest --for committee --format ") + format + " " + lang, r);
      }
    }
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
      auto r = box.run(at("2026-09-22",
                          {"export", table, "--audience", "committee", "--include-sensitive", "--reason", "党委抽查"}));
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

  TEST_CASE(
      "privacy canary in every format: what the committee's summary hides in Markdown, JSON, CSV and Excel hide") {
    college().write(k_attention_config, attention_config());
    for (const char* lang : {"zh", "en"}) {
      INFO(std::string(lang));
      // Period 1: the canary's incident (reported in time) and the canary, talked with.
      const auto p1 = summary_everywhere(global(lang, "2026-09-22"), "1", lang);
      CHECK(p1 == Counts{{"incidents.found", "<3"},
                         {"incidents.in_time", "<3"},
                         {"incidents.late", "—"},
                         {"incidents.unreported", "—"},
                         {"attention.students", "<3"},
                         {"attention.talked", "<3"},
                         {"attention.missed", "—"},
                         {"overdue.total", "14"}});
      // Period 2: no incident (0 is shown), the canary's talk not yet held.
      const auto p2 = summary_everywhere(global(lang, "2026-09-22"), "2", lang);
      CHECK(p2.at("incidents.found") == "0");
      CHECK(p2.at("incidents.unreported") == "0");
      CHECK(p2.at("attention.talked") == "—");
      CHECK(p2.at("attention.missed") == "<3");
      // Weekly attention talks, two of them overdue: the rule shows <3 and the total over rules —.
      const auto overdue = summary_everywhere(global(lang, "2026-10-06", true), "2", lang);
      CHECK(overdue.at("overdue.attention_talks") == "<3");
      CHECK(overdue.at("overdue.total") == "—");
    }
  }

  TEST_CASE("privacy canary in every format: the committee's feedback form, assessment and inspection") {
    college().write(k_attention_config, attention_config());
    for (const char* lang : {"zh", "en"}) {
      INFO(std::string(lang));
      CHECK(feedback_everywhere(global(lang, "2026-09-22"), "1", lang) == "0");
      // Weekly attention talks: the canary's talk of week 3 is missing, its name not shown.
      CHECK(feedback_everywhere(global(lang, "2026-09-22", true), "2", lang) == "<3");
      CHECK(feedback_everywhere(global(lang, "2026-10-06", true), "2", lang) == "<3");
    }
    // The assessment and the inspection count no attention student or incident: nothing to hide,
    // and nothing of the canary in any format.
    nothing_hidden_everywhere({"report", "assessment", "--semester", "2026-autumn", "--audience", "committee"});
    nothing_hidden_everywhere({"report", "inspection", "--semester", "2026-autumn", "--audience", "committee"});
  }
}

// ---- the members' overdue totals give no hidden count away ----
//
// The committee sees overdue attention talks and incident reports by rule as "<3"; a member's
// overdue total that still counted them would give the hidden count back by subtraction (the
// members' totals less the rules shown). For the committee the members' totals leave those rules
// out, in every format; the counselor keeps exact totals.

namespace {

// A member's overdue total by name, and the total row, from a members table (header first).
struct MemberOverdue {
  std::map<std::string, int> by_member;
  int total = -1;
  std::string header;  // the column's heading
};

MemberOverdue member_overdue(const Rows& rows, bool zh) {
  MemberOverdue out;
  REQUIRE(rows.size() > 1);
  out.header = rows.front().back();
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const int n = std::stoi(row.back());
    if (row.front() == (zh ? "合计" : "Total"))
      out.total = n;
    else
      out.by_member[row.front()] = n;
  }
  return out;
}

// The members table of the Markdown as rows of cells.
Rows md_members(const std::string& md, bool zh) {
  const auto at = md.find(zh ? "| 党员 | 学号 |" : "| Member | Student id |");
  REQUIRE(at != std::string::npos);
  Rows rows;
  std::size_t from = at;
  while (from < md.size() && md[from] == '|') {
    const auto end = md.find('\n', from);
    const std::string line = md.substr(from, end - from);
    from = end + 1;
    if (line.rfind("| ---", 0) == 0) continue;
    std::vector<std::string> cells;
    for (std::size_t c = 2; c < line.size();) {
      const auto bar = line.find(" |", c);
      cells.push_back(line.substr(c, bar - c));
      c = bar + 3;
    }
    rows.push_back(cells);
  }
  return rows;
}

// The members of the JSON document (their "overdue"), with the sum as the total.
MemberOverdue json_member_overdue(const std::string& json) {
  MemberOverdue out;
  static const std::regex member("\\{\"id\": \"\\d+\", \"name\": \"([^\"]+)\", \"dorms\".*\"overdue\": (\\d+)\\}");
  out.total = 0;
  for (auto it = std::sregex_iterator(json.begin(), json.end(), member); it != std::sregex_iterator(); ++it) {
    out.by_member[(*it)[1].str()] = std::stoi((*it)[2].str());
    out.total += std::stoi((*it)[2].str());
  }
  return out;
}

// A summary in md, json and the members / overdue sheets (csv, xlsx), without the canary check
// (the counselor's document names students).
struct SummaryRun {
  MemberOverdue md, json, csv, xlsx;
  Rows overdue;  // the overdue sheet: member, duty, ...
};

SummaryRun summary_run(const std::vector<std::string>& args, bool zh) {
  const auto run = [&](const std::vector<std::string>& more) {
    auto r = college().run(with(args, more));
    INFO(what_of(with(args, more)) << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  SummaryRun s;
  s.md = member_overdue(md_members(run({"--format", "md"}), zh), zh);
  s.json = json_member_overdue(run({"--format", "json"}));
  s.csv = member_overdue(csv_rows(run({"--format", "csv", "--raw", "--sheet", "members"})), zh);
  s.overdue = csv_rows(run({"--format", "csv", "--raw", "--sheet", "overdue"}));
  const auto book = dormlink::testing::read_xlsx(run({"--format", "xlsx", "-o", "-"}));
  REQUIRE_FALSE(book.empty());
  s.xlsx = member_overdue(dormlink::testing::sheet_texts(book.front()), zh);
  return s;
}

}  // namespace

TEST_SUITE("e2e.privacy") {
  TEST_CASE(
      "privacy: the committee's per-member overdue totals leave out attention talks, incident reports and concerns") {
    college().write(k_attention_config, attention_config());
    for (const char* lang : {"zh", "en"}) {
      const bool zh = std::string(lang) == "zh";
      const auto base =
          with(global(lang, "2026-10-06", true), {"report", "summary", "--counselor", "T001", "--period", "2"});
      INFO(what_of(base));
      const SummaryRun counselor = summary_run(with(base, {"--audience", "counselor"}), zh);
      const SummaryRun committee = summary_run(base, zh);

      // The counselor's items: every overdue item listed, the sensitive ones counted per member.
      std::map<std::string, int> listed, sensitive;
      int hidden = 0;
      for (std::size_t i = 1; i < counselor.overdue.size(); ++i) {
        const auto& row = counselor.overdue[i];
        if (row.front().empty()) continue;  // the counselor's own summary: no member
        listed[row.front()]++;
        if (row[1] == (zh ? "重点关注谈心" : "attention talks") ||
            row[1] == (zh ? "突发事件报告" : "incident report") ||
            row[1] == (zh ? "关注事项确认" : "concern acknowledged") ||
            row[1] == (zh ? "关注事项结案" : "concern closed")) {
          sensitive[row.front()]++;
          hidden++;
        }
      }
      // A few (the attention talk, the incident report, the concern's two rules): small counts, so
      // they must not be recoverable from the totals the committee sees.
      REQUIRE(hidden > 0);
      REQUIRE(hidden < 5);

      for (const auto* format : {"md", "json", "csv", "xlsx"}) {
        const std::string f = format;
        const auto& c = f == "md"     ? counselor.md
                        : f == "json" ? counselor.json
                        : f == "csv"  ? counselor.csv
                                      : counselor.xlsx;
        const auto& k = f == "md"     ? committee.md
                        : f == "json" ? committee.json
                        : f == "csv"  ? committee.csv
                                      : committee.xlsx;
        INFO("format " << f);
        // The counselor: exact totals, every listed item of the member counted.
        int sum = 0;
        for (const auto& [name, n] : c.by_member) {
          CHECK(n == listed[name]);
          sum += n;
        }
        CHECK(listed.size() <= c.by_member.size());
        CHECK(c.total == sum);
        // The committee: the same members, each without their attention talks and incident reports.
        REQUIRE(k.by_member.size() == c.by_member.size());
        for (const auto& [name, n] : c.by_member) {
          INFO("member " << name);
          CHECK(k.by_member.at(name) == n - sensitive[name]);
        }
        CHECK(k.total == c.total - hidden);
        if (f != "json") CHECK(k.header != c.header);  // the heading says what is left out
      }
    }
  }
}
