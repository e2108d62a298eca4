// End-to-end: each class of bad roster input named in docs/import.md gets its message and
// exit 65, and the database afterwards is byte-for-byte what it was.
#include <doctest/doctest.h>
#include <map>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "harness.hpp"

using dormlink::e2e::Sandbox;

namespace {

struct BadRoster {
  const char* what;
  const char* kind;     // students, dorms, staff
  std::string content;  // UTF-8 CSV
  const char* message;  // expected on stderr
};

constexpr const char* k_students = "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n";
constexpr const char* k_ok_row = "2026110199,林新,女,英语,1,英语2601,8-101,,群众,,,\n";

std::string students(const std::string& rows) { return std::string(k_students) + k_ok_row + rows; }

const std::vector<BadRoster> k_cases{
    {"duplicate student id", "students", students("2026110199,林旧,女,英语,1,英语2601,8-101,,群众,,,\n"),
     "bad.csv:3: student id (value not shown) is also on line 2; each student must appear once"},
    {"unknown gender", "students", students("2026110198,林二,未知,英语,1,英语2601,8-101,,群众,,,\n"),
     "bad.csv:3: column \"性别\": unknown value \"未知\"; use 男, 女, M or F"},
    {"dorm with both genders", "students", students("2026110198,林二,男,英语,1,英语2601,8-101,,群众,,,\n"),
     "bad.csv:3: dorm 8-101 has residents of both genders: line 2 is 女, this line is 男; correct the gender or the "
     "dorm"},
    {"grade out of range", "students", students("2026110198,林二,女,英语,7,英语2601,8-101,,群众,,,\n"),
     "bad.csv:3: column \"年级\": \"7\": year of study 7 is out of range; expected 1-6"},
    {"member without a branch", "students", students("2026110198,林二,女,英语,1,英语2601,8-101,,中共预备党员,,,\n"),
     "bad.csv:3: column \"党支部\": is empty, but a probationary member must belong to a Party branch; fill in 党支部"},
    {"unknown attention category", "students", students("2026110198,林二,女,英语,1,英语2601,8-101,,群众,,失恋,\n"),
     "bad.csv:3: column \"重点关注\": item 1 is not a known category (value not shown)"},
    {"bad phone", "students", students("2026110198,林二,女,英语,1,英语2601,8-101,1380013800,群众,,,\n"),
     "bad.csv:3: column \"联系方式\": is not a phone number (value not shown)"},
    {"unquoted comma", "students", students("2026110198,林二,女,英语,1,英语2601,8-101,,群众,,,,x\n"),
     "bad.csv:3: the row has 13 fields but the header has 12; a value containing a comma must be quoted"},
    {"missing column", "students", "学号,姓名,性别\n1,林,女\n",
     "bad.csv:1: missing column(s) 专业 (major), 年级 (grade); the header row must name them"},
    {"more residents than capacity", "students",
     students("2026110198,林二,女,英语,1,英语2601,8-101,,群众,,,\n2026110197,林三,女,英语,1,英语2601,8-101,,群众,,,\n"
              "2026110196,林四,女,英语,1,英语2601,8-101,,群众,,,\n2026110195,林五,女,英语,1,英语2601,8-101,,群众,,,\n"
              "2026110194,林六,女,英语,1,英语2601,8-101,,群众,,,\n2026110193,林七,女,英语,1,英语2601,8-101,,群众,,,\n"),
     "dorm 8-101 has capacity 6 but the roster puts 7 students in it (from line 2)"},
    {"student in a dorm declared for the other gender", "students",
     std::string(k_students) + "2026110198,林二,男,英语,1,英语2601,8-101,,群众,,,\n",
     "bad.csv:2: dorm 8-101 is a 女 dorm in the dorms roster, but this student is 男"},
    {"dorms roster contradicting residents", "dorms", "寝室,性别,容量\n8-101,男,6\n",
     "bad.csv:2: dorm 8-101 is declared 男 but its current residents are 女"},
    {"dorm code", "dorms", "寝室,性别,容量\n8101,女,6\n",
     "bad.csv:2: column \"寝室\": \"8101\" is not a dorm; write building-room like 8-305"},
    {"staff id with two names", "staff", "工号,姓名,角色,负责年级\nT1,周老师,辅导员,2023级\nT1,郑老师,检查组,\n",
     "bad.csv:3: staff id \"T1\" is \"周老师\" on line 2 but \"郑老师\" here; one id is one person"},
    {"unknown role", "staff", "工号,姓名,角色\nT1,周老师,校长\n",
     "bad.csv:2: column \"角色\": unknown value \"校长\"; use 辅导员, 班主任, 支部书记 or 检查组"},
    {"header only", "staff", "工号,姓名,角色\n",
     "bad.csv:1: the file has a header row but no data rows; export the roster again"},
};

}  // namespace

TEST_SUITE("e2e.bad_input") {
  TEST_CASE("every class of bad roster input: message, exit 65, database unchanged") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto before = box.read("college.db") + box.read("college.db-wal");
    for (const auto& c : k_cases) {
      INFO(c.what);
      box.write("bad.csv", c.content);
      auto r = box.run({"--db", "college.db", "--as-of", "2026-09-08", "import", c.kind, "bad.csv"});
      INFO(r.err);
      CHECK(r.exit_code == 65);
      CHECK(r.err.find(c.message) != std::string::npos);
      CHECK(r.err.find("dormlink: error: ") != std::string::npos);
      CHECK(r.out.empty());
      CHECK(box.read("college.db") + box.read("college.db-wal") == before);
    }
  }

  TEST_CASE("GBK bytes forced as UTF-8 are refused with the offset, not the content") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto r = box.run({"--db", "college.db", "import", "students", "students.csv", "--encoding", "utf-8", "--dry-run"});
    CHECK(r.exit_code == 65);
    CHECK(r.err.find("students.csv:1: cannot be read as UTF-8 (byte 0x") != std::string::npos);
  }
}

namespace {

// The database's bytes (main file and WAL): equal before and after means nothing was written.
std::string fingerprint(const Sandbox& box) { return box.read("college.db") + "|" + box.read("college.db-wal"); }

// Runs the binary under a kill timeout, so an input that blocks fails the test instead of
// hanging it, and (unsanitized builds only: ASan reserves terabytes of address space) under
// `ulimit -v` of `memory_kib`, so an input that balloons fails instead of exhausting the
// machine. `shell_stdin` is a shell redirection such as "< /dev/zero", or empty.
dormlink::e2e::Result run_guarded(const Sandbox& box, const std::vector<std::string>& args,
                                  long memory_kib = 1024 * 1024, const std::string& shell_stdin = "") {
  std::string script;
#ifndef DORMLINK_SANITIZED
  script += "ulimit -v " + std::to_string(memory_kib) + "; ";
#else
  (void)memory_kib;
#endif
  script += "exec /usr/bin/timeout -s KILL 20 \"$@\" " + shell_stdin;
  std::vector<std::string> all{"-c", script, "bash", DORMLINK_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  return box.run_program("/bin/bash", all);
}

std::vector<std::string> at_college(std::vector<std::string> more) {
  std::vector<std::string> all{"--db", "college.db", "--as-of", "2026-09-08"};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

// A Unix-domain socket bound at `path` (the file stays after the descriptor is closed).
void make_socket(const std::string& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  REQUIRE(path.size() < sizeof(address.sun_path));
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
  ::close(fd);
}

// A students roster header, then `rows`.
std::string student_roster(const std::string& rows) { return std::string(k_students) + rows; }

}  // namespace

TEST_SUITE("e2e.bad_input") {
  TEST_CASE("a FIFO, a device, a directory or a socket as any input file is refused at once: exit 66") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    REQUIRE(::mkfifo(box.path("pipe.csv").c_str(), 0600) == 0);
    make_socket(box.path("sock.csv"));
    std::filesystem::create_directory(box.path("dir.csv"));
    const auto before = fingerprint(box);
    const std::vector<std::pair<std::string, std::string>> inputs{{"pipe.csv", "a FIFO (named pipe)"},
                                                                  {"/dev/zero", "a character device"},
                                                                  {"dir.csv", "a directory"},
                                                                  {"sock.csv", "a socket"}};
    for (const auto& [path, kind] : inputs) {
      INFO(path);
      auto roster = run_guarded(box, at_college({"import", "students", path}));
      CHECK(roster.exit_code == 66);
      CHECK(roster.err == "dormlink: error: " + path + " is not a regular file but " + kind +
                              "; pass a roster or records CSV file, or - to read standard input\n");
      auto records = run_guarded(box, at_college({"log-visit", "--from-csv", path}));
      CHECK(records.exit_code == 66);
      CHECK(records.err.find(path + " is not a regular file but " + kind) != std::string::npos);
      auto config = run_guarded(box, at_college({"--config", path, "roster"}));
      CHECK(config.exit_code == 66);
      CHECK(config.err == "dormlink: error: config file \"" + path + "\" is not a regular file but " + kind +
                              "; pass the TOML config file with --config\n");
      auto db = run_guarded(box, {"--db", path, "roster"});
      CHECK(db.exit_code == 66);
      CHECK(db.err.find("database " + path + " is not a regular file but " + kind) != std::string::npos);
    }
    CHECK(fingerprint(box) == before);
  }

  TEST_CASE("input over the [limits]: exit 65 naming the limit, the file and the place, database unchanged") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    box.write("limits.toml", "[limits]\nmax_file_mib = 1\nmax_cell_kib = 1\nmax_columns = 20\n");
    const auto before = fingerprint(box);
    const auto with_limits = [](std::vector<std::string> more) {
      more.insert(more.begin(), {"--config", "limits.toml"});
      return at_college(std::move(more));
    };
    const std::string big = student_roster(std::string(1024 * 1024, 'x'));
    box.write("big.csv", big);
    box.write("cell.csv", student_roster("1,2," + std::string(1025, 'x') + "\n"));
    box.write("quoted.csv", student_roster("\"" + std::string(600, 'x') + "\n" + std::string(600, 'y') + "\",2\n"));
    std::string wide;
    for (int i = 1; i <= 21; ++i) wide += (i > 1 ? "," : "") + std::to_string(i);
    box.write("wide.csv", "a,b\n1,2\n" + wide + "\n");
    struct Case {
      std::vector<std::string> args;
      std::string message;
    };
    const std::vector<Case> cases{
        {{"import", "students", "big.csv"},
         "dormlink: error: big.csv is larger than 1 MiB, the limit per input file; is this the right file? "
         "If it is, split it or raise [limits] max_file_mib in the config\n"},
        {{"log-visit", "--from-csv", "big.csv"}, "big.csv is larger than 1 MiB, the limit per input file"},
        {{"import", "students", "cell.csv"},
         "dormlink: error: cell.csv:2: column 3: the cell is longer than 1 KiB, the limit per cell; is this "
         "the right file? If it is, raise [limits] max_cell_kib in the config\n"},
        {{"import", "dorms", "quoted.csv"}, "quoted.csv:2: column 1: the cell is longer than 1 KiB"},
        {{"import", "staff", "wide.csv"},
         "dormlink: error: wide.csv:3: the row has more than 20 columns, the limit per row; is this the right "
         "file? If it is, raise [limits] max_columns in the config\n"},
        {{"log-visit", "--from-csv", "cell.csv"}, "cell.csv:2: column 3: the cell is longer than 1 KiB"},
    };
    for (const auto& c : cases) {
      INFO(c.args[0], " ", c.args.back());
      auto r = box.run(with_limits(c.args));
      CHECK(r.exit_code == 65);
      CHECK(r.err.find(c.message) != std::string::npos);
      CHECK(r.out.empty());
    }
    auto piped = box.run_with_input(with_limits({"import", "students", "-"}), big);
    CHECK(piped.exit_code == 65);
    CHECK(piped.err ==
          "dormlink: error: standard input is larger than 1 MiB, the limit per input file; is "
          "this the right file? If it is, split it or raise [limits] max_file_mib in the config\n");
    auto piped_cell = box.run_with_input(with_limits({"log-visit", "--from-csv", "-"}),
                                         "党员姓名,时间," + std::string(2000, 'x') + "\n");
    CHECK(piped_cell.exit_code == 65);
    CHECK(piped_cell.err.find("<stdin>:1: column 3: the cell is longer than 1 KiB") != std::string::npos);
    CHECK(fingerprint(box) == before);
  }

  TEST_CASE("a FILE of - reads a roster or records from standard input, named <stdin>") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    auto r = box.run_with_input(at_college({"import", "students", "-", "--keep-missing"}),
                                student_roster("2026110199,林新,女,英语,1,英语2601,8-101,,群众,,,\n"));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("<stdin> [UTF-8]") != std::string::npos);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM import_batch WHERE source_name = '<stdin>'") == 1);
    auto bad = box.run_with_input(at_college({"import", "students", "-"}),
                                  student_roster("2026110198,林二,X,英语,1,,8-101,,,,,\n"));
    CHECK(bad.exit_code == 65);
    CHECK(bad.err.find("<stdin>:2: column \"性别\": unknown value \"X\"") != std::string::npos);
    auto records = box.run_with_input(at_college({"log-visit", "--from-csv", "-"}),
                                      "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型,工作进展及成效\n"
                                      "2024160203,,2026-09-07 12:30,,plan,每周走访两次\n");
    INFO(records.err);
    CHECK(records.exit_code == 0);
    CHECK(box.query_int("college.db", "SELECT count(*) FROM record") == 1);
  }

  TEST_CASE("a file of a thousand bad rows: the first 100 problems, then how many rows were not checked") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    std::string rows;
    for (int i = 0; i < 1000; ++i) rows += std::to_string(2026120000 + i) + ",林,X,英语,1,,8-101,,,,,\n";
    box.write("bad.csv", student_roster(rows));
    auto r = box.run(at_college({"import", "students", "bad.csv"}));
    CHECK(r.exit_code == 65);
    std::size_t located = 0;
    for (std::size_t at = r.err.find("bad.csv:"); at != std::string::npos; at = r.err.find("\nbad.csv:", at + 1))
      ++located;
    CHECK(located == 100);
    CHECK(r.err.find("bad.csv:101: column \"性别\"") != std::string::npos);
    CHECK(r.err.find("bad.csv:102:") == std::string::npos);
    CHECK(r.err.find("\n... checking stopped after 100 problems: 900 more rows from line 102 on were not "
                     "checked; fix these first\n"
                     "dormlink: error: bad.csv: at least 100 problems; nothing was imported\n") != std::string::npos);
  }

  TEST_CASE("hostile files under the default limits end in a clean exit 65 within bounded memory") {
    Sandbox box;
    dormlink::e2e::setup_example_college(box);
    const std::size_t size = 8 * 1024 * 1024;
    struct Hostile {
      const char* name;
      std::string content;
      std::string message;
    };
    std::vector<Hostile> files;
    files.push_back({"commas.csv", std::string(size, ','), "commas.csv:1: the row has more than 1000 columns"});
    std::string blank_lines;
    for (std::size_t i = 0; i < size / 2; ++i) blank_lines += ",\n";
    files.push_back({"blank.csv", std::move(blank_lines), "blank.csv: the file is empty; expected a header row"});
    std::string short_rows = k_students;
    while (short_rows.size() < size) short_rows += "x\n";
    files.push_back({"short.csv", std::move(short_rows), "... checking stopped after 100 problems"});
    files.push_back({"quoted.csv", "a,b\n\"" + std::string(size, 'q') + "\",1\n",
                     "quoted.csv:2: column 1: the cell is longer than 1 MiB, the limit per cell"});
    // Peak memory stays near the size of the file (bench/input_limits.sh measures it): the
    // binary, its libraries and 64 MiB of standard input fit in 256 MiB of address space;
    // before the limits an 8 MiB file of commas took a gigabyte.
    const long memory_kib = 256 * 1024;
    for (auto& f : files) {
      INFO(std::string(f.name));
      box.write(f.name, f.content);
      f.content.clear();
      f.content.shrink_to_fit();
      auto r = run_guarded(box, at_college({"import", "students", f.name}), memory_kib);
      CHECK(r.exit_code == 65);
      CHECK(r.err.find(f.message) != std::string::npos);
      std::filesystem::remove(box.path(f.name));
    }
    auto zero = run_guarded(box, at_college({"import", "students", "-"}), memory_kib, "< /dev/zero");
    CHECK(zero.exit_code == 65);
    CHECK(zero.err.find("standard input is larger than 64 MiB") != std::string::npos);
  }
}

TEST_SUITE("e2e.bad_input") {
  TEST_CASE("a config's problems read in Chinese by default and in English with --lang en, at the same places") {
    dormlink::e2e::Sandbox box;
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    std::string text = box.read("dormlink.toml");
    const auto duties = text.find("[duties]\n");
    REQUIRE(duties != std::string::npos);
    text.insert(duties + 9, "vists_per_week = 2\n");
    const auto weeks = text.find("teaching_weeks = ");
    REQUIRE(weeks != std::string::npos);
    text.replace(weeks, text.find('\n', weeks) - weeks, "teaching_weeks = 40");
    box.write("bad.toml", text);
    const std::map<std::string, std::string> zh{{"DORMLINK_MESSAGES", ""}};
    auto r = box.run({"--config", "bad.toml", "--db", "none.db", "check"}, zh);
    CHECK(r.exit_code == 78);
    CHECK(r.err.find("].teaching_weeks：40 不在 1 到 30 之间\n") != std::string::npos);
    CHECK(r.err.find(": [duties] 中有未知的键 \"vists_per_week\"；是否想写“visits_per_week”？\n") != std::string::npos);
    CHECK(r.err.find("dormlink: 错误：bad.toml：配置中有 2 个问题；未做任何操作\n") != std::string::npos);
    auto en = box.run({"--lang", "en", "--config", "bad.toml", "--db", "none.db", "check"}, zh);
    CHECK(en.exit_code == 78);
    CHECK(en.err.find("].teaching_weeks: 40 is not between 1 and 30\n") != std::string::npos);
    CHECK(en.err.find("unknown key \"vists_per_week\" in [duties]; did you mean \"visits_per_week\"?") !=
          std::string::npos);
    CHECK(en.err.find("dormlink: error: bad.toml: 2 problems in the config; nothing was done\n") != std::string::npos);
    // The places are the same in both languages.
    auto places = [](const std::string& err) {
      std::string out;
      for (std::size_t at = 0; (at = err.find("\nbad.toml:", at)) != std::string::npos; ++at)
        out += err.substr(at + 1, err.find(' ', at) - at - 1) + "\n";
      if (err.starts_with("bad.toml:")) out = err.substr(0, err.find(' ')) + "\n" + out;
      return out;
    };
    CHECK(places(r.err) == places(en.err));
  }
}
