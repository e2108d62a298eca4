// End-to-end: importing rosters, and every class of bad input leaving the database as it was.
#include <doctest/doctest.h>

#include <map>

#include <SQLiteCpp/SQLiteCpp.h>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

const std::vector<std::string> k_base{"--db", "college.db", "--as-of", "2026-09-07"};

std::vector<std::string> args(std::vector<std::string> more) {
  auto all = k_base;
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

// The database's bytes (main file and WAL): equal before and after means nothing was written.
std::string fingerprint(const Sandbox& box) { return box.read("college.db") + "|" + box.read("college.db-wal"); }

// A students roster header plus rows, UTF-8.
std::string roster(const std::string& rows) {
  return "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n" + rows;
}

}  // namespace

TEST_SUITE("e2e.import") {
  TEST_CASE("the example college imports: GBK students, BOM dorms, staff") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM student") == 1200);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM dorm") == 250);
    CHECK(box.query_int("college.db", "SELECT count(DISTINCT staff_id) FROM staff_duty_version") > 30);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM import_batch WHERE encoding = 'GBK/GB18030'") == 1);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM import_batch WHERE imported_by = 'tester'") == 3);
    auto r = box.run(args({"roster"}));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("学生 1200") != std::string::npos);
    CHECK(r.out.find("第 1 教学周") != std::string::npos);
  }

  TEST_CASE("roster output is deterministic and never shows phones or categories") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto a = box.run(args({"roster", "--format", "md"}));
    auto b = box.run(args({"roster", "--format", "md"}));
    CHECK(a.exit_code == 0);
    CHECK(a.out == b.out);
    for (const char* secret : {"家庭经济困难", "心理素质较差", "138", "139"}) {
      CHECK(a.out.find(secret) == std::string::npos);
    }
  }

  TEST_CASE("bad rows: every problem reported, exit 65, database unchanged") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    box.write("bad.csv", roster("2023110101,张晨昕,X,英语,4,英语2301,10-106,12,共青团员,,心理素质较差;秘密,\n"
                                "2099000001,新生,女,英语,9,,10-106,,中共党员,,,\n"));
    auto before = fingerprint(box);
    auto r = box.run(args({"import", "students", "bad.csv"}));
    CHECK(r.exit_code == 65);
    CHECK(r.err.find("bad.csv:2: column \"性别\": unknown value \"X\"") != std::string::npos);
    CHECK(r.err.find("bad.csv:3: column \"年级\"") != std::string::npos);
    CHECK(r.err.find("bad.csv:3: column \"党支部\"") != std::string::npos);
    CHECK(r.err.find("dormlink: error: bad.csv: 5 problems; nothing was imported") != std::string::npos);
    CHECK(r.err.find("秘密") == std::string::npos);
    CHECK(r.err.find("心理") == r.err.find("心理素质较差、"));  // only in the list of allowed values
    CHECK(fingerprint(box) == before);
  }

  TEST_CASE("a roster's problems read in Chinese by default, with the same places, exit and database unchanged") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    box.write("bad.csv", roster("2023110101,张晨昕,X,英语,4,英语2301,8-10\"2,12,共青团员,,心理素质较差;秘密,\n"
                                "2099000001,新生,女,英语,9,,10-106,,中共党员,,,否吧\n"
                                "2099000001,新生,女,英语,4,,10-106,,群众,,,\n"));
    box.write("nobranch.csv",
              "学号,姓名,性别,专业,年级,班级,寝室,政治面貌\n2099000002,新生,女,英语,4,,10-106,中共党员\n");
    auto before = fingerprint(box);
    const std::map<std::string, std::string> zh{{"DORMLINK_MESSAGES", ""}};
    auto r = box.run(args({"import", "students", "bad.csv"}), zh);
    CHECK(r.exit_code == 65);
    CHECK(r.err.find("bad.csv:2: 列“性别”：无法识别的值 \"X\"；请填 男、女、M 或 F\n") != std::string::npos);
    CHECK(r.err.find("bad.csv:2: 列“寝室”：\"8-10\"2\" 不是寝室；请写成“楼号-房间号”，如 8-305 或 8栋305\n") !=
          std::string::npos);
    CHECK(r.err.find("bad.csv:3: 列“年级”：\"9\"：年级 9 超出范围；应为 1-6\n") != std::string::npos);
    CHECK(r.err.find("bad.csv:3: 列“寝室长”：\"否吧\" 不是“是”或“否”；请填“是”或留空\n") != std::string::npos);
    CHECK(r.err.find("dormlink: 错误：bad.csv：") != std::string::npos);
    CHECK(r.err.find("个问题；未导入任何内容\n") != std::string::npos);
    CHECK(r.err.find("秘密") == std::string::npos);
    auto missing = box.run(args({"import", "students", "nobranch.csv"}), zh);
    CHECK(missing.exit_code == 65);
    CHECK(missing.err.find("nobranch.csv:2: 列“党支部”：为空，但中共党员必须属于一个党支部；请填写党支部\n") !=
          std::string::npos);
    // The same problems in English, with --lang en, located alike.
    auto en = box.run(args({"--lang", "en", "import", "students", "bad.csv"}), zh);
    CHECK(en.err.find("bad.csv:2: column \"性别\": unknown value \"X\"; use 男, 女, M or F\n") != std::string::npos);
    CHECK(en.err.find("bad.csv:3: column \"年级\": \"9\": year of study 9 is out of range; expected 1-6\n") !=
          std::string::npos);
    CHECK(en.err.find("dormlink: error: bad.csv: ") != std::string::npos);
    auto en_missing = box.run(args({"--lang", "en", "import", "students", "nobranch.csv"}), zh);
    CHECK(en_missing.err.find("nobranch.csv:2: column \"branch\": is empty, but a Party member must belong") !=
          std::string::npos);
    box.write("empty.csv", "");
    box.write("latin1.csv", std::string("学号,姓名\n\x80\x80\xff\xfe\x81,x\n"));
    CHECK(box.run(args({"import", "students", "empty.csv"}), zh).err ==
          "dormlink: 错误：empty.csv：文件是空的；应有表头行\n");
    auto bytes = box.run(args({"import", "students", "latin1.csv", "--encoding", "utf-8"}), zh);
    CHECK(bytes.exit_code == 65);
    CHECK(bytes.err.find("latin1.csv:2: 无法按 UTF-8 读取（偏移 ") != std::string::npos);
    CHECK(fingerprint(box) == before);
  }

  TEST_CASE("files that are not rosters are refused with a hint, database unchanged") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto before = fingerprint(box);
    SUBCASE("binary") {
      box.write("bin.csv", std::string("\x00\x01\xff\xfe\x80garbage\x00", 12));
      auto r = box.run(args({"import", "students", "bin.csv", "--encoding", "utf-8"}));
      CHECK(r.exit_code == 65);
      CHECK(r.err.find("bin.csv") != std::string::npos);
    }
    SUBCASE("unterminated quote") {
      box.write("q.csv", roster("2023110101,\"张晨昕,女,英语,4,英语2301,10-106,,共青团员,,,\n"));
      auto r = box.run(args({"import", "students", "q.csv"}));
      CHECK(r.exit_code == 65);
      CHECK(r.err.find("q.csv:2:") != std::string::npos);
    }
    SUBCASE("missing file") {
      auto r = box.run(args({"import", "students", "nope.csv"}));
      CHECK(r.exit_code == 66);
      CHECK(r.err == "dormlink: error: nope.csv does not exist\n");
    }
    SUBCASE("empty file") {
      box.write("empty.csv", "");
      auto r = box.run(args({"import", "students", "empty.csv"}));
      CHECK(r.exit_code == 65);
    }
    SUBCASE("unknown --encoding") {
      auto r = box.run(args({"import", "students", "students.csv", "--encoding", "latin9"}));
      CHECK(r.exit_code == 64);
    }
    SUBCASE("unknown --semester") {
      auto r = box.run(args({"import", "students", "students.csv", "--semester", "2030-autumn"}));
      CHECK(r.exit_code == 64);
      CHECK(r.err.find("known: 2026-spring, 2026-autumn, 2027-spring") != std::string::npos);
    }
    CHECK(fingerprint(box) == before);
  }

  TEST_CASE("--db pointing at something that is not a dormlink database is refused, never repaired") {
    Sandbox box;
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    box.copy_from_source("examples/college/dorms.csv", "dorms.csv");
    SUBCASE("a CSV") {
      auto r = box.run({"--db", "dorms.csv", "import", "dorms", "dorms.csv"});
      CHECK(r.exit_code == 65);
      CHECK(r.err.find("is not a SQLite database") != std::string::npos);
    }
    SUBCASE("an empty file") {
      box.write("empty.db", "");
      auto r = box.run({"--db", "empty.db", "import", "dorms", "dorms.csv"});
      CHECK(r.exit_code == 65);
      CHECK(box.read("empty.db").empty());
    }
    SUBCASE("another application's SQLite file") {
      {
        SQLite::Database other(box.path("other.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE notes (x)");
      }
      auto before = box.read("other.db");
      auto r = box.run({"--db", "other.db", "import", "dorms", "dorms.csv"});
      CHECK(r.exit_code == 65);
      CHECK(r.err.find("another application") != std::string::npos);
      CHECK(box.read("other.db") == before);
    }
  }

  TEST_CASE("a config with mistakes is reported whole, before any work (exit 78)") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    box.write("bad.toml", "[duties]\nvists_per_week = 2\nvisits_per_week = \"two\"\n[assignment]\nmax_dorms = 0\n");
    auto before = fingerprint(box);
    auto r = box.run(args({"--config", "bad.toml", "import", "students", "students.csv"}));
    CHECK(r.exit_code == 78);
    CHECK(r.err.find("bad.toml:2:1:") != std::string::npos);
    CHECK(r.err.find("bad.toml:3:") != std::string::npos);
    CHECK(r.err.find("bad.toml:5:") != std::string::npos);
    CHECK(fingerprint(box) == before);
  }

  TEST_CASE("a database locked by another writer gives exit 75 and writes nothing") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    SQLite::Database holder(box.path("college.db"), SQLite::OPEN_READWRITE);
    holder.exec("BEGIN IMMEDIATE");
    auto r = box.run(args({"import", "dorms", "dorms.csv"}));
    CHECK(r.exit_code == 75);
    CHECK(r.err.find("is busy") != std::string::npos);
    holder.exec("ROLLBACK");
    CHECK(box.query_int("college.db", "SELECT count(*) FROM import_batch") == 3);
  }

  TEST_CASE("next semester's roster: dry run lists moves and departures, then the import keeps history") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto students = box.read("students.csv");  // GBK; rewrite a UTF-8 version with changes
    box.write("next.csv", roster("2023110101,张晨昕,女,英语,4,英语2301,10-107,,共青团员,,,\n"));
    auto dry = box.run({"--db", "college.db", "--as-of", "2027-02-20", "import", "students", "next.csv", "--dry-run"});
    INFO(dry.err);
    CHECK(dry.exit_code == 0);
    CHECK(dry.out.find("生效日期 2027-02-20（") == 0);
    CHECK(dry.out.find("\n试运行") != std::string::npos);
    CHECK(dry.out.find("2023110101  张晨昕  10-106 -> 10-107") != std::string::npos);
    CHECK(dry.out.find("标记为离开 (1199)") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM import_batch") == 3);

    // --force: next semester may still be more than 31 days away when this runs.
    auto real =
        box.run({"--db", "college.db", "--as-of", "2027-02-20", "import", "students", "next.csv", "--force", "--yes"});
    CHECK(real.exit_code == 0);
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM student_version WHERE valid_to IS NULL AND status = 'left'") == 1199);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM student_version WHERE student_id = '2023110101'") == 2);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM student") == 1200);
    (void)students;
  }
}

namespace {

// UTF-8 -> UTF-16LE with a BOM (BMP only), as Excel's "Unicode text" writes.
std::string utf16le_with_bom(const std::string& utf8) {
  std::string out("\xff\xfe", 2);
  for (std::size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    unsigned cp = c;
    std::size_t len = 1;
    if (c >= 0xe0) {
      cp = c & 0x0fu;
      len = 3;
    } else if (c >= 0xc0) {
      cp = c & 0x1fu;
      len = 2;
    }
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3fu);
    out += static_cast<char>(cp & 0xffu);
    out += static_cast<char>(cp >> 8);
    i += len;
  }
  return out;
}

}  // namespace

TEST_SUITE("e2e.import") {
  TEST_CASE("Excel Unicode text (UTF-16LE, tab-separated) imports") {
    Sandbox box;
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    REQUIRE(box.run(args({"init"})).exit_code == 0);
    box.write("u16.txt", utf16le_with_bom("学号\t姓名\t性别\t专业\t年级\t寝室\r\n"
                                          "2024110101\t王小明\t男\t日语\t3\t11-201\r\n"));
    auto r = box.run(args({"import", "students", "u16.txt"}));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("[UTF-16LE]") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT cohort FROM student_version WHERE student_id = '2024110101'") == 2024);
  }

  TEST_CASE("SQL-looking names and notes are stored untouched") {
    Sandbox box;
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    REQUIRE(box.run(args({"init"})).exit_code == 0);
    box.write("s.csv", roster("2024110101,\"'); DROP TABLE student;--\",男,%_日语,3,,11-201,,,,,\n"));
    auto r = box.run(args({"import", "students", "s.csv"}));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("SELECT name FROM student_version").getString() == "'); DROP TABLE student;--");
    CHECK(raw.execAndGet("SELECT major FROM student_version").getString() == "%_日语");
  }
}

namespace {

// The first line of a text.
std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// A one-row students roster moving 张晨昕 to 10-107: with departures, everyone else leaves.
const std::string k_next_roster = roster("2023110101,张晨昕,女,英语,4,英语2301,10-107,,共青团员,,,\n");

}  // namespace

TEST_SUITE("e2e.import") {
  TEST_CASE("an import more than 31 days ahead is refused without --force, for every roster, database unchanged") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    const auto before = fingerprint(box);
    for (const char* kind : {"dorms", "staff", "students"}) {
      INFO(kind);
      auto r = box.run({"--db", "college.db", "--as-of", "2099-01-01", "import", kind, std::string(kind) + ".csv"});
      CHECK(r.exit_code == 64);
      CHECK(r.err.find("dormlink: error: the import would take effect on 2099-01-01, ") == 0);
      CHECK(r.err.find(" days after today (") != std::string::npos);
      CHECK(r.err.find("); an import more than 31 days ahead is refused, because no later import could then "
                       "take effect before it. Check --as-of; if 2099-01-01 is right, add --force (--dry-run "
                       "shows the import first)\n") != std::string::npos);
      CHECK(r.out.empty());
    }
    auto dry =
        box.run({"--db", "college.db", "--as-of", "2099-01-01", "import", "students", "students.csv", "--dry-run"});
    CHECK(dry.exit_code == 0);
    CHECK(first_line(dry.out).find("生效日期 2099-01-01（今天之后 ") == 0);
    CHECK(first_line(dry.out).find(" 天；晚于今天超过 31 天，正式导入需要 --force）") != std::string::npos);
    auto en = box.run(
        {"--db", "college.db", "--lang", "en", "--as-of", "2026-09-07", "import", "dorms", "dorms.csv", "--dry-run"});
    CHECK(en.exit_code == 0);
    CHECK(first_line(en.out).find("effective 2026-09-07 (") == 0);
    CHECK(first_line(en.out).find(" days before today)") != std::string::npos);
    CHECK(fingerprint(box) == before);
  }

  TEST_CASE(
      "a mistaken future import is undone: rosters as before on every day, history keeps both, earlier imports work") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    box.write("next.csv", k_next_roster);
    const std::vector<std::string> days{"2026-09-07", "2026-12-01", "2099-06-01"};
    std::vector<std::string> before;
    for (const auto& d : days)
      before.push_back(box.run({"--db", "college.db", "--as-of", d, "roster", "--format", "md"}).out);

    auto future =
        box.run({"--db", "college.db", "--as-of", "2099-01-01", "import", "students", "next.csv", "--force", "--yes"});
    INFO(future.err);
    REQUIRE(future.exit_code == 0);
    CHECK(first_line(future.out) == "next.csv [UTF-8]: 1 行，生效日期 2099-01-01，学期 2027-spring，批次 #4");
    auto blocked = box.run({"--db", "college.db", "--as-of", "2026-12-01", "import", "students", "next.csv"});
    CHECK(blocked.exit_code == 65);
    CHECK(blocked.err.find("effective 2099-01-01 (import batch #4); an import cannot take effect earlier (2026-12-01); "
                           "use --as-of 2099-01-01 or later, or, if that date was a mistake, undo it first: "
                           "dormlink import undo 4") != std::string::npos);
    CHECK(box.run({"--db", "college.db", "--as-of", "2099-06-01", "roster", "--format", "md"}).out != before[2]);

    const auto unchanged = fingerprint(box);
    auto dry = box.run({"--db", "college.db", "import", "undo", "4", "--dry-run"});
    CHECK(dry.exit_code == 0);
    CHECK(dry.out ==
          "试运行：未写入任何数据\n将撤销导入批次 #4（students，next.csv，生效日期 2099-01-01）\n"
          "  恢复原版本 1200 条，移除新增 0 项\n");
    CHECK(fingerprint(box) == unchanged);

    auto undo = box.run({"--db", "college.db", "import", "undo", "4"});
    INFO(undo.err);
    REQUIRE(undo.exit_code == 0);
    CHECK(undo.out ==
          "已撤销导入批次 #4（students，next.csv，生效日期 2099-01-01），记为批次 #5\n"
          "  恢复原版本 1200 条，移除新增 0 项\n");
    for (std::size_t i = 0; i < days.size(); ++i) {
      INFO(days[i]);
      CHECK(box.run({"--db", "college.db", "--as-of", days[i], "roster", "--format", "md"}).out == before[i]);
    }
    // Both batches stay, the undo points at the batch it reversed, and the versions of the undone
    // batch stay too, valid on no day.
    CHECK(box.query_int("college.db", "SELECT count(*) FROM import_batch") == 5);
    CHECK(box.query_int("college.db", "SELECT undoes FROM import_batch WHERE id = 5") == 4);
    CHECK(box.query_int("college.db",
                        "SELECT count(*) FROM student_version WHERE batch_id = 4 AND valid_to = valid_from") == 1200);

    auto earlier = box.run({"--db", "college.db", "--as-of", "2026-12-01", "import", "students", "next.csv", "--yes"});
    INFO(earlier.err);
    CHECK(earlier.exit_code == 0);
    CHECK(earlier.out.find("生效日期 2026-12-01，学期 2026-autumn，批次 #6") != std::string::npos);
  }

  TEST_CASE("undo refuses what it cannot reverse cleanly and says what to do, changing nothing") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto plan = box.run({"--db", "college.db", "--as-of", "2026-09-08", "log-visit", "--member", "2024160203", "--kind",
                         "plan", "--at", "2026-09-07 12:30", "--progress", "每周走访两次"});
    INFO(plan.err);
    REQUIRE(plan.exit_code == 0);
    const auto before = fingerprint(box);
    const std::vector<std::pair<std::string, std::string>> refusals{
        {"1",
         "batch #1 is not the latest import of its rosters: #3 (students) came after it and still stands; "
         "undo them first, latest first: dormlink import undo 3"},
        {"3",
         "batch #3 added student 2024160203, and record #1 names it; undoing the batch would leave it naming "
         "no one. Import a corrected roster instead"},
        {"99", "there is no import batch #99; `dormlink roster` lists the latest imports with their numbers"},
    };
    for (const auto& [batch, message] : refusals) {
      INFO(batch);
      auto r = box.run({"--db", "college.db", "import", "undo", batch});
      CHECK(r.exit_code == 65);
      CHECK(r.err == "dormlink: error: " + message + "\n");
      CHECK(r.out.empty());
    }
    CHECK(fingerprint(box) == before);
    // A staff import stands apart from students and dorms: it can be undone, once.
    REQUIRE(box.run({"--db", "college.db", "import", "undo", "2"}).exit_code == 0);
    auto twice = box.run({"--db", "college.db", "import", "undo", "2"});
    CHECK(twice.exit_code == 65);
    CHECK(twice.err == "dormlink: error: batch #2 was already undone by batch #4\n");
    auto of_undo = box.run({"--db", "college.db", "import", "undo", "4"});
    CHECK(of_undo.exit_code == 65);
    CHECK(of_undo.err ==
          "dormlink: error: batch #4 is itself the undo of batch #2; an undo is not undone: import "
          "that file again instead\n");
    CHECK(box.run({"--db", "college.db", "import", "undo", "0"}).exit_code == 64);
  }

  TEST_CASE("after an undo, records name students as they were before the undone import") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto talk = box.run({"--db", "college.db", "--as-of", "2026-09-10", "log-visit", "--member", "2024160203", "--dorm",
                         "10-102", "--kind", "talk", "--talked", "2024160202", "--at", "2026-09-10 20:00", "--reason",
                         "临时代班", "--progress", "谈心"});
    INFO(talk.err);
    REQUIRE(talk.exit_code == 0);
    box.write("rename.csv", roster("2024160202,钟新名,女,商务英语,2024,商务英语2402,10-102,,共青团员,,,\n"));
    REQUIRE(
        box.run({"--db", "college.db", "--as-of", "2026-09-20", "import", "students", "rename.csv", "--keep-missing"})
            .exit_code == 0);
    const std::vector<std::string> contacts{"--db",   "college.db", "--as-of", "2026-09-25",
                                            "export", "contacts",   "--raw"};
    CHECK(box.run(contacts).out.find("2024160202 钟新名") != std::string::npos);
    REQUIRE(box.run({"--db", "college.db", "import", "undo", "4"}).exit_code == 0);
    const auto after = box.run(contacts).out;
    CHECK(after.find("2024160202 钟静") != std::string::npos);
    CHECK(after.find("钟新名") == std::string::npos);
  }
}
