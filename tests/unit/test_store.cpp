#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include "dormlink/error.hpp"
#include "dormlink/store/database.hpp"
#include "dormlink/store/integrity.hpp"
#include "dormlink/store/notify_store.hpp"
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
  TempDir()
      : path(fs::temp_directory_path() / fs::path("dormlink-store-" + std::to_string(::getpid()) + "-" +
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

  TEST_CASE("an entry slice holds every student a text can name, the dorm's residents and the dorm, no more") {
    auto db = store::Database::in_memory();
    store::import_students(db,
                           rows_of("1,张三,男,英语,4,8-305,群众,\n2,张三丰,男,英语,4,8-306,群众,\n"
                                   "3,李四,男,英语,4,8-305,群众,\n4,王五,男,英语,4,8-307,群众,\n"
                                   "5,张三,男,英语,4,8-307,群众,\n"),
                           context_on(9, 1));
    const Date on{year{2026}, month{9}, day{2}};
    auto ids = [](const roster::Snapshot& s) {
      std::vector<std::string> out;
      for (const auto& row : s.students) out.push_back(row.student_id);
      return out;
    };
    // 张三 names 1 and 5 exactly and begins 2's name, as the whole roster's search would find.
    auto slice = store::load_entry_slice(db, on, {"张三", "4"}, std::string("8-305"));
    CHECK(slice.complete);
    CHECK(ids(slice.snapshot) == std::vector<std::string>{"1", "2", "3", "4", "5"});
    REQUIRE(slice.snapshot.dorms.size() == 1);
    CHECK(slice.snapshot.dorms[0].dorm.code() == "8-305");
    CHECK(slice.snapshot.staff.empty());
    CHECK(ids(store::load_entry_slice(db, on, {"李"}, std::nullopt).snapshot) == std::vector<std::string>{"3"});
    // Pinyin (or any text naming no one by id, name or prefix) needs the whole roster.
    CHECK_FALSE(store::load_entry_slice(db, on, {"zhangsan"}, std::nullopt).complete);
    // Before the import nobody is on the roster.
    CHECK_FALSE(store::load_entry_slice(db, Date{year{2026}, month{8}, day{31}}, {"1"}, std::nullopt).complete);
  }

  TEST_CASE("re-import keeps history: moves, status changes and departures are dated rows") {
    auto db = store::Database::in_memory();
    store::import_students(db,
                           rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"
                                   "3,王五,男,英语,4,8-306,群众,\n"),
                           context_on(9, 1));
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
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"),
                           context_on(9, 1));
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n"), context_on(9, 10));
    auto summary = store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"),
                                          context_on(9, 20));
    CHECK(summary.returned == 1);
    CHECK(summary.unchanged == 1);
  }

  TEST_CASE("--keep-missing does not mark absent students as left") {
    auto db = store::Database::in_memory();
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"),
                           context_on(9, 1));
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
                         "s.csv: the database already holds roster changes effective 2026-10-01 (import "
                         "batch #1); an import cannot take effect earlier (2026-09-01); use --as-of "
                         "2026-10-01 or later, or, if that date was a mistake, undo it first: dormlink "
                         "import undo 1",
                         DataError);
  }

  TEST_CASE("students must agree with the dorms roster, nothing is written otherwise") {
    auto db = store::Database::in_memory();
    auto dorms = roster::parse_dorms(util::parse_csv("寝室,性别,容量\n8-305,女,1\n", "d.csv"),
                                     roster::ParseContext{"d.csv", &k_semester});
    store::import_dorms(db, dorms, context_on(9, 1));
    try {
      store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"),
                             context_on(9, 1));
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
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"),
                           context_on(9, 1));
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
      {
        SQLite::Database other(dir.file("o.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE t (x)");
      }
      auto size = fs::file_size(dir.file("o.db"));
      CHECK_THROWS_WITH_AS(
          store::Database::open(dir.file("o.db"), store::OpenMode::read_write),
          doctest::Contains(
              "is a SQLite database of another application (application_id 0x0), not a dormlink database"),
          DataError);
      CHECK(fs::file_size(dir.file("o.db")) == size);
    }
    SUBCASE("a newer schema") {
      { auto db = store::Database::create(dir.file("n.db")); }
      {
        SQLite::Database raw(dir.file("n.db"), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
      }
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

namespace {

// The rosters on a day as one line per entity, for comparing whole snapshots.
std::string describe(store::Database& db, Date day) {
  const auto snap = store::load_roster(db, day);
  std::string out;
  for (const auto& s : snap.students) {
    out += s.student_id + " " + s.facts.name + " " + s.facts.dorm + " " + std::string(key(s.facts.status)) + "\n";
  }
  for (const auto& d : snap.dorms) out += d.dorm.code() + (d.facts.gender ? " declared\n" : "\n");
  for (const auto& t : snap.staff) out += t.staff_id + " " + t.facts.name + "\n";
  return out;
}

Date on(int y, int m, int d) { return Date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}}; }

store::ImportContext context_at(Date effective) {
  auto c = context_on(9, 1);
  c.effective = effective;
  return c;
}

store::UndoContext undo_of(std::int64_t batch, bool dry_run = false) {
  return {batch, "2026-12-03 10:00:00", "counselor", dry_run};
}

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("undo: every day's rosters are as before the batch, the history keeps both, earlier imports work again") {
    auto db = store::Database::in_memory();
    store::import_students(db,
                           rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"
                                   "3,王五,男,英语,4,8-306,群众,\n"),
                           context_at(on(2026, 9, 1)));
    const std::vector<Date> days{on(2026, 9, 1), on(2026, 12, 1), on(2099, 1, 1), on(2099, 6, 1)};
    std::vector<std::string> before;
    for (auto d : days) before.push_back(describe(db, d));
    // The mistaken batch: a move, a status change, a departure, a new student in a new dorm.
    auto mistaken =
        store::import_students(db,
                               rows_of("1,张三,男,英语,4,8-306,群众,\n2,李四,男,英语,4,8-305,中共预备党员,一支部\n"
                                       "4,赵六,男,英语,4,9-101,群众,\n"),
                               context_at(on(2099, 1, 1)));
    CHECK(mistaken.batch_id == 2);
    CHECK(describe(db, on(2099, 6, 1)) != before[3]);
    CHECK_THROWS_AS(store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n"), context_at(on(2026, 12, 1))),
                    DataError);

    const auto dry = store::undo_import(db, undo_of(2, true));
    CHECK(dry.restored == 3);
    CHECK(dry.removed == 2);  // student 4 and dorm 9-101
    CHECK(dry.undo_batch == 0);
    CHECK(describe(db, on(2099, 6, 1)) != before[3]);

    const auto undo = store::undo_import(db, undo_of(2));
    CHECK(undo.undone == 2);
    CHECK(undo.undo_batch == 3);
    CHECK(undo.effective_date == "2099-01-01");
    for (std::size_t i = 0; i < days.size(); ++i) CHECK(describe(db, days[i]) == before[i]);
    const auto imports = store::load_roster(db, on(2026, 9, 1)).imports;
    REQUIRE(imports.size() == 3);
    CHECK(imports[1].undone_by == 3);
    CHECK(imports[2].undoes == 2);
    CHECK(imports[2].source_name == "s.csv");

    // The date of the undone batch no longer blocks; its additions can be added again.
    auto again = store::import_students(db,
                                        rows_of("1,张三,男,英语,4,8-305,群众,\n2,李四,男,英语,4,8-305,群众,\n"
                                                "3,王五,男,英语,4,8-306,群众,\n4,赵六,男,英语,4,9-101,群众,\n"),
                                        context_at(on(2026, 12, 1)));
    CHECK(again.added == 1);
    CHECK(again.new_dorms == std::vector<std::string>{"9-101"});
    CHECK(describe(db, on(2026, 12, 1)).find("4 赵六 9-101") != std::string::npos);
    CHECK(describe(db, on(2026, 11, 30)) == before[0]);
  }

  TEST_CASE("undo refuses what it cannot reverse cleanly, naming what to do, and changes nothing") {
    auto db = store::Database::in_memory();
    auto dorms = [](const std::string& body) {
      return roster::parse_dorms(util::parse_csv("寝室,性别,容量\n" + body, "d.csv"),
                                 roster::ParseContext{"d.csv", &k_semester});
    };
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n"), context_at(on(2026, 9, 1)));  // #1
    store::import_dorms(db, dorms("8-305,男,4\n"), context_at(on(2026, 9, 2)));                         // #2
    const auto snapshot = describe(db, on(2026, 9, 2));
    CHECK_THROWS_WITH_AS(store::undo_import(db, undo_of(9)),
                         "there is no import batch #9; `dormlink roster` lists the latest imports with their numbers",
                         DataError);
    CHECK_THROWS_WITH_AS(store::undo_import(db, undo_of(1)),
                         "batch #1 is not the latest import of its rosters: #2 (dorms) came after it and still "
                         "stands; undo them first, latest first: dormlink import undo 2",
                         DataError);
    store::undo_import(db, undo_of(2));  // #3
    CHECK(describe(db, on(2026, 9, 2)) == "1 张三 8-305 masses\n8-305\n");
    CHECK_THROWS_WITH_AS(store::undo_import(db, undo_of(2)), "batch #2 was already undone by batch #3", DataError);
    CHECK_THROWS_WITH_AS(
        store::undo_import(db, undo_of(3)),
        "batch #3 is itself the undo of batch #2; an undo is not undone: import that file again instead", DataError);
    // With the dorms batch undone, the students batch is the latest of its rosters again.
    const auto first = store::undo_import(db, undo_of(1));
    CHECK(first.removed == 2);  // student 1 and dorm 8-305
    CHECK(describe(db, on(2026, 9, 2)).empty());
    (void)snapshot;
  }

  TEST_CASE("staff imports are undone on their own: students and dorms imports after them do not block") {
    auto db = store::Database::in_memory();
    auto staff = [](const std::string& body) {
      return roster::parse_staff(util::parse_csv("工号,姓名,角色,负责年级,党支部\n" + body, "t.csv"),
                                 roster::ParseContext{"t.csv", &k_semester});
    };
    store::import_staff(db, staff("T1,周老师,辅导员,2023级,\n"), context_at(on(2026, 9, 1)));                    // #1
    store::import_staff(db, staff("T1,周新,辅导员,2023级,\nT2,吴老师,检查组,,\n"), context_at(on(2026, 9, 5)));  // #2
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n"), context_at(on(2026, 9, 6)));           // #3
    const auto undo = store::undo_import(db, undo_of(2));
    CHECK(undo.restored == 1);
    CHECK(undo.removed == 1);
    CHECK(describe(db, on(2026, 9, 6)) == "1 张三 8-305 masses\n8-305\nT1 周老师\n");
  }

  TEST_CASE("digest marks: the latest before a day, append-only") {
    TempDir dir;
    auto path = dir.file("m.db");
    { auto created = store::Database::create(path); }
    auto db = store::Database::open(path, store::OpenMode::read_write);
    CHECK_FALSE(store::last_digest(db, "counselor:T1", on(2026, 11, 24)));
    store::record_digest_marks(db, {{"counselor:T1", "2026-11-23", "<a@x>", "2026-11-23 21:00:00", "sendmail"},
                                    {"counselor:T1", "2026-11-24", "<b@x>", "2026-11-24 21:00:00", "sendmail"},
                                    {"committee", "2026-11-20", "<c@x>", "2026-11-20 21:00:00", "mbox"}});
    CHECK(store::last_digest(db, "counselor:T1", on(2026, 11, 24)) == on(2026, 11, 23));  // not the same day's
    CHECK(store::last_digest(db, "counselor:T1", on(2026, 11, 25)) == on(2026, 11, 24));
    CHECK(store::last_digest(db, "committee", on(2026, 11, 25)) == on(2026, 11, 20));
    CHECK_FALSE(store::last_digest(db, "counselor:T2", on(2026, 11, 25)));
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    CHECK_THROWS_WITH(raw.exec("DELETE FROM digest_mark"), doctest::Contains("append-only"));
    CHECK_THROWS_WITH(raw.exec("UPDATE digest_mark SET as_of = '2026-01-01'"), doctest::Contains("append-only"));
  }

  TEST_CASE("import batches are append-only, and an undo that fails changes nothing") {
    TempDir dir;
    auto path = dir.file("b.db");
    { auto created = store::Database::create(path); }
    auto db = store::Database::open(path, store::OpenMode::read_write);
    store::import_students(db, rows_of("1,张三,男,英语,4,8-305,群众,\n"), context_at(on(2026, 9, 1)));
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      CHECK_THROWS_WITH(raw.exec("UPDATE import_batch SET effective_date = '2026-01-01'"),
                        doctest::Contains("import batches are append-only"));
      CHECK_THROWS_WITH(raw.exec("DELETE FROM import_batch"), doctest::Contains("import batches are append-only"));
    }
    CHECK_THROWS(db.transaction([&] {
      store::undo_import(db, undo_of(1));
      throw DataError("roll back");
    }));
    CHECK(store::load_roster(db, on(2026, 9, 1)).imports.size() == 1);
    CHECK(describe(db, on(2026, 9, 1)) == "1 张三 8-305 masses\n8-305\n");
  }
}

TEST_SUITE("store") {
  TEST_CASE("read_transaction on a read-write connection leaves the write lock to others and never migrates") {
    TempDir dir;
    auto path = dir.file("v1.db");
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      raw.exec(fmt::format("PRAGMA application_id = {}", store::k_application_id));
      raw.exec("PRAGMA journal_mode = WAL");
      raw.exec(store::migration_sql(1));
      raw.exec("PRAGMA user_version = 1");
    }
    auto db = store::Database::open(path, store::OpenMode::read_write);
    db.read_transaction([&] {
      CHECK(db.impl().db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0);
      SQLite::Database other(path, SQLite::OPEN_READWRITE);
      other.exec("BEGIN IMMEDIATE; CREATE TABLE t (x); COMMIT");  // would wait for a write lock held here
    });
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 1);
  }

  TEST_CASE(
      "quick_check: nothing on a sound file, the damaged page on a damaged one, and a write that meets it commits "
      "nothing") {
    TempDir dir;
    auto path = dir.file("d.db");
    { auto db = store::Database::create(path); }
    int root = 0;
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec(
          "CREATE TABLE t (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
          "INSERT INTO t SELECT randomblob(100) FROM n");
      raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      root = raw.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 't'").getInt();
    }
    {
      auto db = store::Database::open(path, store::OpenMode::read_only);
      CHECK(store::quick_check(db).empty());
    }
    {  // 16 bytes over the header of t's root page (an interior page: 2,000 rows span many leaves)
      std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
      file.seekp(static_cast<std::streamoff>(root - 1) * 4096);
      file.write(std::string(16, '\xA5').data(), 16);
    }
    std::ifstream in(path, std::ios::binary);
    const std::string before((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto db = store::Database::open(path, store::OpenMode::read_write);
    const auto problems = store::quick_check(db);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front() == fmt::format("Page {}: btreeInitPage() returns error code 11", root));
    // The root's children can no longer be reached: one problem per line, up to quick_check's limit.
    CHECK(problems.size() > 1);
    CHECK(problems.size() <= store::k_quick_check_limit);
    CHECK(problems[1] == fmt::format("Page {} is never used", root + 1));
    for (const auto& p : problems) CHECK(p.find('\n') == std::string::npos);
    CHECK_THROWS_WITH_AS(db.transaction([&] { db.impl().db.exec("INSERT INTO t VALUES (x'00')"); }),
                         doctest::Contains("d.db is damaged (database disk image is malformed); nothing was changed"),
                         DamageError);
    std::ifstream again(path, std::ios::binary);
    CHECK(std::string((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>()) == before);
  }
}
