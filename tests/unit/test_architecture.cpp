// Keeps the dependency rule of docs/architecture.md: each third-party library is included
// only by the module that owns it, and the pure core never includes store or config.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct IncludeRule {
  std::string needle;               // text of the #include
  std::vector<std::string> owners;  // path prefixes (relative to the repo) allowed to include it
};

std::vector<std::pair<std::string, std::string>> source_files() {
  std::vector<std::pair<std::string, std::string>> files;
  fs::path root(DORMLINK_SOURCE_DIR);
  for (const char* dir : {"src", "include"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path());
      std::ostringstream text;
      text << in.rdbuf();
      files.emplace_back(fs::relative(entry.path(), root).string(), text.str());
    }
  }
  return files;
}

bool owned(const std::string& path, const std::vector<std::string>& owners) {
  for (const auto& owner : owners) {
    if (path.rfind(owner, 0) == 0) return true;
  }
  return false;
}

}  // namespace

// Every test source (tests/unit, tests/cli) with its path relative to the repository.
std::vector<std::pair<std::string, std::string>> test_files() {
  std::vector<std::pair<std::string, std::string>> files;
  fs::path root(DORMLINK_SOURCE_DIR);
  for (const char* dir : {"tests/unit", "tests/cli"}) {
    for (const auto& entry : fs::directory_iterator(root / dir)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".cpp") continue;
      std::ifstream in(entry.path());
      std::ostringstream text;
      text << in.rdbuf();
      files.emplace_back(fs::relative(entry.path(), root).string(), text.str());
    }
  }
  return files;
}

TEST_SUITE("architecture") {
  TEST_CASE("test case names hold no semicolon, which CTest would split into a filter that runs nothing") {
    const auto files = test_files();
    CHECK(files.size() > 20);
    for (const auto& file : files) {
      const std::string& text = file.second;
      for (auto at = text.find("TEST_CASE(\""); at != std::string::npos; at = text.find("TEST_CASE(\"", at + 1)) {
        const auto end = text.find('"', at + 11);
        const auto name = text.substr(at + 11, end - at - 11);
        INFO(file.first << ": " << name);
        CHECK(name.find(';') == std::string::npos);
      }
    }
  }

  TEST_CASE("third-party libraries stay in their modules") {
    const std::vector<IncludeRule> rules{
        {"#include <SQLiteCpp/", {"src/store/"}},
        {"#include <sqlite3.h>", {"src/store/"}},
        {"#include <toml++/", {"src/config/validate.cpp"}},
        {"#include <CLI/", {"src/cli/"}},
        {"#include <unicode/", {"src/util/"}},
        {"#include <iconv.h>", {"src/util/encoding.cpp"}},
        {"#include <nettle/", {"src/records/chain.cpp", "src/mail/message.cpp"}},
        {"#include <xlsxwriter", {"src/xlsx/"}},
        {"#include <unzip.h>", {"src/xlsx/read.cpp"}},
        {"#include <ioapi.h>", {"src/xlsx/read.cpp"}},
        {"#include <minizip/", {"src/xlsx/read.cpp"}},
        {"#include <expat", {"src/xlsx/read.cpp"}},
        {"#include <nlohmann/", {"src/report/", "include/dormlink/report/json.hpp"}},
    };
    auto files = source_files();
    CHECK(files.size() > 30);
    // Not a structured binding: clang 14 cannot capture one in INFO's lambda.
    for (const auto& file : files) {
      const std::string& path = file.first;
      const std::string& text = file.second;
      for (const auto& rule : rules) {
        INFO(path, " includes ", rule.needle);
        CHECK((text.find(rule.needle) == std::string::npos || owned(path, rule.owners)));
      }
    }
  }

  TEST_CASE("the pure core includes neither store nor config, and never reads the clock") {
    for (const auto& file : source_files()) {
      const std::string& path = file.first;
      const std::string& text = file.second;
      bool core = path.rfind("src/roster/", 0) == 0 || path.rfind("src/report/", 0) == 0 ||
                  path.rfind("src/assign/", 0) == 0 || path.rfind("src/records/", 0) == 0 ||
                  path.rfind("include/dormlink/assign/", 0) == 0 || path.rfind("include/dormlink/records/", 0) == 0 ||
                  path == "src/when.cpp" || path.rfind("include/dormlink/roster/", 0) == 0 ||
                  path.rfind("include/dormlink/report/", 0) == 0 || path == "src/calendar.cpp" ||
                  path == "src/model.cpp";
      if (!core) continue;
      INFO(path);
      CHECK(text.find("dormlink/store/") == std::string::npos);
      CHECK(text.find("dormlink/config.hpp") == std::string::npos);
      CHECK(text.find("system_clock::now") == std::string::npos);
    }
  }

  TEST_CASE("the rules (check, inspect) read the config but never the store or the clock") {
    for (const auto& file : source_files()) {
      const std::string& path = file.first;
      const std::string& text = file.second;
      bool rules = path.rfind("src/check/", 0) == 0 || path.rfind("include/dormlink/check/", 0) == 0 ||
                   path.rfind("src/inspect/", 0) == 0 || path.rfind("include/dormlink/inspect/", 0) == 0;
      if (!rules) continue;
      INFO(path);
      CHECK(text.find("dormlink/store/") == std::string::npos);
      CHECK(text.find("system_clock::now") == std::string::npos);
      CHECK(text.find("getenv") == std::string::npos);
    }
  }

  TEST_CASE("only main.cpp touches the process's standard streams") {
    for (const auto& file : source_files()) {
      const std::string& path = file.first;
      const std::string& text = file.second;
      if (path == "src/main.cpp") continue;
      INFO(path);
      CHECK(text.find("std::cout") == std::string::npos);
      CHECK(text.find("std::cerr") == std::string::npos);
    }
  }

  TEST_CASE("the store never includes the reports: it loads records, reports show them") {
    for (const auto& file : source_files()) {
      const std::string& path = file.first;
      const std::string& text = file.second;
      if (path.rfind("src/store/", 0) != 0 && path.rfind("include/dormlink/store/", 0) != 0) continue;
      INFO(path);
      CHECK(text.find("dormlink/report/") == std::string::npos);
      CHECK(text.find("dormlink/xlsx/") == std::string::npos);
      CHECK(text.find("dormlink/cli/") == std::string::npos);
    }
  }
}
