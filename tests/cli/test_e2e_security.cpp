// End-to-end: what must never leak or be mangled (docs/security.md).
// - A canary student with a phone number and two attention categories goes through every
//   command, including their error paths: the phone (in full or masked) and the categories
//   never appear on standard error, and the committee's outputs never name the canary or
//   show the phone or the categories.
// - SQL metacharacters in names and notes ('); DROP TABLE …;--, %, _) round-trip untouched and
//   match only themselves.
// - The database, its WAL and every written file are 0600 whatever the umask; a database
//   other users can read gets a warning.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

constexpr const char* k_config = dormlink::e2e::k_small_config;

constexpr const char* k_staff = dormlink::e2e::k_small_staff_with_inspector;

constexpr const char* k_canary_name = "金丝雀";
constexpr const char* k_canary_phone = "13912345678";

// 金丝雀 is the canary; two residents carry SQL in their names.
constexpr const char* k_students =
    "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
    "2023110101,李明,男,英语,2023级,英语2301,1-501,13800000001,中共预备党员,英语党支部,,是\n"
    "2023110102,王强,男,英语,2023级,英语2301,1-501,13800000002,中共党员,英语党支部,,否\n"
    "2025110104,金丝雀,男,英语,2025级,英语2501,1-102,13912345678,共青团员,,家庭经济困难;心理素质较差,否\n"
    "2025110103,\"'); DROP TABLE student;--\",男,英语,2025级,英语2501,1-102,,共青团员,,,是\n"
    "2025110105,%,男,英语,2025级,英语2501,1-101,,群众,,,是\n"
    "2025110106,_,男,英语,2025级,英语2501,1-101,,群众,,,否\n";

// What must never show: the phone in full, its masked and partial forms, and the categories
// in every spelling dormlink prints.
const std::vector<std::string>& secrets() {
  static const std::vector<std::string> s{k_canary_phone,  "139****5678",     "12345678",
                                          "家庭经济困难",  "心理素质较差",    "family_hardship",
                                          "psychological", "family economic", "psychological fragility"};
  return s;
}

std::vector<std::string> at(const char* as_of, std::vector<std::string> more) {
  std::vector<std::string> all{"--db", "college.db", "--as-of", as_of};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every run's stderr, checked for secrets at the end.
struct Runs {
  const Sandbox& box;
  std::vector<std::pair<std::string, std::string>> errs;  // command, stderr

  Result run(const std::vector<std::string>& args, int expect = 0) {
    auto r = box.run(args);
    std::string line;
    for (const auto& a : args) line += a + " ";
    errs.emplace_back(line, r.err);
    INFO(line << "\n" << r.err);
    CHECK(r.exit_code == expect);
    return r;
  }
};

void build(Runs& runs) {
  runs.box.write("dormlink.toml", k_config);
  runs.box.write("staff.csv", k_staff);
  runs.box.write("students.csv", k_students);
  runs.run(at("2026-09-07", {"init"}));
  runs.run(at("2026-09-07", {"import", "staff", "staff.csv"}));
  runs.run(at("2026-09-07", {"import", "students", "students.csv", "--dry-run"}));
  runs.run(at("2026-09-07", {"import", "students", "students.csv"}));
  runs.run(at("2026-09-07", {"assign", "--semester", "2026-autumn", "--pin", "2023110101:1-101", "--pin",
                             "2023110101:1-102", "--pin", "2023110102:1-501"}));
}

void no_secrets(const std::string& where, const std::string& text) {
  for (const auto& s : secrets()) {
    INFO(where << " shows " << s << ":\n" << text);
    CHECK_FALSE(has(text, s));
  }
}

// Commands given a phone number or an attention category where they do not belong, with
// their stderr kept: none may show the canary's phone (any 7 digits of it) or a category in any
// spelling (the second canary test and the ones after it).
struct Canary {
  const Sandbox& box;
  std::vector<std::pair<std::string, std::string>> errs;  // command, stderr

  // A command that must fail, cleanly (not as an internal error) and with a message.
  void fails(const std::vector<std::string>& args) {
    const auto r = record(args);
    CHECK(r.exit_code != 0);
    CHECK_FALSE(r.err.empty());
  }
  // A command that may be accepted (a seed, a dorm code with spaces, an --exclude of nobody).
  void any(const std::vector<std::string>& args) { record(args); }

  Result record(const std::vector<std::string>& args) {
    auto r = box.run(args);
    std::string line;
    for (const auto& a : args) line += a + " ";
    INFO(line << "\n" << r.err);
    CHECK(r.exit_code != 70);
    errs.emplace_back(line, r.err);
    return r;
  }

  void check_nothing_shown() const {
    std::vector<std::string> secret = secrets();
    const std::string phone = k_canary_phone;
    for (std::size_t i = 0; i + 7 <= phone.size(); ++i) secret.push_back(phone.substr(i, 7));
    for (const char* s : {"self_discipline", "自我约束能力较差", "学习积极性较差", "low_motivation", "心理问题"}) {
      secret.emplace_back(s);
    }
    for (const auto& [command, err] : errs) {
      for (const auto& s : secret) {
        INFO("stderr of " << command << " shows " << s << ":\n" << err);
        CHECK_FALSE(has(err, s));
      }
    }
  }
};

// A name with the phone, the phone spaced, the phone in full-width digits, and a category.
const std::vector<std::string> k_canary_values{"金丝雀 13912345678", "139 1234 5678", "１３９１２３４５６７８",
                                               "心理素质较差"};
}  // namespace

TEST_SUITE("e2e.security") {
  TEST_CASE("canary: no phone or attention category on stderr of any command, none in committee output") {
    Sandbox box;
    Runs runs{box, {}};
    build(runs);
    const char* d = "2026-09-21";
    // Error paths that touch the canary: a roster whose canary row is broken (phone in the
    // wrong column), an unknown dorm, a talk with someone not living there, a bad config.
    std::string broken = k_students;
    broken.replace(broken.find("13912345678,共青团员"), 11, "1391234567x");
    box.write("broken.csv", broken);
    runs.run(at("2026-09-07", {"import", "students", "broken.csv"}), 65);
    std::string moved = k_students;
    moved.replace(moved.find("1-102,13912345678"), 5, "9-999");
    box.write("moved.csv", moved);
    runs.run(at("2026-09-08", {"import", "students", "moved.csv", "--dry-run"}));
    runs.run(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--kind", "谈心", "--at", "2026-09-08 19:30",
                    "--talked", "金丝雀", "--progress", "谈心：家里近况", "--note", "情绪平稳"}));
    runs.run(at(d, {"log-visit", "--member", "李明", "--dorm", "1-101", "--kind", "谈心", "--at", "2026-09-08 19:40",
                    "--talked", "金丝雀"}),
             65);
    runs.run(at(d, {"log-visit", "--member", "李明", "--dorm", "9-999", "--kind", "走访", "--at", "2026-09-08"}), 65);
    runs.run(at(d, {"log-visit",     "--member",         "李明",     "--dorm",           "1-102",
                    "--kind",        "incident",         "--at",     "2026-09-12 23:10", "--category",
                    "突发事件",      "--severity",       "高",       "--reported-to",    "辅导员",
                    "--reported-at", "2026-09-12 23:30", "--talked", "金丝雀",           "--progress",
                    "已陪同"}));
    runs.run(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--kind", "走访", "--at", "2026-09-15 19:00"}));
    runs.run(at(d, {"verify"}));
    runs.run(at(d, {"roster"}));
    runs.run(at(d, {"check"}), 1);
    runs.run(at(d, {"check", "--format", "json"}), 1);
    runs.run(at(d, {"check", "--format", "csv", "--all"}), 1);
    runs.run(at(d, {"inspect", "sample", "--size", "1", "--seed", "3"}));
    runs.run(at(d, {"inspect", "record", "--member", "李明", "--dorm", "1-102", "--inspector", "王检查",
                    "--contradicted", "1:金丝雀", "--note", "学生说没有谈过"}));
    runs.run(at(d, {"inspect", "record", "--member", "李明", "--dorm", "1-102", "--inspector", "王检查",
                    "--contradicted", "1:不存在的人"}),
             65);
    for (const char* fmt : {"md", "json", "csv"}) {
      runs.run(at(d, {"report", "feedback", "--member", "李明", "--period", "1", "--format", fmt}));
      runs.run(at(d, {"report", "summary", "--counselor", "T001", "--period", "1", "--format", fmt, "--audience",
                      "counselor"}));
    }
    runs.run(at(d, {"report", "feedback", "--member", "李明", "--period", "1", "--include-sensitive"}), 64);
    runs.run(at(d, {"report", "feedback", "--member", "李明", "--period", "1", "--include-sensitive", "--reason",
                    "谈心跟进", "-o", "sensitive.md"}));
    runs.run(at(d, {"export", "students", "-o", "students.csv.out"}));
    runs.run(at(d, {"export", "contacts", "--format", "json"}));
    runs.run(at(d, {"export", "incidents"}));
    runs.run(at(d, {"export", "students", "--audience", "committee"}), 64);
    runs.run(at(d, {"withdraw", "3", "--reason", "重复"}));
    runs.run(at(d, {"purge", "1", "--reason", "学生要求删除", "--yes"}));
    runs.run(at(d, {"verify"}));
    runs.run(at(d, {"migrate"}));
    box.write("bad.toml", "[college]\nname = \"x\"\nmask = 13912345678\n");
    runs.run({"--db", "college.db", "--config", "bad.toml", "--as-of", d, "check"}, 78);
    for (const auto& [command, err] : runs.errs) no_secrets("stderr of " + command, err);

    // The committee: every report, every format; the canary is never named.
    std::vector<std::string> committee;
    for (const char* fmt : {"md", "json", "csv"}) {
      committee.push_back(
          runs.run(at(d, {"report", "summary", "--counselor", "T001", "--period", "1", "--format", fmt})).out);
      committee.push_back(runs.run(at(d, {"report", "feedback", "--member", "李明", "--period", "1", "--format", fmt,
                                          "--audience", "committee"}))
                              .out);
      committee.push_back(runs.run(at(d, {"report", "assessment", "--semester", "2026-autumn", "--format", fmt,
                                          "--audience", "committee"}))
                              .out);
      committee.push_back(runs.run(at(d, {"report", "inspection", "--semester", "2026-autumn", "--format", fmt,
                                          "--audience", "committee"}))
                              .out);
    }
    committee.push_back(runs.run(at(d, {"export", "dorms", "--audience", "committee"})).out);
    committee.push_back(
        runs.run(at(d, {"export", "assessment", "--semester", "2026-autumn", "--audience", "committee"})).out);
    for (const auto& out : committee) {
      no_secrets("committee output", out);
      INFO(out);
      CHECK_FALSE(has(out, k_canary_name));
    }
    // The counselor's own outputs mask the phone and leave the categories out.
    const auto form = runs.run(at(d, {"report", "feedback", "--member", "李明", "--period", "1"})).out;
    CHECK(has(form, k_canary_name));
    CHECK(has(form, "139\\*\\*\\*\\*5678"));  // masked (Markdown escapes the stars)
    CHECK_FALSE(has(form, k_canary_phone));
    CHECK_FALSE(has(form, "心理素质较差"));
    // Only the audited sensitive copy holds them, and the audit row holds no secret.
    CHECK(has(box.read("sensitive.md"), k_canary_phone));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM sensitive_access") == 1);
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM sensitive_access WHERE command LIKE '%1391234%' "
                        "OR reason LIKE '%1391234%'") == 0);
  }

  TEST_CASE("canary: shifted roster rows and misplaced staff or dorm columns never echo a phone or a category") {
    Sandbox box;
    Runs runs{box, {}};
    build(runs);
    Canary c{box, {}};
    const std::string canary_row =
        "2025110104,金丝雀,男,英语,2025级,英语2501,1-102,13912345678,共青团员,,家庭经济困难;心理素质较差,否\n";
    const std::string header = "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n";
    // A missing comma before 寝室 moves the phone into 寝室 and the categories into 党支部 and
    // 重点关注; a missing comma after it glues the phone to the dorm; the categories land in
    // 性别, 年级, 政治面貌 and 寝室长; a phone with spaces, dashes or full-width digits lands in 寝室.
    const std::vector<std::string> shifted{
        "2025110104,金丝雀,男,英语,2025级,英语25011-102,13912345678,共青团员,,家庭经济困难;心理素质较差,否\n",
        "2025110104,金丝雀,男,英语,2025级,英语2501,1-10213912345678,共青团员,,家庭经济困难;心理素质较差,否,\n",
        "2025110104,金丝雀,心理素质较差,英语,2025级,英语2501,1-102,,共青团员,,,否\n",
        "2025110104,金丝雀,男,英语,家庭经济困难,英语2501,1-102,,共青团员,,,否\n",
        "2025110104,金丝雀,男,英语,2025级,英语2501,1-102,,心理素质较差,,,否\n",
        "2025110104,金丝雀,男,英语,2025级,英语2501,1-102,,共青团员,,,psychological\n",
        "2025110104,金丝雀,男,英语,2025级,英语2501,139 1234 5678,,共青团员,,,否\n",
        "2025110104,金丝雀,男,英语,2025级,英语2501,139-1234-5678,,共青团员,,,否\n",
        "2025110104,金丝雀,男,英语,2025级,英语2501,１３９１２３４５６７８,,共青团员,,,否\n",
        "2025110104,金丝雀,男,英语,13912345678,英语2501,1-102,,共青团员,,,否\n",
        "2025110104,金丝雀,男,英语,2025级,英语2501,1-102,,13912345678,,,否\n",
        "2025110104,金丝雀,男,英语,2025级,英语2501,1-102,,共青团员,,,13912345678\n",
        "13912345678,金丝雀,男,英语,2025级,英语2501,1-102,,共青团员,,,否\n"
        "13912345678,金丝雀,男,英语,2025级,英语2501,1-102,,共青团员,,,否\n",
        "2025110104,金丝雀,low_motivation,英语,2025级,英语2501,1-102,,共青团员,,self_discipline,否\n",
    };
    for (std::size_t i = 0; i < shifted.size(); ++i) {
      const auto name = "shifted" + std::to_string(i) + ".csv";
      box.write(name, header + shifted[i]);
      c.any(at("2026-09-08", {"import", "students", name, "--dry-run"}));
    }
    // A roster without its header row: the first data row is read as the header.
    box.write("headless.csv", canary_row + canary_row);
    c.fails(at("2026-09-08", {"import", "students", "headless.csv"}));
    // Staff: a phone in 角色, in 负责年级 and in 工号; a category as a role.
    const std::vector<std::string> staff{
        "T003,李老师,13912345678,,2023级,,\n",
        "T003,李老师,辅导员,,13912345678,,\n",
        "T003,李老师,心理素质较差,,2023级,,\n",
        "T003,李老师,辅导员,,2023级,,\nT003,13912345678,检查组,,,,\n",
    };
    for (std::size_t i = 0; i < staff.size(); ++i) {
      const auto name = "staff" + std::to_string(i) + ".csv";
      box.write(name, std::string("工号,姓名,角色,联系方式,负责年级,负责班级,党支部\n") + staff[i]);
      c.fails(at("2026-09-08", {"import", "staff", name}));
    }
    box.write("dorms.csv",
              "寝室,性别,容量,年级\n13912345678,男,6,\n1-103,心理素质较差,6,\n1-104,男,13912345678,\n"
              "1-105,男,6,13912345678\n");
    c.fails(at("2026-09-08", {"import", "dorms", "dorms.csv"}));
    c.check_nothing_shown();
  }

  TEST_CASE("canary: log-visit, check and report flags given a phone or a category never echo it") {
    Sandbox box;
    Runs runs{box, {}};
    build(runs);
    Canary c{box, {}};
    const char* d = "2026-09-21";
    for (const auto& v : k_canary_values) {
      c.fails(at(d, {"log-visit", "--member", v, "--dorm", "1-102", "--at", "2026-09-08 19:30"}));
      c.fails(at(d, {"log-visit", "--member", "李明", "--dorm", v, "--at", "2026-09-08 19:30"}));
      c.fails(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--kind", "谈心", "--at", "2026-09-08 19:30",
                     "--talked", v}));
      c.fails(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--kind", v, "--at", "2026-09-08 19:30"}));
      c.fails(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--at", v}));
      c.fails(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--channel", v, "--at", "2026-09-08 19:30"}));
      c.fails(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--kind", "incident", "--at",
                     "2026-09-08 19:30", "--category", v}));
      c.fails(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--kind", "incident", "--at",
                     "2026-09-08 19:30", "--category", "打架", "--severity", v}));
      c.fails(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--kind", "incident", "--at",
                     "2026-09-08 19:30", "--category", "打架", "--reported-to", v}));
      c.fails(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--kind", "incident", "--at",
                     "2026-09-08 19:30", "--category", "打架", "--reported-at", v}));
      c.fails(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--at", "2026-09-08 19:30", "--from-csv",
                     "none.csv", "--encoding", v}));
      c.fails(at(d, {"check", "--member", v}));
      c.fails(at(d, {"check", "--counselor", v}));
      c.fails(at(d, {"check", "--semester", v}));
      c.fails(at(d, {"check", "--format", v}));
      c.fails(at(d, {"report", "feedback", "--member", v, "--period", "1"}));
      c.fails(at(d, {"report", "feedback", "--member", "李明", "--period", v}));
      c.fails(at(d, {"report", "feedback", "--all", "--counselor", v, "--period", "1"}));
      c.fails(at(d, {"report", "summary", "--counselor", v, "--period", "1"}));
      c.fails(at(d, {"report", "assessment", "--semester", "2026-autumn", "--branch", v}));
      c.fails(at(d, {"report", "assessment", "--semester", v}));
      c.fails(at(d, {"report", "inspection", "--semester", "2026-autumn", "--branch", v}));
      c.fails(at(d, {"report", "feedback", "--member", "李明", "--period", "1", "--format", "csv", "--sheet", v}));
      c.fails(at(d, {"report", "feedback", "--member", "李明", "--period", "1", "--audience", v}));
    }
    // A phone that is a record number, and the feedback form's columns in a batch file.
    c.fails(at(d, {"withdraw", "13912345678", "--reason", "x"}));
    c.fails(at(d, {"log-visit", "--corrects", "13912345678", "--member", "李明", "--dorm", "1-102", "--at",
                   "2026-09-08 19:30", "--reason", "x"}));
    box.write("batch.csv",
              "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型,事件类别,严重程度,报告对象,报告时间\n"
              "金丝雀 13912345678,1-102,2026-09-08 19:30,,,,,,\n"
              "李明,13912345678,2026-09-08 19:30,,,,,,\n"
              "李明,1-102,13912345678,,,,,,\n"
              "李明,1-102,2026-09-08 19:30,金丝雀 13912345678（心理素质较差）,谈心,,,,\n"
              "李明,1-102,2026-09-08 19:30,,心理素质较差,,,,\n"
              "李明,1-102,2026-09-08 19:30,,特殊情况,13912345678,心理素质较差,13912345678,13912345678\n");
    c.fails(at(d, {"log-visit", "--from-csv", "batch.csv"}));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 0);
    c.check_nothing_shown();
  }

  TEST_CASE("canary: inspect, export, assign, import and global flags given a phone or a category never echo it") {
    Sandbox box;
    Runs runs{box, {}};
    build(runs);
    Canary c{box, {}};
    const char* d = "2026-09-21";
    for (const auto& v : k_canary_values) {
      c.fails(
          at(d, {"inspect", "record", "--member", v, "--dorm", "1-102", "--inspector", "王检查", "--confirmed", "1"}));
      c.fails(
          at(d, {"inspect", "record", "--member", "李明", "--dorm", v, "--inspector", "王检查", "--confirmed", "1"}));
      c.fails(at(d, {"inspect", "record", "--member", "李明", "--dorm", "1-102", "--inspector", "王检查", "--confirmed",
                     "1:" + v}));
      c.fails(at(d, {"inspect", "record", "--member", "李明", "--dorm", "1-102", "--inspector", "王检查",
                     "--contradicted", v}));
      c.fails(at(d, {"inspect", "record", "--member", "李明", "--dorm", "1-102", "--inspector", "王检查", "--confirmed",
                     "1", "--on", v}));
      c.any(at(d, {"inspect", "sample", "--seed", v, "--dry-run"}));
      c.fails(at(d, {"inspect", "sample", "--rate", v}));
      c.fails(at(d, {"inspect", "sample", "--semester", v}));
      c.fails(at(d, {"export", "assessment", "--semester", v}));
      c.fails(at(d, {"export", v}));
      c.fails(at(d, {"export", "students", "--audience", v}));
      c.fails(at(d, {"assign", "--dry-run", "--semester", "2026-autumn", "--explain", v}));
      c.fails(at(d, {"assign", "--dry-run", "--semester", "2026-autumn", "--pin", v + ":1-101"}));
      c.fails(at(d, {"assign", "--dry-run", "--semester", "2026-autumn", "--pin", "2023110101:" + v}));
      c.fails(at(d, {"assign", "--dry-run", "--semester", "2026-autumn", "--forbid", v}));
      c.any(at(d, {"assign", "--dry-run", "--semester", "2026-autumn", "--exclude", v}));
      c.fails(at(d, {"assign", "--dry-run", "--semester", v}));
      c.fails(at(d, {"import", "students", "students.csv", "--semester", v}));
      c.fails(at(d, {"import", "students", "students.csv", "--encoding", v}));
      c.fails(at(d, {"withdraw", v, "--reason", "x"}));
      c.fails(at(d, {"log-visit", "--corrects", v, "--member", "李明", "--dorm", "1-102", "--at", "2026-09-08 19:30",
                     "--reason", "x"}));
      c.fails({"--db", "college.db", "--as-of", v, "check"});
      c.fails({"--db", "college.db", "--as-of", d, "--lang", v, "check"});
      c.fails(at(d, {"roster", "--format", v}));
      c.fails(at(d, {"check", v}));
    }
    c.check_nothing_shown();
  }

  TEST_CASE("SQL metacharacters in names and notes round-trip untouched and match only themselves") {
    Sandbox box;
    Runs runs{box, {}};
    build(runs);
    const char* d = "2026-09-21";
    const std::string drop = "'); DROP TABLE student;--";
    runs.run(at(d, {"log-visit", "--member", "李明", "--dorm", "1-102", "--kind", "谈心", "--at", "2026-09-08 19:30",
                    "--talked", drop, "--progress", "%_ 100% done_", "--note", "'); DROP TABLE record;--"}));
    runs.run(at(d, {"log-visit", "--member", "李明", "--dorm", "1-101", "--kind", "谈心", "--at", "2026-09-08 20:00",
                    "--talked", "%", "--progress", "_"}));
    // % and _ are names, not patterns: they resolve to exactly one student each.
    const auto member_pct = runs.run(
        at(d, {"log-visit", "--member", "%", "--dorm", "1-101", "--kind", "走访", "--at", "2026-09-08 19:00"}), 65);
    CHECK(has(member_pct.err, "2025110105"));
    CHECK_FALSE(has(member_pct.err, "2025110106"));
    const auto talked_us = runs.run(at(d, {"log-visit", "--member", "李明", "--dorm", "1-101", "--kind", "谈心", "--at",
                                           "2026-09-08 20:10", "--talked", "_"}));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record_student WHERE student_id = '2025110106'") == 1);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record_student WHERE student_id = '2025110105'") == 1);
    // Every table is still there; the text is exactly as typed, in every output.
    CHECK(box.query_int("college.db", "SELECT count(*) FROM student") == 6);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 3);
    const auto raw = runs.run(at(d, {"export", "contacts", "--raw"})).out;
    CHECK(has(raw, "2025110103 " + drop));
    CHECK(has(raw, ",%_ 100% done_,'); DROP TABLE record;--,"));
    const auto json =
        runs.run(at(d, {"report", "feedback", "--member", "李明", "--period", "1", "--format", "json"})).out;
    CHECK(has(json, "\"name\": \"'); DROP TABLE student;--\""));
    CHECK(has(json, "\"progress\": \"%_ 100% done_\""));
    CHECK(has(json, "\"note\": \"'); DROP TABLE record;--\""));
    const auto students = runs.run(at(d, {"export", "students", "--raw"})).out;
    CHECK(has(students, "2025110103,'); DROP TABLE student;--,"));
    CHECK(has(students, "2025110105,%,"));
    CHECK(has(students, "2025110106,_,"));
    runs.run(at(d, {"verify"}));
  }

  TEST_CASE("the database, its WAL and written files are 0600 whatever the umask") {
    Sandbox box;
    box.write("dormlink.toml", k_config);
    box.write("staff.csv", k_staff);
    box.write("students.csv", k_students);
    const std::string bin = DORMLINK_BINARY;
    const auto under_umask = [&](const std::string& args) {
      auto r = box.run_program("/bin/bash",
                               {"-c", "umask 000; exec '" + bin + "' --db college.db --as-of 2026-09-07 " + args});
      INFO(args << ": " << r.err);
      CHECK(r.exit_code == 0);
      return r;
    };
    under_umask("init");
    under_umask("import staff staff.csv");
    under_umask("import students students.csv");
    under_umask("export students -o students.out.csv");
    under_umask("export students --format xlsx -o students.out.xlsx");
    under_umask("assign --semester 2026-autumn --pin 2023110101:1-101 --pin 2023110101:1-102 --pin 2023110102:1-501");
    under_umask("report summary --counselor T001 --period 1 -o summary.md");
    const auto mode = [&](const std::string& name) {
      struct stat st {};
      REQUIRE(::stat(box.path(name).c_str(), &st) == 0);
      return st.st_mode & 0777;
    };
    CHECK(mode("college.db") == 0600);
    CHECK(mode("students.out.csv") == 0600);
    CHECK(mode("students.out.xlsx") == 0600);
    CHECK(mode("summary.md") == 0600);
    // The WAL and shared-memory files: kept while this test holds a connection open, written
    // by a command running under umask 000. SQLite gives them the database file's mode.
    {
      SQLite::Database holder(box.path("college.db"), SQLite::OPEN_READONLY);
      CHECK(holder.execAndGet("SELECT count(*) FROM student").getInt() == 6);
      under_umask("log-visit --member 李明 --dorm 1-101 --kind 走访 --at '2026-09-07 19:00' -q");
      CHECK(mode("college.db-wal") == 0600);
      CHECK(mode("college.db-shm") == 0600);
    }
  }

  TEST_CASE("a database other users can read gets a warning, 0600 gets none") {
    Sandbox box;
    box.write("dormlink.toml", k_config);
    REQUIRE(box.run({"--db", "college.db", "--as-of", "2026-09-07", "init"}).exit_code == 0);
    auto quiet = box.run({"--db", "college.db", "--as-of", "2026-09-07", "roster"});
    CHECK(quiet.exit_code == 0);
    CHECK_FALSE(has(quiet.err, "warning"));
    REQUIRE(::chmod(box.path("college.db").c_str(), 0644) == 0);
    auto warned = box.run({"--db", "college.db", "--as-of", "2026-09-07", "roster"});
    INFO(warned.err);
    CHECK(warned.exit_code == 0);
    CHECK(has(warned.err, "warning: college.db can be read by other users (mode 0644)"));
    CHECK(has(warned.err, "chmod 600 college.db"));
    REQUIRE(::chmod(box.path("college.db").c_str(), 0640) == 0);
    CHECK(has(box.run({"--db", "college.db", "--as-of", "2026-09-07", "-q", "roster"}).err, "mode 0640"));
  }
}
