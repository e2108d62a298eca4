// End-to-end: log-visit receipts and checks, verify against edits behind dormlink's back,
// and concurrent writers losing nothing.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <regex>

#include <SQLiteCpp/SQLiteCpp.h>

#include "dormlink/util/pinyin.hpp"
#include "harness.hpp"

using dormlink::e2e::Sandbox;

namespace {

std::vector<std::string> at(const char* date, std::vector<std::string> more) {
  return dormlink::e2e::college_args(date, std::move(more));
}

// The example college with a committed assignment; returns one member and one of their dorms.
std::pair<std::string, std::string> college_with_assignment(const Sandbox& box) {
  dormlink::e2e::setup_example_college(box);
  REQUIRE(box.run(at("2026-09-07", {"assign", "-q"})).exit_code == 0);
  SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READONLY);
  SQLite::Statement q(raw, "SELECT member_id, dorm_code FROM assignment_pair ORDER BY member_id, dorm_code LIMIT 1");
  REQUIRE(q.executeStep());
  return {q.getColumn(0).getString(), q.getColumn(1).getString()};
}

std::string sqlite(const Sandbox& box, const std::string& sql) {
  auto r = box.run_program("/usr/bin/sqlite3", {box.path("college.db"), sql});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_SUITE("e2e.records") {
  TEST_CASE("log-visit prints a receipt, duplicates and off-assignment records are refused") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    auto r = box.run(at("2026-09-14", {"log-visit", "--member", member, "--dorm", dorm, "--at", "2026/9/10 19:30",
                                       "--progress", "了解了新学期适应情况"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(std::regex_search(r.err, std::regex("^saved record #1 · [0-9a-f]{12}  ")));
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 1);

    auto before = box.read("college.db") + box.read("college.db-wal");
    auto dup = box.run(at("2026-09-14", {"log-visit", "--member", member, "--dorm", dorm, "--at", "2026-09-10 19:30",
                                         "--progress", "了解了新学期适应情况"}));
    CHECK(dup.exit_code == 65);
    CHECK(dup.err == "dormlink: error: an identical record already exists: #1; nothing was saved\n");
    auto other = box.run(at("2026-09-14", {"log-visit", "--member", member, "--dorm", "11-101", "--at", "2026-09-10"}));
    CHECK(other.exit_code == 65);
    CHECK(other.err.find("is not assigned to dorm 11-101 on 2026-09-10; pass --reason") != std::string::npos);
    CHECK(box.read("college.db") + box.read("college.db-wal") == before);

    auto excused = box.run(at("2026-09-14", {"log-visit", "--member", member, "--dorm", "11-101", "--at", "2026-09-10",
                                             "--reason", "代同学走访"}));
    CHECK(excused.exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT off_assignment FROM record WHERE id = 2") == 1);
  }

  TEST_CASE("verify finds an edit, a removal and a text change made with the sqlite3 CLI") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    for (const char* when : {"2026-09-08 19:00", "2026-09-09 19:00", "2026-09-10 19:00"}) {
      REQUIRE(box.run(at("2026-09-14",
                         {"-q", "log-visit", "--member", member, "--dorm", dorm, "--at", when, "--note", "正常"}))
                  .exit_code == 0);
    }
    auto ok = box.run({"--db", "college.db", "verify"});
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.find("verify: 3 records intact; chain head ") == 0);
    SUBCASE("an edited row") {
      sqlite(box, "DROP TRIGGER record_no_update; UPDATE record SET happened_at = '2026-09-09 20:00' WHERE id = 2;");
      auto r = box.run({"--db", "college.db", "verify"});
      CHECK(r.exit_code == 1);
      CHECK(r.out.find("verify: FAILED at record 2: record 2 was altered") == 0);
    }
    SUBCASE("a removed row") {
      sqlite(box,
             "DROP TRIGGER record_no_delete; DROP TRIGGER record_student_no_delete; DROP TRIGGER "
             "record_content_no_delete; DELETE FROM record_content WHERE record_id = 2; "
             "DELETE FROM record WHERE id = 2;");
      auto r = box.run({"--db", "college.db", "verify"});
      CHECK(r.exit_code == 1);
      CHECK(r.out.find("verify: FAILED at record 2: record #2 is missing: the chain goes from #1 to #3") == 0);
    }
    SUBCASE("changed text") {
      sqlite(box, "DROP TRIGGER record_content_purge_only; UPDATE record_content SET note = '改' WHERE record_id = 1;");
      auto r = box.run({"--db", "college.db", "verify"});
      CHECK(r.exit_code == 1);
      CHECK(r.out.find("verify: FAILED at record 1: record 1 was altered: its text does not match its digest") == 0);
    }
    SUBCASE("the triggers refuse plain edits") {
      auto r = box.run_program("/usr/bin/sqlite3", {box.path("college.db"), "UPDATE record SET reason = 'x'"});
      CHECK(r.exit_code != 0);
      CHECK(r.err.find("records are append-only") != std::string::npos);
    }
  }
  TEST_CASE("a student or dorm on the rosters only from a later day is named with that day, not 'no such'") {
    Sandbox box;
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    for (const char* f : {"students.csv", "dorms.csv", "staff.csv"}) {
      box.copy_from_source(std::string("examples/college/") + f, f);
    }
    // The rosters imported on 2026-10-01 (as on a fresh database imported "today").
    REQUIRE(box.run({"--db", "college.db", "--as-of", "2026-10-01", "init"}).exit_code == 0);
    for (const char* kind : {"dorms", "staff", "students"}) {
      REQUIRE(box.run({"--db", "college.db", "--as-of", "2026-10-01", "import", kind, std::string(kind) + ".csv"})
                  .exit_code == 0);
    }
    const auto before = box.read("college.db") + box.read("college.db-wal");
    const std::vector<std::string> entry{"log-visit",  "--member", "李晴紫", "--dorm", "10-106",          "--talked",
                                         "2023110201", "--kind",   "talk",   "--at",   "2026-09-30 19:30"};
    auto en = box.run(at("2026-10-02", entry));
    CHECK(en.exit_code == 65);
    CHECK(en.err.find("--member \"李晴紫\": 李晴紫 2023110104 is on the rosters only from 2026-10-01 (import batch "
                      "#3); the record is of 2026-09-30. Import the rosters with --as-of on or before that day") !=
          std::string::npos);
    CHECK(en.err.find("--dorm \"10-106\": dorm 10-106 is on the rosters only from 2026-10-01 (import batch #1)") !=
          std::string::npos);
    CHECK(en.err.find("--talked (value not shown): 杨怡蕊 2023110201 is on the rosters only from 2026-10-01") !=
          std::string::npos);
    CHECK(en.err.find("no current student") == std::string::npos);
    CHECK(en.err.find("no such dorm") == std::string::npos);
    auto zh = box.run(at("2026-10-02", entry), {{"DORMLINK_MESSAGES", ""}});
    CHECK(zh.exit_code == 65);
    CHECK(
        zh.err.find("--member \"李晴紫\"：李晴紫 2023110104 自 2026-10-01 起才在名册上（导入批次 #3），而记录的日期是 "
                    "2026-09-30。") != std::string::npos);
    CHECK(zh.err.find("个问题；未保存任何内容\n") != std::string::npos);
    CHECK(zh.err.find("dormlink: 错误：") != std::string::npos);
    // A name nobody has is still "no current student", in both languages.
    auto nobody =
        box.run(at("2026-10-02", {"log-visit", "--member", "无此人", "--dorm", "10-106", "--at", "2026-10-02 08:00"}),
                {{"DORMLINK_MESSAGES", ""}});
    CHECK(nobody.err.find("--member \"无此人\"：当日名册上没有这个学号或姓名的学生") != std::string::npos);
    auto when = box.run(at("2026-10-02", {"log-visit", "--member", "李晴紫", "--dorm", "10-106", "--at", "后天的后天"}),
                        {{"DORMLINK_MESSAGES", ""}});
    CHECK(when.exit_code == 64);
    CHECK(when.err.find("\"后天的后天\" 不是日期；请写成 YYYY-MM-DD HH:MM、2026/3/1、3月1日、11.24、今天、昨天 19:30 "
                        "或 周二 19:30") != std::string::npos);
    CHECK(box.read("college.db") + box.read("college.db-wal") == before);
  }

  TEST_CASE("verify and backup speak the message language: zh unless --lang en (or the config) says otherwise") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    for (const char* when : {"2026-09-08 19:00", "2026-09-09 19:00", "2026-09-10 19:00"}) {
      REQUIRE(box.run(at("2026-09-14",
                         {"-q", "log-visit", "--member", member, "--dorm", dorm, "--at", when, "--note", "正常"}))
                  .exit_code == 0);
    }
    const std::map<std::string, std::string> zh{{"DORMLINK_MESSAGES", ""}};
    auto backup = box.run({"--db", "college.db", "--config", "dormlink.toml", "backup", "b1.db"}, zh);
    REQUIRE(backup.exit_code == 0);
    CHECK(backup.err.find("备份：") == 0);
    CHECK(backup.err.find("3 条记录，链头 ") != std::string::npos);
    // The README's "backup backups/DATE.db" on a first run: the folder is made (0700).
    auto nested = box.run({"--db", "college.db", "--config", "dormlink.toml", "backup", "backups/2026-09-14.db"});
    CHECK(nested.exit_code == 0);
    CHECK(std::filesystem::is_regular_file(box.path("backups/2026-09-14.db")));
    CHECK((std::filesystem::status(box.path("backups")).permissions() & std::filesystem::perms::all) ==
          std::filesystem::perms::owner_all);
    auto ok = box.run({"--db", "college.db", "--config", "dormlink.toml", "verify"}, zh);
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.find("校验：3 条记录完好；链头 ") == 0);
    CHECK(ok.out.find("与 0 份已提交表格、2 份备份和 0 个给定链头一致") != std::string::npos);
    sqlite(box, "DROP TRIGGER record_no_update; UPDATE record SET happened_at = '2026-09-09 20:00' WHERE id = 2;");
    auto bad = box.run({"--db", "college.db", "--config", "dormlink.toml", "verify"}, zh);
    CHECK(bad.exit_code == 1);
    CHECK(bad.out == "校验：在记录 2 处失败：记录 2 被改动过：其内容与哈希不符\n校验：其前 1 条记录完好\n");
    auto en = box.run({"--db", "college.db", "--config", "dormlink.toml", "--lang", "en", "verify"}, zh);
    CHECK(en.out ==
          "verify: FAILED at record 2: record 2 was altered: its content does not match its hash\n"
          "verify: 1 records before it are intact\n");
    auto head = box.run({"--db", "college.db", "--config", "dormlink.toml", "verify", "--expect-head", "xyz"}, zh);
    CHECK(head.exit_code == 64);
    CHECK(head.err.find("dormlink: 错误：--expect-head \"xyz\"：链头是 8 到 64 位十六进制数字") == 0);
    auto nobody = box.run(at("2026-09-14", {"check", "--member", "无此人"}), zh);
    CHECK(nobody.exit_code == 64);
    CHECK(nobody.err == "dormlink: 错误：--member \"无此人\"：2026-autumn 学期没有这个学号或姓名的党员或寝室成员\n");
    auto branch = box.run(at("2026-09-14", {"check", "--branch", "无此支部"}), zh);
    CHECK(branch.exit_code == 64);
    CHECK(branch.err.find("--branch \"无此支部\"：2026-autumn 学期没有党员属于这个名称的支部；现有支部：") !=
          std::string::npos);
  }

  TEST_CASE("check's copy of the talks (talk_student) follows every write, is rebuilt by migrate and verified") {
    Sandbox box;
    std::filesystem::copy_file(dormlink::e2e::example_college_db(), box.path("college.db"));
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    const char* k_pairs =
        "SELECT count(*) FROM record r JOIN record_student s ON s.record_id = r.id WHERE r.kind = 'talk'";
    const auto talks = box.query_int("college.db", k_pairs);
    REQUIRE(talks > 100);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM talk_student") == talks);
    const auto check = box.run(at("2026-11-27", {"check", "--format", "json"}));
    REQUIRE(check.exit_code == 1);
    SUBCASE("a database of schema 9 gains the copy when migrated, and check reads the same") {
      // Schema 9 had no cases: what check says without the staff's steps is what it must say after.
      sqlite(box,
             "DROP TRIGGER case_event_no_delete; DROP TRIGGER case_text_no_delete; DELETE FROM case_text; "
             "DELETE FROM case_event;");
      const auto without_cases = box.run(at("2026-11-27", {"check", "--format", "json"}));
      REQUIRE(without_cases.exit_code == 1);
      sqlite(box,
             "DROP TRIGGER record_student_talk; DROP TRIGGER talk_student_no_update; DROP TRIGGER "
             "talk_student_no_delete; DROP TABLE talk_student; DROP TABLE case_text; DROP TABLE case_event; "
             "DROP TABLE inspection_observation; DROP TABLE assessment_mark; ALTER TABLE student_version DROP "
             "COLUMN studio; ALTER TABLE staff_duty_version DROP COLUMN studio; PRAGMA user_version = 9;");
      CHECK(box.run(at("2026-11-27", {"check"})).exit_code == 65);  // a reader never migrates
      REQUIRE(box.run({"--db", "college.db", "migrate"}).exit_code == 0);
      CHECK(box.query_int("college.db", "SELECT count(*) FROM talk_student") == talks);
      CHECK(box.run(at("2026-11-27", {"check", "--format", "json"})).out == without_cases.out);
      CHECK(box.run({"--db", "college.db", "verify"}).exit_code == 0);
    }
    SUBCASE("a talk entered now is in the copy at once") {
      SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READONLY);
      SQLite::Statement q(raw,
                          "SELECT r.member_id, r.dorm_code, s.student_id FROM record r JOIN record_student s ON "
                          "s.record_id = r.id WHERE r.kind = 'talk' ORDER BY r.id DESC LIMIT 1");
      REQUIRE(q.executeStep());
      const auto r =
          box.run(at("2026-11-27", {"-q", "log-visit", "--kind", "talk", "--member", q.getColumn(0).getString(),
                                    "--dorm", q.getColumn(1).getString(), "--talked", q.getColumn(2).getString(),
                                    "--at", "2026-11-26 20:00", "--reason", "补谈"}));
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      CHECK(box.query_int("college.db", "SELECT count(*) FROM talk_student") == talks + 1);
      CHECK(box.query_int("college.db", "SELECT count(*) FROM talk_student WHERE happened_at = '2026-11-26 20:00'") ==
            1);
      CHECK(box.run({"--db", "college.db", "verify"}).exit_code == 0);
    }
    SUBCASE("a row added, moved or removed behind dormlink's back is named by verify") {
      const auto first = box.query_int("college.db", "SELECT min(record_id) FROM talk_student");
      const std::string moved =
          "DROP TRIGGER talk_student_no_update; UPDATE talk_student SET happened_at = "
          "'2026-09-01 08:00' WHERE record_id = " +
          std::to_string(first) + ";";
      const std::string removed =
          "DROP TRIGGER talk_student_no_delete; DELETE FROM talk_student WHERE record_id = " + std::to_string(first) +
          ";";
      const std::string added =
          "INSERT INTO talk_student SELECT semester_id, happened_at, record_id, '2099999999', "
          "entered_at FROM talk_student WHERE record_id = " +
          std::to_string(first) + ";";
      for (const auto& sql : {moved, removed, added}) {
        CAPTURE(sql);
        Sandbox other;
        std::filesystem::copy_file(box.path("college.db"), other.path("college.db"));
        REQUIRE(other.run_program("/usr/bin/sqlite3", {other.path("college.db"), sql}).exit_code == 0);
        const auto r = other.run({"--db", "college.db", "verify"});
        CHECK(r.exit_code == 1);
        CHECK(r.out.find(fmt::format("verify: FAILED at record {}: record {}: check's copy", first, first)) == 0);
      }
    }
  }
  // Concurrent writers (4 x 500 commits, with readers running): tests/cli/test_e2e_faults.cpp.
}

TEST_SUITE("e2e.records") {
  TEST_CASE("corrections, withdrawals and purges are new records, the chain stays intact") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    REQUIRE(box.run(at("2026-09-14", {"-q", "log-visit", "--member", member, "--dorm", dorm, "--at", "2026-09-10 19:30",
                                      "--note", "家里经济有困难"}))
                .exit_code == 0);
    auto no_reason = box.run(at("2026-09-14", {"log-visit", "--corrects", "1", "--member", member, "--dorm", dorm,
                                               "--at", "2026-09-10 20:30"}));
    CHECK(no_reason.exit_code == 64);
    auto fixed = box.run(at("2026-09-14", {"log-visit", "--corrects", "1", "--member", member, "--dorm", dorm, "--at",
                                           "2026-09-10 20:30", "--reason", "时间记错"}));
    INFO(fixed.err);
    CHECK(fixed.exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT corrects FROM record WHERE id = 2") == 1);
    auto twice = box.run(at("2026-09-14", {"log-visit", "--corrects", "1", "--member", member, "--dorm", dorm, "--at",
                                           "2026-09-10 21:30", "--reason", "again"}));
    CHECK(twice.exit_code == 65);
    CHECK(twice.err.find("record #1 was already corrected or withdrawn by #2; correct #2 instead") !=
          std::string::npos);

    CHECK(box.run({"--db", "college.db", "withdraw", "2", "--reason", "重复录入"}).exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record WHERE kind = 'withdrawal' AND corrects = 2") == 1);

    auto purge = box.run({"--db", "college.db", "purge", "1", "--reason", "学生申请", "--yes"});
    INFO(purge.err);
    CHECK(purge.exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT purged FROM record_content WHERE record_id = 1") == 1);
    CHECK((box.read("college.db") + box.read("college.db-wal")).find("家里经济有困难") == std::string::npos);
    auto verify = box.run({"--db", "college.db", "verify"});
    CHECK(verify.exit_code == 0);
    CHECK(verify.out.find("verify: 4 records intact") == 0);
    auto before = box.read("college.db") + box.read("college.db-wal");
    CHECK(box.run({"--db", "college.db", "purge", "1", "--reason", "again", "--yes"}).exit_code == 65);
    CHECK(box.run({"--db", "college.db", "withdraw", "99", "--reason", "x"}).exit_code == 65);
    CHECK(box.run({"--db", "college.db", "withdraw", "2", "--reason", "again"}).exit_code == 65);
    CHECK(box.read("college.db") + box.read("college.db-wal") == before);
  }

  TEST_CASE("log-visit takes the member's name in pinyin") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READONLY);
    const auto name =
        raw.execAndGet("SELECT name FROM student_version WHERE student_id = '" + member + "'").getString();
    const auto typed = dormlink::util::pinyin(name);  // e.g. "li qing zi"
    REQUIRE_FALSE(typed.empty());
    auto r = box.run(at("2026-09-14", {"log-visit", "--member", typed, "--dorm", dorm, "--at", "2026-09-10 19:30"}));
    INFO(r.err);
    // The example college (fixed seed) has no namesake of this member.
    REQUIRE(r.exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record WHERE member_id = '" + member + "'") == 1);
  }
}

TEST_SUITE("e2e.records") {
  TEST_CASE("log-visit --from-csv is all or nothing") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    std::string header = "党员姓名,联系寝室名称,时间,联系学生姓名及方式,工作进展及成效,说明\n";
    std::string good =
        member + "," + dorm + ",2026-09-15 19:30,,了解新学期适应情况,\n" + member + "," + dorm + ",9月16日 19:30,,,\n";
    box.write("bad.csv", header + good + member + ",10-999,2026-09-17 19:30,,,\n");
    auto before = box.read("college.db") + box.read("college.db-wal");
    auto bad = box.run(at("2026-09-20", {"log-visit", "--from-csv", "bad.csv"}));
    CHECK(bad.exit_code == 65);
    CHECK(bad.err.find("bad.csv:4: column \"联系寝室名称\" \"10-999\": no such dorm") != std::string::npos);
    CHECK(box.read("college.db") + box.read("college.db-wal") == before);
    box.write("good.csv", header + good);
    auto ok = box.run(at("2026-09-20", {"log-visit", "--from-csv", "good.csv"}));
    INFO(ok.err);
    CHECK(ok.exit_code == 0);
    CHECK(ok.err.find("saved 2 records #1-#2") == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 2);
    auto again = box.run(at("2026-09-20", {"log-visit", "--from-csv", "good.csv"}));
    CHECK(again.exit_code == 65);
    CHECK(again.err.find("an identical record already exists: #1") != std::string::npos);
  }
}

TEST_SUITE("e2e.records") {
  TEST_CASE("log-visit -i asks for what is missing, lists the member's dorms and residents, confirms") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    auto r = box.run_with_input(at("2026-09-20", {"log-visit", "-i"}),
                                member + "\n1 谈心\n2026-09-16 19:00\n1\n了解近况\n\n\n");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("dorm (1 " + dorm + "; ") != std::string::npos);
    CHECK(r.err.find("Save? [Y/n]") != std::string::npos);
    CHECK(r.out.empty());
    CHECK(r.err.find("saved record #1; chain head ") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record_student") == 1);
    auto no = box.run_with_input(at("2026-09-20", {"log-visit", "-i", "--member", member, "--dorm", dorm}),
                                 "\n2026-09-17 19:00\n\n\n\nn\n");
    CHECK(no.exit_code == 0);
    CHECK(no.err.find("dormlink: nothing was saved") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 1);
  }
}

TEST_SUITE("e2e.records") {
  TEST_CASE("the example college's semester of records loads and verifies") {
    Sandbox box;
    college_with_assignment(box);
    box.copy_from_source("examples/college/records-2026-autumn.csv", "records.csv");
    auto r = box.run(at("2026-11-27", {"log-visit", "--from-csv", "records.csv"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("saved 16390 records #1-#16390") == 0);
    CHECK(box.run({"--db", "college.db", "verify"}).exit_code == 0);
  }
}

TEST_SUITE("e2e.records") {
  TEST_CASE("an incident keeps its category, severity and report in the chain") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    auto r = box.run(
        at("2026-09-14", {"log-visit", "--member", member, "--dorm", dorm, "--kind", "incident", "--at",
                          "2026-09-12 23:10", "--category", "使用违规电器", "--severity", "一般", "--reported-to",
                          "辅导员", "--reported-at", "2026-09-12 23:40", "--progress", "已没收热得快"}));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM record WHERE incident_category = 'banned_appliance' "
                        "AND reported_to = 'counselor' AND reported_at = '2026-09-12 23:40'") == 1);
    CHECK(box.run({"--db", "college.db", "verify"}).exit_code == 0);
    auto wrong = box.run(at("2026-09-14", {"log-visit", "--member", member, "--dorm", dorm, "--category", "赌博"}));
    CHECK(wrong.exit_code == 64);
    CHECK(wrong.err == "dormlink: error: --category goes with --kind incident\n");
  }
}
