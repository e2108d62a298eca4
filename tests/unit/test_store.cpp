#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include "dormlink/error.hpp"
#include "dormlink/store/database.hpp"
#include "dormlink/store/roster_query.hpp"
#include "dormlink/store/roster_store.hpp"
#include "dormlink/util/csv.hpp"
#include "store/impl.hpp"

#include <fmt/format.h>

using namespace dormlink;
using namespace std::chrono;
namespace fs = std::filesystem;

namespace {

Semester autumn_2026() {
  Semester s;
  s.id = "2026-autumn";
  s.first_monday = Date{year{2026}, month{9}, day{7}};
  s.teaching_weeks = 18;
  return s;
}
const Semester k_semester = autumn_2026();

std::vector<roster::StudentRow> rows_of(const std::string& body) {
  auto table = util::parse_csv("学号,姓名,性别,专业,年级,寝室,政治面貌,党支部\n" + body, "s.csv");
  return roster::parse_students(table, roster::ParseContext{"s.csv", &k_semester});
}

store::ImportContext context_on(int month_value, int day_value) {
  store::ImportContext c;
  c.source_name = "s.csv";
  c.encoding = "UTF-8";
  c.semester_id = "2026-autumn";
  c.effective = Date{year{2026}, month{static_cast<unsigned>(month_value)}, day{static_cast<unsigned>(day_value)}};
  c.imported_at = "2026-09-01 10:00:00";
  c.imported_by = "counselor";
  return c;
}

// A scratch directory removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() : path(fs::temp_directory_path() / fs::path("dormlink-store-" + std::to_string(::getpid()) + "-" +
                                                          std::to_string(reinterpret_cast<std::uintptr_t>(this)))) {
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const char* name) const { return (path / name).string(); }
};

int count(store::Database& db, const std::string& path, const char* sql) {
  (void)db;
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  return raw.execAndGet(sql).getInt();
}

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("first import adds students and creates their dorms") {
    auto db = store::Database::in_memory();
    auto summary = store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"),
                                          context_on(9, 1));
    CHECK(summary.added == 2);
    CHECK(summary.new_dorms == std::vector<std::string>{"8-305"});
    auto snap = store::load_roster(db, Date{year{2026}, month{9}, day{1}});
    CHECK(snap.students.size() == 2);
    REQUIRE(snap.dorms.size() == 1);
    CHECK(snap.dorms[0].dorm.building == "8");
    CHECK(snap.dorms[0].dorm.room == "305");
    CHECK(snap.imports.size() == 1);
  }

  TEST_CASE("re-import keeps history: moves, status changes and departures are dated rows") {
    auto db = store::Database::in_memory();
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"
                                       "3,王五,男,英语,4,8-306,群众,\n"), context_on(9, 1));
    auto summary = store::import_students(
        db, rows_of("1,张三,男,英语,4,8-306,群众,\n2,李四,男,英语,4,8-305,中共预备党员,第一支部\n"), context_on(10, 1));
    CHECK(summary.added == 0);
    CHECK(summary.changed == 2);
    CHECK(summary.departed == 1);
    REQUIRE(summary.moves.size() == 1);
    CHECK(summary.moves[0].before == "8-305");
    CHECK(summary.moves[0].after == "8-306");
    REQUIRE(summary.status_changes.size() == 1);
    REQUIRE(summary.departures.size() == 1);
    CHECK(summary.departures[0].id == "3");

    auto before = store::load_roster(db, Date{year{2026}, month{9}, day{30}});
    auto after = store::load_roster(db, Date{year{2026}, month{10}, day{1}});
    REQUIRE(before.students.size() == 3);
    CHECK(before.students[0].facts.dorm == "8-305");
    REQUIRE(after.students.size() == 2);
    CHECK(after.students[0].facts.dorm == "8-306");
    CHECK(after.students[1].facts.status == PoliticalStatus::probationary_member);
  }

  TEST_CASE("a departed student who comes back is counted as returned") {
    auto db = store::Database::in_memory();
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"), context_on(9, 1));
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n"), context_on(9, 10));
    auto summary = store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"),
                                          context_on(9, 20));
    CHECK(summary.returned == 1);
    CHECK(summary.unchanged == 1);
  }

  TEST_CASE("--keep-missing does not mark absent students as left") {
    auto db = store::Database::in_memory();
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"), context_on(9, 1));
    auto ctx = context_on(9, 2);
    ctx.departures = false;
    auto summary = store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n"), ctx);
    CHECK(summary.departed == 0);
    CHECK(store::load_roster(db, Date{year{2026}, month{9}, day{2}}).students.size() == 2);
  }

  TEST_CASE("dry run computes the summary and writes nothing") {
    auto db = store::Database::in_memory();
    auto ctx = context_on(9, 1);
    ctx.dry_run = true;
    auto summary = store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n"), ctx);
    CHECK(summary.added == 1);
    CHECK(summary.dry_run);
    auto snap = store::load_roster(db, Date{year{2026}, month{9}, day{1}});
    CHECK(snap.students.empty());
    CHECK(snap.imports.empty());
  }

  TEST_CASE("an import dated before the latest change is refused") {
    auto db = store::Database::in_memory();
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n"), context_on(10, 1));
    CHECK_THROWS_WITH_AS(store::import_students(db, rows_of("1,张三,男,英语,4,8-306,群众,\n"), context_on(9, 1)),
                         "s.csv: the database already holds roster changes effective 2026-10-01; an import "
                         "cannot take effect earlier (2026-09-01); use --as-of 2026-10-01 or later",
                         DataError);
  }

  TEST_CASE("students must agree with the dorms roster, nothing is written otherwise") {
    auto db = store::Database::in_memory();
    auto dorms = roster::parse_dorms(util::parse_csv("寝室,性别,容量\n8-305,女,1\n", "d.csv"),
                                     roster::ParseContext{"d.csv", &k_semester});
    store::import_dorms(db, dorms, context_on(9, 1));
    try {
      store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"), context_on(9, 1));
      FAIL("expected a DataError");
    } catch (const DataError& e) {
      REQUIRE(e.problems().size() == 3);
      CHECK(e.problems()[0].message == "dorm 8-305 is a 女 dorm in the dorms roster, but this student is 男");
      CHECK(e.problems()[2].message == "dorm 8-305 has capacity 1 but the roster puts 2 students in it (from line 2)");
    }
    CHECK(store::load_roster(db, Date{year{2026}, month{9}, day{1}}).students.empty());
  }

  TEST_CASE("a dorms roster must agree with current residents") {
    auto db = store::Database::in_memory();
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"), context_on(9, 1));
    auto dorms = roster::parse_dorms(util::parse_csv("寝室,性别,容量\n8-305,女,1\n", "d.csv"),
                                     roster::ParseContext{"d.csv", &k_semester});
    try {
      store::import_dorms(db, dorms, context_on(9, 1));
      FAIL("expected a DataError");
    } catch (const DataError& e) {
      REQUIRE(e.problems().size() == 2);
      CHECK(e.problems()[0].message == "dorm 8-305 is declared 女 but its current residents are 男");
      CHECK(e.problems()[1].message == "dorm 8-305 is declared for 1 but 2 students live there now");
    }
  }

  TEST_CASE("staff import and departure") {
    auto db = store::Database::in_memory();
    auto parse = [](const std::string& body) {
      return roster::parse_staff(util::parse_csv("工号,姓名,角色,负责年级,党支部\n" + body, "t.csv"),
                                 roster::ParseContext{"t.csv", &k_semester});
    };
    auto first = store::import_staff(db, parse("T1,周老师,辅导员,2023级,\nT2,吴老师,检查组,,\n"), context_on(9, 1));
    CHECK(first.added == 2);
    auto second = store::import_staff(db, parse("T1,周老师,辅导员,2023级;2024级,\n"), context_on(9, 2));
    CHECK(second.changed == 1);
    CHECK(second.departed == 1);
    auto snap = store::load_roster(db, Date{year{2026}, month{9}, day{2}});
    REQUIRE(snap.staff.size() == 1);
    CHECK(snap.staff[0].facts.cohorts == std::vector<int>{2023, 2024});
  }

  TEST_CASE("create makes a private file and refuses to overwrite") {
    TempDir dir;
    auto path = dir.file("a.db");
    { auto db = store::Database::create(path); }
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK_THROWS_AS(store::Database::create(path), CantCreateError);
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA application_id").getInt() == store::k_application_id);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == store::k_schema_version);
    CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
  }

  TEST_CASE("open refuses what is not a dormlink database, without changing it") {
    TempDir dir;
    SUBCASE("missing") {
      CHECK_THROWS_AS(store::Database::open(dir.file("none.db"), store::OpenMode::read_only), NotFoundError);
    }
    SUBCASE("empty file") {
      std::ofstream(dir.file("empty.db")).close();
      CHECK_THROWS_WITH_AS(store::Database::open(dir.file("empty.db"), store::OpenMode::read_write),
                           doctest::Contains("is an empty file, not a dormlink database"), DataError);
      CHECK(fs::file_size(dir.file("empty.db")) == 0);
    }
    SUBCASE("a CSV file") {
      std::ofstream(dir.file("x.csv")) << "学号,姓名\n1,张三\n";
      CHECK_THROWS_WITH_AS(store::Database::open(dir.file("x.csv"), store::OpenMode::read_write),
                           doctest::Contains("is not a SQLite database"), DataError);
    }
    SUBCASE("another application's SQLite file") {
      { SQLite::Database other(dir.file("o.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE t (x)"); }
      auto size = fs::file_size(dir.file("o.db"));
      CHECK_THROWS_WITH_AS(store::Database::open(dir.file("o.db"), store::OpenMode::read_write),
                           doctest::Contains("is a SQLite database of another application (application_id 0x0), not a dormlink database"),
                           DataError);
      CHECK(fs::file_size(dir.file("o.db")) == size);
    }
    SUBCASE("a newer schema") {
      { auto db = store::Database::create(dir.file("n.db")); }
      { SQLite::Database raw(dir.file("n.db"), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99"); }
      CHECK_THROWS_WITH_AS(store::Database::open(dir.file("n.db"), store::OpenMode::read_only),
                           doctest::Contains("has schema version 99, newer than this dormlink"), DataError);
    }
  }

  TEST_CASE("a read-only open cannot write") {
    TempDir dir;
    auto path = dir.file("r.db");
    { auto db = store::Database::create(path); }
    auto db = store::Database::open(path, store::OpenMode::read_only);
    CHECK_THROWS_AS(store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n"), context_on(9, 1)),
                    PermissionError);
    CHECK(count(db, path, "SELECT count(*) FROM student") == 0);
  }
}

TEST_SUITE("store") {
  TEST_CASE("a version-1 database is migrated by a writing command, not by a reader") {
    TempDir dir;
    auto path = dir.file("v1.db");
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      raw.exec(fmt::format("PRAGMA application_id = {}", store::k_application_id));
      raw.exec("PRAGMA journal_mode = WAL");
      raw.exec(store::migration_sql(1));
      raw.exec("PRAGMA user_version = 1");
    }
    CHECK_THROWS_WITH_AS(store::Database::open(path, store::OpenMode::read_only),
                         doctest::Contains("has schema version 1, older than this dormlink"), DataError);
    auto db = store::Database::open(path, store::OpenMode::read_write);
    db.transaction([] {});
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == store::k_schema_version);
    CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'assignment_pair'").getInt() == 1);
  }
}
