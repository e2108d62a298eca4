// End-to-end: dormlink assign and export assignments on the example college.
#include <doctest/doctest.h>

#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>

#include "harness.hpp"

using dormlink::e2e::Sandbox;

namespace {

std::vector<std::string> at(const char* date, std::vector<std::string> more) {
  return dormlink::e2e::college_args(date, std::move(more));
}

// Hard-rule violations of the current assignment, counted in SQL against the rosters.
long long violations(const Sandbox& box) {
  const char* sql = R"sql(
    WITH cur AS (SELECT max(id) AS id FROM assignment),
    pairs AS (SELECT p.dorm_code, p.member_id FROM assignment_pair p, cur WHERE p.assignment_id = cur.id),
    res AS (SELECT dorm_code, min(gender) AS gender, min(cohort) AS cohort FROM student_version
            WHERE valid_to IS NULL AND status = 'current' GROUP BY dorm_code),
    mem AS (SELECT student_id, gender, cohort FROM student_version WHERE valid_to IS NULL AND status = 'current'),
    load AS (SELECT member_id, count(*) AS n FROM pairs GROUP BY member_id)
    SELECT
      (SELECT count(*) FROM pairs JOIN res USING (dorm_code) JOIN mem ON mem.student_id = pairs.member_id
        WHERE mem.gender <> res.gender OR mem.cohort > res.cohort
           OR (2026 - res.cohort + 1 >= 3 AND mem.cohort <> res.cohort))
    + (SELECT count(*) FROM res WHERE dorm_code NOT IN (SELECT dorm_code FROM pairs))
    + (SELECT count(*) FROM load WHERE n < 2 OR n > 3))sql";
  return box.query_int("college.db", sql);
}

std::string fmt_kept(long long kept) { return "kept " + std::to_string(kept) + ","; }

}  // namespace

TEST_SUITE("e2e.assign") {
  TEST_CASE("the example college assigns with zero hard-rule violations, deterministically") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto a = box.run(at("2026-09-07", {"assign", "--dry-run", "--format", "json"}));
    INFO(a.err);
    REQUIRE(a.exit_code == 0);
    CHECK(a.out.find("\"uncovered\": []") != std::string::npos);
    auto b = box.run(at("2026-09-07", {"assign", "--dry-run", "--format", "json"}));
    CHECK(a.out == b.out);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM assignment") == 0);

    auto commit = box.run(at("2026-09-07", {"assign"}));
    INFO(commit.err);
    REQUIRE(commit.exit_code == 0);
    CHECK(commit.out.find("committed as #1, valid from 2026-09-07") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM assignment_pair") == 250);
    CHECK(violations(box) == 0);
  }

  TEST_CASE("a committed semester is not replaced silently, --replace keeps history, records are append-only") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    REQUIRE(box.run(at("2026-09-07", {"assign", "-q"})).exit_code == 0);
    auto again = box.run(at("2026-09-08", {"assign"}));
    CHECK(again.exit_code == 73);
    CHECK(again.err.find("already has an assignment (#1") != std::string::npos);
    auto replaced = box.run(at("2026-09-08", {"assign", "--replace", "--format", "csv"}));
    INFO(replaced.err);
    CHECK(replaced.exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM assignment") == 2);
    CHECK(box.query_int("college.db", "SELECT supersedes FROM assignment WHERE id = 2") == 1);
    SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READWRITE);
    CHECK_THROWS(raw.exec("UPDATE assignment_pair SET member_id = member_id"));
    CHECK_THROWS(raw.exec("DELETE FROM assignment"));
  }

  TEST_CASE("infeasible rules exit 3 with a diagnosis, --best-effort lists what is left") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto config = box.read("dormlink.toml");
    auto pos = config.find("max_dorms = 3");
    REQUIRE(pos != std::string::npos);
    config.replace(pos, 13, "max_dorms = 2");
    box.write("tight.toml", config);
    auto r = box.run(at("2026-09-07", {"--config", "tight.toml", "assign", "--dry-run"}));
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("dormlink: error: no assignment satisfies the hard rules") != std::string::npos);
    CHECK(r.err.find("suggestion:") != std::string::npos);
    CHECK(r.err.find("max_dorms") != std::string::npos);
    CHECK(r.out.empty());
    auto best = box.run(at("2026-09-07", {"--config", "tight.toml", "assign", "--dry-run", "--best-effort"}));
    CHECK(best.exit_code == 3);
    CHECK(best.out.find("未分配的寝室（需人工处理）") != std::string::npos);
  }

  TEST_CASE("--explain shows the pair's cost terms and alternatives") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    REQUIRE(box.run(at("2026-09-07", {"assign", "-q"})).exit_code == 0);
    auto r = box.run(at("2026-09-07", {"--lang", "en", "assign", "--explain", "10-106"}));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("dorm 10-106") == 0);
    CHECK(r.out.find("members meet the hard rules") != std::string::npos);
    auto unknown = box.run(at("2026-09-07", {"assign", "--explain", "nobody"}));
    CHECK(unknown.exit_code == 64);
  }

  TEST_CASE("pins and forbids are honoured, unknown ones are usage errors") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto bad = box.run(at("2026-09-07", {"assign", "--dry-run", "--pin", "nobody:10-106"}));
    CHECK(bad.exit_code == 64);
    CHECK(bad.err.find("--pin \"nobody:10-106\"") != std::string::npos);
  }

  TEST_CASE("--repair after a member leaves moves only that member's dorms") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    REQUIRE(box.run(at("2026-09-07", {"assign", "-q"})).exit_code == 0);
    SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READONLY);
    auto leaver = raw.execAndGet("SELECT member_id FROM assignment_pair ORDER BY member_id LIMIT 1").getString();
    auto moved = raw.execAndGet("SELECT count(*) FROM assignment_pair WHERE member_id = '" + leaver + "'").getInt();
    // Re-import the roster without the leaver (UTF-8 copy via the database is simpler: export the ids).
    auto ids = box.query_int("college.db", "SELECT count(*) FROM student");
    CHECK(ids == 1200);
    auto dump = box.run_program("/usr/bin/sqlite3", {"-csv", "-header", box.path("college.db"),
        "SELECT v.student_id AS 学号, v.name AS 姓名, CASE v.gender WHEN 'male' THEN '男' ELSE '女' END AS 性别, "
        "v.major AS 专业, v.cohort || '级' AS 年级, v.dorm_code AS 寝室, "
        "CASE v.political_status WHEN 'party_member' THEN '中共党员' WHEN 'probationary_member' THEN '中共预备党员' "
        "WHEN 'candidate' THEN '发展对象' WHEN 'activist' THEN '入党积极分子' ELSE '群众' END AS 政治面貌, "
        "v.branch AS 党支部 FROM student_version v WHERE v.valid_to IS NULL AND v.student_id <> '" + leaver + "'"});
    REQUIRE(dump.exit_code == 0);
    box.write("next.csv", dump.out);
    auto imp = box.run(at("2026-10-12", {"import", "students", "next.csv"}));
    INFO(imp.err);
    REQUIRE(imp.exit_code == 0);
    auto repair = box.run(at("2026-10-12", {"--lang", "en", "assign", "--repair"}));
    INFO(repair.err);
    REQUIRE(repair.exit_code == 0);
    CHECK(repair.out.find(fmt_kept(250 - moved)) != std::string::npos);
  }

  TEST_CASE("export assignments is the 分配表: one row per member, BOM, CRLF") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto none = box.run(at("2026-09-07", {"export", "assignments"}));
    CHECK(none.exit_code == 66);
    REQUIRE(box.run(at("2026-09-07", {"assign", "-q"})).exit_code == 0);
    auto r = box.run(at("2026-09-07", {"export", "assignments"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("\xEF\xBB\xBF党员,学号,年级,专业,党支部,联系寝室,寝室数,学生人数\r\n", 0) == 0);
    auto rows = static_cast<long long>(std::count(r.out.begin(), r.out.end(), '\n')) - 1;
    CHECK(rows == box.query_int("college.db", "SELECT count(DISTINCT member_id) FROM assignment_pair"));
  }
}

TEST_SUITE("e2e.assign") {
  TEST_CASE("members excluded in the config or with --exclude take no dorms") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto all = box.run(at("2026-09-07", {"assign", "--dry-run", "--format", "csv"}));
    REQUIRE(all.exit_code == 0);
    auto config = box.read("dormlink.toml");
    auto pos = config.find("exclude = []");
    REQUIRE(pos != std::string::npos);
    config.replace(pos, 12, "exclude = [\"2023110104\"]");
    box.write("ex.toml", config);
    REQUIRE(all.out.find("2023110104") != std::string::npos);
    auto r = box.run(at("2026-09-07", {"--config", "ex.toml", "assign", "--dry-run", "--format", "csv",
                                       "--exclude", "2025110309"}));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("2023110104") == std::string::npos);
    CHECK(r.out.find("2025110309") == std::string::npos);
  }
}
