// End-to-end: `log-visit` at a terminal is a session (docs/records.md, "Entering a week at the
// terminal"), driven on a real pseudo-terminal with the keystrokes counted.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "harness.hpp"
#include "terminal.hpp"

using dormlink::e2e::run_in_terminal;
using dormlink::e2e::Sandbox;

namespace {

// Friday 2026-11-27, 21:00 in the college's zone (Asia/Shanghai).
constexpr const char* k_friday_evening = "2026-11-27 13:00:00";

// The example college with the autumn assignment committed; 李晴紫 (2023110104, initials lqz)
// holds 10-106 (where she lives, with four others) and 10-107 (four residents).
void assigned_college(const Sandbox& box) {
  dormlink::e2e::setup_example_college(box);
  auto r = box.run(dormlink::e2e::college_args("2026-09-07", {"assign", "-q"}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(box.query_int("college.db",
                        "SELECT count(*) FROM assignment_pair WHERE member_id = '2023110104' AND dorm_code IN "
                        "('10-106', '10-107')") == 2);
}

std::string column(const Sandbox& box, const std::string& sql) {
  SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READONLY);
  SQLite::Statement q(raw, sql);
  std::string out;
  while (q.executeStep()) out += q.getColumn(0).getString() + "\n";
  return out;
}

}  // namespace

TEST_SUITE("e2e.session") {
  TEST_CASE("a member's week (2 dorms, 4 visits, talks with 8 residents) is one session within 90 keystrokes") {
    Sandbox box;
    assigned_college(box);
    const std::vector<std::string> week{
        "lqz",            // the member, by the initials of her name's pinyin
        "1",              // 10-106
        "周二 19:30",     // Tuesday this week
        "12",             // talked with residents 1 and 2
        "",               // no progress text
        "2",              // 10-107, five minutes later (the default)
        "",               //
        "1-4",            // all four residents
        "",               //
        "1",              // 10-106 again
        "星期四晚上7点",  // Thursday 19:00
        "34",             //
        "了解期中复习",   // progress
        "2",              // 10-107
        "",               // 19:05
        "",               // no talks this time
        "",               //
        "",               // end of the session
        "",               // save: yes
    };
    auto run =
        run_in_terminal(box, k_friday_evening, {"--db", "college.db", "log-visit"}, week, {{"DORMLINK_MESSAGES", ""}});
    INFO(run.screen);
    REQUIRE(run.exit_code == 0);
    CHECK_FALSE(run.left_waiting);
    CHECK(run.keystrokes <= 90);
    MESSAGE("the week took " << run.keystrokes << " keystrokes at " << run.prompts << " prompts");
    CHECK(run.screen.find("李晴紫 2023110104 · 联系寝室 10-106, 10-107") != std::string::npos);
    // The member lives in 10-106 and is never offered as her own resident.
    CHECK(run.screen.find("10-106 的学生：1 张晨昕  2 黄佳菁  3 苏惠  4 薛娴\r\n") != std::string::npos);
    CHECK(run.screen.find("已保存 7 条记录 #1–#7") != std::string::npos);
    CHECK(column(box, "SELECT kind || ' ' || dorm_code || ' ' || happened_at FROM record ORDER BY id") ==
          "visit 10-106 2026-11-24 19:30\ntalk 10-106 2026-11-24 19:30\n"
          "visit 10-107 2026-11-24 19:35\ntalk 10-107 2026-11-24 19:35\n"
          "visit 10-106 2026-11-26 19:00\ntalk 10-106 2026-11-26 19:00\n"
          "visit 10-107 2026-11-26 19:05\n");
    CHECK(box.query_int("college.db", "SELECT count(DISTINCT student_id) FROM talk_student") == 8);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM talk_student WHERE student_id = '2023110104'") == 0);
    CHECK(box.run({"--db", "college.db", "verify"}).exit_code == 0);
  }

  TEST_CASE("each answer is checked as it is typed and asked again, and nothing is lost to a typo") {
    Sandbox box;
    assigned_college(box);
    const std::vector<std::string> answers{
        "nobody",           // no such member: asked again
        "lqz",              //
        "3",                // not on the list of her 2 dorms
        "1 tea",            // not a kind or channel
        "1",                //
        "周八 19:30",       // not a weekday
        "明天 19:30",       // not a date form
        "2026-11-28 9:00",  // later than now
        "11.24 19:30",      //
        "9",                // not on the list of 4 residents: never taken as a name
        "zcx",              // 张晨昕 by the initials of her pinyin
        "",                 //
        "2 phone",          // 10-107 by phone
        "11月24日晚7点半",  // the same time as the first contact, but another dorm: fine
        "",                 //
        "",                 //
        "1 当面",           // 10-106 in person at the same time with the same talk: contact 1 again
        "11.24 19:30",      //
        "zcx",              //
        "",                 // refused; the time is asked again
        "11.25 20:00",      //
        "zcx",              //
        "",                 //
        "",                 // end
        "",                 // save
    };
    auto run = run_in_terminal(box, k_friday_evening, {"--db", "college.db", "log-visit"}, answers);
    INFO(run.screen);
    REQUIRE(run.exit_code == 0);
    for (const char* refusal :
         {"--member \"nobody\": no current student", "\"3\": not on the list (1-2)",
          "\"tea\": not a dorm number, a dorm, a kind or a channel", "\"周八 19:30\" is not a date",
          "\"明天 19:30\" is not a date", "--at \"2026-11-28 09:00\" is later than now", "\"9\": not on the list (1-4)",
          "the same record as contact 1"}) {
      CHECK_MESSAGE(run.screen.find(refusal) != std::string::npos, refusal);
    }
    CHECK(run.screen.find("saved 5 records #1-#5") != std::string::npos);
    CHECK(column(box,
                 "SELECT kind || ' ' || channel || ' ' || dorm_code || ' ' || happened_at FROM record ORDER BY id") ==
          "visit in_person 10-106 2026-11-24 19:30\ntalk in_person 10-106 2026-11-24 19:30\n"
          "visit phone 10-107 2026-11-24 19:30\n"
          "visit in_person 10-106 2026-11-25 20:00\ntalk in_person 10-106 2026-11-25 20:00\n");
  }

  TEST_CASE("a session saves nothing when input ends, when declined, or when a record was already saved") {
    Sandbox box;
    assigned_college(box);
    const std::vector<std::string> one{"lqz", "1", "11.24 19:30", "1", "", ""};
    auto ended_answers = one;
    ended_answers.push_back(dormlink::e2e::k_end_of_input);  // Ctrl-D at "Save?"
    auto ended = run_in_terminal(box, k_friday_evening, {"--db", "college.db", "log-visit"}, ended_answers);
    INFO(ended.screen);
    CHECK(ended.exit_code == 0);
    CHECK(ended.screen.find("input ended: 2 records not saved") == std::string::npos);  // ended at the summary
    CHECK(ended.screen.find("nothing was saved") != std::string::npos);
    auto midway = run_in_terminal(box, k_friday_evening, {"--db", "college.db", "log-visit"},
                                  {"lqz", "1", "11.24 19:30", "1", "", "2", dormlink::e2e::k_end_of_input});
    CHECK(midway.screen.find("input ended: 2 records not saved") != std::string::npos);
    auto declined_answers = one;
    declined_answers.push_back("n");
    auto declined = run_in_terminal(box, k_friday_evening, {"--db", "college.db", "log-visit"}, declined_answers);
    CHECK(declined.exit_code == 0);
    CHECK(declined.screen.find("nothing was saved") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 0);
    auto saved_answers = one;
    saved_answers.push_back("y");
    auto saved = run_in_terminal(box, k_friday_evening, {"--db", "college.db", "log-visit"}, saved_answers);
    CHECK(saved.screen.find("saved 2 records #1-#2") != std::string::npos);
    // The same contact again is refused at once, naming the record, and the time asked again.
    auto again = run_in_terminal(box, k_friday_evening, {"--db", "college.db", "log-visit"},
                                 {"lqz", "1", "11.24 19:30", "1", "", "11.24 19:40", "1", "", "", "y"});
    INFO(again.screen);
    CHECK(again.screen.find("an identical record already exists: #1") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 4);
  }

  TEST_CASE("--member, --dorm, --kind and --channel start a session, and pinyin names a resident") {
    Sandbox box;
    assigned_college(box);
    auto run = run_in_terminal(box, k_friday_evening,
                               {"--db", "college.db", "log-visit", "-i", "--member", "李晴紫", "--kind", "谈心",
                                "--channel", "wechat", "--dorm", "10-107", "--at", "昨天 21:00"},
                               {"", "", "liuying", "", "", "是"});
    INFO(run.screen);
    REQUIRE(run.exit_code == 0);
    CHECK(run.screen.find("dorm (1 10-106; 2 10-107; Enter: finish) [10-107]: ") != std::string::npos);
    CHECK(run.screen.find("when [2026-11-26 21:00]: ") != std::string::npos);
    CHECK(column(box, "SELECT kind || ' ' || channel || ' ' || dorm_code || ' ' || happened_at FROM record") ==
          "talk wechat 10-107 2026-11-26 21:00\n");
    CHECK(column(box, "SELECT student_id FROM talk_student") == "2023110107\n");
  }
}

TEST_SUITE("e2e.session") {
  TEST_CASE("purge and an import marking more than 10% as left ask at a terminal and need --yes in scripts") {
    Sandbox box;
    assigned_college(box);
    auto logged = box.run(
        dormlink::e2e::college_args("2026-11-27", {"log-visit", "--member", "2023110104", "--dorm", "10-106", "--at",
                                                   "2026-11-24 19:30", "--progress", "家里经济有困难"}));
    REQUIRE(logged.exit_code == 0);
    const auto before = box.read("college.db") + box.read("college.db-wal");
    // A script without --yes: refused before anything is written, saying what would happen.
    auto script = box.run({"--db", "college.db", "purge", "1", "--reason", "学生申请"});
    CHECK(script.exit_code == 64);
    CHECK(script.err.find("purge erases the personal text of record #1 for good") != std::string::npos);
    CHECK(script.err.find("confirm with --yes") != std::string::npos);
    box.copy_from_source("examples/college/students.csv", "all.csv");
    const auto all = box.read("all.csv");
    box.write("half.csv", all.substr(0, all.find('\n', all.find('\n') + 1) + 1));  // the header and one student
    auto partial = box.run(dormlink::e2e::college_args("2026-11-27", {"import", "students", "half.csv"}));
    CHECK(partial.exit_code == 64);
    CHECK(partial.err.find("half.csv: 1199 of the 1200 students now on the roster are missing from the file") !=
          std::string::npos);
    CHECK(box.read("college.db") + box.read("college.db-wal") == before);
    // At a terminal: asked; anything but yes changes nothing (exit 64), yes goes ahead.
    auto declined = run_in_terminal(box, k_friday_evening, {"--db", "college.db", "purge", "1", "--reason", "学生申请"},
                                    {"n"}, {{"DORMLINK_MESSAGES", ""}});
    CHECK(declined.exit_code == 64);
    CHECK(declined.screen.find("确定继续？[y/N]") != std::string::npos);
    CHECK(declined.screen.find("未确认；未做任何更改") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT purged FROM record_content WHERE record_id = 1") == 0);
    auto confirmed =
        run_in_terminal(box, k_friday_evening, {"--db", "college.db", "purge", "1", "--reason", "学生申请"}, {"y"});
    CHECK(confirmed.exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT purged FROM record_content WHERE record_id = 1") == 1);
    auto imported =
        run_in_terminal(box, k_friday_evening,
                        {"--db", "college.db", "--as-of", "2026-11-27", "import", "students", "half.csv"}, {"yes"});
    INFO(imported.screen);
    CHECK(imported.exit_code == 0);
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM student_version WHERE valid_to IS NULL AND status = 'left'") == 1199);
    // A partial roster says so and is never asked about.
    auto kept =
        box.run(dormlink::e2e::college_args("2026-11-28", {"import", "students", "half.csv", "--keep-missing"}));
    CHECK(kept.exit_code == 0);
  }
}

TEST_SUITE("e2e.session") {
  TEST_CASE("long work shows progress on a terminal's stderr, never in a pipe or with -q") {
    Sandbox box;
    assigned_college(box);
    box.copy_from_source("examples/college/records-2026-autumn.csv", "records.csv");
    auto copy = [&box](const char* name) {
      box.write(name, box.read("college.db"));
      std::filesystem::permissions(box.dir() / name,
                                   std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    };
    copy("quiet.db");
    copy("piped.db");
    // The test hook shows progress from the start, whatever this machine's speed; the real
    // clock runs (libfaketime would stop it), so --as-of dates the records' day instead.
    const std::map<std::string, std::string> at_once{{"DORMLINK_PROGRESS_DELAY_MS", "0"}};
    auto shown = run_in_terminal(
        box, "", {"--db", "college.db", "--as-of", "2026-11-27", "log-visit", "--from-csv", "records.csv"}, {},
        at_once);
    INFO(shown.screen);
    CHECK(shown.exit_code == 0);
    CHECK(shown.screen.find("\r\033[Klog-visit records.csv ") != std::string::npos);
    CHECK(shown.screen.find("/32780 (") != std::string::npos);
    CHECK(shown.screen.find("saved 16390 records #1-#16390") != std::string::npos);
    auto quiet = run_in_terminal(
        box, "", {"--db", "quiet.db", "--as-of", "2026-11-27", "-q", "log-visit", "--from-csv", "records.csv"}, {},
        at_once);
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.screen.empty());
    auto piped =
        box.run({"--db", "piped.db", "--as-of", "2026-11-27", "log-visit", "--from-csv", "records.csv"}, at_once);
    CHECK(piped.exit_code == 0);
    CHECK(piped.err.find('\r') == std::string::npos);
    CHECK(piped.err.find("saved 16390 records") == 0);
  }

  TEST_CASE("backup - writes the copy to standard output, never to a terminal") {
    Sandbox box;
    assigned_college(box);
    auto r = box.run_with_stdout(box.path("copy.db"), {"--db", "college.db", "backup", "-"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("-> <stdout>: 0 records") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(box.dir() / "-"));
    CHECK(box.run({"--db", "copy.db", "verify"}).exit_code == 0);
    CHECK(box.query_int("copy.db", "SELECT count(*) FROM student") ==
          box.query_int("college.db", "SELECT count(*) FROM student"));
    auto tty = run_in_terminal(box, k_friday_evening, {"--db", "college.db", "backup", "-"}, {});
    CHECK(tty.exit_code == 64);
    CHECK(tty.screen.find("redirect it: dormlink backup - > copy.db") != std::string::npos);
  }
}

TEST_SUITE("e2e.session") {
  TEST_CASE("log-visit's flag errors are in the message language, with the same exit codes") {
    Sandbox box;
    assigned_college(box);
    struct Case {
      std::vector<std::string> flags;
      int code;
      const char* en;
      const char* zh;
    };
    const std::vector<Case> cases{
        {{"--kind", "xyz"},
         64,
         "--kind \"xyz\" is not a kind log-visit records",
         "--kind \"xyz\" 不是 log-visit 能录入的类型"},
        {{"--channel", "pigeon"}, 64, "--channel \"pigeon\": use in_person", "--channel \"pigeon\"：请用 当面"},
        {{"--kind", "incident", "--category", "x"}, 64, "--category \"x\": use 赌博", "--category \"x\"：请用 赌博"},
        {{"--category", "打架"}, 64, "--category goes with --kind incident", "--category 只用于 --kind incident"},
        {{"--corrects", "abc", "--reason", "r"},
         65,
         "--corrects \"abc\": there is no such record",
         "--corrects \"abc\"：没有这条记录"},
    };
    for (const auto& c : cases) {
      std::vector<std::string> args{"--db",   "college.db", "--as-of", "2026-11-27", "log-visit",       "--member",
                                    "李晴紫", "--dorm",     "10-106",  "--at",       "2026-11-24 19:30"};
      args.insert(args.end(), c.flags.begin(), c.flags.end());
      for (const bool zh : {false, true}) {
        auto r = zh ? box.run(args, {{"DORMLINK_MESSAGES", ""}}) : box.run(args);
        INFO(r.err);
        CHECK(r.exit_code == c.code);
        CHECK(r.err.find(zh ? c.zh : c.en) != std::string::npos);
      }
    }
    auto no_member = box.run({"--db", "college.db", "log-visit", "--dorm", "10-106"}, {{"DORMLINK_MESSAGES", ""}});
    CHECK(no_member.exit_code == 64);
    CHECK(no_member.err.find("需要 --member（学号、姓名、唯一的姓名开头或拼音）") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 0);
  }
}
