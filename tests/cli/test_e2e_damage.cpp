// End-to-end: a damaged database file (docs/backup.md "Damage"). The example college with its
// semester of records (16,390 records, as in test_e2e_golden.cpp; the record table spans over a
// thousand leaf pages) is settled into one file, then 16 bytes are overwritten at the start of
// one b-tree page, found by walking the table's b-tree from its root page. `check`, `verify`,
// `backup` and `report … --submit` run SQLite's quick_check first: exit 65 naming the damage and
// the last good backup, nothing written. A small write (`log-visit`) reads only the pages it
// needs: it meets damage on the leaf it appends to (exit 65, file unchanged), but not damage on
// another leaf — the documented limit that the daily `check` covers.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;
namespace fs = std::filesystem;

namespace {

// The real clock for the commands that refuse a date after it (log-visit, report --submit).
constexpr const char* k_now = "2026-12-01 04:00:00";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<std::string> at(const char* date, std::vector<std::string> more) {
  return dormlink::e2e::college_args(date, std::move(more));
}

void run_ok(const Sandbox& box, const std::vector<std::string>& args) {
  auto r = box.run(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// Makes `db` a single file: checkpoints the WAL; closing the last connection removes it.
void settle(const Sandbox& box, const std::string& db) {
  SQLite::Database raw(box.path(db), SQLite::OPEN_READWRITE);
  raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

// The example college, assigned, with the example semester's records; built once per run of
// the test binary and settled (no WAL), so each test starts from a copy of one file.
const Sandbox& base_college() {
  static const std::unique_ptr<Sandbox> box = [] {
    auto b = std::make_unique<Sandbox>();
    dormlink::e2e::setup_example_college(*b);
    run_ok(*b, at("2026-09-07", {"-q", "assign", "--semester", "2026-autumn"}));
    b->copy_from_source("examples/college/records-2026-autumn.csv", "records.csv");
    run_ok(*b, at("2026-11-27", {"-q", "log-visit", "--from-csv", "records.csv"}));
    settle(*b, "college.db");
    return b;
  }();
  return *box;
}

// Puts a copy of the base college (college.db) and the example config into `box`.
void copy_college(const Sandbox& box) {
  fs::copy_file(base_college().path("college.db"), box.path("college.db"));
  box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
}

// The bytes of the database file and of its WAL (empty when absent): what "unchanged" compares.
std::string db_bytes(const Sandbox& box, const std::string& db) {
  auto wal = fs::exists(box.path(db + "-wal")) ? box.read(db + "-wal") : std::string();
  return box.read(db) + "\n--wal--\n" + wal;
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at, std::size_t width) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < width; ++i) value = (value << 8) | static_cast<unsigned char>(bytes.at(at + i));
  return value;
}

// Appends the leaf pages under `page` in key order: an interior table page (type 0x05) lists
// its children's page numbers in its cells, then the right-most child in its header.
void walk(const std::string& bytes, std::uint32_t page_size, std::uint32_t page, std::vector<std::uint32_t>& leaves) {
  const std::size_t start = static_cast<std::size_t>(page - 1) * page_size;
  const std::size_t header = start + (page == 1 ? 100 : 0);
  const auto type = static_cast<unsigned char>(bytes.at(header));
  if (type == 0x0D) {
    leaves.push_back(page);
    return;
  }
  REQUIRE(type == 0x05);
  const auto cells = big_endian(bytes, header + 3, 2);
  for (std::uint32_t i = 0; i < cells; ++i) {
    const auto cell = big_endian(bytes, header + 12 + 2 * i, 2);
    walk(bytes, page_size, big_endian(bytes, start + cell, 4), leaves);
  }
  walk(bytes, page_size, big_endian(bytes, header + 8, 4), leaves);
}

// The pages of one table's b-tree in a settled file.
struct TablePages {
  std::uint32_t page_size = 0;
  std::vector<std::uint32_t> leaves;  // in rowid order: the last is where an append goes
};

TablePages table_pages(const Sandbox& box, const std::string& db, const std::string& table) {
  TablePages pages;
  std::uint32_t root = 0;
  {
    SQLite::Database raw(box.path(db), SQLite::OPEN_READWRITE);  // the last to close removes the WAL
    pages.page_size = static_cast<std::uint32_t>(raw.execAndGet("PRAGMA page_size").getInt());
    SQLite::Statement q(raw, "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?");
    q.bind(1, table);
    REQUIRE(q.executeStep());
    root = static_cast<std::uint32_t>(q.getColumn(0).getInt());
  }
  walk(box.read(db), pages.page_size, root, pages.leaves);
  return pages;
}

// Overwrites 16 bytes at `offset` of the closed, settled file.
void damage_at(const Sandbox& box, const std::string& db, std::streamoff offset) {
  const auto wal = box.path(db + "-wal");
  REQUIRE((!fs::exists(wal) || fs::file_size(wal) == 0));  // every page is in the file itself
  std::fstream file(box.path(db), std::ios::in | std::ios::out | std::ios::binary);
  file.seekp(offset);
  const std::string junk(16, '\xA5');
  file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  REQUIRE(file.good());
}

// Overwrites the first 16 bytes of a page: its b-tree page header and first cell pointers.
void damage(const Sandbox& box, const std::string& db, std::uint32_t page, std::uint32_t page_size) {
  damage_at(box, db, static_cast<std::streamoff>(page - 1) * page_size);
}

// Damages a leaf of table `record` in the middle of the chain; returns its page number.
std::uint32_t damage_middle_record_leaf(const Sandbox& box) {
  const auto pages = table_pages(box, "college.db", "record");
  REQUIRE(pages.leaves.size() >= 8);  // several pages, so there is a middle
  const auto page = pages.leaves[pages.leaves.size() / 2];
  damage(box, "college.db", page, pages.page_size);
  return page;
}

std::string last_hash(const Sandbox& box) {
  SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READONLY);
  return raw.execAndGet("SELECT hash FROM record ORDER BY id DESC LIMIT 1").getString();
}

// A committed pair of the assignment: a member and one of their dorms.
std::pair<std::string, std::string> some_pair(const Sandbox& box) {
  SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READONLY);
  SQLite::Statement q(raw, "SELECT member_id, dorm_code FROM assignment_pair ORDER BY member_id, dorm_code LIMIT 1");
  REQUIRE(q.executeStep());
  return {q.getColumn(0).getString(), q.getColumn(1).getString()};
}

// One command that must refuse a damaged file, and what it says it did not do.
struct Refusal {
  const char* what;
  std::vector<std::string> args;
  const char* not_done;
  bool submit = false;  // run under the moved real clock
};

std::vector<Refusal> refusals() {
  return {{"check", at("2026-11-27", {"-q", "check"}), "nothing was checked"},
          {"verify", {"--db", "college.db", "verify"}, "the chain was not verified"},
          {"backup", {"--db", "college.db", "backup", "again.db"}, "no backup was written"},
          {"report --submit",
           at("2026-11-27", {"report", "feedback", "--member", "2023160128", "--period", "3", "--submit", "--on-behalf",
                             "--reason", "代为整理"}),
           "nothing was submitted", true}};
}

Result run_refusal(const Sandbox& box, const Refusal& r) {
  return r.submit ? box.run_at(k_now, r.args) : box.run(r.args);
}

// Each command exits 65 with `expected` in its message, prints nothing on stdout and leaves the
// database byte for byte as it was; backup writes no file.
void expect_refusals(const Sandbox& box, const std::vector<std::string>& expected) {
  const auto before = db_bytes(box, "college.db");
  for (const auto& refusal : refusals()) {
    auto r = run_refusal(box, refusal);
    INFO(refusal.what << ": exit " << r.exit_code << ": " << r.err);
    CHECK(r.exit_code == 65);
    CHECK(r.out.empty());
    CHECK(contains(r.err, std::string("; ") + refusal.not_done + ". "));
    for (const auto& part : expected) CHECK(contains(r.err, part));
    CHECK(db_bytes(box, "college.db") == before);
  }
  CHECK_FALSE(fs::exists(box.path("again.db")));
  for (const auto& entry : fs::directory_iterator(box.dir())) {
    CHECK_FALSE(contains(entry.path().filename().string(), ".tmp-"));
  }
}

}  // namespace

TEST_SUITE("e2e.damage") {
  TEST_CASE("16 bytes over a record leaf: check, verify, backup and report --submit exit 65 naming the last backup") {
    Sandbox box;
    copy_college(box);
    // Before the damage the same commands work (check exits 1: items are overdue).
    CHECK(box.run(at("2026-11-27", {"-q", "check"})).exit_code == 1);
    run_ok(box, {"--db", "college.db", "-q", "backup", "good.db"});
    settle(box, "college.db");  // the receipt's commit, out of the WAL
    const auto head = last_hash(box);
    const auto page = damage_middle_record_leaf(box);
    MESSAGE("damaged page " << page << " of table record");
    expect_refusals(box, {"dormlink: error: college.db is damaged: Page " + std::to_string(page) + ": ",
                          "Restore the last good backup: the backup receipts name " + box.path("good.db") + " (",
                          "16390 records, head " + head.substr(0, 12) + ")",
                          "move college.db, college.db-wal and college.db-shm aside", "then run `dormlink verify`"});
    // The named backup is the one to restore: it verifies.
    CHECK(box.run({"--db", "good.db", "-q", "verify"}).exit_code == 0);
  }

  TEST_CASE("no backup receipt: the message says so and advises .recover into a new file") {
    Sandbox box;
    copy_college(box);
    SUBCASE("none recorded") {
      const auto page = damage_middle_record_leaf(box);
      expect_refusals(box,
                      {"college.db is damaged: Page " + std::to_string(page) + ": ", "No backup of it was recorded",
                       "`sqlite3 college.db .recover | sqlite3 recovered.db`", "never recover in place"});
    }
    SUBCASE("the recorded backup is gone") {
      run_ok(box, {"--db", "college.db", "-q", "backup", "good.db"});
      settle(box, "college.db");
      fs::remove(box.path("good.db"));
      damage_middle_record_leaf(box);
      expect_refusals(
          box, {"The backups it recorded are gone (the newest was " + box.path("good.db"), "never recover in place"});
    }
  }

  TEST_CASE("damage SQLite meets before quick_check (the schema page): still exit 65 with advice, never 70") {
    Sandbox box;
    copy_college(box);
    run_ok(box, {"--db", "college.db", "-q", "backup", "good.db"});
    settle(box, "college.db");
    damage_at(box, "college.db", 100);  // page 1's b-tree header: the schema table, after the file header
    expect_refusals(box, {"college.db is damaged: ", "Its backup receipts cannot be read", "Restore your newest backup",
                          "never recover in place"});
    const auto [member, dorm] = some_pair(base_college());
    const auto before = db_bytes(box, "college.db");
    auto visit = box.run_at(
        k_now, at("2026-12-01", {"log-visit", "--member", member, "--dorm", dorm, "--at", "2026-11-30 19:45"}));
    INFO(visit.err);
    CHECK(visit.exit_code == 65);
    CHECK(contains(visit.err, "college.db is damaged"));
    CHECK(db_bytes(box, "college.db") == before);
  }

  TEST_CASE("log-visit meets damage on the leaf it appends to (65, file unchanged), not on a leaf elsewhere") {
    Sandbox box;
    copy_college(box);
    const auto [member, dorm] = some_pair(box);
    const auto visit = at("2026-12-01", {"log-visit", "--member", member, "--dorm", dorm, "--at", "2026-11-30 19:45"});
    SUBCASE("the last leaf of record: the append reads it") {
      const auto pages = table_pages(box, "college.db", "record");
      damage(box, "college.db", pages.leaves.back(), pages.page_size);
      const auto before = db_bytes(box, "college.db");
      auto r = box.run_at(k_now, visit);
      INFO(r.err);
      CHECK(r.exit_code == 65);
      CHECK(r.out.empty());
      CHECK(contains(r.err, "dormlink: error: college.db is damaged ("));
      CHECK(contains(r.err, "nothing was changed"));
      CHECK(contains(r.err, "`dormlink check` names the last good backup"));
      CHECK(db_bytes(box, "college.db") == before);
    }
    SUBCASE("a leaf in the middle: the append never reads it, so the record is saved, and the next check refuses") {
      // Documented in docs/backup.md "Damage": a small write sees only the pages it touches.
      const auto page = damage_middle_record_leaf(box);
      auto r = box.run_at(k_now, visit);
      INFO(r.err);
      CHECK(r.exit_code == 0);
      CHECK(contains(r.err, "#16391"));
      auto check = box.run(at("2026-12-01", {"-q", "check"}));
      INFO(check.err);
      CHECK(check.exit_code == 65);
      CHECK(contains(check.err, "college.db is damaged: Page " + std::to_string(page) + ": "));
    }
  }
}
