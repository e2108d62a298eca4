// Every error path docs/messages.md lists ("Every error path, in both languages") runs twice, in
// Chinese and in English, on a copy of the example college: the exit code is the one documented,
// something is said on standard error, and every line of it is in the language asked for.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "harness.hpp"

using dormlink::e2e::Result;
using dormlink::e2e::Sandbox;

namespace {

struct ErrorPath {
  std::string line;  // as documented, after `dormlink`
  std::vector<std::string> words;
  int exit_code = 0;
};

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Splits a documented command line as sh would: spaces, "..." quoting.
std::vector<std::string> split_words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool quoted = false;
  bool in_word = false;
  for (const char c : line) {
    if (c == '"') {
      quoted = !quoted;
      in_word = true;
    } else if (c == ' ' && !quoted) {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

// The table of docs/messages.md's section "Every error path, in both languages".
std::vector<ErrorPath> documented_error_paths() {
  const std::string doc = slurp(std::filesystem::path(DORMLINK_SOURCE_DIR) / "docs" / "messages.md");
  const auto begin = doc.find("## Every error path, in both languages");
  REQUIRE(begin != std::string::npos);
  const auto end = doc.find("\n## ", begin + 1);
  std::istringstream section(doc.substr(begin, end - begin));
  const std::regex row(R"(^\| `(.*)` \| (\d+) \|$)");
  std::vector<ErrorPath> paths;
  for (std::string line; std::getline(section, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    paths.push_back({m.str(1), split_words(m.str(1)), std::stoi(m.str(2))});
  }
  return paths;
}

// Words that are the same in both languages: commands, values, formats, names of programs and
// encodings, the placeholders of a usage.
const std::set<std::string>& shared_words() {
  static const std::set<std::string> words{
      "dormlink",    "init",       "import",      "students", "dorms",     "staff",       "form",      "undo",
      "log",         "visit",      "withdraw",    "purge",    "assign",    "check",       "report",    "feedback",
      "summary",     "assessment", "inspection",  "export",   "members",   "assignments", "contacts",  "incidents",
      "calendar",    "draft",      "notify",      "roster",   "backup",    "verify",      "migrate",   "completion",
      "man",         "help",       "inspect",     "sample",   "record",    "bash",        "zsh",       "text",
      "md",          "csv",        "json",        "xlsx",     "html",      "pdf",         "zh",        "en",
      "utf",         "gbk",        "gb",          "excel",    "wps",       "libreoffice", "sqlite",    "toml",
      "sendmail",    "mbox",       "autumn",      "spring",   "counselor", "branch",      "committee", "member",
      "yyyy",        "mm",         "dd",          "hh",       "id",        "file",        "dir",       "who",
      "name",        "dorm",       "program",     "semester", "period",    "staff",       "mta",       "nobody",
      "bogus",       "carrier",    "fly",         "chek",     "summry",    "nosuch",      "fish",      "fr",
      "abc",         "zz",         "plan",        "talk",     "incident",  "excused",     "symposium", "activity",
      "orientation", "education",  "cultivation", "other"};
  return words;
}

bool is_cjk_or_fullwidth(unsigned char lead) { return lead >= 0xE3 && lead <= 0xEF; }

// The line with what is the same in both languages taken out: `code`, "values", “values”, file
// paths, options, toml++'s own syntax text inside 语法错误（…）.
std::string without_shared_parts(std::string line) {
  static const std::regex spans[] = {
      std::regex("`[^`]*`"),         std::regex("\"[^\"]*\""),
      std::regex("“[^”]*”"),         std::regex("语法错误（[^）]*）"),
      std::regex(R"(\S*[/.@_]\S*)"), std::regex(R"(--?[A-Za-z][\w-]*)"),
      std::regex(R"(\{[^}]*\})"),
  };
  for (const auto& span : spans) line = std::regex_replace(line, span, " ");
  return line;
}

// A run of two or more English words not shared by both languages: an untranslated message.
std::string english_run(const std::string& line) {
  const std::string text = without_shared_parts(line);
  int run = 0;
  std::string words;
  std::string word;
  auto end_word = [&] {
    if (word.size() < 2) {  // a letter alone: an abbreviation, a unit, a value
      word.clear();
      return;
    }
    std::string lower;
    for (const char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (shared_words().count(lower) == 0) {
      ++run;
      words += word + " ";
    }
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalpha(c) != 0) {
      word += static_cast<char>(c);
      continue;
    }
    end_word();
    if (run >= 2) return words;
    if (c >= 0x80 && is_cjk_or_fullwidth(c)) {
      run = 0;
      words.clear();
    }
  }
  end_word();
  return run >= 2 ? words : std::string();
}

// Chinese punctuation in an English line, outside quotes: a Chinese message.
bool chinese_punctuation(const std::string& line) {
  const std::string text = without_shared_parts(line);
  for (const char* mark : {"：", "；", "，", "。", "（", "）", "错误"}) {
    if (text.find(mark) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void write_fixtures(const Sandbox& box) {
  box.write("bad-students.csv",
            "学号,姓名,性别,专业,年级,班级,寝室,联系方式,政治面貌,党支部,重点关注,寝室长\n"
            "2026110199,测试甲,X,英语,1,英语2601,8-101,12345,群众,,,\n"
            "abc,测试乙,女,英语,1,英语2601,8-101,,群众,,,\n");
  box.write("bad-header.csv", "姓名,性别\n张三,男\n");
  box.write("broken.csv", "学号,姓名\n\x01\x02,\xff\n");
  box.write("bad-dorms.csv", "寝室,性别,容量\n8-101,女,abc\n");
  box.write("bad-staff.csv", "工号,姓名,角色,联系方式,负责年级,负责班级,党支部,邮箱\nT1,某人,校长,,,,,bad@\n");
  box.write("bad.toml", "[college]\nname = 3\nfoo = 1\n");
  box.write("bad-visits.csv",
            "党员姓名,联系寝室名称,时间,联系学生姓名及方式,类型\n"
            "李晴紫,10-106,明天,,visit\n"
            "无此人,99-999,2026-11-20 19:30,,fly\n");
  box.write("notes.txt", "hello\n");
  box.write("fake.xlsx", "not a workbook");
}

}  // namespace

TEST_SUITE("e2e.messages") {
  TEST_CASE("every documented error path speaks Chinese and English, with the documented exit code") {
    const auto paths = documented_error_paths();
    REQUIRE(paths.size() >= 80);
    // One college for all: an error leaves the database exactly as it was, which is checked too.
    Sandbox box;
    std::filesystem::copy_file(dormlink::e2e::example_college_db(), box.path("college.db"));
    box.copy_from_source("examples/dormlink.toml", "dormlink.toml");
    write_fixtures(box);
    const std::string before = box.read("college.db");
    for (const auto& path : paths) {
      for (const char* language : {"zh", "en"}) {
        CAPTURE(path.line);
        CAPTURE(language);
        const Result r = box.run(
            path.words,
            {{"DORMLINK_MESSAGES", language}, {"DORMLINK_DB", "college.db"}, {"DORMLINK_CONFIG", "dormlink.toml"}});
        CAPTURE(r.err);
        CHECK(r.exit_code == path.exit_code);
        CHECK_FALSE(r.err.empty());
        for (const auto& line : lines_of(r.err)) {
          CAPTURE(line);
          if (std::string(language) == "zh") {
            CHECK(english_run(line).empty());
          } else {
            CHECK_FALSE(chinese_punctuation(line));
          }
        }
      }
    }
    CHECK_MESSAGE(box.read("college.db") == before, "an error path changed the database");
  }

  TEST_CASE("the language check itself: an English sentence in Chinese is found, commands and values are not") {
    CHECK(english_run("dormlink: 错误：--member “x”：no current student has that id").size() > 0);
    CHECK(english_run("dormlink: 错误：命令行有误：The following argument was not expected: x").size() > 0);
    CHECK(
        english_run("dormlink: 错误：请运行 dormlink import undo 3 或 dormlink assign --semester 2027-spring").empty());
    CHECK(english_run("bad.toml:2:8: college.name：应为字符串，实际是整数").empty());
    CHECK(english_run("dormlink: 错误：--format 的值 pdf 无效；可选值为 {text,md,json,csv}").empty());
    CHECK(chinese_punctuation("dormlink: 错误：x"));
    CHECK_FALSE(chinese_punctuation("bad.csv:2: column \"联系寝室名称\": \"明天\" is not a date"));
  }
}
