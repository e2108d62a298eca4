// End-to-end: dormlink assign and export assignments on the example college.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <utility>

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

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// One dorm of a synthetic roster: its code, its residents' cohort and gender, how many of them
// are Party members and how many are not. In 2026-autumn cohort 2023 is grade 4, 2024 grade 3.
struct DormSpec {
  std::string code;
  int cohort = 2023;
  const char* gender = "女";
  int members = 0;
  int others = 3;
};

// The students roster of the dorms; residents are numbered in order, members first in a dorm.
std::string students_csv(const std::vector<DormSpec>& dorms) {
  std::string csv = "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n";
  int n = 0;
  for (const auto& d : dorms) {
    for (int i = 0; i < d.members + d.others; ++i) {
      ++n;
      auto number = std::to_string(1000 + n);
      csv += std::to_string(d.cohort) + "11" + number + ",学生" + number + "," + d.gender + ",英语," +
             std::to_string(d.cohort) + "级,英语" + std::to_string(d.cohort % 100) + "01," + d.code + ",," +
             (i < d.members ? "中共党员" : "共青团员") + ",英语党支部,,\n";
    }
  }
  return csv;
}

// `count` dorms "B-1RR" of building B from room `first` on, with residents but no member.
std::vector<DormSpec> plain_dorms(int building, int first, int count, int cohort, const char* gender = "女") {
  std::vector<DormSpec> out;
  for (int room = first; room < first + count; ++room) {
    out.push_back({std::to_string(building) + "-" + std::to_string(100 + room), cohort, gender, 0, 3});
  }
  return out;
}

constexpr const char* k_small_config = R"([[calendar.semester]]
id = "2026-autumn"
name = "2026—2027学年第一学期"
first_monday = 2026-09-07
teaching_weeks = 18
[assignment]
min_dorms = 2
max_dorms = 3
senior_from_grade = 3
candidates_take_dorms = true
)";

// Sets `key = value` in the [assignment] table of a config that has the key there.
std::string with_setting(std::string config, const std::string& key, const std::string& value) {
  auto table = config.find("[assignment]");
  REQUIRE(table != std::string::npos);
  auto at = config.find("\n" + key + " = ", table);
  REQUIRE(at != std::string::npos);
  auto start = at + key.size() + 4;
  auto end = config.find_first_of(" \n", start);
  config.replace(start, end - start, value);
  return config;
}

// The "suggestion: ..." lines of a diagnosis.
std::vector<std::string> suggestion_lines(const std::string& err) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = err.find("suggestion: ", pos)) != std::string::npos) {
    auto end = err.find('\n', pos);
    out.push_back(err.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

// The "(assignment.KEY = VALUE)" settings one suggestion proposes ("assignment." optional).
std::vector<std::pair<std::string, std::string>> settings_of(const std::string& suggestion) {
  static const std::regex setting(R"(\((?:assignment\.)?([a-z_]+) = ([a-z0-9]+)\))");
  std::vector<std::pair<std::string, std::string>> out;
  for (auto it = std::sregex_iterator(suggestion.begin(), suggestion.end(), setting); it != std::sregex_iterator();
       ++it) {
    out.emplace_back((*it)[1].str(), (*it)[2].str());
  }
  return out;
}

// The arguments with "--config try.toml" in front.
std::vector<std::string> with_config(const std::vector<std::string>& args) {
  std::vector<std::string> run{"--config", "try.toml"};
  run.insert(run.end(), args.begin(), args.end());
  return run;
}

// Runs `assign --dry-run` with `config`, expects exit 3, then applies every printed suggestion to
// the config on its own and checks that assign succeeds with it. Returns the suggestions.
std::vector<std::string> check_suggestions(const Sandbox& box, const std::string& config,
                                           const std::vector<std::string>& args) {
  box.write("try.toml", config);
  auto run = with_config(args);
  auto r = box.run(run);
  INFO(r.err);
  REQUIRE(r.exit_code == 3);
  CHECK(r.out.empty());
  auto lines = suggestion_lines(r.err);
  for (const auto& line : lines) {
    INFO(line);
    auto settings = settings_of(line);
    REQUIRE_FALSE(settings.empty());
    auto changed = config;
    for (const auto& [key, value] : settings) changed = with_setting(changed, key, value);
    box.write("try.toml", changed);
    auto fixed = box.run(run);
    INFO(fixed.err);
    CHECK(fixed.exit_code == 0);
  }
  return lines;
}

// A synthetic college in `box` from its dorms; returns the assign arguments for a dry run.
std::vector<std::string> small_college(const Sandbox& box, const std::vector<DormSpec>& dorms) {
  box.write("dormlink.toml", k_small_config);
  box.write("students.csv", students_csv(dorms));
  for (auto args : {std::vector<std::string>{"init"}, std::vector<std::string>{"import", "students", "students.csv"}}) {
    auto r = box.run(at("2026-09-07", args));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  return at("2026-09-07", {"--lang", "en", "assign", "--dry-run"});
}

std::vector<DormSpec> join(std::vector<std::vector<DormSpec>> parts) {
  std::vector<DormSpec> out;
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

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
    CHECK(commit.out.find("已提交为 #1，自 2026-09-07 起生效") != std::string::npos);
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

  TEST_CASE("infeasible rules exit 3 with a diagnosis, and --best-effort lists what is left") {
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
    auto dump = box.run_program(
        "/usr/bin/sqlite3",
        {"-csv", "-header", box.path("college.db"),
         "SELECT v.student_id AS 学号, v.name AS 姓名, CASE v.gender WHEN 'male' THEN '男' ELSE '女' END AS 性别, "
         "v.major AS 专业, v.cohort || '级' AS 年级, v.dorm_code AS 寝室, "
         "CASE v.political_status WHEN 'party_member' THEN '中共党员' WHEN 'probationary_member' THEN '中共预备党员' "
         "WHEN 'candidate' THEN '发展对象' WHEN 'activist' THEN '入党积极分子' ELSE '群众' END AS 政治面貌, "
         "v.branch AS 党支部 FROM student_version v WHERE v.valid_to IS NULL AND v.student_id <> '" +
             leaver + "'"});
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
    auto r = box.run(
        at("2026-09-07", {"--config", "ex.toml", "assign", "--dry-run", "--format", "csv", "--exclude", "2025110309"}));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("2023110104") == std::string::npos);
    CHECK(r.out.find("2025110309") == std::string::npos);
  }
}

TEST_SUITE("e2e.assign") {
  TEST_CASE("an infeasible roster: every printed suggestion, applied to the config, lets assign succeed") {
    Sandbox box;
    SUBCASE("grade-3 women dorms short, the grade-4 members busy: relaxing H5 would not be enough") {
      // 7 grade-3 dorms for 2 grade-3 members (at most 6); the 2 grade-4 members have 6 grade-4 dorms.
      auto args = small_college(box, join({{{"4-101", 2023, "女", 2, 2}},
                                           plain_dorms(4, 2, 5, 2023),
                                           {{"3-101", 2024, "女", 2, 2}},
                                           plain_dorms(3, 2, 6, 2024)}));
      auto lines = check_suggestions(box, k_small_config, args);
      CHECK(lines == std::vector<std::string>{"suggestion: raise max_dorms to 4 (assignment.max_dorms = 4)"});
    }
    SUBCASE("grade-4 women dorms short: a higher senior_from_grade changes nothing") {
      auto args = small_college(box, join({{{"4-101", 2023, "女", 2, 2}}, plain_dorms(4, 2, 6, 2023)}));
      auto lines = check_suggestions(box, k_small_config, args);
      CHECK(lines == std::vector<std::string>{"suggestion: raise max_dorms to 4 (assignment.max_dorms = 4)"});
    }
    SUBCASE("grade-3 women dorms short, grade-4 members with room: relaxing H5 works and is suggested") {
      auto args = small_college(box, join({{{"4-101", 2023, "女", 2, 2}},
                                           plain_dorms(4, 2, 3, 2023),
                                           {{"3-101", 2024, "女", 2, 2}},
                                           plain_dorms(3, 2, 6, 2024)}));
      auto lines = check_suggestions(box, k_small_config, args);
      CHECK(lines.size() == 2);
      CHECK(std::any_of(lines.begin(), lines.end(),
                        [](const std::string& l) { return has(l, "(assignment.senior_from_grade = 4)"); }));
    }
    SUBCASE("women short of capacity, men short of dorms: only both changes together work") {
      auto args = small_college(box, join({{{"4-101", 2023, "女", 2, 2}},
                                           plain_dorms(4, 2, 6, 2023),
                                           {{"5-101", 2023, "男", 3, 1}},
                                           plain_dorms(5, 2, 3, 2023, "男")}));
      auto lines = check_suggestions(box, k_small_config, args);
      REQUIRE(lines.size() == 1);
      CHECK(settings_of(lines[0]).size() == 2);
    }
    SUBCASE("forbids the counts cannot see: only solving finds what works") {
      // 2 members for 5 grade-4 dorms (the counts leave room), but 2023111002 may take 4-101 only.
      auto args = small_college(box, join({{{"4-101", 2023, "女", 2, 2}}, plain_dorms(4, 2, 4, 2023)}));
      for (const char* dorm : {"4-102", "4-103", "4-104", "4-105"}) {
        args.insert(args.end(), {"--forbid", std::string("2023111002:") + dorm});
      }
      auto lines = check_suggestions(box, k_small_config, args);
      CHECK(lines == std::vector<std::string>{"suggestion: together: raise max_dorms to 4 (assignment.max_dorms = 4); "
                                              "lower min_dorms to 1 (assignment.min_dorms = 1)"});
      args.insert(args.end(), {"--forbid", "2023111002:4-101"});  // now 2023111002 may take no dorm at all
      box.write("try.toml", k_small_config);
      auto hopeless = box.run(with_config(args));
      CHECK(hopeless.exit_code == 3);
      CHECK(suggestion_lines(hopeless.err).empty());
      CHECK(has(hopeless.err, "even max_dorms = 10, min_dorms = 1 and senior_from_grade = 5 leave no assignment"));
    }
  }

  TEST_CASE("a capacity shortfall names the dorms and the members involved, ten at most") {
    Sandbox box;
    auto args = small_college(box, join({{{"3-101", 2024, "女", 1, 2}}, plain_dorms(3, 2, 26, 2024)}));
    box.write("try.toml", k_small_config);
    auto r = box.run(with_config(args));
    INFO(r.err);
    REQUIRE(r.exit_code == 3);
    CHECK(has(r.err,
              "women, grade-3 dorms: 27 dorms need grade-3 women members; 1 such member can take at most 3; "
              "dorms: 3-101, 3-102, 3-103, 3-104, 3-105, 3-106, 3-107, 3-108, 3-109, 3-110 and 17 more; "
              "members: 2024111001 学生1001\n"));
  }

  TEST_CASE("generated colleges made infeasible: every printed suggestion, applied, lets assign succeed") {
    Sandbox box;
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    const auto example = box.read("dormlink.toml");
    int checked = 0;
    for (const char* seed : {"3", "11", "29"}) {
      INFO("seed " << std::string(seed));
      auto gen = box.run_program(DORMLINK_GENERATOR, {"--out", box.path(std::string("gen") + seed), "--seed", seed,
                                                      "--students", "260", "--utf8"});
      INFO(gen.err);
      REQUIRE(gen.exit_code == 0);
      const std::string db = std::string("gen") + seed + ".db";
      for (auto args : {std::vector<std::string>{"init"},
                        std::vector<std::string>{"import", "dorms", std::string("gen") + seed + "/dorms.csv"},
                        std::vector<std::string>{"import", "students", std::string("gen") + seed + "/students.csv"}}) {
        std::vector<std::string> all{"--db", db, "--as-of", "2026-09-07", "-q"};
        all.insert(all.end(), args.begin(), args.end());
        auto r = box.run(all);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
      }
      const std::vector<std::string> assign{"--db", db, "--as-of", "2026-09-07", "assign", "--dry-run"};
      using Settings = std::vector<std::pair<std::string, std::string>>;
      for (const Settings& settings :
           {Settings{{"senior_from_grade", "2"}}, Settings{{"max_dorms", "2"}, {"senior_from_grade", "2"}},
            Settings{{"max_dorms", "4"}, {"min_dorms", "3"}, {"senior_from_grade", "2"}}}) {
        auto config = example;
        for (const auto& [key, value] : settings) config = with_setting(config, key, value);
        INFO(config.substr(config.find("[assignment]"), 200));
        if (!check_suggestions(box, config, assign).empty()) ++checked;
      }
    }
    CHECK(checked == 9);  // every generated roster got at least one suggestion, and each one worked
  }
}

TEST_SUITE("e2e.assign") {
  TEST_CASE("--format text is the terminal table, as on every command, and the old name table still works") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto text = box.run(at("2026-09-07", {"assign", "--dry-run", "--format", "text"}));
    INFO(text.err);
    REQUIRE(text.exit_code == 0);
    CHECK(text.out == box.run(at("2026-09-07", {"assign", "--dry-run"})).out);
    CHECK(text.out == box.run(at("2026-09-07", {"assign", "--dry-run", "--format", "table"})).out);
    CHECK(box.run(at("2026-09-07", {"assign", "--dry-run", "--format", "xml"})).exit_code == 64);
  }
}
