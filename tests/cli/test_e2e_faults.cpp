// End-to-end fault injection: kill -9 inside write transactions (import, assign, log-visit),
// parallel writers and readers, a held write lock, a full disk, a read-only database, damaged
// files, and `backup` while writers run. The kill tests use the store's test hooks
// (DORMLINK_TEST_TXN_MARKER / DORMLINK_TEST_TXN_PAUSE_MS, src/cli/context.cpp) to count the
// kills that landed inside the write transaction. Knobs: DORMLINK_FAULT_KILLS (kills per
// command, default 60), DORMLINK_FAULT_SEED (the random seed; printed), DORMLINK_FAULT_STUDENTS
// (roster size of the import, default 3000), DORMLINK_FAULT_WRITES (commits per writer, 250). The defaults keep the
// sanitized suite under 15 minutes on two cores; docs/testing.md gives the long-run values.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <regex>
#include <thread>

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Running;
using dormlink::e2e::Sandbox;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
using Millis = std::chrono::duration<double, std::milli>;

int env_int(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::atoi(value) : fallback;
}

int fault_kills() { return std::max(1, env_int("DORMLINK_FAULT_KILLS", 60)); }

std::uint64_t fault_seed() {
  if (const char* value = std::getenv("DORMLINK_FAULT_SEED"); value != nullptr && *value != '\0') {
    return std::strtoull(value, nullptr, 10);
  }
  return std::random_device{}();
}

std::vector<std::string> at(const char* date, std::vector<std::string> more) {
  return dormlink::e2e::college_args(date, std::move(more));
}

void sleep_ms(double ms) { std::this_thread::sleep_for(Millis(ms)); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The example college with a committed assignment; returns one member and one of their dorms.
std::pair<std::string, std::string> college_with_assignment(const Sandbox& box) {
  dormlink::e2e::setup_example_college(box);
  REQUIRE(box.run(at("2026-09-07", {"assign", "-q"})).exit_code == 0);
  SQLite::Database raw(box.path("college.db"), SQLite::OPEN_READONLY);
  SQLite::Statement q(raw, "SELECT member_id, dorm_code FROM assignment_pair ORDER BY member_id, dorm_code LIMIT 1");
  REQUIRE(q.executeStep());
  return {q.getColumn(0).getString(), q.getColumn(1).getString()};
}

// A distinct visit time per index: one a minute from 08:00 to 21:59, 2026-09-08 onwards.
std::string slot(int i) {
  char text[32];
  std::snprintf(text, sizeof text, "2026-09-%02d %02d:%02d", 8 + i / 840, 8 + (i % 840) / 60, i % 60);
  return text;
}

// Makes `db` a single file: checkpoints the WAL; closing the last connection removes it.
void settle(const Sandbox& box, const std::string& db) {
  SQLite::Database raw(box.path(db), SQLite::OPEN_READWRITE);
  raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

// Replaces `db` (and drops its -wal/-shm) with a copy of the settled file `base`.
void restore(const Sandbox& box, const std::string& base, const std::string& db) {
  fs::remove(box.path(db + "-wal"));
  fs::remove(box.path(db + "-shm"));
  fs::copy_file(box.path(base), box.path(db), fs::copy_options::overwrite_existing);
}

// PRAGMA integrity_check and the row counts of `tables`, from a read-only connection (it
// never checkpoints or rewrites anything that could hide damage).
struct DbState {
  std::string integrity;
  std::string counts;
};

DbState inspect(const Sandbox& box, const std::string& db, const std::vector<std::string>& tables) {
  SQLite::Database raw(box.path(db), SQLite::OPEN_READONLY);
  DbState state;
  state.integrity = raw.execAndGet("PRAGMA integrity_check").getString();
  for (const auto& t : tables) {
    state.counts += t + "=" + std::to_string(raw.execAndGet("SELECT count(*) FROM " + t).getInt64()) + " ";
  }
  return state;
}

// The bytes of the database file and of its WAL (empty when absent): what "unchanged" compares.
std::string db_bytes(const Sandbox& box, const std::string& db) {
  auto wal = fs::exists(box.path(db + "-wal")) ? box.read(db + "-wal") : std::string();
  return box.read(db) + "\n--wal--\n" + wal;
}

// When the write transaction of a command opens and closes, measured with the marker.
struct Timing {
  double runtime_ms = 0;    // start to exit
  double txn_start_ms = 0;  // start to the marker's appearance
  double window_ms = 0;     // marker's lifetime (includes the pause)
};

// What the kill loop needs to run one command.
struct Victim {
  std::vector<std::string> args;
  std::map<std::string, std::string> env;  // with the marker (and pause)
  std::string marker;                      // absolute path
};

// Runs the victim to completion, polling the marker; REQUIREs success.
Timing time_once(const Sandbox& box, const Victim& v) {
  auto t0 = Clock::now();
  auto proc = box.start(DORMLINK_BINARY, v.args, v.env, "victim");
  Timing t;
  bool seen = false;
  bool gone = false;
  while (!Sandbox::exited(proc)) {
    bool exists = fs::exists(v.marker);
    double now = Millis(Clock::now() - t0).count();
    if (exists && !seen) {
      seen = true;
      t.txn_start_ms = now;
    }
    if (!exists && seen && !gone) {
      gone = true;
      t.window_ms = now - t.txn_start_ms;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  t.runtime_ms = Millis(Clock::now() - t0).count();
  if (seen && !gone) t.window_ms = t.runtime_ms - t.txn_start_ms;
  auto r = box.wait(proc);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return t;
}

// The median timing of `runs` complete runs of victim(i) (which may first restore the base).
Timing calibrate(const Sandbox& box, int runs, const std::function<Victim(int)>& victim) {
  std::vector<Timing> all;
  for (int i = 0; i < runs; ++i) all.push_back(time_once(box, victim(i)));
  auto median = [&all](auto field) {
    std::vector<double> xs;
    for (const auto& t : all) xs.push_back(t.*field);
    std::sort(xs.begin(), xs.end());
    return xs[xs.size() / 2];
  };
  return {median(&Timing::runtime_ms), median(&Timing::txn_start_ms), median(&Timing::window_ms)};
}

// The pause before COMMIT for aimed kills: at least twice the transaction's own work, so that
// whatever the machine's load, at least 2/3 of the aimed delays end inside the transaction.
int aimed_pause_ms(const Timing& t) { return std::max(25, static_cast<int>(2 * t.window_ms)); }

// One kill: half the time ("blind") after a random delay over the whole run (some after the
// exit, so receipts get printed), half the time ("aimed", with the pause) a random delay after
// the marker appeared.
struct Kill {
  Result result;
  bool aimed = false;
  bool inside = false;  // the marker was left behind: killed inside the write transaction
};

Kill kill_once(const Sandbox& box, const Victim& v, const Timing& t, std::mt19937_64& rng) {
  std::bernoulli_distribution after_marker(0.5);
  const bool aimed = after_marker(rng);
  const int pause_ms = aimed_pause_ms(t);
  std::uniform_real_distribution<double> blind(0.0, t.runtime_ms * 1.4);
  std::uniform_real_distribution<double> inside(0.0, t.window_ms + pause_ms);
  auto env = v.env;
  if (aimed) env["DORMLINK_TEST_TXN_PAUSE_MS"] = std::to_string(pause_ms);
  auto proc = box.start(DORMLINK_BINARY, v.args, env, "victim");
  if (aimed) {
    while (!fs::exists(v.marker) && !Sandbox::exited(proc)) std::this_thread::sleep_for(std::chrono::microseconds(100));
    sleep_ms(inside(rng));
  } else {
    sleep_ms(blind(rng));
  }
  ::kill(proc.pid, SIGKILL);  // harmless on an exited, not yet reaped child
  Kill k;
  k.aimed = aimed;
  k.result = box.wait(proc);
  k.inside = fs::exists(v.marker);
  fs::remove(v.marker);
  return k;
}

// The victim with the marker.
Victim make_victim(const Sandbox& box, std::vector<std::string> args) {
  Victim v;
  v.args = std::move(args);
  v.marker = box.path("txn.marker");
  v.env = {{"DORMLINK_TEST_TXN_MARKER", v.marker}};
  return v;
}

// Totals of a kill loop, printed for the record.
struct KillTally {
  int kills = 0;
  int aimed = 0;
  int inside = 0;
  int aimed_inside = 0;
  int finished = 0;  // the command had already exited 0 when the kill came
  int corrupt = 0;
  int old_state = 0;
  int new_state = 0;
};

void count_kill(KillTally& tally, const Kill& k) {
  ++tally.kills;
  tally.aimed += k.aimed ? 1 : 0;
  tally.inside += k.inside ? 1 : 0;
  tally.aimed_inside += k.aimed && k.inside ? 1 : 0;
  tally.finished += k.result.exit_code == 0 ? 1 : 0;
}

void print_tally(const char* what, const KillTally& t, const Timing& timing, std::uint64_t seed) {
  const int pause_ms = aimed_pause_ms(timing);
  MESSAGE(std::string(what) << ": seed " << seed << ", " << t.kills << " kills (" << t.aimed << " aimed), " << t.inside
                            << " inside the write transaction (" << t.aimed_inside << " of the aimed), " << t.finished
                            << " after exit, " << t.corrupt << " corrupt, old/new state " << t.old_state << "/"
                            << t.new_state << "; runtime " << timing.runtime_ms << " ms, transaction from "
                            << timing.txn_start_ms << " ms for " << timing.window_ms << " ms (aimed kills: pause "
                            << pause_ms << " ms)");
}

// Kills `args` over and over on a copy of `base` and checks that each kill left either the
// old or the new state (row counts of `tables`), an intact file and a passing verify.
void kill_all_or_nothing(const Sandbox& box, const char* what, const std::vector<std::string>& args,
                         const std::vector<std::string>& tables) {
  settle(box, "college.db");
  fs::copy_file(box.path("college.db"), box.path("base.db"), fs::copy_options::overwrite_existing);
  const auto old_state = inspect(box, "college.db", tables);
  REQUIRE(old_state.integrity == "ok");
  auto timing = calibrate(box, 3, [&](int) {
    restore(box, "base.db", "college.db");
    return make_victim(box, args);
  });
  const auto new_state = inspect(box, "college.db", tables);
  REQUIRE(new_state.counts != old_state.counts);
  const auto victim = make_victim(box, args);

  const auto seed = fault_seed();
  std::mt19937_64 rng(seed);
  KillTally tally;
  for (int i = 0; i < fault_kills(); ++i) {
    restore(box, "base.db", "college.db");
    auto k = kill_once(box, victim, timing, rng);
    INFO(std::string(what) << " kill " << i << " seed " << seed << " exit " << k.result.exit_code << ": "
                           << k.result.err);
    REQUIRE((k.result.exit_code == 0 || k.result.exit_code == 128 + SIGKILL));
    count_kill(tally, k);
    auto state = inspect(box, "college.db", tables);
    tally.corrupt += state.integrity == "ok" ? 0 : 1;
    CHECK(state.integrity == "ok");
    CHECK((state.counts == old_state.counts || state.counts == new_state.counts));
    tally.old_state += state.counts == old_state.counts ? 1 : 0;
    tally.new_state += state.counts == new_state.counts ? 1 : 0;
    if (k.inside) CHECK(k.result.exit_code == 128 + SIGKILL);
    CHECK(box.run({"--db", "college.db", "-q", "verify"}).exit_code == 0);
  }
  print_tally(what, tally, timing, seed);
  CHECK(tally.inside * 3 >= tally.kills);
}

}  // namespace

TEST_SUITE("e2e.faults") {
  TEST_CASE("kill -9 during import students: the roster is all or nothing, the file intact") {
    Sandbox box;
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    auto gen =
        box.run_program(DORMLINK_GENERATOR, {"--out", box.path("big"), "--seed", "7", "--students",
                                             std::to_string(env_int("DORMLINK_FAULT_STUDENTS", 3000)), "--utf8"});
    INFO(gen.err);
    REQUIRE(gen.exit_code == 0);
    REQUIRE(box.run(at("2026-09-07", {"init"})).exit_code == 0);
    for (const char* kind : {"dorms", "staff"}) {
      auto r = box.run(at("2026-09-07", {"-q", "import", kind, "big/" + std::string(kind) + ".csv"}));
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
    }
    kill_all_or_nothing(box, "import students", at("2026-09-07", {"-q", "import", "students", "big/students.csv"}),
                        {"import_batch", "student", "student_version", "dorm", "dorm_version"});
  }

  TEST_CASE("kill -9 during assign: the assignment is all or nothing, the file intact") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    kill_all_or_nothing(box, "assign", at("2026-09-07", {"-q", "assign"}),
                        {"assignment", "assignment_pair", "assignment_uncovered"});
  }

  TEST_CASE("kill -9 during a loop of log-visit: every printed receipt is in the database") {
    Sandbox box;
    // Named locals, not a structured binding: clang 14 cannot capture one in a lambda.
    const auto pair = college_with_assignment(box);
    const std::string& member = pair.first;
    const std::string& dorm = pair.second;
    auto args = [&member, &dorm](int i) {
      return at("2026-09-14", {"log-visit", "--member", member, "--dorm", dorm, "--at", slot(i)});
    };
    const auto timing = calibrate(box, 3, [&](int i) { return make_victim(box, args(i)); });
    int next = 3;
    const std::vector<std::string> tables{"record", "record_content"};
    const std::regex receipt("#([0-9]+) · ([0-9a-f]{12})");
    const auto seed = fault_seed();
    std::mt19937_64 rng(seed);
    KillTally tally;
    std::vector<std::pair<long long, std::string>> receipts;
    long long records = box.query_int("college.db", "SELECT count(*) FROM record");
    for (int i = 0; i < fault_kills(); ++i, ++next) {
      auto victim = make_victim(box, args(next));
      auto k = kill_once(box, victim, timing, rng);
      INFO("log-visit kill " << i << " seed " << seed << " exit " << k.result.exit_code << ": " << k.result.err);
      REQUIRE((k.result.exit_code == 0 || k.result.exit_code == 128 + SIGKILL));
      count_kill(tally, k);
      std::smatch m;
      if (std::regex_search(k.result.out, m, receipt)) receipts.emplace_back(std::stoll(m[1]), m[2]);
      auto state = inspect(box, "college.db", tables);
      tally.corrupt += state.integrity == "ok" ? 0 : 1;
      CHECK(state.integrity == "ok");
      const long long now = box.query_int("college.db", "SELECT count(*) FROM record");
      CHECK((now == records || now == records + 1));  // one record, whole or not at all
      (now == records ? tally.old_state : tally.new_state) += 1;
      records = now;
      CHECK(box.query_int("college.db",
                          "SELECT count(*) FROM record r WHERE NOT EXISTS "
                          "(SELECT 1 FROM record_content c WHERE c.record_id = r.id)") == 0);
      CHECK(box.run({"--db", "college.db", "-q", "verify"}).exit_code == 0);
    }
    for (const auto& printed : receipts) {
      const auto& id = printed.first;
      const auto& hash = printed.second;
      INFO("receipt #" << id << " " << hash);
      CHECK(box.query_int("college.db", "SELECT count(*) FROM record WHERE id = " + std::to_string(id) +
                                            " AND substr(hash, 1, 12) = '" + hash + "'") == 1);
    }
    print_tally("log-visit", tally, timing, seed);
    MESSAGE("log-visit: " << receipts.size() << " receipts printed, all found; " << records
                          << " records in the database");
    CHECK(tally.inside * 3 >= tally.kills);
  }
}

namespace {

// A shell loop of `count` single log-visit calls (one commit each) by writer `w`; each failure
// is reported on the loop's stderr with its exit code, next to dormlink's own message.
std::string writer_loop(int w, int count, const std::string& member, const std::string& dorm) {
  return "i=0; while [ $i -lt " + std::to_string(count) + " ]; do " + std::string(DORMLINK_BINARY) +
         " --db college.db --as-of 2026-09-14 -q log-visit --member " + member + " --dorm " + dorm +
         " --at \"2026-09-" + std::to_string(w + 10) +
         " $((8 + i / 60)):$(printf %02d $((i % 60)))\"; rc=$?; "
         "[ $rc -eq 0 ] || echo \"WRITER FAILED rc=$rc\" >&2; i=$((i+1)); done";
}

// The read commands the readers loop over (check exits 1 when something is overdue).
std::vector<std::vector<std::string>> read_commands(const std::string& member) {
  return {at("2026-09-14", {"-q", "check"}),
          at("2026-09-21", {"report", "summary", "--counselor", "T2024001", "--period", "1"}),
          at("2026-09-21", {"report", "feedback", "--member", member, "--period", "1"}),
          {"--db", "college.db", "-q", "verify"}};
}

std::string shell_words(const std::vector<std::string>& args) {
  std::string s;
  for (const auto& a : args) s += " '" + a + "'";
  return s;
}

// A shell loop running the read commands until the file `stop` exists, pausing between passes;
// failures other than
// exit 0/1 are reported on stderr; one line per pass on stdout.
std::string reader_loop(const std::string& member) {
  std::string body;
  for (const auto& cmd : read_commands(member)) {
    body += std::string(DORMLINK_BINARY) + shell_words(cmd) +
            " >/dev/null; rc=$?; "
            "[ $rc -le 1 ] || echo \"READER FAILED rc=$rc\" >&2; ";
  }
  return "while [ ! -e stop ]; do " + body + "echo pass; sleep 0.2; done";  // leave the writers some CPU
}

// A count from a live database, waiting like dormlink does when a writer is checkpointing.
long long live_count(const Sandbox& box, const std::string& db, const std::string& sql) {
  SQLite::Database raw(box.path(db), SQLite::OPEN_READONLY, 5000);
  return raw.execAndGet(sql).getInt64();
}

long long count_lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

}  // namespace

TEST_SUITE("e2e.faults") {
  TEST_CASE("4 writers x 250 commits and 3 readers: nothing lost, never locked, readers write nothing") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    const int writers = 4;
    const int each = env_int("DORMLINK_FAULT_WRITES", 250);
    std::vector<Running> readers;
    for (int r = 0; r < 3; ++r) {
      readers.push_back(box.start("/bin/sh", {"-c", reader_loop(member)}, {}, "reader" + std::to_string(r)));
    }
    std::vector<Running> procs;
    for (int w = 0; w < writers; ++w) {
      procs.push_back(
          box.start("/bin/sh", {"-c", writer_loop(w, each, member, dorm)}, {}, "writer" + std::to_string(w)));
    }
    std::string writer_errors;
    for (const auto& p : procs) writer_errors += box.wait(p).err;
    box.write("stop", "");
    std::string reader_errors;
    long long passes = 0;
    for (const auto& p : readers) {
      auto r = box.wait(p);
      reader_errors += r.err;
      passes += count_lines(r.out);
    }
    MESSAGE("parallel: " << writers << " writers x " << each << " log-visit commits, 3 readers made " << passes
                         << " passes over check/report summary/report feedback/verify");
    CHECK(writer_errors.empty());
    CHECK(reader_errors.empty());
    CHECK_FALSE(contains(writer_errors + reader_errors, "locked"));
    CHECK_FALSE(contains(writer_errors + reader_errors, "rc=75"));
    CHECK(passes >= 3);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == writers * each);
    CHECK(box.query_int("college.db", "SELECT count(DISTINCT id) FROM record") == writers * each);
    CHECK(box.query_int("college.db", "SELECT max(id) - min(id) + 1 FROM record") == writers * each);
    for (int w = 0; w < writers; ++w) {
      CHECK(box.query_int("college.db",
                          "SELECT count(DISTINCT happened_at) FROM record WHERE happened_at LIKE '2026-09-" +
                              std::to_string(w + 10) + " %'") == each);
    }
    CHECK(box.run({"--db", "college.db", "verify"}).exit_code == 0);

    // Read commands on the quiescent database change neither its bytes nor its mtime.
    settle(box, "college.db");
    auto bytes = db_bytes(box, "college.db");
    auto mtime = fs::last_write_time(box.path("college.db"));
    for (const auto& cmd : read_commands(member)) {
      auto r = box.run(cmd);
      INFO(r.err);
      CHECK(r.exit_code <= 1);
    }
    CHECK(db_bytes(box, "college.db") == bytes);
    CHECK(fs::last_write_time(box.path("college.db")) == mtime);
  }

  TEST_CASE("a write lock held past the busy timeout: exit 75, says retry, writes nothing") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    box.write("next.csv",
              "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
              "2023110101,张晨昕,女,英语,4,英语2301,10-107,,共青团员,,,\n");
    settle(box, "college.db");
    const std::vector<std::string> tables{"record", "import_batch", "student_version"};
    const auto counts = inspect(box, "college.db", tables).counts;
    SQLite::Database holder(box.path("college.db"), SQLite::OPEN_READWRITE);
    holder.exec("BEGIN IMMEDIATE");
    const auto before = db_bytes(box, "college.db");
    // Both wait out the 5 s busy timeout at the same time.
    auto visit = box.start(
        DORMLINK_BINARY,
        at("2026-09-14", {"log-visit", "--member", member, "--dorm", dorm, "--at", "2026-09-10 19:30"}), {}, "visit");
    // --force: 2027-02-20 may be more than 31 days after the day the test runs.
    auto import = box.start(DORMLINK_BINARY, at("2027-02-20", {"import", "students", "next.csv", "--force", "--yes"}),
                            {}, "import");
    for (const auto& r : {box.wait(visit), box.wait(import)}) {
      INFO(r.err);
      MESSAGE("busy: exit " << r.exit_code << ": " << r.err);
      CHECK(r.exit_code == 75);
      CHECK(contains(r.err, "college.db is busy"));
      CHECK(contains(r.err, "retry"));
      CHECK(contains(r.err, "nothing was changed"));
      CHECK(r.out.empty());
    }
    CHECK(db_bytes(box, "college.db") == before);
    holder.exec("ROLLBACK");
    CHECK(inspect(box, "college.db", tables).counts == counts);
    CHECK(box.run({"--db", "college.db", "-q", "verify"}).exit_code == 0);
  }

  TEST_CASE("a full disk (ulimit -f) in the middle of the transaction: exit 74, database unchanged") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    box.write("next.csv",
              "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
              "2023110101,张晨昕,女,英语,4,英语2301,10-107,,共青团员,,,\n");
    const std::vector<std::string> tables{"record", "record_content", "import_batch", "student_version"};
    // 48 KiB: enough for the 32 KiB -shm, not for the transaction's WAL frames.
    const std::string limited = "trap '' XFSZ; ulimit -f 48; exec \"$@\"";
    const std::vector<std::pair<const char*, std::vector<std::string>>> cases{
        {"import",
         at("2027-02-20", {"import", "students", "next.csv", "--force", "--yes"})},  // --force: maybe > 31 days ahead
        {"log-visit", at("2026-09-14", {"log-visit", "--member", member, "--dorm", dorm, "--at", "2026-09-10 19:30",
                                        "--note", std::string(100000, 'x')})},
    };
    for (const auto& c : cases) {
      const auto& what = c.first;
      const auto& args = c.second;
      INFO(std::string(what));
      settle(box, "college.db");
      const auto before = box.read("college.db");
      const auto counts = inspect(box, "college.db", tables).counts;
      std::vector<std::string> argv{"-c", limited, "limited", DORMLINK_BINARY};
      argv.insert(argv.end(), args.begin(), args.end());
      auto r = box.run_program("/bin/bash", argv);
      INFO(r.err);
      MESSAGE("disk full, " << std::string(what) << ": exit " << r.exit_code << ": " << r.err);
      CHECK(r.exit_code == 74);
      CHECK(contains(r.err, "college.db"));
      CHECK(contains(r.err, "disk full"));
      CHECK(contains(r.err, "college.db"));
      CHECK(contains(r.err, "nothing was changed"));
      CHECK(r.out.empty());  // no receipt or summary for what was not saved
      CHECK(box.read("college.db") == before);
      auto state = inspect(box, "college.db", tables);
      CHECK(state.integrity == "ok");
      CHECK(state.counts == counts);
      CHECK(box.run({"--db", "college.db", "-q", "verify"}).exit_code == 0);
      // Without the limit the same command works: the failure was the disk, not the input.
      if (std::string(what) == "log-visit") CHECK(box.run(args).exit_code == 0);
    }
  }

  TEST_CASE("a full disk at COMMIT: assign claims no commit in any mode or format, database unchanged") {
    Sandbox box;
    college_with_assignment(box);
    auto tight = box.read("dormlink.toml");
    const auto pos = tight.find("max_dorms = 3");
    REQUIRE(pos != std::string::npos);
    tight.replace(pos, 13, "max_dorms = 2");
    box.write("tight.toml", tight);
    const std::vector<std::string> tables{"assignment", "assignment_pair", "assignment_uncovered"};
    // 48 KiB: enough for the 32 KiB -shm, not for the WAL frames of 250 pairs.
    const std::string limited = "trap '' XFSZ; ulimit -f 48; exec \"$@\"";
    const std::vector<std::pair<const char*, std::vector<std::string>>> cases{
        {"--replace", at("2026-09-08", {"assign", "--replace"})},
        {"--replace --format json", at("2026-09-08", {"assign", "--replace", "--format", "json"})},
        {"--replace --format md", at("2026-09-08", {"--lang", "en", "assign", "--replace", "--format", "md"})},
        {"--replace --format csv", at("2026-09-08", {"assign", "--replace", "--format", "csv"})},
        {"--repair", at("2026-09-08", {"assign", "--repair"})},
        {"--best-effort --replace",
         at("2026-09-08", {"--config", "tight.toml", "assign", "--replace", "--best-effort"})},
        {"a new semester", at("2027-03-01", {"assign", "--stats"})},
    };
    settle(box, "college.db");
    const auto before = box.read("college.db");
    const auto counts = inspect(box, "college.db", tables).counts;
    for (const auto& [what, args] : cases) {
      INFO(std::string(what));
      std::vector<std::string> argv{"-c", limited, "limited", DORMLINK_BINARY};
      argv.insert(argv.end(), args.begin(), args.end());
      auto r = box.run_program("/bin/bash", argv);
      INFO(r.err);
      CHECK(r.exit_code == 74);
      CHECK(r.out.empty());  // no table, no JSON, no "committed as #2"
      CHECK_FALSE(contains(r.out + r.err, "committed as"));
      CHECK(contains(r.err, "nothing was changed"));
      CHECK(box.read("college.db") == before);
      CHECK(inspect(box, "college.db", tables).counts == counts);
    }
    // Without the limit the same command commits and says so.
    auto ok = box.run(at("2026-09-08", {"assign", "--replace", "--format", "json"}));
    INFO(ok.err);
    CHECK(ok.exit_code == 0);
    CHECK(contains(ok.out, "committed as #2, valid from 2026-09-08"));
  }

  TEST_CASE(
      "standard output fails: a receipt after the commit says what was committed, a submit or sample records nothing, "
      "exit 74") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    const std::string full = "exec \"$@\" > /dev/full";
    auto run_full = [&](const std::vector<std::string>& args) {
      std::vector<std::string> argv{"-c", full, "full", DORMLINK_BINARY};
      argv.insert(argv.end(), args.begin(), args.end());
      return box.run_program("/bin/bash", argv);
    };
    SUBCASE("assign, every format") {
      long long id = 1;
      for (const char* format : {"table", "json", "md", "csv"}) {
        INFO(std::string(format));
        auto r = run_full(at("2026-09-08", {"assign", "--replace", "--format", format}));
        ++id;
        INFO(r.err);
        CHECK(r.exit_code == 74);
        CHECK(contains(r.err, "the assignment of 2026-autumn was committed as #" + std::to_string(id) +
                                  ", valid from 2026-09-08"));
        CHECK(contains(r.err, "do not run the command again"));
        CHECK(contains(r.err, "dormlink export assignments --semester 2026-autumn"));
        CHECK(box.query_int("college.db", "SELECT max(id) FROM assignment") == id);
      }
      // --dry-run commits nothing and says nothing of a commit.
      auto dry = run_full(at("2026-09-08", {"assign", "--dry-run"}));
      CHECK_FALSE(contains(dry.err, "committed"));
      CHECK(box.query_int("college.db", "SELECT count(*) FROM assignment") == 5);
    }
    SUBCASE("log-visit, inspect record, withdraw, import; report --submit and inspect sample record nothing") {
      auto visit =
          run_full(at("2026-09-14", {"log-visit", "--member", member, "--dorm", dorm, "--at", "2026-09-10 19:30"}));
      INFO(visit.err);
      // Receipts go to standard error: a full standard output cannot lose them.
      CHECK(visit.exit_code == 0);
      const auto record = box.query_int("college.db", "SELECT max(id) FROM record");
      CHECK(contains(visit.err, "saved record #" + std::to_string(record) + " · "));
      auto inspected = run_full(at("2026-09-14", {"inspect", "record", "--member", member, "--dorm", dorm,
                                                  "--inspector", "王欣心", "--confirmed", std::to_string(record)}));
      INFO(inspected.err);
      CHECK(inspected.exit_code == 0);
      CHECK(contains(inspected.err, "#1"));
      auto submitted = run_full(at("2026-09-21", {"report", "feedback", "--member", member, "--period", "1", "--submit",
                                                  "--on-behalf", "--reason", "代为整理"}));
      INFO(submitted.err);
      // What --submit records is what was printed: output that did not arrive records no submission.
      CHECK(submitted.exit_code == 74);
      CHECK_FALSE(contains(submitted.err, "was recorded"));
      CHECK(box.query_int("college.db", "SELECT count(*) FROM submission") == 0);
      auto withdrawn = run_full(at("2026-09-14", {"withdraw", std::to_string(record), "--reason", "typed twice"}));
      INFO(withdrawn.err);
      CHECK(withdrawn.exit_code == 0);
      CHECK(contains(withdrawn.err, "saved record #" + std::to_string(record + 1) + " · "));
      box.write("next.csv",
                "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
                "2023110101,张晨昕,女,英语,4,英语2301,10-107,,共青团员,,,\n");
      const auto batches = box.query_int("college.db", "SELECT count(*) FROM import_batch");
      auto imported = run_full(at("2027-02-20", {"import", "students", "next.csv", "--keep-missing", "--force"}));
      INFO(imported.err);
      CHECK(imported.exit_code == 74);
      CHECK(contains(imported.err, "was imported"));
      CHECK(box.query_int("college.db", "SELECT count(*) FROM import_batch") == batches + 1);
      auto sample = run_full(at("2026-10-12", {"inspect", "sample", "--size", "2", "--seed", "7"}));
      INFO(sample.err);
      // The inspectors work from the printed checklist: a sample that did not reach them is not saved.
      CHECK(sample.exit_code == 74);
      CHECK_FALSE(contains(sample.err, "was saved"));
      CHECK(box.query_int("college.db", "SELECT count(*) FROM inspection_sample") == 0);
    }
    CHECK(box.run({"--db", "college.db", "-q", "verify"}).exit_code == 0);
  }

  TEST_CASE("a read-only database owned by someone else: writes exit 77, reads still work, nothing changes") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    REQUIRE(
        box.run(at("2026-09-14", {"-q", "log-visit", "--member", member, "--dorm", dorm, "--at", "2026-09-10 19:30"}))
            .exit_code == 0);
    settle(box, "college.db");
    fs::create_directory(box.path("ro"));
    fs::copy_file(box.path("college.db"), box.path("ro/college.db"));
    fs::copy_file(box.path("dormlink.toml"), box.path("ro/dormlink.toml"));
    fs::copy_file(DORMLINK_BINARY, box.path("dormlink"));  // reachable for an unprivileged user
    ::chmod(box.path("dormlink").c_str(), 0755);
    ::chmod(box.path("ro/college.db").c_str(), 0444);
    ::chmod(box.path("ro/dormlink.toml").c_str(), 0444);
    ::chmod(box.path("ro").c_str(), 0555);
    ::chmod(box.dir().c_str(), 0755);
    const bool root = ::geteuid() == 0;
    const std::string as = root ? "uid 65534 via setpriv (tests run as root)" : "this user";
    MESSAGE("read-only database: running as " << as);
    auto run = [&](std::vector<std::string> args) {
      std::vector<std::string> base{"--db", "ro/college.db", "--config", "ro/dormlink.toml"};
      base.insert(base.end(), args.begin(), args.end());
      if (!root) return box.run_program(box.path("dormlink"), base);
      std::vector<std::string> argv{"--reuid=65534", "--regid=65534", "--clear-groups", box.path("dormlink")};
      argv.insert(argv.end(), base.begin(), base.end());
      return box.run_program("/usr/bin/setpriv", argv);
    };
    const auto before = box.read("ro/college.db");
    auto write =
        run({"--as-of", "2026-09-14", "log-visit", "--member", member, "--dorm", dorm, "--at", "2026-09-11 19:30"});
    MESSAGE("read-only, log-visit: exit " << write.exit_code << ": " << write.err);
    CHECK(write.exit_code == 77);
    CHECK(contains(write.err, "ro/college.db"));
    CHECK(contains(write.err, "read-only"));
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--as-of", "2026-09-14", "check"},
             {"--as-of", "2026-09-14", "report", "summary", "--counselor", "T2024001", "--period", "1"},
             {"--as-of", "2026-09-21", "report", "feedback", "--member", member, "--period", "1"},
             {"verify"}}) {
      auto r = run(args);
      INFO(args[args.size() > 2 ? 2 : 0] << ": " << r.err);
      MESSAGE("read-only, " << args[args.size() > 2 ? 2 : 0] << ": exit " << r.exit_code);
      CHECK(r.exit_code <= 1);
      CHECK_FALSE(r.out.empty());
    }
    CHECK(box.read("ro/college.db") == before);
    CHECK_FALSE(fs::exists(box.path("ro/college.db-wal")));
    CHECK_FALSE(fs::exists(box.path("ro/college.db-shm")));
    ::chmod(box.path("ro").c_str(), 0755);
  }

  TEST_CASE("truncated, corrupted, foreign and empty database files: exit 65, file unchanged") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    for (int i = 0; i < 20; ++i) {
      REQUIRE(box.run(at("2026-09-14", {"-q", "log-visit", "--member", member, "--dorm", dorm, "--at", slot(i),
                                        "--note", std::string(2000, 'n')}))
                  .exit_code == 0);
    }
    settle(box, "college.db");
    const auto good = box.read("college.db");
    box.write("truncated.db", good.substr(0, good.size() / 2));
    std::string corrupted = good;
    const std::size_t page = 4096;
    for (std::size_t at_page = corrupted.size() / page / 4; at_page < corrupted.size() / page; at_page += 2) {
      for (std::size_t k = 0; k < page; k += 7) corrupted[at_page * page + k] = static_cast<char>(0xA5);
    }
    box.write("corrupted.db", corrupted);
    {
      SQLite::Database other(box.path("foreign.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      other.exec("CREATE TABLE songs (title TEXT, artist TEXT); INSERT INTO songs VALUES ('a', 'b')");
    }
    box.write("empty.db", "");
    const std::vector<std::pair<const char*, const char*>> files{{"truncated.db", "damaged"},
                                                                 {"corrupted.db", "damaged"},
                                                                 {"foreign.db", "another application"},
                                                                 {"empty.db", "empty file"}};
    for (const auto& entry : files) {
      const char* file = entry.first;
      const char* message = entry.second;
      const auto before = box.read(file);
      for (const auto& args :
           std::vector<std::vector<std::string>>{{"--db", file, "check", "--as-of", "2026-09-14"},
                                                 {"--db", file, "verify"},
                                                 {"--db", file, "--as-of", "2026-09-14", "log-visit", "--member",
                                                  member, "--dorm", dorm, "--at", "2026-09-12 19:30"}}) {
        auto r = box.run(args);
        INFO(std::string(file) << " " << args[2] << ": " << r.err);
        MESSAGE(std::string(file) << " " << args[2] << ": exit " << r.exit_code << ": " << r.err);
        CHECK(r.exit_code == 65);
        CHECK(contains(r.err, std::string("dormlink: error: ") + file));
        CHECK(contains(r.err, message));
        CHECK(box.read(file) == before);
      }
    }
  }
}

TEST_SUITE("e2e.backup") {
  TEST_CASE("backup while writers run: the copy is intact, verifies and holds every earlier record") {
    Sandbox box;
    auto [member, dorm] = college_with_assignment(box);
    std::vector<Running> procs;
    for (int w = 0; w < 3; ++w) {
      procs.push_back(
          box.start("/bin/sh", {"-c", writer_loop(w, 100, member, dorm)}, {}, "writer" + std::to_string(w)));
    }
    auto running = [&procs] {
      return std::any_of(procs.begin(), procs.end(), [](const Running& p) { return !Sandbox::exited(p); });
    };
    const std::string count = "SELECT count(*) FROM record";
    while (live_count(box, "college.db", count) < 60 && running()) sleep_ms(20);
    REQUIRE(running());
    const long long committed = live_count(box, "college.db", count);
    auto backup = box.run({"--db", "college.db", "backup", "copy.db"});
    const long long after = live_count(box, "college.db", count);
    std::string writer_errors;
    for (const auto& p : procs) writer_errors += box.wait(p).err;
    INFO(backup.err);
    CHECK(backup.exit_code == 0);
    CHECK(writer_errors.empty());
    const long long copied = box.query_int("copy.db", "SELECT count(*) FROM record");
    MESSAGE("backup: " << committed << " records committed before it started, " << copied << " in the copy, " << after
                       << " when it returned, " << box.query_int("college.db", "SELECT count(*) FROM record")
                       << " at the end; " << backup.err);
    CHECK(contains(backup.err, "backup: college.db -> copy.db: " + std::to_string(copied) + " records, chain head "));
    CHECK(copied >= committed);
    {
      SQLite::Database copy(box.path("copy.db"), SQLite::OPEN_READONLY);
      CHECK(copy.execAndGet("PRAGMA integrity_check").getString() == "ok");
      SQLite::Database live(box.path("college.db"), SQLite::OPEN_READONLY);
      SQLite::Statement q(copy, "SELECT id, hash FROM record ORDER BY id");
      long long same = 0;
      while (q.executeStep()) {
        SQLite::Statement l(live, "SELECT hash FROM record WHERE id = ?");
        l.bind(1, q.getColumn(0).getInt64());
        same += l.executeStep() && l.getColumn(0).getString() == q.getColumn(1).getString() ? 1 : 0;
      }
      CHECK(same == copied);  // a prefix of the live chain
    }
    struct stat st {};
    REQUIRE(::stat(box.path("copy.db").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto verify = box.run({"--db", "copy.db", "verify"});
    CHECK(verify.exit_code == 0);
    CHECK(contains(verify.out, "verify: " + std::to_string(copied) + " records intact"));

    const auto copy_bytes = box.read("copy.db");
    auto again = box.run({"--db", "college.db", "backup", "copy.db"});
    CHECK(again.exit_code == 73);
    CHECK(contains(again.err, "copy.db already exists"));
    CHECK(box.read("copy.db") == copy_bytes);
    auto itself = box.run({"--db", "college.db", "backup", "college.db", "--force"});
    CHECK(itself.exit_code == 73);
    auto forced = box.run({"--db", "college.db", "-q", "backup", "copy.db", "--force"});
    CHECK(forced.exit_code == 0);
    CHECK(forced.err.empty());
    CHECK(box.query_int("copy.db", "SELECT count(*) FROM record") == 300);
    for (const auto& entry : fs::directory_iterator(box.dir())) {
      CHECK_FALSE(contains(entry.path().filename().string(), ".tmp-"));
    }
  }
}
