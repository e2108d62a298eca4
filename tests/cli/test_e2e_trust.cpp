// End-to-end: nothing destroyed, forged or leaked (docs/security.md "Trust").
// - No command writes its output onto the database, its -wal/-shm/-journal or the config in
//   use, whatever --force says (exit 73, nothing written).
// - Output that does not arrive is exit 74; what is recorded because it was printed (--submit,
//   inspect sample) is not recorded then.
// - A correction is of a live record of the same member and kind; event times are never later
//   than the real moment of entry (the real clock is moved with libfaketime, never --as-of).
// - Every CSV meant for Excel guards formula-like cells; --raw is the only unguarded form.
// - A talk "with" the member herself is refused; a talk entered late is shown as 补录 like a visit.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

constexpr const char* k_config = dormlink::e2e::k_small_config;

constexpr const char* k_staff = dormlink::e2e::k_small_staff_with_inspector;

// The second member's name is what a hostile roster would carry into Excel.
constexpr const char* k_formula = "=cmd|' /C calc'!A0";
constexpr const char* k_students =
    "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
    "2023110101,李明,男,英语,2023级,英语2301,1-501,13800000001,中共预备党员,英语党支部,,是\n"
    "2023110102,=cmd|' /C calc'!A0,男,英语,2023级,英语2301,1-501,13800000002,中共党员,英语党支部,,否\n"
    "2025110101,张三,男,英语,2025级,英语2501,1-101,,共青团员,,,是\n"
    "2025110102,李四,男,英语,2025级,英语2501,1-101,,共青团员,,,否\n"
    "2025110103,王五,男,英语,2025级,英语2501,1-102,,共青团员,,,是\n"
    "2025110104,赵六,男,英语,2025级,英语2501,1-102,,共青团员,,,否\n";

std::vector<std::string> at(const char* as_of, std::vector<std::string> more) {
  std::vector<std::string> all{"--db", "college.db", "--as-of", as_of};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

Result ok(const Sandbox& box, const std::vector<std::string>& args) {
  auto r = box.run(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

// A two-member college: 李明 holds 1-101, the formula-named member 1-102 and 1-501.
void build(const Sandbox& box) {
  box.write("dormlink.toml", k_config);
  box.write("staff.csv", k_staff);
  box.write("students.csv", k_students);
  ok(box, at("2026-09-07", {"init"}));
  ok(box, at("2026-09-07", {"import", "staff", "staff.csv"}));
  ok(box, at("2026-09-07", {"import", "students", "students.csv"}));
  ok(box, at("2026-09-07",
             {"assign", "-q", "--pin", "2023110101:1-101", "--pin", "2023110102:1-102", "--pin", "2023110102:1-501"}));
}

// Everything a command could destroy: the database, its WAL and journal, and the config.
std::string state(const Sandbox& box) {
  std::string all;
  // Not the -shm file: readers update its read marks; a missing file reads as empty (a reader
  // may create an empty WAL).
  for (const char* f : {"college.db", "college.db-wal", "college.db-journal", "dormlink.toml"}) {
    all += std::string(f) + ":" + (std::filesystem::exists(box.path(f)) ? box.read(f) : std::string()) + "\n";
  }
  return all;
}

// Runs dormlink under bash with a file-size limit of 0 (SIGXFSZ ignored): every write to a file fails.
Result run_no_file_space(const Sandbox& box, const std::string& args) {
  return box.run_program("/bin/bash",
                         {"-c", std::string("trap '' XFSZ; ulimit -f 0; exec ") + DORMLINK_BINARY + " " + args});
}

}  // namespace

TEST_SUITE("e2e.trust") {
  TEST_CASE("no command writes onto the database, its side files or the config, even with --force") {
    Sandbox box;
    build(box);
    ok(box, at("2026-09-21", {"-q", "log-visit", "--member", "李明", "--dorm", "1-101", "--at", "2026-09-08 19:00"}));
    ok(box, at("2026-09-21", {"-q", "report", "feedback", "--member", "李明", "--period", "1", "--submit",
                              "--on-behalf", "--reason", "代为整理", "-o", "form.md"}));
    ::symlink("college.db", box.path("alias.db").c_str());
    ::link(box.path("dormlink.toml").c_str(), box.path("rules.toml").c_str());
    std::filesystem::create_directory(box.path("sub"));
    const std::vector<std::string> targets{"college.db",         "college.db-wal",    "college.db-shm",
                                           "college.db-journal", "dormlink.toml",     "alias.db",
                                           "rules.toml",         "sub/../college.db", "./sub/../college.db-wal"};
    const std::vector<std::vector<std::string>> commands{
        {"report", "feedback", "--member", "2023110101", "--period", "1"},
        {"report", "feedback", "--member", "2023110101", "--period", "1", "--submitted"},
        {"report", "summary", "--counselor", "T001", "--period", "1"},
        {"report", "assessment", "--semester", "2026-autumn"},
        {"report", "inspection", "--semester", "2026-autumn"},
        {"report", "assessment", "--semester", "2026-autumn", "--format", "xlsx"},
        {"export", "contacts"},
        {"export", "students", "--format", "json"},
        {"export", "assignments"},
    };
    const auto before = state(box);
    for (const auto& target : targets) {
      for (const auto& command : commands) {
        auto args = at("2026-09-21", command);
        args.insert(args.end(), {"-o", target, "--force"});
        const auto r = box.run(args);
        INFO(target << ": " << command[0] << " " << command[1] << "\n" << r.err);
        CHECK(r.exit_code == 73);
        CHECK(has(r.err, "never writes output there"));
      }
      for (const auto& args : {std::vector<std::string>{"--db", "college.db", "backup", target, "--force"},
                               std::vector<std::string>{"--db", "college.db", "backup", target}}) {
        const auto r = box.run(args);
        INFO(target << ": backup\n" << r.err);
        CHECK(r.exit_code == 73);
      }
      CHECK(state(box) == before);
    }
    // The same file under another database is fine: the guard is about the one in use.
    auto other = box.run({"--db", "other.db", "--config", "dormlink.toml", "--as-of", "2026-09-21", "init"});
    CHECK(other.exit_code == 0);
  }

  TEST_CASE("output that does not arrive is exit 74, and what was recorded because it was printed is not") {
    Sandbox box;
    build(box);
    ok(box, at("2026-09-21", {"-q", "log-visit", "--member", "李明", "--dorm", "1-101", "--at", "2026-09-08 19:00"}));
    const auto before = state(box);
    for (const auto& command :
         std::vector<std::vector<std::string>>{{"export", "contacts"},
                                               {"export", "assignments"},
                                               {"check"},
                                               {"check", "--format", "json"},
                                               {"roster"},
                                               {"verify"},
                                               {"assign", "--dry-run"},
                                               {"report", "feedback", "--member", "李明", "--period", "1"},
                                               {"report", "summary", "--counselor", "T001", "--period", "1"},
                                               {"report", "assessment", "--semester", "2026-autumn"},
                                               {"inspect", "sample", "--size", "1", "--seed", "7", "--dry-run"}}) {
      const auto r = box.run_with_stdout("/dev/full", at("2026-09-21", command));
      INFO(command[0] << " " << (command.size() > 1 ? command[1] : "") << "\n" << r.err);
      CHECK(r.exit_code == 74);
      CHECK(has(r.err, "cannot write to standard output"));
      CHECK(state(box) == before);
    }

    const auto submit =
        box.run_with_stdout("/dev/full", at("2026-09-21", {"report", "feedback", "--member", "李明", "--period", "1",
                                                           "--submit", "--on-behalf", "--reason", "代为整理"}));
    CHECK(submit.exit_code == 74);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission") == 0);
    const auto sample = box.run_with_stdout("/dev/full", at("2026-09-21", {"inspect", "sample", "--size", "1"}));
    CHECK(sample.exit_code == 74);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM inspection_sample") == 0);

    // A receipt goes to standard error: a full standard output does not hide what was saved.
    const auto saved = box.run_with_stdout("/dev/full", at("2026-09-21", {"log-visit", "--member", "李明", "--dorm",
                                                                          "1-101", "--at", "2026-09-09 19:00"}));
    CHECK(saved.exit_code == 0);
    CHECK(has(saved.err, "saved record #2 · "));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 2);

    // A file that cannot be written: exit 74, no file and no temp file left behind.
    const auto full = run_no_file_space(box, "--db college.db --as-of 2026-09-21 export contacts -o contacts.csv");
    INFO(full.err);
    CHECK(full.exit_code == 74);
    for (const auto& entry : std::filesystem::directory_iterator(box.dir())) {
      CHECK_FALSE(has(entry.path().filename().string(), "contacts.csv"));
    }
    const auto form = run_no_file_space(box,
                                        "--db college.db --as-of 2026-09-21 report feedback --member 李明 --period 1 "
                                        "--submit --on-behalf --reason x -o form.md");
    CHECK(form.exit_code == 74);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission") == 0);
  }

  TEST_CASE("a correction is of a live record of the same member and kind, anything else changes nothing") {
    Sandbox box;
    build(box);
    const char* d = "2026-09-21";
    ok(box, at(d, {"-q", "log-visit", "--member", "李明", "--dorm", "1-101", "--at", "2026-09-08 19:00"}));  // #1
    ok(box, at(d, {"-q", "log-visit", "--member", "2023110102", "--dorm", "1-102", "--kind", "谈心", "--at",
                   "2026-09-08 20:00", "--talked", "王五"}));  // #2, the other member's talk
    ok(box, at(d, {"-q", "log-visit", "--member", "李明", "--dorm", "1-101", "--kind", "activity", "--at",
                   "2026-09-09 20:00"}));  // #3
    const auto before = state(box);
    auto refused = [&](std::vector<std::string> more, const char* says) {
      auto r = box.run(at(d, more));
      INFO(r.err);
      CHECK(r.exit_code == 65);
      CHECK(has(r.err, says));
      CHECK(state(box) == before);
    };
    refused({"log-visit", "--corrects", "2", "--member", "李明", "--dorm", "1-101", "--kind", "谈心", "--at",
             "2026-09-08 20:00", "--talked", "张三", "--reason", "记错了"},
            "belongs to member 2023110102, not 2023110101");
    refused({"log-visit", "--corrects", "3", "--member", "李明", "--dorm", "1-101", "--kind", "incident", "--at",
             "2026-09-09 20:00", "--category", "打架", "--reason", "其实是打架"},
            "a correction keeps the kind");
    refused({"log-visit", "--corrects", "0", "--member", "李明", "--dorm", "1-101", "--at", "2026-09-08 19:30",
             "--reason", "x"},
            "--corrects \"0\"");
    refused({"log-visit", "--corrects=-1", "--member", "李明", "--dorm", "1-101", "--at", "2026-09-08 19:30",
             "--reason", "x"},
            "--corrects \"-1\"");
    refused({"log-visit", "--corrects", "99", "--member", "李明", "--dorm", "1-101", "--at", "2026-09-08 19:30",
             "--reason", "x"},
            "there is no record #99");
    // The member's own visit, moved to another dorm with a reason: accepted.
    ok(box, at(d, {"-q", "log-visit", "--corrects", "1", "--member", "李明", "--dorm", "1-102", "--at",
                   "2026-09-08 19:30", "--reason", "寝室记错"}));
    const auto corrected = state(box);
    const auto again = box.run(at(d, {"log-visit", "--corrects", "1", "--member", "李明", "--dorm", "1-101", "--at",
                                      "2026-09-08 19:40", "--reason", "again"}));
    CHECK(again.exit_code == 65);
    CHECK(has(again.err, "already corrected or withdrawn by #4"));
    CHECK(state(box) == corrected);
    const auto contacts = ok(box, at(d, {"export", "contacts", "--raw"})).out;
    CHECK(has(contacts, "王五"));  // the other member keeps the talk
  }

  TEST_CASE("event times are never later than the real moment of entry, whatever --as-of says") {
    Sandbox box;
    build(box);
    const std::string now = "2026-09-16 04:00:00";  // 12:00 in the college's zone (Asia/Shanghai), week 2
    const auto before = state(box);
    auto future = box.run_at(
        now, at("2026-09-25", {"log-visit", "--member", "李明", "--dorm", "1-101", "--at", "2026-09-23 19:00"}));
    INFO(future.err);
    CHECK(future.exit_code == 65);
    CHECK(has(future.err, "--at \"2026-09-23 19:00\" is later than now (2026-09-16 12:00)"));
    auto silenced = box.run_at(now, at("2026-09-16", {"log-visit", "--member", "李明", "--dorm", "1-101", "--kind",
                                                      "incident", "--at", "2026-09-15 22:00", "--category", "打架",
                                                      "--reported-to", "辅导员", "--reported-at", "2026-09-17 09:00"}));
    CHECK(silenced.exit_code == 65);
    CHECK(has(silenced.err, "--reported-at \"2026-09-17 09:00\" is later than now"));
    auto inspected = box.run_at(now, at("2026-09-25", {"inspect", "record", "--member", "李明", "--dorm", "1-101",
                                                       "--inspector", "王检查", "--confirmed", "1"}));
    CHECK(inspected.exit_code == 64);
    CHECK(has(inspected.err, "is after today (2026-09-16)"));
    auto submitted = box.run_at(now, at("2026-09-25", {"report", "feedback", "--member", "李明", "--period", "1",
                                                       "--submit", "--on-behalf", "--reason", "代为整理"}));
    CHECK(submitted.exit_code == 64);
    CHECK(has(submitted.err, "is after today (2026-09-16)"));
    CHECK(state(box) == before);

    // Reported in time and entered now: the entry time is the real clock, not --as-of.
    auto reported =
        box.run_at(now, at("2026-09-25", {"-q", "log-visit", "--member", "李明", "--dorm", "1-101", "--kind",
                                          "incident", "--at", "2026-09-15 22:00", "--category", "打架", "--reported-to",
                                          "辅导员", "--reported-at", "2026-09-16 09:00"}));
    INFO(reported.err);
    REQUIRE(reported.exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record WHERE entered_at LIKE '2026-09-16 12:0%'") == 1);
    // The counselor confirms receiving it at 09:00 (the report time that counts, docs/check.md
    // "Cases"); check counts it only from the day it was made.
    const auto incident = box.query_int("college.db", "SELECT id FROM record WHERE kind = 'incident'");
    auto acknowledged = box.run_at(now, at("2026-09-25", {"-q", "incident", "ack", std::to_string(incident), "--by",
                                                          "T001", "--at", "2026-09-16 09:00"}));
    INFO(acknowledged.err);
    REQUIRE(acknowledged.exit_code == 0);
    auto check_on = [&](const char* day) {
      return box.run(at(day, {"check", "--all", "--format", "csv", "--raw"})).out;
    };
    // Found 09-15 22:00: due 09-16 (24 hours), listed from that day only, so pending on 09-15.
    CHECK(has(check_on("2026-09-15"), "pending,incident_report"));
    CHECK_FALSE(has(check_on("2026-09-16"), "incident_report"));
  }

  TEST_CASE("every CSV meant for Excel guards formula-like cells, --raw is the only unguarded form") {
    Sandbox box;
    build(box);
    const char* d = "2026-09-21";
    const std::string guarded = std::string("'") + k_formula;
    auto lines_start_with_formula = [](const std::string& csv) {
      return has(csv, std::string(",") + k_formula) || has(csv, std::string("\n") + k_formula) ||
             has(csv, std::string("\"") + k_formula) || csv.rfind(k_formula, 0) == 0;
    };
    for (const auto& command : std::vector<std::vector<std::string>>{
             {"export", "assignments"},
             {"export", "members"},
             {"assign", "--dry-run", "--format", "csv"},
             {"check", "--format", "csv"},
             {"report", "summary", "--counselor", "T001", "--period", "1", "--audience", "counselor", "--format",
              "csv"},
             {"report", "assessment", "--semester", "2026-autumn", "--format", "csv"}}) {
      const auto out = box.run(at(d, command)).out;
      INFO(command[0] << " " << command[1] << ":\n" << out);
      CHECK(has(out, guarded));
      CHECK_FALSE(lines_start_with_formula(out));
      CHECK(out.rfind("\xEF\xBB\xBF", 0) == 0);  // a BOM: this CSV is for Excel
    }
    for (const auto& command :
         std::vector<std::vector<std::string>>{{"export", "assignments", "--raw"},
                                               {"assign", "--dry-run", "--format", "csv", "--raw"},
                                               {"check", "--format", "csv", "--raw"}}) {
      const auto out = box.run(at(d, command)).out;
      INFO(command[0] << " " << command[1] << ":\n" << out);
      CHECK(lines_start_with_formula(out));
      CHECK_FALSE(has(out, guarded));
    }
    CHECK(box.run(at(d, {"check", "--raw"})).exit_code == 64);
  }

  TEST_CASE("a talk with the member herself is refused, a talk entered late is shown as 补录, like a visit") {
    Sandbox box;
    build(box);
    const auto self = box.run(at("2026-09-21", {"log-visit", "--member", "李明", "--dorm", "1-101", "--kind", "谈心",
                                                "--at", "2026-09-08 19:00", "--talked", "张三,李明"}));
    CHECK(self.exit_code == 65);
    CHECK(has(self.err, "is the member who made the contact"));
    // Week 1's talks and visits, entered in week 3 (the real clock moved there).
    for (const char* who : {"张三", "李四"}) {
      const auto r = box.run_at("2026-09-22 04:00:00",
                                at("2026-09-22", {"-q", "log-visit", "--member", "李明", "--dorm", "1-101", "--kind",
                                                  "谈心", "--at", "2026-09-08 19:00", "--talked", who}));
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
    }
    for (const char* when : {"2026-09-08 20:00", "2026-09-10 20:00"}) {
      REQUIRE(box.run_at("2026-09-22 04:00:00",
                         at("2026-09-22", {"-q", "log-visit", "--member", "李明", "--dorm", "1-101", "--at", when}))
                  .exit_code == 0);
    }
    const auto form = ok(box, at("2026-09-22", {"report", "feedback", "--member", "李明", "--period", "1"})).out;
    INFO(form);
    CHECK(has(form, "| 走访 | 1-101 | 第1周 | 2 | 2 | 已完成（补录） |"));
    CHECK(has(form, "| 谈心 | 1-101 | 第1周 | 2 | 2 | 已完成（补录） |"));
    const auto json =
        ok(box, at("2026-09-22", {"report", "feedback", "--member", "李明", "--period", "1", "--format", "json"})).out;
    CHECK(has(json, "{\"rule\": \"talks\", \"status\": \"met_late\", \"dorm\": \"1-101\", \"period\": 1"));
  }
}

namespace {

std::string sqlite_cli(const Sandbox& box, const std::string& sql) {
  auto r = box.run_program("/usr/bin/sqlite3", {box.path("college.db"), sql});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// Removes records from `id` on as someone with the sqlite3 CLI would: triggers dropped first.
void remove_records_from(const Sandbox& box, int id) {
  const auto n = std::to_string(id);
  sqlite_cli(box,
             "DROP TRIGGER record_no_delete; DROP TRIGGER record_student_no_delete; "
             "DROP TRIGGER record_content_no_delete; DELETE FROM record_student WHERE record_id >= " +
                 n + "; DELETE FROM record_content WHERE record_id >= " + n + "; DELETE FROM record WHERE id >= " + n +
                 ";");
}

// Three visits by 李明 in week 1.
void three_visits(const Sandbox& box) {
  for (const char* when : {"2026-09-08 19:00", "2026-09-09 19:00", "2026-09-10 19:00"}) {
    ok(box, at("2026-09-21", {"-q", "log-visit", "--member", "李明", "--dorm", "1-101", "--at", when}));
  }
}

}  // namespace

TEST_SUITE("e2e.trust") {
  TEST_CASE("verify checks the chain against every submission, backup receipt and given head") {
    Sandbox box;
    build(box);
    three_visits(box);
    const auto head3 = sqlite_cli(box, "SELECT hash FROM record WHERE id = 3").substr(0, 64);
    const auto head2 = sqlite_cli(box, "SELECT hash FROM record WHERE id = 2").substr(0, 64);
    SUBCASE("the newest record removed, a submitted form names it") {
      ok(box, at("2026-09-21", {"-q", "report", "feedback", "--member", "李明", "--period", "1", "--submit",
                                "--on-behalf", "--reason", "代为整理"}));
      CHECK(has(ok(box, {"--db", "college.db", "verify"}).out, "agrees with 1 submission, 0 backups"));
      remove_records_from(box, 3);
      const auto r = box.run({"--db", "college.db", "verify"});
      INFO(r.out);
      CHECK(r.exit_code == 1);
      CHECK(r.out.rfind("verify: FAILED at record 3: record #3 is missing: submission #1", 0) == 0);
      CHECK(has(r.out, "was built on 3 records (head " + head3.substr(0, 12) + "), the database holds 2"));
      SUBCASE("and another written in its place") {
        ok(box,
           at("2026-09-21", {"-q", "log-visit", "--member", "李明", "--dorm", "1-101", "--at", "2026-09-11 19:00"}));
        const auto again = box.run({"--db", "college.db", "verify"});
        CHECK(again.exit_code == 1);
        CHECK(again.out.rfind("verify: FAILED at record 3: record #3 is not the one submission #1", 0) == 0);
      }
    }
    SUBCASE("the newest record removed, a backup receipt names it") {
      ok(box, {"--db", "college.db", "-q", "backup", "copy.db"});
      remove_records_from(box, 3);
      const auto r = box.run({"--db", "college.db", "verify"});
      CHECK(r.exit_code == 1);
      CHECK(r.out.rfind("verify: FAILED at record 3: record #3 is missing: backup #1", 0) == 0);
    }
    SUBCASE("a record in the middle removed is named by its number") {
      sqlite_cli(box,
                 "DROP TRIGGER record_no_delete; DROP TRIGGER record_content_no_delete; "
                 "DELETE FROM record_content WHERE record_id = 2; DELETE FROM record WHERE id = 2;");
      const auto r = box.run({"--db", "college.db", "verify"});
      CHECK(r.exit_code == 1);
      CHECK(r.out.rfind("verify: FAILED at record 2: record #2 is missing: the chain goes from #1 to #3\n"
                        "verify: 1 records before it are intact\n",
                        0) == 0);
    }
    SUBCASE("--expect-head: the head now, or the head at a count, any case, 8 or more digits") {
      const auto now = ok(box, {"--db", "college.db", "verify", "--expect-head", head3.substr(0, 8)});
      CHECK(has(now.out, "verify: 3 records intact; chain head " + head3 +
                             "; agrees with 0 submissions, "
                             "0 backups and 1 given head\n"));
      std::string upper = head2;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      ok(box, {"--db", "college.db", "verify", "--expect-head", upper + "@2", "--expect-head", head3});
      const auto wrong_now = box.run({"--db", "college.db", "verify", "--expect-head", head2.substr(0, 12)});
      CHECK(wrong_now.exit_code == 1);
      CHECK(has(wrong_now.out, "the chain head is " + head3.substr(0, 12) + " (3 records), not " + head2.substr(0, 12) +
                                   " as --expect-head"));
      const auto wrong_at = box.run({"--db", "college.db", "verify", "--expect-head", head3.substr(0, 12) + "@2"});
      CHECK(wrong_at.exit_code == 1);
      CHECK(has(wrong_at.out, "FAILED at record 2: record #2 is not the one --expect-head"));
      const auto beyond = box.run({"--db", "college.db", "verify", "--expect-head", head3.substr(0, 12) + "@5"});
      CHECK(beyond.exit_code == 1);
      CHECK(has(beyond.out, "records #4-#5 are missing"));
      for (const char* bad : {"8f3a", "xyz12345", "8f3a0c1d@0", "8f3a0c1d@", "8f3a0c1d@x"}) {
        const auto r = box.run({"--db", "college.db", "verify", "--expect-head", bad});
        INFO(bad << ": " << r.err);
        CHECK(r.exit_code == 64);
        CHECK(has(r.err, "--expect-head"));
      }
    }
  }
}

TEST_SUITE("e2e.trust") {
  TEST_CASE("purge erases the text from submitted forms too, marks them, and the chain still verifies") {
    Sandbox box;
    build(box);
    const std::string secret = "家境困难|母亲*住院";  // escaped differently in Markdown and JSON
    const std::string note = "需要资助_申请中";
    ok(box, at("2026-09-21", {"-q", "log-visit", "--member", "李明", "--dorm", "1-101", "--at", "2026-09-08 19:00",
                              "--progress", secret, "--note", note}));
    ok(box, at("2026-09-21", {"-q", "log-visit", "--member", "李明", "--dorm", "1-101", "--at", "2026-09-10 19:00",
                              "--progress", "正常走访"}));
    ok(box, at("2026-09-21", {"-q", "--lang", "en", "report", "feedback", "--member", "李明", "--period", "1",
                              "--format", "json", "--submit", "--on-behalf", "--reason", "代为整理"}));
    ok(box, at("2026-09-21", {"-q", "report", "feedback", "--member", "李明", "--period", "1", "--submit",
                              "--on-behalf", "--reason", "代为整理"}));
    auto stored = [&] { return box.read("college.db") + box.read("college.db-wal"); };
    REQUIRE(has(stored(), "家境困难\\|母亲\\*住院"));  // the Markdown form's copy
    const auto purge = ok(box, {"--db", "college.db", "purge", "1", "--reason", "学生申请", "--yes"});
    CHECK(has(purge.err, "; erased from 2 submitted forms"));
    const auto bytes = stored();
    for (const std::string& form :
         {secret, note, std::string("家境困难\\|母亲\\*住院"), std::string("需要资助\\_申请中"), std::string("母亲")}) {
      INFO(form);
      CHECK_FALSE(has(bytes, form));
    }
    CHECK(box.query_int("college.db", "SELECT count(*) FROM submission WHERE redacted_by = 3") == 2);
    const auto md =
        box.run(at("2026-09-21", {"report", "feedback", "--member", "李明", "--period", "1", "--submitted"}),
                {{"DORMLINK_MESSAGES", ""}});  // messages in Chinese
    REQUIRE(md.exit_code == 0);
    CHECK(has(md.out, "〔已清除，见记录 \\#3〕"));
    CHECK(has(md.out, "正常走访"));  // the other record's text stays
    CHECK(has(md.err, "部分文字已由清除记录 #3 删去"));
    const auto json = sqlite_cli(box, "SELECT document FROM submission WHERE id = 1");
    CHECK(has(json, "\"progress\": \"[erased, see record #3]\", \"note\": \"[erased, see record #3]\""));
    CHECK(has(json, "\"progress\": \"正常走访\""));
    CHECK(has(ok(box, {"--db", "college.db", "verify"}).out, "agrees with 2 submissions"));
    // Only a purge may rewrite a submitted document.
    const auto forged = box.run_program("/usr/bin/sqlite3",
                                        {box.path("college.db"), "UPDATE submission SET document = 'x' WHERE id = 1"});
    CHECK(forged.exit_code != 0);
  }
}
