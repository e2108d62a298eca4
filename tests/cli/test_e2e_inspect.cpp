// End-to-end: dormlink inspect sample / inspect record on the example college.
#include <doctest/doctest.h>

#include <regex>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>

#include "dormlink/store/database.hpp"
#include "dormlink/store/inspection_store.hpp"
#include "harness.hpp"

using dormlink::e2e::Sandbox;

namespace {

std::vector<std::string> at(const char* date, std::vector<std::string> more) {
  return dormlink::e2e::college_args(date, std::move(more));
}

std::string bytes(const Sandbox& box) { return box.read("college.db") + box.read("college.db-wal"); }

std::string text(const Sandbox& box, const std::string& sql) {
  SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READONLY);
  SQLite::Statement q(raw, sql);
  return q.executeStep() && !q.getColumn(0).isNull() ? q.getColumn(0).getString() : std::string();
}

// One member of the committed assignment, one of their dorms and a resident of it.
struct Pair {
  std::string member;
  std::string dorm;
  std::string resident;  // name
};

// The example college with an assignment committed on 2026-09-07.
Pair college_with_assignment(const Sandbox& box) {
  dormlink::e2e::setup_example_college(box);
  REQUIRE(box.run(at("2026-09-07", {"assign", "-q"})).exit_code == 0);
  Pair p;
  p.member = text(box, "SELECT member_id FROM assignment_pair ORDER BY member_id LIMIT 1");
  p.dorm = text(
      box, "SELECT dorm_code FROM assignment_pair WHERE member_id = '" + p.member + "' ORDER BY dorm_code LIMIT 1");
  p.resident = text(box, "SELECT name FROM student_version WHERE valid_to IS NULL AND dorm_code = '" + p.dorm +
                             "' AND student_id <> '" + p.member + "' ORDER BY student_id LIMIT 1");
  REQUIRE_FALSE(p.resident.empty());
  return p;
}

// Logs a contact (visit, or talk with `talked`) of the member; returns the record number.
long long log(const Sandbox& box, const Pair& p, const std::string& dorm, const char* when, const char* kind = "visit",
              const std::string& talked = "") {
  std::vector<std::string> args{"-q", "log-visit", "--member", p.member, "--dorm", dorm, "--at", when, "--kind", kind};
  if (!talked.empty()) args.insert(args.end(), {"--talked", talked});
  auto r = box.run(at("2026-10-14", args));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return box.query_int("college.db", "SELECT max(id) FROM record");
}

std::string items_of(const Sandbox& box, int sample) {
  return text(box,
              "SELECT group_concat(member_id || ' ' || dorm_code, ';') FROM (SELECT member_id, dorm_code FROM "
              "inspection_sample_item WHERE sample_id = " +
                  std::to_string(sample) + " ORDER BY position)");
}

}  // namespace

TEST_SUITE("e2e.inspect") {
  TEST_CASE("inspect sample prints a checklist of every branch, records it, and repeats with the same seed") {
    Sandbox box;
    college_with_assignment(box);
    auto r = box.run(at("2026-10-14", {"inspect", "sample"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("检查组抽查 #1 · 2026—2027学年第一学期 · 2026-10-14 · 种子 20261014 (由日期得出)\n") == 0);
    CHECK(r.out.find("序号  支部") != std::string::npos);
    CHECK(r.out.substr(r.out.size() - std::string("已记录抽查 #1\n").size()) == "已记录抽查 #1\n");
    CHECK_FALSE(std::regex_search(r.out, std::regex("1[3-9][0-9]{9}")));  // no phone numbers
    CHECK(box.query_int("college.db", "SELECT count(*) FROM inspection_sample") == 1);
    const auto members = box.query_int("college.db", "SELECT count(DISTINCT member_id) FROM assignment_pair");
    const auto size = box.query_int("college.db", "SELECT count(*) FROM inspection_sample_item WHERE sample_id = 1");
    CHECK(size == (members * 10 + 99) / 100);
    CHECK(box.query_int("college.db", "SELECT size FROM inspection_sample WHERE id = 1") == size);
    CHECK(box.query_int("college.db", "SELECT seed FROM inspection_sample WHERE id = 1") == 20261014);
    CHECK(box.query_int("college.db", "SELECT count(DISTINCT member_id) FROM inspection_sample_item") == size);
    // Every branch of the assigned members is represented.
    const char* branches =
        "SELECT count(DISTINCT v.branch) FROM student_version v WHERE v.valid_to IS NULL AND "
        "v.student_id IN (SELECT member_id FROM %s)";
    auto of = [&](const char* table) {
      std::string sql = branches;
      sql.replace(sql.find("%s"), 2, table);
      return box.query_int("college.db", sql);
    };
    CHECK(of("assignment_pair") >= 2);
    CHECK(of("inspection_sample_item") == of("assignment_pair"));

    auto again = box.run(at("2026-10-14", {"inspect", "sample"}));
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find("检查组抽查 #2 ·") == 0);
    CHECK(items_of(box, 2) == items_of(box, 1));

    auto s1 = box.run(at("2026-10-14", {"inspect", "sample", "--seed", "42", "--dry-run"}));
    auto s2 = box.run(at("2026-10-14", {"inspect", "sample", "--seed", "42", "--dry-run"}));
    REQUIRE(s1.exit_code == 0);
    CHECK(s1.out == s2.out);
    CHECK(s1.out.find("种子 42 (--seed)") != std::string::npos);
    auto dated = box.run(at("2026-10-14", {"inspect", "sample", "--dry-run"}));
    CHECK(dated.out != s1.out);
  }

  TEST_CASE("the checklist names the member's recent visits and talks as records to verify") {
    Sandbox box;
    auto p = college_with_assignment(box);
    const auto dorms =
        text(box, "SELECT group_concat(dorm_code, ' ') FROM assignment_pair WHERE member_id = '" + p.member + "'");
    std::vector<long long> recent;
    std::istringstream split(dorms);
    for (std::string dorm; split >> dorm;) recent.push_back(log(box, p, dorm, "2026-10-12 19:30"));
    const auto old = log(box, p, p.dorm, "2026-09-20 19:30");
    auto r = box.run(at("2026-10-14", {"--lang", "en", "inspect", "sample", "--rate", "1", "--dry-run"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("dry run (--dry-run): nothing recorded.") != std::string::npos);
    int listed = 0;
    for (auto id : recent) listed += r.out.find("#" + std::to_string(id) + " ") != std::string::npos ? 1 : 0;
    CHECK(listed == 1);                                                       // one dorm per member
    CHECK(r.out.find("#" + std::to_string(old) + " ") == std::string::npos);  // older than two weeks
    CHECK(r.out.find("records to verify (visits and talks 2026-10-01 to 2026-10-14)") != std::string::npos);
  }

  TEST_CASE("--size with --rate, and bad values, are usage errors, --dry-run writes nothing") {
    Sandbox box;
    college_with_assignment(box);
    const auto before = bytes(box);
    auto both = box.run(at("2026-10-14", {"inspect", "sample", "--size", "3", "--rate", "0.1"}));
    CHECK(both.exit_code == 64);
    CHECK(both.err.find("--size excludes --rate") != std::string::npos);
    CHECK(box.run(at("2026-10-14", {"inspect", "sample", "--rate", "0"})).exit_code == 64);
    CHECK(box.run(at("2026-10-14", {"inspect", "sample", "--rate", "1.5"})).exit_code == 64);
    CHECK(box.run(at("2026-10-14", {"inspect", "sample", "--size", "0"})).exit_code == 64);
    CHECK(box.run(at("2026-10-14", {"inspect", "sample", "--seed", "abc"})).exit_code == 64);
    CHECK(box.run(at("2026-10-14", {"inspect", "sample", "--semester", "2031-spring"})).exit_code == 64);
    CHECK(box.run(at("2026-10-14", {"inspect"})).exit_code == 64);
    auto dry = box.run(at("2026-10-14", {"inspect", "sample", "--size", "2", "--dry-run"}));
    INFO(dry.err);
    CHECK(dry.exit_code == 0);
    CHECK(dry.out.find("抽查人数少于支部数，已提高到") != std::string::npos);
    CHECK(dry.out.find("预览（--dry-run），未记录。\n") != std::string::npos);
    CHECK(bytes(box) == before);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM inspection_sample") == 0);
  }

  TEST_CASE("inspect sample before any assignment says so") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto r = box.run(at("2026-10-14", {"inspect", "sample"}));
    CHECK(r.exit_code == 65);
    CHECK(r.err ==
          "dormlink: error: 2026-autumn has no assignment in force on 2026-10-14; run dormlink assign first\n");
  }

  TEST_CASE("inspect record confirms and contradicts, the contradiction flags the record") {
    Sandbox box;
    auto p = college_with_assignment(box);
    const auto visit = log(box, p, p.dorm, "2026-10-12 19:30");
    const auto talk = log(box, p, p.dorm, "2026-10-12 20:00", "talk", p.resident);
    auto r = box.run(at("2026-10-14", {"inspect", "record", "--member", p.member, "--dorm", p.dorm, "--inspector",
                                       "王欣心", "--confirmed", std::to_string(visit), "--contradicted",
                                       std::to_string(talk) + ":" + p.resident, "--note", "学生表示未谈心"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("已记录检查结果 #1–#2 · ") == 0);
    CHECK(r.err.find("不属实") != std::string::npos);
    CHECK(r.err.find("标记存疑的记录：#" + std::to_string(talk) + "\n") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM inspection_finding") == 2);
    CHECK(text(box, "SELECT verdict FROM inspection_finding WHERE record_id = " + std::to_string(talk)) ==
          "contradicted");
    CHECK(text(box, "SELECT student_id FROM inspection_finding WHERE record_id = " + std::to_string(visit)).empty());
    CHECK(text(box, "SELECT inspected_on FROM inspection_finding WHERE id = 1") == "2026-10-14");
    // The inspector is a staff member with role inspector (检查组), stored as the staff id.
    CHECK(r.err.find(" · 检查人 王欣心 T2016002\n") != std::string::npos);
    CHECK(text(box, "SELECT inspector FROM inspection_finding WHERE id = 1") == "T2016002");

    auto db = dormlink::store::Database::open(box.path("college.db"), dormlink::store::OpenMode::read_only);
    auto rates = dormlink::store::discrepancy_rates(db, "2026-autumn");
    REQUIRE(rates.size() == 1);
    CHECK(rates[0].member_id == p.member);
    CHECK(rates[0].contradicted == 1);
    CHECK(rates[0].total == 2);
    CHECK(dormlink::store::flagged_records(db, "2026-autumn") == std::vector<std::int64_t>{talk});

    auto en = box.run(
        at("2026-10-14", {"--lang", "en", "inspect", "record", "--member", p.member, "--dorm", p.dorm, "--inspector",
                          "方丽宁", "--on", "2026-10-13", "--contradicted", std::to_string(visit)}));
    INFO(en.err);
    REQUIRE(en.exit_code == 0);
    CHECK(en.err.find("recorded findings #3 · ") == 0);
    CHECK(en.err.find("flagged records: #" + std::to_string(visit) + "\n") != std::string::npos);
  }

  TEST_CASE("inspect record refuses records that are not the member's for the dorm, nothing is saved") {
    Sandbox box;
    auto p = college_with_assignment(box);
    const auto visit = log(box, p, p.dorm, "2026-10-12 19:30");
    const auto withdrawn = log(box, p, p.dorm, "2026-10-13 19:30");
    REQUIRE(
        box.run({"--db", "college.db", "-q", "withdraw", std::to_string(withdrawn), "--reason", "重复"}).exit_code ==
        0);
    const auto other_dorm = text(
        box, "SELECT dorm_code FROM assignment_pair WHERE member_id <> '" + p.member + "' ORDER BY dorm_code LIMIT 1");
    const auto before = bytes(box);
    auto record = [&](std::vector<std::string> more) {
      std::vector<std::string> args{"inspect", "record", "--member",    p.member,
                                    "--dorm",  p.dorm,   "--inspector", "王欣心"};
      args.insert(args.end(), more.begin(), more.end());
      return box.run(at("2026-10-14", args));
    };
    auto missing = record({"--confirmed", std::to_string(visit) + ",999"});
    CHECK(missing.exit_code == 65);
    CHECK(missing.err == "dormlink: error: record #999: there is no such record; nothing was recorded\n");
    auto gone = record({"--contradicted", std::to_string(withdrawn)});
    CHECK(gone.exit_code == 65);
    CHECK(gone.err.find("record #" + std::to_string(withdrawn) + " was corrected or withdrawn by #") !=
          std::string::npos);
    auto elsewhere = box.run(at("2026-10-14", {"inspect", "record", "--member", p.member, "--dorm", other_dorm,
                                               "--inspector", "王欣心", "--confirmed", std::to_string(visit)}));
    CHECK(elsewhere.exit_code == 65);
    CHECK(elsewhere.err.find("record #" + std::to_string(visit) + " is for dorm " + p.dorm + ", not " + other_dorm) !=
          std::string::npos);
    auto stranger = record({"--confirmed", std::to_string(visit) + ":" + p.resident});
    CHECK(stranger.exit_code == 65);
    CHECK(stranger.err.find("names no students") != std::string::npos);
    auto early = record({"--on", "2026-10-11", "--confirmed", std::to_string(visit)});
    CHECK(early.exit_code == 65);
    CHECK(early.err.find("after the inspection on 2026-10-11") != std::string::npos);
    auto no_sample = record({"--sample", "1", "--confirmed", std::to_string(visit)});
    CHECK(no_sample.exit_code == 65);
    CHECK(no_sample.err == "dormlink: error: --sample 1: there is no inspection sample #1\n");
    CHECK(record({}).exit_code == 64);
    CHECK(record({"--confirmed", "12x"}).exit_code == 64);
    CHECK(record({"--on", "2026-10-15", "--confirmed", std::to_string(visit)}).exit_code == 64);
    CHECK(bytes(box) == before);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM inspection_finding") == 0);
  }

  TEST_CASE("inspect record --sample ties the finding to a sampled member and dorm") {
    Sandbox box;
    auto p = college_with_assignment(box);
    REQUIRE(box.run(at("2026-10-14", {"-q", "inspect", "sample"})).exit_code == 0);
    Pair sampled = p;
    sampled.member = text(box, "SELECT member_id FROM inspection_sample_item WHERE sample_id = 1 AND position = 1");
    sampled.dorm = text(box, "SELECT dorm_code FROM inspection_sample_item WHERE sample_id = 1 AND position = 1");
    const auto visit = log(box, sampled, sampled.dorm, "2026-10-13 19:30");
    auto ok =
        box.run(at("2026-10-14", {"inspect", "record", "--member", sampled.member, "--dorm", sampled.dorm, "--sample",
                                  "1", "--inspector", "王欣心", "--confirmed", std::to_string(visit)}));
    INFO(ok.err);
    CHECK(ok.exit_code == 0);
    CHECK(ok.err.find(" · 抽查 #1\n") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT sample_id FROM inspection_finding") == 1);
    const auto unsampled = text(box,
                                "SELECT dorm_code FROM assignment_pair WHERE dorm_code NOT IN (SELECT dorm_code "
                                "FROM inspection_sample_item) ORDER BY dorm_code LIMIT 1");
    auto outside =
        box.run(at("2026-10-14", {"inspect", "record", "--member", sampled.member, "--dorm", unsampled, "--sample", "1",
                                  "--inspector", "王欣心", "--confirmed", std::to_string(visit)}));
    CHECK(outside.exit_code == 65);
    CHECK(outside.err.find("are not in sample #1") != std::string::npos);
  }
}
