// End-to-end: reports and exports as CSV (one --sheet) and Excel (every sheet) on the example
// college with its semester of records. The Excel file read back holds exactly the cells the
// CSV of each sheet holds; the committee's workbook names no attention student; files are
// 0600, never overwritten without --force, byte-identical for the same --as-of.
#include <doctest/doctest.h>

#include <cstdlib>
#include <functional>
#include <regex>
#include <set>

#include <sys/stat.h>

#include "dormlink/util/csv.hpp"
#include "harness.hpp"
#include "xlsx_reader.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

std::vector<std::string> at(const char* as_of, std::vector<std::string> more) {
  std::vector<std::string> all{"--db", "college.db", "--as-of", as_of};
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

Result run_ok(const Sandbox& box, const std::vector<std::string>& args) {
  auto r = box.run(args);
  INFO(args[4] << " " << (args.size() > 5 ? args[5] : "") << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

// The example college with the semester's records and one inspection.
const Sandbox& college() {
  static Sandbox box;
  static bool ready = false;
  if (!ready) {
    dormlink::e2e::setup_example_college(box);
    box.copy_from_source("examples/college/records-2026-autumn.csv", "records.csv");
    run_ok(box, at("2026-09-07", {"-q", "assign", "--semester", "2026-autumn"}));
    run_ok(box, at("2026-11-27", {"-q", "log-visit", "--from-csv", "records.csv"}));
    run_ok(box, at("2026-11-10", {"-q", "inspect", "sample", "--size", "6", "--seed", "7"}));
    ready = true;
  }
  return box;
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  const auto parsed = dormlink::util::parse_csv(text, "out.csv");
  std::vector<std::vector<std::string>> rows{parsed.header.fields};
  for (const auto& r : parsed.records()) rows.push_back(r.fields);
  return rows;
}

// Every sheet of the workbook equals `csv_of(key)` cell for cell (numbers by value).
void same_cells(const std::string& xlsx_bytes, const std::vector<std::string>& keys,
                const std::function<std::string(const std::string&)>& csv_of) {
  const auto sheets = dormlink::testing::read_xlsx(xlsx_bytes);
  REQUIRE(sheets.size() == keys.size());
  for (std::size_t s = 0; s < keys.size(); ++s) {
    const auto want = csv_rows(csv_of(keys[s]));
    const auto& got = sheets[s].rows;
    INFO("sheet ", keys[s], " (", sheets[s].name, ")");
    REQUIRE(got.size() == want.size());
    for (std::size_t r = 0; r < want.size(); ++r) {
      for (std::size_t c = 0; c < want[r].size(); ++c) {
        const dormlink::testing::XlsxCell empty;
        const auto& cell = c < got[r].size() ? got[r][c] : empty;
        INFO("row ", r + 1, " column ", c + 1);
        if (cell.number) {
          CHECK(std::strtod(cell.text.c_str(), nullptr) == doctest::Approx(std::strtod(want[r][c].c_str(), nullptr)));
        } else {
          CHECK(cell.text == want[r][c]);
        }
      }
      CHECK(got[r].size() <= want[r].size());
    }
  }
}

// Attention students who are not members (a member is named as a member, not as a student
// whose categories are known), from the sensitive export.
std::set<std::string> attention_students(const Sandbox& box) {
  const auto r = box.run(at("2026-11-16", {"export", "students", "--raw", "--include-sensitive", "--reason", "test"}));
  REQUIRE(r.exit_code == 0);
  const auto parsed = dormlink::util::parse_csv(r.out, "students.csv");
  std::size_t name = 99, attention = 99, status = 99;
  for (std::size_t i = 0; i < parsed.header.fields.size(); ++i) {
    if (parsed.header.fields[i] == "姓名") name = i;
    if (parsed.header.fields[i] == "重点关注") attention = i;
    if (parsed.header.fields[i] == "政治面貌") status = i;
  }
  REQUIRE(name != 99);
  REQUIRE(attention != 99);
  REQUIRE(status != 99);
  std::set<std::string> out;
  for (const auto& f : parsed.records()) {
    if (f.fields[attention].empty() || f.fields[status].find("中共") != std::string::npos) continue;
    out.insert(f.fields[name]);
  }
  return out;
}

}  // namespace

TEST_SUITE("e2e.sheets") {
  // One test case, so the example college is built once per run (ctest runs each test case in
  // its own process); each SUBCASE runs on the same database.
  TEST_CASE("reports and exports as CSV and Excel on the example college") {
    SUBCASE("report summary: the Excel workbook holds exactly the cells of each CSV sheet") {
      const auto& box = college();
      const std::vector<std::string> base{"report",   "summary", "--counselor", "T2024001",
                                          "--period", "5",       "--audience",  "counselor"};
      auto args = at("2026-11-16", base);
      args.insert(args.end(), {"--format", "xlsx", "-o", "summary.xlsx"});
      run_ok(box, args);
      same_cells(box.read("summary.xlsx"),
                 {"members", "dorms", "overdue", "categories", "concerns", "attention", "changes", "overview"},
                 [&](const std::string& key) {
                   auto a = at("2026-11-16", base);
                   a.insert(a.end(), {"--format", "csv", "--raw", "--sheet", key});
                   return run_ok(box, a).out;
                 });
      // The default CSV is the first sheet, for Excel: BOM and CRLF.
      auto a = at("2026-11-16", base);
      a.insert(a.end(), {"--format", "csv"});
      const auto excel = run_ok(box, a).out;
      CHECK(excel.rfind("\xEF\xBB\xBF党员,学号,", 0) == 0);
      CHECK(excel.find("\r\n") != std::string::npos);
    }

    SUBCASE("report feedback --all: one workbook with every member's rows; --out-dir one file each") {
      const auto& box = college();
      const std::vector<std::string> base{"report", "feedback", "--all", "--counselor", "T2024001", "--period", "5"};
      auto args = at("2026-11-16", base);
      args.insert(args.end(), {"--format", "xlsx", "-o", "forms.xlsx"});
      run_ok(box, args);
      same_cells(box.read("forms.xlsx"), {"contacts", "required", "missing", "form", "cultivation", "cases"},
                 [&](const std::string& key) {
                   auto a = at("2026-11-16", base);
                   a.insert(a.end(), {"--format", "csv", "--raw", "--sheet", key});
                   return run_ok(box, a).out;
                 });
      const auto sheets = dormlink::testing::read_xlsx(box.read("forms.xlsx"));
      CHECK(sheets[0].name == "反馈表");
      CHECK(sheets[0].rows[0][0].text == "党员学号");
      std::set<std::string> members;
      for (std::size_t r = 1; r < sheets[3].rows.size(); ++r) members.insert(sheets[3].rows[r][0].text);
      CHECK(members.size() == sheets[3].rows.size() - 1);  // one header row per member
      CHECK(members.size() > 10);

      std::filesystem::create_directory(box.path("out"));
      auto dir = at("2026-11-16", base);
      dir.insert(dir.end(), {"--format", "xlsx", "--out-dir", "out"});
      run_ok(box, dir);
      std::size_t files = 0;
      for (const auto& entry : std::filesystem::directory_iterator(box.path("out"))) {
        ++files;
        CHECK(entry.path().extension() == ".xlsx");
        CHECK(entry.path().filename().string().rfind("feedback-", 0) == 0);
      }
      CHECK(files == members.size());
    }

    SUBCASE("report assessment and inspection, export assessment: Excel equals CSV") {
      const auto& box = college();
      for (const auto& [kind, keys] : std::vector<std::pair<std::string, std::vector<std::string>>>{
               {"assessment",
                {"summary", "components", "lost", "contradicted", "incidents", "observations", "cultivation", "marks"}},
               {"inspection", {"samples", "findings", "rates", "flagged", "observations"}}}) {
        const std::vector<std::string> base{"report", kind, "--semester", "2026-autumn"};
        auto args = at("2026-11-16", base);
        args.insert(args.end(), {"--format", "xlsx", "-o", kind + ".xlsx"});
        run_ok(box, args);
        same_cells(box.read(kind + ".xlsx"), keys, [&](const std::string& key) {
          auto a = at("2026-11-16", base);
          a.insert(a.end(), {"--format", "csv", "--raw", "--sheet", key});
          return run_ok(box, a).out;
        });
      }
      const auto samples = dormlink::testing::read_xlsx(box.read("inspection.xlsx"));
      CHECK(samples[0].rows.size() == 2);  // the one sample drawn

      run_ok(box, at("2026-11-16",
                     {"export", "assessment", "--semester", "2026-autumn", "--format", "xlsx", "-o", "export.xlsx"}));
      same_cells(box.read("export.xlsx"), {"assessment"}, [&](const std::string&) {
        return run_ok(box, at("2026-11-16", {"export", "assessment", "--semester", "2026-autumn", "--raw"})).out;
      });
      // The export's scores are the report's.
      const auto report = dormlink::testing::read_xlsx(box.read("assessment.xlsx"))[0];
      const auto exported = dormlink::testing::read_xlsx(box.read("export.xlsx"))[0];
      REQUIRE(report.rows.size() == exported.rows.size());
      CHECK(report.rows[1][1].text == exported.rows[1][0].text);          // member id
      CHECK(report.rows[1].back().text == exported.rows[1].back().text);  // band
      const auto json =
          run_ok(box, at("2026-11-16", {"export", "assessment", "--semester", "2026-autumn", "--format", "json"})).out;
      // Points and scores are JSON numbers, ids stay strings.
      CHECK(std::regex_search(json, std::regex("\"score\": [0-9]")));
      CHECK(std::regex_search(json, std::regex("\"visits\": [0-9]")));
      CHECK(json.find("\"score\": \"") == std::string::npos);
      CHECK(std::regex_search(json, std::regex("\"member_id\": \"[0-9]+\"")));
    }

    SUBCASE("export students and contacts: ids and phones keep their digits as text cells") {
      const auto& box = college();
      for (const char* table : {"students", "contacts", "incidents", "dorms", "members"}) {
        run_ok(box, at("2026-11-16", {"export", table, "--format", "xlsx", "-o", std::string(table) + ".xlsx"}));
        same_cells(box.read(std::string(table) + ".xlsx"), {table}, [&](const std::string&) {
          return run_ok(box, at("2026-11-16", {"export", table, "--raw"})).out;
        });
      }
      const auto students = dormlink::testing::read_xlsx(box.read("students.xlsx"))[0];
      for (std::size_t r = 1; r < students.rows.size(); ++r)
        for (const auto& cell : students.rows[r]) CHECK_FALSE(cell.number);
    }

    SUBCASE("the committee's workbook names no attention student") {
      const auto& box = college();
      const auto names = attention_students(box);
      REQUIRE(names.size() >= 5);
      run_ok(box, at("2026-11-16", {"report", "summary", "--counselor", "T2024001", "--period", "5", "--format", "xlsx",
                                    "-o", "committee.xlsx"}));
      std::size_t cells = 0;
      for (const auto& sheet : dormlink::testing::read_xlsx(box.read("committee.xlsx"))) {
        if (sheet.name == "重点关注学生" || sheet.name == "仍逾期事项") CHECK(sheet.rows.size() == 1);  // header only
        for (const auto& row : sheet.rows) {
          for (const auto& cell : row) {
            ++cells;
            for (const auto& name : names) CHECK_MESSAGE(cell.text.find(name) == std::string::npos, name);
          }
        }
      }
      CHECK(cells > 100);
    }

    SUBCASE("files: 0600, refused without --force, the same bytes for the same --as-of") {
      const auto& box = college();
      const auto args = at(
          "2026-11-16", {"report", "assessment", "--semester", "2026-autumn", "--format", "xlsx", "-o", "same.xlsx"});
      run_ok(box, args);
      struct stat st {};
      REQUIRE(::stat(box.path("same.xlsx").c_str(), &st) == 0);
      CHECK((st.st_mode & 0777) == 0600);
      const auto first = box.read("same.xlsx");
      auto again = box.run(args);
      CHECK(again.exit_code == 73);
      CHECK(box.read("same.xlsx") == first);
      auto forced = args;
      forced.push_back("--force");
      run_ok(box, forced);
      CHECK(box.read("same.xlsx") == first);
      // -o - pipes the bytes.
      auto piped =
          at("2026-11-16", {"report", "assessment", "--semester", "2026-autumn", "--format", "xlsx", "-o", "-"});
      CHECK(run_ok(box, piped).out == first);
    }

    SUBCASE("usage errors: xlsx to a terminal, unknown sheet, sheet with md, submit as csv") {
      const auto& box = college();
      const auto bad = [&](std::vector<std::string> more, const std::string& says) {
        auto r = box.run(at("2026-11-16", std::move(more)));
        INFO(r.err);
        CHECK(r.exit_code == 64);
        CHECK(r.err.find(says) != std::string::npos);
        CHECK(r.out.empty());
      };
      bad({"report", "assessment", "--semester", "2026-autumn", "--format", "xlsx"}, "-o FILE");
      bad({"export", "students", "--format", "xlsx"}, "-o FILE");
      bad({"report", "assessment", "--semester", "2026-autumn", "--format", "csv", "--sheet", "nope"},
          "summary, components, lost, contradicted");
      bad({"report", "assessment", "--semester", "2026-autumn", "--sheet", "summary"}, "--format csv");
      bad({"report", "summary", "--counselor", "T2024001", "--period", "5", "--format", "xlsx", "--submit", "-o",
           "x.xlsx"},
          "Markdown or JSON");
      bad({"export", "students", "--format", "xlsx", "--raw", "-o", "x.xlsx"}, "--raw");
      bad({"export", "assessment", "--semester", "nope", "--format", "csv"}, "--semester \"nope\": no such semester");
      CHECK_FALSE(std::filesystem::exists(box.path("x.xlsx")));
    }
  }
}
